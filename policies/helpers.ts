/**
 * Building blocks for hand-written policies, so that no area file repeats the type filtering, the unknown-safe
 * reading of props or the stack indexing (AwsGuard's anti-pattern 1.10).
 */
import type { ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { kindOfType, tokenOf, viewOf, type KindName, type ResourceView } from "./kinds";
import { StackIndex, type StackResource } from "./stack";
import type { VpnPolicy } from "./vpnGuard";

export type PolicyBase = Omit<VpnPolicy, "validateStack" | "validateResource">;

/** A resource policy over the kinds listed; `check` gets the unknown-free view and the policy's args. */
export function resourcePolicy(
  kinds: readonly KindName[],
  base: PolicyBase,
  check: (view: ResourceView, args: ResourceValidationArgs, report: (message: string) => void) => void,
): VpnPolicy {
  const tokens = new Set(kinds.map(tokenOf));
  const validateResource = (args: ResourceValidationArgs, report: ReportViolation) => {
    if (!tokens.has(args.type)) return;
    const view = viewOf(kindOfType(args.type)!, args.name, args.urn, args.props);
    check(view, args, (m) => report(m));
  };
  if (tokens.size === 1) (validateResource as any).__pulumiType = [...tokens][0];
  return { ...base, validateResource } as VpnPolicy;
}

/** A stack policy run once per resource of `kind` (the "owner"); violations default to the owner's URN. */
export function stackPolicy(
  kind: KindName,
  base: PolicyBase,
  check: (stack: StackIndex, owner: StackResource, report: (message: string, urn?: string) => void, args: StackValidationArgs) => void,
): VpnPolicy {
  const validateStack = (args: StackValidationArgs, report: ReportViolation) => {
    const stack = StackIndex.of(args);
    for (const owner of stack.ofKind(kind)) check(stack, owner, (m, urn) => report(m, urn ?? owner.urn), args);
  };
  (validateStack as any).__pulumiType = tokenOf(kind);
  return { ...base, validateStack } as VpnPolicy;
}

/** Value at a wire path of a view's body. */
export function at(view: ResourceView, ...path: (string | number)[]): unknown {
  let cur: unknown = view.body;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
