/**
 * Alternative values for a field, read from its zod schema (enum members, the other boolean, numbers inside the
 * range, strings by the field's meaning), so the update matrix covers a new field without a new test. The
 * matrix keeps the first alternative that the provider's own preview check accepts.
 */
import type { z } from "zod";
import { objectShape, unwrapSchema } from "../../sdk/spec/mapping";

type Schema = z.ZodType;

function def(s: Schema | undefined): any {
  return (s ? (unwrapSchema(s) as any) : undefined)?._zod?.def;
}

/** The schema of a dotted wire path inside an object schema (`ikepolicy.dpd.timeout`, `policy_rules[0].source`). */
export function schemaAt(root: Schema | undefined, path: readonly (string | number)[]): Schema | undefined {
  let cur: Schema | undefined = root;
  for (const p of path) {
    if (!cur) return undefined;
    if (typeof p === "number") {
      const d = def(cur);
      cur = d?.type === "array" ? d.element : undefined;
    } else cur = objectShape(cur)?.[p];
  }
  return cur;
}

/** Leaf paths of a value under a schema: objects are walked, arrays of objects walked at their first item. */
export function leafPaths(schema: Schema | undefined, value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const d = def(schema);
  if (d?.type === "object" || (d && objectShape(schema) && d.type !== "array")) {
    const shape = objectShape(schema) ?? {};
    const v = (value ?? {}) as Record<string, unknown>;
    return Object.keys(shape).flatMap((k) => leafPaths(shape[k], v[k], [...prefix, k]));
  }
  if (d?.type === "array" && objectShape(d.element)) {
    return leafPaths(d.element, Array.isArray(value) ? value[0] : undefined, [...prefix, 0]);
  }
  return [prefix];
}

const CIDR_POOL = ["10.201.0.0/24", "172.31.77.0/24", "192.168.250.0/24", "10.202.8.0/22"];
const NAME_WORDS = ["renamed", "changed", "second"];

/** Candidate values different from `current`, plausible for the field named by the last path element. */
export function alternatives(schema: Schema | undefined, current: unknown, path: readonly (string | number)[]): unknown[] {
  const field = String([...path].reverse().find((p) => typeof p === "string") ?? "");
  const d = def(schema);
  const out: unknown[] = [];
  const push = (v: unknown) => {
    if (JSON.stringify(v) !== JSON.stringify(current) && !out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
  };
  switch (d?.type) {
    case "enum":
      for (const v of Object.values(d.entries as Record<string, string>)) push(v);
      break;
    case "boolean":
      push(!(current === true));
      break;
    case "number": {
      const n = typeof current === "number" ? current : 60;
      for (const v of [n + 1, n - 1, n * 2, Math.floor(n / 2), n + 60, n + 3600]) push(v);
      break;
    }
    case "array": {
      const cur = Array.isArray(current) ? current : [];
      const el = def(d.element);
      if (el?.type === "string" || el?.type === "pipe" || (el && !objectShape(d.element))) {
        for (const c of CIDR_POOL) {
          if (cur.length > 0) push([...cur.slice(0, -1), c]);
          push([...cur, c]);
        }
        if (cur.length > 1) push(cur.slice(0, -1));
      }
      break;
    }
    default:
      for (const v of stringCandidates(field, current)) push(v);
  }
  return out;
}

function stringCandidates(field: string, current: unknown): string[] {
  const cur = typeof current === "string" ? current : "";
  if (field === "name") return [`${cur.slice(0, 50)}-x`, ...NAME_WORDS.map((w) => `${w}-${cur.length}`)];
  if (field === "description") return ["test update", "changed description", "ops team", "test_update", "changed-description"];
  if (field === "psk") return ["Rotated-Psk-7Tq2Lw9Zx", "Second-Psk-4Kp8Vn3Qm"];
  if (field === "password" || field.endsWith("_password")) return ["Rotated-Pw-91zQ", "Second-Pw-77kL"];
  if (field === "source" || field.endsWith("cidr")) return CIDR_POOL;
  if (field.endsWith("address")) return shiftedAddresses(cur);
  if (field === "local_id" || field === "peer_id") return ["198.51.100.2", "peer.example.com"];
  if (field.endsWith("_id") || field === "id") return [];
  if (field === "content" || field.startsWith("certificate") || field.endsWith("certificate") || field.endsWith("private_key")) return [];
  return [`${cur}x`, "changed"];
}

/** Other host addresses of the same /30 block (tunnel addresses come in pairs inside one /30). */
function shiftedAddresses(cur: string): string[] {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cur);
  if (!m) return [];
  const base = Number(m[4]) & ~3;
  const prefix = `${m[1]}.${m[2]}.${m[3]}`;
  const out: string[] = [];
  // A different /30 block: both addresses of a pair move together (updateTogether).
  for (const delta of [4, 8]) out.push(`${prefix}.${(base + delta + (Number(m[4]) - base)) % 256}/${m[5]}`);
  return out;
}
