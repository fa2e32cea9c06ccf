/**
 * Every documented example of the P2C, quota and tag operations (test/fixtures/examples/{p2c,common}) against the
 * operation table's schemas: requests validate, responses parse and keep every field.
 */
import { z } from "zod";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../sdk/schemas/validate";
import { commonOperations } from "../../sdk/spec/common";
import { p2cOperations } from "../../sdk/spec/p2c";
import type { OperationSpec } from "../../sdk/spec/types";

interface Fixture {
  file: string;
  operation: string;
  source: string;
  kind: "request" | "response" | "error";
  status?: number;
  pathParams?: Record<string, string>;
  query?: Record<string, unknown>;
  /** Dotted paths whose documented values are masks (`*****`), not real values. */
  masked?: string[];
  /** Fields at which a documented example contradicts its own parameter table (the schema follows the table). */
  rejectedAt?: string[];
  note?: string;
  body?: unknown;
}

const ROOT = path.join(__dirname, "..", "fixtures", "examples");
const table: Record<string, OperationSpec> = { ...p2cOperations, ...commonOperations };

function load(area: string): Fixture[] {
  const dir = path.join(ROOT, area);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      file: `${area}/${f}`,
      ...(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Omit<Fixture, "file">),
    }));
}

const fixtures = [...load("p2c"), ...load("common")];

/** Sets a value at `a.b[0].c`. */
function setAt(obj: unknown, dotted: string, value: unknown): void {
  const parts = dotted.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "");
  let cur = obj as Record<string, unknown>;
  for (const p of parts.slice(0, -1)) cur = cur[p] as Record<string, unknown>;
  cur[parts[parts.length - 1]!] = value;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A value that satisfies the password rules, standing in for the docs' `*****` masks. */
const UNMASKED = "Example#Passw0rd";

describe("P2C and common example fixtures", () => {
  it("are named after their operation and numbered per operation", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
    for (const f of fixtures) {
      expect(path.basename(f.file)).toMatch(new RegExp(`^${f.operation}\\.\\d+\\.json$`));
      expect(Object.keys(table), `${f.file}: unknown operation`).toContain(f.operation);
      expect(["request", "response", "error"]).toContain(f.kind);
      expect(f.source).toMatch(/(ZH|EN) \d/);
    }
  });

  it("exist for every documented operation that has a body or a response", () => {
    const withExamples = new Set(fixtures.map((f) => f.operation));
    const documented = Object.entries(table).filter(([, op]) => op.documented !== "undocumented");
    const missing = documented
      .filter(([key, op]) => (op.body !== undefined || op.response !== undefined) && !withExamples.has(key))
      .map(([key]) => key);
    expect(missing.sort()).toEqual([]);
  });

  const requests = fixtures.filter((f) => f.kind === "request" && !f.rejectedAt);
  it.each(requests.map((f) => [f.file, f] as const))("request %s validates", (_file, f) => {
    const op = table[f.operation]!;
    if (f.query !== undefined) {
      expect(op.query, "operation has a query schema").toBeInstanceOf(z.ZodType);
      const q = validate(op.query!, f.query);
      expect(q.success ? [] : q.issues).toEqual([]);
    }
    if (f.body === undefined) return;
    expect(op.body, "operation has a body schema").toBeInstanceOf(z.ZodType);
    const body = clone(f.body);
    for (const m of f.masked ?? []) setAt(body, m, UNMASKED);
    const r = validate(op.body!, body, op.secretFields);
    expect(r.success ? [] : r.issues).toEqual([]);
  });

  const masked = requests.filter((f) => f.masked?.length);
  it.each(masked.map((f) => [f.file, f] as const))(
    "request %s as printed is rejected only at its masks",
    (_file, f) => {
      const op = table[f.operation]!;
      const r = validate(op.body!, f.body, op.secretFields);
      expect(r.success).toBe(false);
      if (r.success) return;
      const fields = new Set(r.issues.map((i) => i.field));
      expect([...fields].sort()).toEqual([...f.masked!].sort());
      // The masks sit in secret fields: never echoed.
      for (const i of r.issues) expect(i.value).toBe("<redacted>");
    },
  );

  const contradicting = fixtures.filter((f) => f.rejectedAt);
  it.each(contradicting.map((f) => [f.file, f] as const))(
    "request %s contradicts its table only where noted",
    (_file, f) => {
      expect(f.note).toBeTruthy();
      const op = table[f.operation]!;
      const r = validate(op.body!, f.body, op.secretFields);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.issues.map((i) => i.field).sort()).toEqual([...f.rejectedAt!].sort());
    },
  );

  const responses = fixtures.filter((f) => f.kind === "response");
  it.each(responses.map((f) => [f.file, f] as const))("response %s parses and keeps every field", (_file, f) => {
    const op = table[f.operation]!;
    expect(op.response, "operation has a response schema").toBeInstanceOf(z.ZodType);
    const r = op.response!.safeParse(f.body);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(r.data).toEqual(f.body);
  });

  it("error examples carry a documented VPN error code, message and status", () => {
    const errors = fixtures.filter((f) => f.kind === "error");
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f.status).toBe(400);
      expect(f.body).toMatchObject({
        error_code: expect.stringMatching(/^VPN\.\d{4}$/),
        error_msg: expect.any(String),
      });
    }
  });

  it("path parameters of application examples fill the operation's path", () => {
    for (const f of fixtures.filter((x) => x.pathParams)) {
      const params = table[f.operation]!.path.match(/\{(\w+)\}/g)!.map((p) => p.slice(1, -1));
      for (const k of Object.keys(f.pathParams!)) expect(params).toContain(k);
    }
  });
});
