/**
 * The field paths a doc table is keyed by, enumerated from the schemas: the doc test checks every documented path
 * against them and measures coverage, and the type generator can walk the same paths. Paths are dotted wire names;
 * an array of objects contributes its own path and `path[].field` for each element field (an array of scalars
 * only its own path); a record (`{ [key]: T }`) contributes `path.*.field` for its value's fields.
 */
import type { z } from "zod";
import { resourceKinds } from "../kinds";
import { objectShape, unwrapSchema, wrappedShape } from "../mapping";
import { getOperation, operations } from "../operations";
import type { OperationSpec, ResourceKindSpec, Schema } from "../types";

type AnySchema = z.ZodType;

/** Every field path under an object shape, parents before children. */
export function shapePaths(shape: Record<string, AnySchema> | undefined, prefix = ""): string[] {
  const out: string[] = [];
  if (!shape) return out;
  const seen = new Set<unknown>();
  const walk = (s: AnySchema, path: string): void => {
    const u: any = unwrapSchema(s);
    if (!u || seen.has(u)) return;
    const def = u._zod?.def;
    if (!def) return;
    if (def.type === "array") {
      const inner = objectShape(def.element);
      if (inner) for (const [k, v] of Object.entries(inner)) add(v, `${path}[].${k}`);
      return;
    }
    if (def.type === "record") {
      const inner = objectShape(def.valueType);
      if (inner) for (const [k, v] of Object.entries(inner)) add(v, `${path}.*.${k}`);
      return;
    }
    const inner = objectShape(u);
    if (inner) {
      seen.add(u);
      for (const [k, v] of Object.entries(inner)) add(v, `${path}.${k}`);
      seen.delete(u);
    }
  };
  const add = (s: AnySchema, path: string): void => {
    out.push(path);
    walk(s, path);
  };
  for (const [k, v] of Object.entries(shape)) add(v, prefix ? `${prefix}.${k}` : k);
  return out;
}

/** Paths under a whole schema (a request body, a response, a query). */
export function schemaPaths(schema: AnySchema | Schema | undefined): string[] {
  return shapePaths(objectShape(schema));
}

/** `{param}` names of an operation's path template, without `project_id` (the provider fills it in). */
export function pathParams(op: OperationSpec): string[] {
  return [...op.path.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]!).filter((p) => p !== "project_id");
}

/**
 * The object shape a kind's show operation returns: the object under the wrapper, or, for a kind read through
 * a list (the VPN server), the element of the response's array of objects.
 */
export function showShape(kind: ResourceKindSpec): Record<string, AnySchema> | undefined {
  const resp = getOperation(kind.ops.show).response;
  const w = wrappedShape(resp, kind.wrapper);
  if (w) return w;
  for (const v of Object.values(objectShape(resp) ?? {})) {
    const def = (unwrapSchema(v) as any)?._zod?.def;
    if (def?.type === "array") {
      const el = objectShape(def.element);
      if (el) return el;
    }
  }
  return undefined;
}

/** The field paths of a resource kind, inside its wrapper object, per direction. */
export interface KindPaths {
  readonly create: readonly string[];
  readonly update: readonly string[];
  readonly show: readonly string[];
  /** Path parameters that are inputs of the kind (`vgw_id` of a gateway certificate). */
  readonly parents: readonly string[];
}

export function kindPaths(kind: ResourceKindSpec): KindPaths {
  return {
    create: shapePaths(wrappedShape(getOperation(kind.ops.create).body, kind.wrapper)),
    update: kind.ops.update ? shapePaths(wrappedShape(getOperation(kind.ops.update).body, kind.wrapper)) : [],
    show: shapePaths(showShape(kind)),
    parents: [...(kind.parentParams ?? [])],
  };
}

/** The field paths of an operation: path and query parameters, request body and response, from the body root. */
export interface OperationPaths {
  readonly params: readonly string[];
  readonly query: readonly string[];
  readonly body: readonly string[];
  readonly response: readonly string[];
}

export function operationPaths(op: OperationSpec): OperationPaths {
  return {
    params: pathParams(op),
    query: schemaPaths(op.query),
    body: schemaPaths(op.body),
    response: schemaPaths(op.response),
  };
}

/** Read operations: GET (shows and lists); the POST tag filter and count are queries too. */
export function isReadOperation(op: OperationSpec): boolean {
  return op.method === "GET";
}

export const kindList: readonly ResourceKindSpec[] = Object.values(resourceKinds as Record<string, ResourceKindSpec>);
export const operationEntries: readonly [string, OperationSpec][] = Object.entries(
  operations as Record<string, OperationSpec>,
);
