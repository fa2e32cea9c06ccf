/**
 * Helpers the area tables use so that each text is written once: a field's doc lives in its resource kind's table
 * (or in a shared group here and in ./common), and an operation's docs re-use it under the operation's own paths
 * (`vpn_gateway.name` in ShowVgw, `vpn_gateways[].name` in ListVgws) for the paths that operation really has.
 */
import { getOperation } from "../operations";
import type { FieldDoc, FieldDocs, OperationDocs } from "./types";
import { operationPaths } from "./paths";

/** One field doc. */
export function d(text: string, doc: string, values?: readonly string[]): FieldDoc {
  return values ? { text, doc, values } : { text, doc };
}

/** The same docs keyed under `prefix` (`"vpn_gateway."`, `"vpn_gateways[]."`, `"eip1."`). */
export function nest(prefix: string, fields: FieldDocs): FieldDocs {
  const out: Record<string, FieldDoc> = {};
  for (const [k, v] of Object.entries(fields)) out[prefix + k] = v;
  return out;
}

/** The same texts with another citation, for a table that repeats fields first defined elsewhere. */
export function cite(doc: string, fields: FieldDocs): FieldDocs {
  const out: Record<string, FieldDoc> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = { text: v.text, doc };
  return out;
}

/** Every path the operation has (path and query parameters, body, response). */
function pathsOf(opName: string): ReadonlySet<string> {
  const p = operationPaths(getOperation(opName));
  return new Set([...p.params, ...p.query, ...p.body, ...p.response]);
}

/**
 * The subset of `fields`, keyed under `prefix`, whose paths the operation has. Used to document an operation from
 * a kind's table without restating it; a kind field the operation lacks (a request-only field in a response) is
 * left out rather than documented at a path that does not exist.
 */
export function project(opName: string, prefix: string, fields: FieldDocs): FieldDocs {
  const have = pathsOf(opName);
  const out: Record<string, FieldDoc> = {};
  for (const [k, v] of Object.entries(nest(prefix, fields))) if (have.has(k)) out[k] = v;
  return out;
}

/** An operation's docs: its summary and the merged field groups (later groups win on the same path). */
export function op(summary: string, ...groups: FieldDocs[]): OperationDocs {
  return { summary, fields: Object.assign({}, ...groups) as FieldDocs };
}
