/**
 * The generated TypeScript surface (provider/generated) is what scripts/gen-types.ts makes from the schemas, kinds
 * and field docs now: regenerating changes nothing, so the committed types cannot drift from the source of truth.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, undocumented } from "../../scripts/gen-types";

const root = path.resolve(__dirname, "../..");

describe("generated types", () => {
  const files = generate();

  it("are committed as generated (run `npm run gen:types` after changing schemas, kinds or docs)", () => {
    expect(Object.keys(files).sort()).toEqual([
      "provider/generated/classes.ts",
      "provider/generated/inputs.ts",
      "provider/generated/outputs.ts",
      "sdk/generated/wire.ts",
    ]);
    for (const [rel, text] of Object.entries(files)) expect(fs.readFileSync(path.join(root, rel), "utf8"), rel).toBe(text);
  });

  const code = (rel: string) => files[rel]!.replace(/\/\*\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

  it("contain no any/unknown and no zod (the provider's)", () => {
    for (const rel of Object.keys(files).filter((f) => f.startsWith("provider/"))) {
      expect(code(rel).match(/\b(any|unknown)\b/g) ?? [], rel).toEqual([]);
      expect(code(rel), rel).not.toMatch(/zod/);
    }
  });

  it("declare the SDK's schemas with plain types, without zod or any (unknown only where a schema is z.unknown())", () => {
    const wire = code("sdk/generated/wire.ts");
    expect(wire).not.toMatch(/zod/);
    expect(wire.match(/\bany\b/g) ?? []).toEqual([]);
    // Each operation of the table is typed; a paginated one names its list.
    expect(wire).toMatch(/readonly createVgw: OperationSpec & \{/);
    expect(wire).toMatch(/readonly body: Schema<CreateVgwRequestBody, CreateVgwRequestBodyInput>;/);
    expect(wire).toMatch(/readonly pagination: \{ readonly style: "marker"; readonly listKey: "customer_gateways"/);
    expect(wire).toMatch(/^export const ResponseVpnGateway: Schema<ResponseVpnGateway, ResponseVpnGatewayInput> = s2c\.ResponseVpnGateway;$/m);
  });

  it("put pulumi.Input at every level of the arguments (no bare array or object type)", () => {
    const inputs = files["provider/generated/inputs.ts"]!;
    const props = inputs.match(/^ {2}\w+\??: .*;$/gm) ?? [];
    expect(props.length).toBeGreaterThan(150);
    const bare = props.filter((p) => !/: pulumi\.Input<.*>;$/.test(p));
    expect(bare).toEqual([]);
    // Arrays are arrays of Inputs, records are maps of Inputs.
    expect(inputs).not.toMatch(/pulumi\.Input<(string|number|boolean)\[\]>/);
    expect(inputs).toMatch(/localSubnets\?: pulumi\.Input<pulumi\.Input<string>\[\]>;/);
    expect(inputs).toMatch(/eip1\?: pulumi\.Input<VpnGatewayEip1Args>;/);
  });

  it("document the properties they could not find a field doc for: none but those listed", () => {
    // Everything the schemas have is documented in sdk/spec/docs; a new field without a doc shows up here.
    expect(undocumented()).toEqual([]);
  });
});
