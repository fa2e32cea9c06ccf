/** Tag and quota schemas (ZH/EN §4.3): limits, charsets, defaults and the docs' own quirks. */
import { describe, expect, it } from "vitest";
import {
  ListResourcesByTagsQuery,
  TAG_RESOURCE_TYPES,
  TagResourcePathParams,
  TagResourceTypePathParams,
} from "../../sdk/schemas/common";
import { validate } from "../../sdk/schemas/validate";
import { commonOperations } from "../../sdk/spec/common";

const body = (op: keyof typeof commonOperations) => (commonOperations[op] as { body?: import("zod").ZodType }).body!;
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));

function issues(op: keyof typeof commonOperations, input: unknown) {
  const r = validate(body(op), input);
  return r.success ? [] : r.issues.map((i) => [i.field, i.rule] as const);
}

describe("batch add / delete tags (T3, T4)", () => {
  it("accept up to 20 tags, value optional", () => {
    expect(issues("batchCreateResourceTags", { tags: tags(20) })).toEqual([]);
    expect(issues("batchDeleteResourceTags", { tags: [{ key: "key1" }] })).toEqual([]);
  });
  it("reject a 21st tag", () => {
    expect(issues("batchCreateResourceTags", { tags: tags(21) })).toEqual([
      ["tags", expect.stringMatching(/at most 20 tags/)],
    ]);
  });
  it("reject a missing key, bad characters, leading spaces and _sys_ keys", () => {
    expect(issues("batchCreateResourceTags", { tags: [{ value: "v" }] })[0]?.[0]).toBe("tags[0].key");
    expect(issues("batchCreateResourceTags", { tags: [{ key: "a#b" }] })).toEqual([
      ["tags[0].key", expect.stringMatching(/1-128 characters/)],
    ]);
    expect(issues("batchCreateResourceTags", { tags: [{ key: " k" }] })).toEqual([
      ["tags[0].key", expect.stringMatching(/starting or ending with a space/)],
    ]);
    expect(issues("batchDeleteResourceTags", { tags: [{ key: "_sys_k" }] })).toEqual([
      ["tags[0].key", expect.stringMatching(/_sys_/)],
    ]);
    expect(issues("batchCreateResourceTags", { tags: [{ key: "k", value: "x".repeat(256) }] })).toEqual([
      ["tags[0].value", expect.stringMatching(/0-255 characters/)],
    ]);
  });
  it("accept the EN charset: letters of any language, digits, spaces and _ . : = + - @ (values also /)", () => {
    expect(issues("batchCreateResourceTags", { tags: [{ key: "env:prod_1.a=b+c-d@e 标签", value: "a/b" }] })).toEqual(
      [],
    );
  });
  it("reject undocumented fields", () => {
    expect(issues("batchCreateResourceTags", { tags: [], extra: 1 })).toEqual([
      ["extra", "is not a documented field of this request"],
    ]);
    expect(issues("batchDeleteResourceTags", { tags: [{ key: "k", values: ["v"] }] })).toEqual([
      ["tags[0].values", "is not a documented field of this request"],
    ]);
  });
});

describe("resources by tags (T1, T2)", () => {
  const filter = (n: number, values = 1) =>
    Array.from({ length: n }, (_, i) => ({ key: `k${i}`, values: Array.from({ length: values }, (_, j) => `v${j}`) }));
  it("accept 20 filters of 20 values, empty values meaning any value, and a resource_name match", () => {
    expect(
      issues("listResourcesByTags", { tags: filter(20, 20), matches: [{ key: "resource_name", value: "r1" }] }),
    ).toEqual([]);
    expect(issues("countResourcesByTags", { tags: [{ key: "k", values: [] }] })).toEqual([]);
  });
  it("reject 21 filters, 21 values, another match key", () => {
    expect(issues("listResourcesByTags", { tags: filter(21) })).toEqual([
      ["tags", expect.stringMatching(/at most 20 tags/)],
    ]);
    expect(issues("countResourcesByTags", { tags: filter(1, 21) })).toEqual([
      ["tags[0].values", expect.stringMatching(/at most 20 values/)],
    ]);
    expect(issues("listResourcesByTags", { matches: [{ key: "resource_id", value: "x" }] })).toEqual([
      ["matches[0].key", expect.stringMatching(/resource_name/)],
    ]);
  });
  it('read without_any_tag as a boolean, including the docs\' string "false"', () => {
    expect(body("listResourcesByTags").parse({ without_any_tag: "false" })).toEqual({ without_any_tag: false });
    expect(body("countResourcesByTags").parse({ without_any_tag: true })).toEqual({ without_any_tag: true });
    expect(issues("listResourcesByTags", { without_any_tag: "no" })[0]?.[0]).toBe("without_any_tag");
  });
  it("page with limit 1-1000 (default 1000) and offset ≥ 0 (default 0)", () => {
    expect(ListResourcesByTagsQuery.parse({})).toEqual({ limit: 1000, offset: 0 });
    expect(ListResourcesByTagsQuery.parse({ limit: "5", offset: "10" })).toEqual({ limit: 5, offset: 10 });
    for (const bad of [{ limit: "0" }, { limit: "1001" }, { offset: "-1" }]) {
      const r = validate(ListResourcesByTagsQuery, bad);
      expect(r.success ? [] : r.issues.map((i) => i.rule)).toEqual([expect.stringMatching(/ZH\/EN 4\.3\.2\.1/)]);
    }
  });
});

describe("tag path parameters", () => {
  it("take the four documented resource types, the P2C one plural", () => {
    expect(TAG_RESOURCE_TYPES).toEqual(["vpn-gateway", "customer-gateway", "vpn-connection", "p2c-vpn-gateways"]);
    expect(TagResourceTypePathParams.safeParse({ resource_type: "p2c-vpn-gateways" }).success).toBe(true);
    const r = validate(TagResourcePathParams, { resource_type: "p2c-vpn-gateway", resource_id: "x" });
    expect(r.success ? [] : r.issues.map((i) => i.field)).toEqual(["resource_type"]);
  });
});
