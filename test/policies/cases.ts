/**
 * Case tables: for each policy, a passing and a failing scenario and the fragments the violation must contain.
 * The area tests run them; the registry meta-test checks that every registered policy has one.
 */
import { policyByName, type VpnPolicy } from "../../policies/vpnGuard";
import type { KindName } from "../../policies/kinds";
import { runResource, runStack, type RunOptions, type StackViolation, type TestResource } from "./util";

export type Scenario =
  | { readonly kind: KindName; readonly props: Record<string, unknown>; readonly opts?: RunOptions }
  | { readonly stack: TestResource[]; readonly opts?: RunOptions };

export interface PolicyCase {
  readonly policy: string;
  readonly pass: Scenario;
  readonly fail: Scenario;
  /** Fragments of the one expected violation. */
  readonly expect: readonly string[];
  /** For stack scenarios: the name of the resource the violation must be reported on. */
  readonly on?: string;
}

export function policyNamed(name: string): VpnPolicy {
  const p = policyByName(name);
  if (!p) throw new Error(`no registered policy named ${name}`);
  return p;
}

/** All violations of a policy on a scenario: resource policy on a resource, or both passes on a stack. */
export async function violations(policy: VpnPolicy, s: Scenario): Promise<StackViolation[]> {
  if ("kind" in s) return (await runResource(policy, s.kind, s.props, s.opts)).map((message) => ({ message }));
  const out: StackViolation[] = [];
  for (const r of s.stack) {
    const ms = await runResource(policy, r.kind, r.props, { ...s.opts, name: r.name, ...(r.secretPaths ? { secretPaths: r.secretPaths } : {}) });
    out.push(...ms.map((message) => ({ message, urn: `resource:${r.name}` })));
  }
  out.push(...(await runStack(policy, s.stack, s.opts)));
  return out;
}

/** Keeps the violations reported on resource `on` (all when undefined). */
export function onResource(all: StackViolation[], on?: string): StackViolation[] {
  return on ? all.filter((v) => v.urn?.endsWith(`:${on}`)) : all;
}
