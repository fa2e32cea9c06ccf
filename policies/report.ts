/**
 * Violation messages: they name the resource, the field (as the program spells it, with the API's name when it
 * differs), the value — never a secret one — and the rule with its citation.
 */
import { describeValue, isSecretPath } from "../sdk/schemas/validate";
import { snakeToCamel } from "../sdk/util/case";
import { ruleFieldPaths } from "../sdk/rules/common";
import { label, secretWireFields, type KindName } from "./kinds";
import { parsePath, type Path } from "./props";

/** Value at a path of a plain object. */
export function valueAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** `ikepolicy.dh_group` → `ikepolicy.dhGroup (ikepolicy.dh_group)`; `tags[0].key` stays on the wire form. */
export function fieldLabel(wirePath: Path): string {
  if (wirePath.length === 0) return "(resource)";
  const wire = formatAny(wirePath);
  const camel = formatAny(wirePath.map((p) => (typeof p === "string" ? snakeToCamel(p) : p)));
  return camel === wire ? wire : `${camel} (${wire})`;
}

function formatAny(path: Path): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** True when the wire path is (inside) a secret field of the kind. */
export function isSecretField(kind: KindName, wirePath: Path): boolean {
  return isSecretPath(wirePath as PropertyKey[], secretWireFields(kind));
}

/** The value as shown in a message: JSON, shortened; `<secret>` for secret fields; `<missing>` when absent. */
export function shownValue(kind: KindName, body: unknown, wirePath: Path): string {
  if (wirePath.length === 0) return "";
  const v = valueAt(body, wirePath);
  if (v === undefined) return "<missing>";
  return isSecretField(kind, wirePath) ? "<secret>" : describeValue(v);
}

/** `VpnConnection "vpn-1": tunnelLocalAddress (tunnel_local_address): "169.254.195.1/30" — <rule>`. */
export function violationMessage(kind: KindName, name: string, body: unknown, wirePath: Path, rule: string): string {
  const where = wirePath.length === 0 ? "" : ` ${fieldLabel(wirePath)}: ${shownValue(kind, body, wirePath)} —`;
  return `${label(kind, name)}:${where} ${rule}`;
}

/** Parses a rule's `field` (`a.b`, `list[].x`, several separated by commas or spaces) into wildcard paths. */
export function fieldPatterns(field: string): (string | number)[][] {
  return ruleFieldPaths(field).map((f) => parsePath(f.replace(/\[\]/g, ".*")));
}

/** Prefix relation between a concrete path and a pattern in which `*` matches any one segment. */
export function matchesPattern(path: Path, pattern: Path): boolean {
  const n = Math.min(path.length, pattern.length);
  for (let i = 0; i < n; i++) if (pattern[i] !== "*" && pattern[i] !== path[i]) return false;
  return true;
}
