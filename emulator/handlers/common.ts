/**
 * Public-service operations (ZH/EN §4.3): quotas from the quota table, and the tag APIs over the `tags` every
 * taggable resource keeps (the kind's `tagResourceType` maps `{resource_type}` to a kind).
 */
import { apiError, invalid } from "../errors";
import { MAX_TAGS } from "../../sdk/schemas/shared";
import type { ResourceModel } from "../models/base";
import type { ResourceRecord } from "../models/state";
import type { Handler, RequestContext } from "./types";

type Tag = { key: string; value?: string };

function modelFor(ctx: RequestContext): ResourceModel {
  const m = ctx.emu.models.byTagType(ctx.params.resource_type ?? "");
  if (!m) throw invalid(`resource_type ${ctx.params.resource_type} is not taggable`);
  return m;
}

function target(ctx: RequestContext): { model: ResourceModel; rec: ResourceRecord } {
  const model = modelFor(ctx);
  const rec = model.find(ctx.project, ctx.params.resource_id ?? "");
  if (!rec) throw apiError("VPN.0004");
  return { model, rec };
}

function tagsOf(rec: ResourceRecord): Array<{ key: string; value: string }> {
  return ((rec.data.tags as Array<{ key: string; value?: string | null }> | undefined) ?? []).map((t) => ({ key: t.key, value: t.value ?? "" }));
}

const showQuotas: Handler = (ctx) => ({ body: { quotas: { resources: ctx.emu.models.quotaUsage(ctx.project) } } });

/** T3: adds tags; an existing key gets the new value (the TMS convention). At most 20 tags per resource. */
const createTags: Handler = (ctx) => {
  const { model, rec } = target(ctx);
  const tags = tagsOf(rec);
  for (const t of (ctx.body as { tags: Tag[] }).tags) {
    const cur = tags.find((x) => x.key === t.key);
    if (cur) cur.value = t.value ?? "";
    else tags.push({ key: t.key, value: t.value ?? "" });
  }
  const max = model.spec.maxTags ?? MAX_TAGS;
  if (tags.length > max) throw invalid(`a resource can have at most ${max} tags`);
  rec.data.tags = tags;
  ctx.emu.changed();
  return {};
};

/** T4: deletes tags by key (and value, when one is given). */
const deleteTags: Handler = (ctx) => {
  const { rec } = target(ctx);
  const drop = (ctx.body as { tags: Tag[] }).tags;
  rec.data.tags = tagsOf(rec).filter((t) => !drop.some((d) => d.key === t.key && (d.value === undefined || d.value === t.value)));
  ctx.emu.changed();
  return {};
};

const showTags: Handler = (ctx) => ({ body: { tags: tagsOf(target(ctx).rec) } });

const projectTags: Handler = (ctx) => {
  const model = modelFor(ctx);
  const byKey = new Map<string, Set<string>>();
  for (const rec of model.records(ctx.project))
    for (const t of tagsOf(rec)) {
      if (!byKey.has(t.key)) byKey.set(t.key, new Set());
      byKey.get(t.key)!.add(t.value);
    }
  return { body: { tags: [...byKey].map(([key, values]) => ({ key, values: [...values] })) } };
};

interface TagQuery {
  without_any_tag?: boolean;
  tags?: Array<{ key: string; values: string[] }>;
  matches?: Array<{ key: string; value: string }>;
}

/**
 * T1/T2 semantics: `without_any_tag` selects untagged resources and ignores `tags`; tag filters AND across
 * keys, OR across values, an empty `values` means any value; `matches` on `resource_name` is a substring match.
 */
function matching(ctx: RequestContext): ResourceRecord[] {
  const model = modelFor(ctx);
  const q = (ctx.body ?? {}) as TagQuery;
  const nameField = model.spec.nameField ?? "name";
  return model
    .records(ctx.project)
    .reverse()
    .filter((rec) => {
      const tags = tagsOf(rec);
      if (q.without_any_tag === true) {
        if (tags.length > 0) return false;
      } else if (q.tags) {
        for (const f of q.tags) {
          const t = tags.find((x) => x.key === f.key);
          if (!t) return false;
          if (f.values.length > 0 && !f.values.includes(t.value)) return false;
        }
      }
      for (const m of q.matches ?? []) {
        if (m.key === "resource_name" && !String(rec.data[nameField] ?? "").includes(m.value)) return false;
      }
      return true;
    });
}

const filterResources: Handler = (ctx) => {
  const model = modelFor(ctx);
  const all = matching(ctx);
  const offset = (ctx.query.offset as number | undefined) ?? 0;
  const limit = (ctx.query.limit as number | undefined) ?? 1000;
  const nameField = model.spec.nameField ?? "name";
  return {
    body: {
      resources: all.slice(offset, offset + limit).map((rec) => ({
        resource_id: rec.id,
        resource_name: String(rec.data[nameField] ?? ""),
        resource_detail: {},
        tags: tagsOf(rec),
      })),
      total_count: all.length,
    },
  };
};

const countResources: Handler = (ctx) => ({ body: { total_count: matching(ctx).length } });

export const commonHandlers: Record<string, Handler> = {
  showQuotasInfo: showQuotas,
  listResourcesByTags: filterResources,
  countResourcesByTags: countResources,
  batchCreateResourceTags: createTags,
  batchDeleteResourceTags: deleteTags,
  showResourceTags: showTags,
  listProjectTags: projectTags,
};
