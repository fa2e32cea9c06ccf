/**
 * The stack as a graph of this package's resources, for cross-resource policies (`validateStack`).
 *
 * Stack policies see each resource's *outputs* (at preview: its inputs, with unknowns for values that depend on
 * resources not created yet). A connection finds its gateway first through `propertyDependencies` (the program
 * passed `gateway.id` as `vgwId`, which works at preview when the id is still unknown), then by value (an output
 * `id` equal to the reference, when the provider reports it). References to resources outside the stack stay
 * unresolved and the cross-resource checks that need them are skipped.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { CONNECTION_STYLES, CONNECTION_STYLES_OUT } from "../sdk/schemas/s2c/enums";
import { kindOfType, viewOf, type KindName, type ResourceView } from "./kinds";

export interface StackResource extends ResourceView {
  readonly resource: PolicyResource;
}

/** True when the policy pack runs inside a preview (the engine sets it for the pack process). */
export function isDryRun(): boolean {
  return process.env.PULUMI_NODEJS_DRY_RUN === "true";
}

/**
 * Responses spell some enums differently from requests (connection `style` is `STATIC` in responses and
 * `static` in requests, ZH/EN 4.1.3.1): bring outputs back to the request spelling so the rules apply to them.
 * Empty lists in outputs (`policy_rules: []` on a static connection, EN 5.3) mean "not set".
 */
function normaliseOutputs(kind: KindName, props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  if (kind === "vpnConnection" && typeof out.style === "string") {
    const i = (CONNECTION_STYLES_OUT as readonly string[]).indexOf(out.style);
    if (i >= 0) out.style = CONNECTION_STYLES[i];
  }
  return out;
}

export class StackIndex {
  readonly resources: readonly StackResource[];
  private readonly byUrn = new Map<string, StackResource>();

  constructor(resources: readonly PolicyResource[]) {
    const list: StackResource[] = [];
    for (const r of resources) {
      const kind = kindOfType(r.type);
      if (!kind) continue;
      const sr: StackResource = { ...viewOf(kind, r.name, r.urn, r.props, (p) => normaliseOutputs(kind, p)), resource: r };
      list.push(sr);
      this.byUrn.set(r.urn, sr);
    }
    this.resources = list;
  }

  static of(args: StackValidationArgs): StackIndex {
    return new StackIndex(args.resources);
  }

  ofKind(kind: KindName): StackResource[] {
    return this.resources.filter((r) => r.kind === kind);
  }

  get(urn: string): StackResource | undefined {
    return this.byUrn.get(urn);
  }

  /**
   * The resource of `kind` that `from`'s input `prop` refers to: through the property's dependencies, else by an
   * output `id` equal to the value. Undefined when it is not in the stack or the reference is ambiguous.
   */
  referenced(from: StackResource, prop: string, kind: KindName): StackResource | undefined {
    const deps = (from.resource.propertyDependencies?.[prop] ?? [])
      .map((d) => this.byUrn.get(d.urn))
      .filter((d): d is StackResource => d !== undefined && d.kind === kind);
    const unique = [...new Set(deps)];
    if (unique.length === 1) return unique[0];
    if (unique.length > 1) return undefined;
    const value = from.props[prop];
    if (typeof value !== "string" || value === "") return undefined;
    const byValue = this.ofKind(kind).filter((r) => r.props.id === value);
    return byValue.length === 1 ? byValue[0] : undefined;
  }

  /** Resources of `kind` whose input `prop` refers to `target`. */
  referencing(target: StackResource, kind: KindName, prop: string): StackResource[] {
    return this.ofKind(kind).filter((r) => this.referenced(r, prop, target.kind) === target);
  }
}
