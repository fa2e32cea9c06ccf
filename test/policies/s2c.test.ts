import { describe, expect, it } from "vitest";
import "../../policies/lib";
import { s2cCases } from "./cases-s2c";
import { onResource, policyNamed, violations } from "./cases";
import { expectNone, expectViolation } from "./util";
import { with_ } from "./fixtures";

describe.each(s2cCases)("$policy", (c) => {
  it("passes the happy path", async () => {
    expectNone(await violations(policyNamed(c.policy), c.pass));
  });
  it("reports the broken rule with field, value and citation", async () => {
    const all = await violations(policyNamed(c.policy), c.fail);
    expectViolation(onResource(all, c.on), ...c.expect);
  });
});

describe("vpn-subnets-network-address on a gateway", () => {
  it("reports a local subnet written with host bits, with the network to write instead", async () => {
    const all = await violations(policyNamed("vpn-subnets-network-address"), { kind: "vpnGateway", props: with_("vpnGateway", { localSubnets: ["192.168.0.0/24", "192.168.1.1/24"] }) });
    expectViolation(all, 'localSubnets[1] (local_subnets[1]): "192.168.1.1/24"', "write 192.168.1.0/24");
    expect(all).toHaveLength(1);
  });
});
