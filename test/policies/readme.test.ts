/** policies/README.md lists every registered policy with its default level. */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";
import { registeredPolicies } from "../../policies/lib";

it("the README has a row for every policy, with its default level", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, "../../policies/README.md"), "utf8");
  const rows = new Map<string, string>();
  for (const line of readme.split("\n")) {
    const m = /^\| `([a-z0-9-]+)` \|/.exec(line);
    if (m) rows.set(m[1]!, line);
  }
  const policies = [...registeredPolicies().values()];
  for (const p of policies) {
    const row = rows.get(p.name);
    expect([...rows.keys()], `${p.name} missing from README`).toContain(p.name);
    expect(row!.split("|").map((c) => c.trim()), p.name).toContain(p.enforcementLevel);
  }
  expect([...rows.keys()].filter((n) => !policies.some((p) => p.name === n))).toEqual([]);
  const mandatory = policies.filter((p) => p.enforcementLevel === "mandatory").length;
  expect(readme).toContain(`${policies.length} policies: ${mandatory} mandatory, ${policies.length - mandatory} advisory`);
});
