/**
 * One `ResourceModel` per resource kind of the spec (`resourceKinds`), each with its kind's hooks, plus the
 * project-wide services the hooks share: quotas and the external-resource inventory.
 */
import { resourceKinds } from "../../sdk/spec/kinds";
import type { ResourceKindSpec } from "../../sdk/spec/types";
import { apiError, EmulatorError, invalid } from "../errors";
import type { EmulatorContext } from "../context";
import { ResourceModel, type KindHooks } from "./base";
import type { ProjectState } from "./state";
import { kindHooks } from "./hooks";
import { QUOTAS } from "./quotas";

export class ModelRegistry {
  private readonly models = new Map<string, ResourceModel>();

  constructor(private readonly emu: EmulatorContext) {
    for (const spec of Object.values(resourceKinds as Record<string, ResourceKindSpec>)) {
      const hooks: KindHooks = kindHooks[spec.kind] ?? {};
      this.models.set(spec.kind, new ResourceModel(spec, hooks, emu));
    }
  }

  get(kind: string): ResourceModel {
    const m = this.models.get(kind);
    if (!m) throw new Error(`emulator bug: no model for kind ${kind}`);
    return m;
  }

  has(kind: string): boolean {
    return this.models.has(kind);
  }

  all(): ResourceModel[] {
    return [...this.models.values()];
  }

  /** The model whose tag resource type is `resourceType` (tag APIs' `{resource_type}`). */
  byTagType(resourceType: string): ResourceModel | undefined {
    return this.all().find((m) => m.spec.tagResourceType === resourceType);
  }

  // ---- quotas (one source: the quota table) ----

  quotaLimit(project: ProjectState, type: string): number | undefined {
    return project.quotas[type] ?? QUOTAS.find((q) => q.type === type)?.quota;
  }

  quotaError(type: string): EmulatorError {
    const q = QUOTAS.find((x) => x.type === type);
    if (q?.errorCode && q.errorCode !== "VPN.0001") return apiError(q.errorCode);
    return invalid(`the ${type} quota is used up`);
  }

  quotaUsage(project: ProjectState): Array<{ type: string; quota: number; used: number }> {
    return QUOTAS.map((q) => {
      const model = this.all().find((m) => m.hooks.quotaType === q.type);
      return { type: q.type, quota: this.quotaLimit(project, q.type) ?? q.quota, used: model ? model.count(project) : 0 };
    });
  }

  get context(): EmulatorContext {
    return this.emu;
  }
}
