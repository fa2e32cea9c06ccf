/**
 * Reads the object shape of the operation table's zod schemas, so handlers can tell from an operation's response
 * schema how it carries a resource (a full object, only `{id}`, or nothing but `request_id`).
 */
import type { z } from "zod";
import { unwrapSchema } from "../sdk/spec/mapping";

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
