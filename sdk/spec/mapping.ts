/**
 * Mapping between a resource kind's Pulumi inputs/outputs (lowerCamelCase, `tags` as a `{key: value}` map) and
 * the API's wire objects (snake_case, `tags` as `[{key, value}]`). Shared by the provider (check/create/read),
 * the policy pack (it validates inputs with the same rules the API applies) and the tests.
 */
import { z } from "zod";
import { snakeToCamel, toCamel, toSnake } from "../util/case";
import { getOperation } from "./operations";
import type { ResourceKindSpec, Schema } from "./types";

type AnySchema = z.ZodType;

/** Unwraps optional/default/nullable/pipe wrappers down to the schema that has a shape or element. */
export function unwrapSchema(s: AnySchema | Schema): AnySchema {
  let cur: any = s;
  for (let i = 0; i < 20; i++) {
    const def = cur?._zod?.def;
    if (!def) return cur;
    if (def.innerType) cur = def.innerType;
    else if (def.type === "pipe" && def.in) cur = def.in;
    else return cur;
  }
  return cur;
}

/** The object shape of a schema (merging union options), or undefined when it is not an object schema. */
export function objectShape(schema: AnySchema | Schema | undefined): Record<string, AnySchema> | undefined {
  if (!schema) return undefined;
  const u: any = unwrapSchema(schema as AnySchema);
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

/** The shape of the object under `wrapper` in a wrapped body or response schema (`{ vpn_gateway: {...} }`). */
export function wrappedShape(schema: AnySchema | Schema | undefined, wrapper: string): Record<string, AnySchema> | undefined {
  return objectShape(objectShape(schema)?.[wrapper]);
}

/** Collects every object key found in a schema tree (wire names). */
export function collectWireNames(schema: AnySchema | Schema | undefined, into: Map<string, string> = new Map()): Map<string, string> {
  const seen = new Set<unknown>();
  const walk = (s: AnySchema | undefined): void => {
    if (!s) return;
    const u: any = unwrapSchema(s);
    if (!u || seen.has(u)) return;
    seen.add(u);
    const def = u._zod?.def;
    if (!def) return;
    switch (def.type) {
      case "object":
        for (const [k, v] of Object.entries(def.shape as Record<string, AnySchema>)) {
          into.set(snakeToCamel(k), k);
          walk(v);
        }
        break;
      case "array":
        walk(def.element);
        break;
      case "union":
        for (const o of def.options as AnySchema[]) walk(o);
        break;
      case "intersection":
        walk(def.left);
        walk(def.right);
        break;
      case "record":
        walk(def.valueType);
        break;
      case "lazy":
        walk(def.getter());
        break;
    }
  };
  walk(schema as AnySchema | undefined);
  return into;
}

const wireNameCache = new Map<string, Map<string, string>>();

/** camelCase → wire name dictionary for a kind, from its create/update request and show response schemas. */
export function wireNamesOf(kind: ResourceKindSpec): Map<string, string> {
  let m = wireNameCache.get(kind.kind);
  if (!m) {
    m = new Map();
    const ops = [kind.ops.create, kind.ops.update, kind.ops.show].filter((x): x is string => !!x);
    for (const name of ops) {
      const op = getOperation(name);
      collectWireNames(op.body, m);
      collectWireNames(op.response, m);
    }
    wireNameCache.set(kind.kind, m);
  }
  return m;
}

export type TagMap = Record<string, string>;
export type WireTag = { key: string; value: string };

export function tagsToWire(tags: TagMap | undefined): WireTag[] | undefined {
  if (!tags) return undefined;
  return Object.entries(tags).map(([key, value]) => ({ key, value: value ?? "" }));
}

export function tagsFromWire(tags: unknown): TagMap | undefined {
  if (!Array.isArray(tags)) return undefined;
  const out: TagMap = {};
  for (const t of tags as WireTag[]) if (t && typeof t.key === "string") out[t.key] = t.value ?? "";
  return out;
}

/**
 * Pulumi inputs (camelCase, tags map) → the wire object inside the create request's wrapper.
 * Keys that are not wire fields of the kind (provider options such as `waitForTunnelUp`) are dropped when
 * listed in `providerOnly`.
 */
export function inputsToWire(
  kind: ResourceKindSpec,
  inputs: Record<string, unknown>,
  providerOnly: readonly string[] = [],
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (k.startsWith("__") || providerOnly.includes(k) || v === undefined) continue;
    copy[k] = v;
  }
  const tags = copy.tags as TagMap | undefined;
  delete copy.tags;
  const wire = toSnake<Record<string, unknown>>(copy, [], wireNamesOf(kind));
  if (tags !== undefined) wire.tags = tagsToWire(tags);
  return wire;
}

/** A wire object (inside the wrapper, or a list item) → Pulumi outputs (camelCase, tags map). */
export function wireToOutputs(wire: Record<string, unknown>): Record<string, unknown> {
  const { tags, ...rest } = wire;
  const out = toCamel<Record<string, unknown>>(rest);
  if (tags !== undefined) out.tags = tagsFromWire(tags);
  return out;
}
