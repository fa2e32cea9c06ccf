import { describe, it } from "vitest";
import "../../policies/lib";
import { p2cCases } from "./cases-p2c";
import { onResource, policyNamed, violations } from "./cases";
import { expectNone, expectViolation } from "./util";

describe.each(p2cCases)("$policy", (c) => {
  it("passes the happy path", async () => {
    expectNone(await violations(policyNamed(c.policy), c.pass));
  });
  it("reports the broken rule with field, value and citation", async () => {
    const all = await violations(policyNamed(c.policy), c.fail);
    expectViolation(onResource(all, c.on), ...c.expect);
  });
});
