/**
 * Shapes a full resource view to what an operation's documented response declares: the keys of the
 * operation's response schema, recursively. This is how a create response leaves out `status`, the EIPs and the
 * timestamps, and how a P2C create answers with `{id}` only, without per-operation code: the operation table's
 * response schemas say it.
 */
import type { z } from "zod";
import { unwrapSchema } from "../sdk/spec/mapping";
import { isPlainObject } from "./util";

type AnySchema = z.ZodType;

/** The object shape of a schema (merging union options), or undefined when it is not an object schema. */
export function objectShape(schema: AnySchema | undefined): Record<string, AnySchema> | undefined {
  if (!schema) return undefined;
  const u: any = unwrapSchema(schema);
  const def = u?._zod?.def;
  if (!def) return undefined;
  if (def.type === "object") return def.shape as Record<string, AnySchema>;
  if (def.type === "union") {
    const merged: Record<string, AnySchema> = {};
    let any = false;
    for (const o of def.options as AnySchema[]) {
      const s = objectShape(o);
      if (s) {
        any = true;
        for (const [k, v] of Object.entries(s)) if (!(k in merged)) merged[k] = v;
      }
    }
    return any ? merged : undefined;
  }
  if (def.type === "intersection") {
    const l = objectShape(def.left);
    const r = objectShape(def.right);
    return l || r ? { ...(l ?? {}), ...(r ?? {}) } : undefined;
  }
  if (def.type === "lazy") return objectShape(def.getter());
  return undefined;
}

function elementSchema(schema: AnySchema): AnySchema | undefined {
  const u: any = unwrapSchema(schema);
  const def = u?._zod?.def;
  return def?.type === "array" ? (def.element as AnySchema) : undefined;
}

/** Keeps only the keys the schema declares, recursing into nested object and array schemas. */
export function projectToSchema(value: unknown, schema: AnySchema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const el = elementSchema(schema);
    return el ? value.map((v) => projectToSchema(v, el)) : value;
  }
  if (!isPlainObject(value)) return value;
  const shape = objectShape(schema);
  if (!shape) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const s = shape[k];
    if (s === undefined) continue;
    out[k] = projectToSchema(v, s);
  }
  return out;
}

/** The schema a key of an object schema has (unwrapped), if declared. */
export function fieldSchema(schema: AnySchema | undefined, key: string): AnySchema | undefined {
  return objectShape(schema)?.[key];
}
