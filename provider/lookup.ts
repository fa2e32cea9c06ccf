/**
 * Finding a resource a previous, interrupted create of the same identity already made (./identity), before
 * creating: by its auto-name (which embeds the identity), by the marker tag (kinds with tags and a name the user
 * chose), or by its parent (kinds without a name: one monitor per connection; a gateway's one certificate).
 * Resources the state already holds are never taken for such an orphan. A kind with none of these (a
 * user-named P2C resource) relies on its create's deterministic `X-Client-Token` instead.
 *
 * The inventory of a kind is listed once per provider process and parent (at its first create), so a stack of
 * N resources costs one listing per kind, not one per resource; a look-up after an ambiguous create lists again.
 * Under a parent this process created itself (its create answered, in this `up`), no earlier create can have
 * left anything: a monitor of a new connection, the connections of a new gateway are not looked up at all.
 */
import type { VpnClient } from "../sdk/client";
import { getOperation } from "../sdk/spec/operations";
import type { ResourceKindSpec } from "../sdk/spec/types";
import { snakeToCamel } from "../sdk/util/case";
import { autoName, isStateId, markerValue, MARKER_TAG_KEY } from "./identity";

import type { Props } from "./props";

/** How a kind's orphans are recognised, or undefined when they cannot be. */
export type LookupStrategy = "name" | "marker" | "parent" | "singleton";

export function lookupStrategy(kind: ResourceKindSpec, inputs: Props): LookupStrategy | undefined {
  // Shown through its parent, without an id of its own (a GM gateway's certificate, a P2C gateway's server):
  // at most one per parent.
  const showPath = getOperation(kind.ops.show).path;
  if (!showPath.includes(`{${kind.idParam}}`)) return "singleton";
  if (kind.nameField) {
    const name = inputs[snakeToCamel(kind.nameField)];
    if (kind.ops.list && name === autoName(kind, inputs)) return "name";
    if (kind.ops.list && kind.tagResourceType) return "marker";
    return undefined;
  }
  return kind.ops.list ? "parent" : undefined;
}

/** The marker tag this create carries (kinds looked up by marker), in wire form. */
export function markerTag(kind: ResourceKindSpec, inputs: Props): { key: string; value: string } | undefined {
  return lookupStrategy(kind, inputs) === "marker" ? { key: MARKER_TAG_KEY, value: markerValue(inputs) } : undefined;
}

const inventories = new Map<string, Promise<Props[]>>();

/** Ids of resources this process created, from the answer of their create (not found by a look-up). */
const createdHere = new Set<string>();

/** The create of `id` was answered in this process: nothing of an earlier process can be under it. */
export function noteCreatedHere(id: string): void {
  createdHere.add(id);
}

const underNewParent = (params: Record<string, unknown>): boolean => Object.values(params).some((v) => typeof v === "string" && createdHere.has(v));

async function listAll(client: VpnClient, kind: ResourceKindSpec, params: Record<string, unknown>): Promise<Props[]> {
  const c = client as any;
  const op = getOperation(kind.ops.list!);
  if (op.pagination) {
    const items: Props[] = [];
    for await (const item of c.paginate(kind.ops.list, params)) items.push(item as Props);
    return items;
  }
  const r = await c[kind.ops.list!](params);
  return (Object.values(r ?? {}).find(Array.isArray) as Props[] | undefined) ?? [];
}

/**
 * Query parameters that narrow a kind's list to the resource's parent: path parameters, and list filters named
 * like one of the inputs' reference fields (`vpn_connection_id` for monitors).
 */
function listParams(kind: ResourceKindSpec, wire: Props, pathParams: Record<string, string>): Record<string, unknown> {
  const params: Record<string, unknown> = { ...pathParams };
  const query = getOperation(kind.ops.list!).query as any;
  const keys = query ? Object.keys(query._zod?.def?.shape ?? query.shape ?? {}) : [];
  for (const k of keys) if (k.endsWith("_id") && typeof wire[k] === "string" && !(k in params)) params[k] = wire[k];
  return params;
}

export interface LookupRequest {
  client: VpnClient;
  /** Identifies the client's settings (region, project), so inventories are per account and region. */
  clientKey: string;
  kind: ResourceKindSpec;
  inputs: Props;
  wire: Props;
  pathParams: Record<string, string>;
  /** Show of the singleton under its parent. */
  showSingleton: () => Promise<Props | undefined>;
  /** List again instead of using this process's inventory (after an ambiguous create). */
  fresh?: boolean;
}

/** The orphan of an interrupted create of this identity, if there is one. */
export async function findOrphan(req: LookupRequest): Promise<Props | undefined> {
  const { kind, inputs } = req;
  const strategy = lookupStrategy(kind, inputs);
  if (!strategy) return undefined;
  const ours = (item: Props | undefined) => item && !isStateId(inputs, String(item[kind.idField] ?? ""));
  if (strategy === "singleton") {
    if (!req.fresh && underNewParent(req.pathParams)) return undefined;
    const obj = await req.showSingleton();
    return ours(obj) ? obj : undefined;
  }
  const params = listParams(kind, req.wire, req.pathParams);
  if (!req.fresh && underNewParent(params)) return undefined;
  const key = JSON.stringify([req.clientKey, kind.kind, params]);
  let inventory = req.fresh ? undefined : inventories.get(key);
  if (!inventory) {
    inventory = listAll(req.client, kind, params);
    inventories.set(key, inventory);
    inventory.catch(() => inventories.delete(key));
  }
  const items = await inventory;
  const match = (item: Props): boolean => {
    if (strategy === "name") return item[kind.nameField!] === req.wire[kind.nameField!];
    if (strategy === "marker") {
      const value = markerValue(inputs);
      return Array.isArray(item.tags) && item.tags.some((t: any) => t?.key === MARKER_TAG_KEY && t?.value === value);
    }
    // "parent": the list is already narrowed to the parent.
    return true;
  };
  return items.find((item) => match(item) && ours(item));
}
