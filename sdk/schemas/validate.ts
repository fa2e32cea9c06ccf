/**
 * Validation with messages that name the field, the value and the rule, and never echo a secret value.
 * Used by the SDK before sending, by the emulator on receipt and by the provider's `check`.
 */
import type { z } from "zod";
import type { Schema, SchemaIssue, SchemaOutput } from "../spec/types";

export interface FieldIssue {
  /** Dotted wire path, arrays as `[i]`: `vpn_connection.ikepolicy.dh_group`, `tags[2].key`. */
  readonly field: string;
  /** The offending value, JSON-encoded and shortened, or `<redacted>` for a secret field, or `<missing>`. */
  readonly value: string;
  /** The rule, in the docs' terms. */
  readonly rule: string;
  /** Id of the documented rule that failed, when a rule of sdk/rules reported it. */
  readonly ruleId?: string;
  /** The documented error code of the violation (absent: the generic VPN.0001). */
  readonly code?: string;
}

export type ValidationResult<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

const MAX_VALUE_CHARS = 80;

/** Formats a path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "(body)";
}

/** True when `path` (with array indexes) matches a secret pattern such as `users[].password` or `vpn_connection.psk`. */
export function isSecretPath(path: readonly PropertyKey[], secretPaths: readonly string[]): boolean {
  if (secretPaths.length === 0) return false;
  const normal = path.map((p) => (typeof p === "number" ? "[]" : String(p)));
  const joined = normal.join(".").replace(/\.\[\]/g, "[]");
  return secretPaths.some((s) => joined === s || joined.startsWith(s + ".") || joined.startsWith(s + "["));
}

function getAt(value: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = value;
  for (const p of path) {
    if (cur === null || typeof cur !== "object" || !(p in (cur as object))) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return { found: true, value: cur };
}

export function describeValue(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS - 1) + "…" : s;
}

/** Turns zod issues into field/value/rule triples; values at secret paths are never shown. */
export function toFieldIssues(
  issues: readonly SchemaIssue[],
  input: unknown,
  secretPaths: readonly string[] = [],
  prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues as readonly z.core.$ZodIssue[]) {
    const path = [...prefix, ...(issue.path as PropertyKey[])];
    if (issue.code === "invalid_union" && "errors" in issue && Array.isArray(issue.errors)) {
      // Report the branch that got furthest instead of zod's generic "invalid input".
      const branches = issue.errors as z.core.$ZodIssue[][];
      const best = branches.reduce((a, b) => (b.length < a.length ? b : a), branches[0] ?? []);
      if (best.length > 0) {
        out.push(...toFieldIssues(best, input, secretPaths, path));
        continue;
      }
    }
    if (issue.code === "unrecognized_keys" && "keys" in issue) {
      for (const k of issue.keys as string[]) {
        const kp = [...path, k];
        const at = getAt(input, kp);
        out.push({
          field: formatPath(kp),
          value: isSecretPath(kp, secretPaths) ? "<redacted>" : describeValue(at.value),
          rule: "is not a documented field of this request",
        });
      }
      continue;
    }
    const at = getAt(input, path);
    const value = !at.found || at.value === undefined ? "<missing>" : isSecretPath(path, secretPaths) ? "<redacted>" : describeValue(at.value);
    const params = issue.code === "custom" ? (issue as { params?: { ruleId?: string; code?: string } }).params : undefined;
    out.push({
      field: formatPath(path),
      value,
      rule: issue.message,
      ...(typeof params?.ruleId === "string" ? { ruleId: params.ruleId } : {}),
      ...(typeof params?.code === "string" ? { code: params.code } : {}),
    });
  }
  return out;
}

export function formatIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.field}: ${i.value} — ${i.rule}`).join("; ");
}

export function validate<S extends Schema>(
  schema: S,
  input: unknown,
  secretPaths: readonly string[] = [],
): ValidationResult<SchemaOutput<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { success: true, data: r.data as SchemaOutput<S> };
  return { success: false, issues: toFieldIssues(r.error.issues, input, secretPaths) };
}
