/**
 * Generic handlers for the CRUD operations a `ResourceKindSpec` names (`ops.create/show/update/delete/list`):
 * read the wrapper, call the model, shape the body. The body's shape follows the operation's response schema:
 * a full object, only `{id}` (P2C creates), or nothing but `request_id` (P2C updates).
 */
import type { OperationSpec, ResourceKindSpec } from "../../sdk/spec/types";
import { resourceKinds } from "../../sdk/spec/kinds";
import { operations } from "../../sdk/spec/operations";
import { s2cKinds } from "../../sdk/spec/s2c-kinds";
import { apiError } from "../errors";
import { objectShape } from "../../sdk/spec/mapping";
import type { ResourceModel, ViewPurpose, Wire } from "../models/base";
import type { ResourceRecord } from "../models/state";
import type { Handler, HandlerResult, RequestContext } from "./types";

const PAGING_KEYS = new Set(["limit", "marker", "offset"]);

const modes = new WeakMap<OperationSpec, Map<string, "full" | "id" | "none">>();

/** How an operation's documented response carries the resource (computed once per operation). */
export function responseMode(op: OperationSpec, wrapper: string): "full" | "id" | "none" {
  let byWrapper = modes.get(op);
  if (!byWrapper) modes.set(op, (byWrapper = new Map()));
  let mode = byWrapper.get(wrapper);
  if (!mode) byWrapper.set(wrapper, (mode = computeResponseMode(op, wrapper)));
  return mode;
}

function computeResponseMode(op: OperationSpec, wrapper: string): "full" | "id" | "none" {
  const shape = objectShape(op.response);
  if (!shape) return "full";
  if (!(wrapper in shape)) return "none";
  const inner = objectShape(shape[wrapper]);
  if (inner && Object.keys(inner).length === 1 && "id" in inner) return "id";
  return "full";
}

/** Values of the kind's parent path parameters present in this path. */
export function parentsOf(spec: ResourceKindSpec, params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of spec.parentParams ?? []) if (params[p] !== undefined) out[p] = params[p];
  return out;
}

/** Requires every parent named in the path to exist (its own not-found error: VPN.0509, VPN.1116…). */
export function requireParents(ctx: RequestContext, parents: Record<string, string>): void {
  for (const [param, id] of Object.entries(parents)) {
    const kind = Object.values(resourceKinds as Record<string, ResourceKindSpec>).find((k) => k.idParam === param);
    if (!kind) continue;
    ctx.emu.models.get(kind.kind).require(ctx.project, id);
  }
}

export function viewBody(model: ResourceModel, ctx: RequestContext, rec: ResourceRecord, purpose: ViewPurpose): HandlerResult {
  const mode = responseMode(ctx.op, model.spec.wrapper);
  if (mode === "none") return { body: {} };
  if (mode === "id") return { body: { [model.spec.wrapper]: { id: rec.id } } };
  return { body: { [model.spec.wrapper]: model.view(ctx.project, rec, purpose) } };
}

function wrapped(ctx: RequestContext, wrapper: string): { input: Wire; raw: Wire } {
  const input = ((ctx.body as Wire | undefined)?.[wrapper] ?? {}) as Wire;
  const raw = ((ctx.rawBody as Wire | undefined)?.[wrapper] ?? {}) as Wire;
  return { input, raw };
}

export function findTarget(model: ResourceModel, ctx: RequestContext, read = false): ResourceRecord {
  const parents = parentsOf(model.spec, ctx.params);
  requireParents(ctx, parents);
  const id = ctx.params[model.spec.idParam];
  if (id === undefined) {
    // A singleton under its parent (the GM gateway certificate: GET …/vpn-gateways/{vgw_id}/certificate).
    const rec = model.records(ctx.project, parents)[0];
    if (!rec) throw apiError("VPN.0004");
    if (read) model.visible(ctx.project, rec, true);
    return rec;
  }
  return model.require(ctx.project, id, { read, parents });
}

export function createHandler(kind: string): Handler {
  return (ctx) => {
    const model = ctx.emu.models.get(kind);
    const parents = parentsOf(model.spec, ctx.params);
    requireParents(ctx, parents);
    const { input, raw } = wrapped(ctx, model.spec.wrapper);
    const rec = model.create(ctx.project, input, raw, parents);
    return viewBody(model, ctx, rec, "create");
  };
}

export function showHandler(kind: string): Handler {
  return (ctx) => {
    const model = ctx.emu.models.get(kind);
    return viewBody(model, ctx, findTarget(model, ctx, true), "show");
  };
}

export function updateHandler(kind: string): Handler {
  return (ctx) => {
    const model = ctx.emu.models.get(kind);
    const rec = findTarget(model, ctx);
    const { input, raw } = wrapped(ctx, model.spec.wrapper);
    model.update(ctx.project, rec, input, raw);
    return viewBody(model, ctx, rec, "update");
  };
}

export function deleteHandler(kind: string): Handler {
  return (ctx) => {
    const model = ctx.emu.models.get(kind);
    model.delete(ctx.project, findTarget(model, ctx));
    return {};
  };
}

/** Equality filters from the query (`vgw_id`, `vpn_connection_id`; `enterprise_project_id` may be a list). */
function queryFilter(model: ResourceModel, query: Record<string, unknown>): ((rec: ResourceRecord) => boolean) | undefined {
  const tests: Array<(rec: ResourceRecord) => boolean> = [];
  for (const [k, v] of Object.entries(query)) {
    if (PAGING_KEYS.has(k) || v === undefined) continue;
    const wanted = (Array.isArray(v) ? v : [v]).map(String);
    tests.push((rec) => {
      const actual = model.hooks.filterValue ? model.hooks.filterValue(rec, k) : rec.data[k];
      return actual !== undefined && wanted.includes(String(actual));
    });
  }
  return tests.length === 0 ? undefined : (rec) => tests.every((t) => t(rec));
}

/**
 * Lists. Marker paging (api-s2c.md §1.5, api-p2c-common.md §2.11): newest first, `page_info.next_marker` =
 * `created_at` of the page's last item, `current_count`, and `total_count` = every resource of the tenant (or of
 * the parent), unfiltered, as the connection-list example shows. S2C lists always return `next_marker` (the
 * examples do, even on the last page); P2C lists return `null` on the last page (the CN examples).
 */
export function listHandler(kind: string): Handler {
  return (ctx) => {
    const model = ctx.emu.models.get(kind);
    const parents = parentsOf(model.spec, ctx.params);
    requireParents(ctx, parents);
    const filter = queryFilter(model, ctx.query);
    const pagination = ctx.op.pagination;
    const listKey = pagination?.listKey ?? `${model.spec.wrapper}s`;
    const hasParents = Object.keys(parents).length > 0;
    if (!pagination || pagination.style !== "marker") {
      const items = model.page(ctx.project, { ...(hasParents ? { parents } : {}), ...(filter ? { filter } : {}) }).items;
      const body: Wire = { [listKey]: items.map((r) => model.view(ctx.project, r, "list")) };
      const shape = objectShape(ctx.op.response);
      if (shape && "total_count" in shape) body.total_count = items.length;
      if (shape && "page_info" in shape) body.page_info = { current_count: items.length };
      return { body };
    }
    const rawLimit = ctx.query.limit as number | undefined;
    // limit 0 (or none) means the default page size, the documented maximum.
    const limit = rawLimit === undefined || rawLimit === 0 ? pagination.maxLimit : rawLimit;
    const page = model.page(ctx.project, {
      ...(hasParents ? { parents } : {}),
      ...(filter ? { filter } : {}),
      ...(typeof ctx.query.marker === "string" ? { marker: ctx.query.marker } : {}),
      limit,
    });
    const isS2c = kind in s2cKinds;
    const nextMarker = isS2c ? (page.lastMarker ?? null) : page.more ? (page.lastMarker ?? null) : null;
    return {
      body: {
        [listKey]: page.items.map((r) => model.view(ctx.project, r, "list")),
        page_info: { next_marker: nextMarker, current_count: page.items.length },
        total_count: model.count(ctx.project, hasParents ? parents : undefined),
      },
    };
  };
}

/** Every CRUD handler a kind declares. */
export function crudHandlers(): Record<string, Handler> {
  const out: Record<string, Handler> = {};
  for (const spec of Object.values(resourceKinds as Record<string, ResourceKindSpec>)) {
    const { create, show, update, delete: del, list } = spec.ops;
    out[create] = createHandler(spec.kind);
    // A "show" that answers with a list (the VPN server of a gateway, S2) is served as a list under the parent.
    const showShape = objectShape((operations as Record<string, OperationSpec>)[show]?.response);
    out[show] = showShape && !(spec.wrapper in showShape) ? listHandler(spec.kind) : showHandler(spec.kind);
    if (update) out[update] = updateHandler(spec.kind);
    if (del) out[del] = deleteHandler(spec.kind);
    if (list) out[list] = listHandler(spec.kind);
  }
  return out;
}
