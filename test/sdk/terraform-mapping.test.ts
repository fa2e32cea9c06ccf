/**
 * The README's "Terraform to this package" table: every resource and data source of the Terraform provider's VPN
 * service (test/fixtures/terraform, written from that provider's file listing) has a row, and every name the
 * table gives for it exists here: an exported resource, action or function class of the provider, or an
 * operation of the SDK's table.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as provider from "../../provider";
import { actionSpecs, type ActionSpec } from "../../sdk/spec/actions";
import { operations } from "../../sdk/spec/operations";

const tf = JSON.parse(readFileSync(join(__dirname, "../fixtures/terraform/vpn-resources.json"), "utf8")) as {
  resources: string[];
  dataSources: string[];
};
const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
const table = readme.slice(readme.indexOf("### Terraform to this package"));
const rows = table
  .split("\n")
  .filter((l) => l.startsWith("| `huaweicloud_") || l.startsWith("| —"))
  .map((l) => l.split("|").map((c) => c.trim()));

describe("the README's Terraform mapping", () => {
  it.each([...tf.resources, ...tf.dataSources])("%s has a row", (name) => {
    expect(rows.some((r) => r[1]!.startsWith(`\`${name}\``))).toBe(true);
  });

  it("names only what exists: provider exports and SDK operations", () => {
    const known = new Set([...Object.keys(provider), ...Object.keys(operations)]);
    const named = rows.flatMap((r) => [...r[2]!.matchAll(/`([A-Za-z][A-Za-z0-9.]*)`/g)].map((m) => m[1]!.split(".")[0]!));
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((n) => !known.has(n))).toEqual([]);
  });

  it("every resource and action class of the provider appears in it", () => {
    const classes = Object.entries(provider)
      .filter(([, v]) => typeof v === "function" && typeof (v as { __pulumiType?: unknown }).__pulumiType === "string")
      .map(([k]) => k);
    expect(classes.length).toBe(19); // 12 resources, 7 actions
    for (const c of classes) expect(table, c).toContain(`\`${c}\``);
  });

  it.each((Object.values(actionSpecs) as ActionSpec[]).filter((a) => a.terraform))("$terraform maps to the action $className", (a) => {
    const row = rows.find((r) => r[1] === `\`${a.terraform}\``);
    expect(row?.[2]).toBe(`\`${a.className}\``);
    expect(row?.[3]).toBe("action");
  });
});
