/**
 * Runs policies without the engine (AwsGuard's tests/util.ts pattern): builds ResourceValidationArgs /
 * StackValidationArgs from a kind, props and config, wraps props in `unknownCheckingProxy` like the engine does,
 * and collects the violations.
 */
import { expect } from "vitest";
import {
  unknownCheckingProxy,
  type PolicyResource,
  type ResourceValidationArgs,
  type ResourceValidationPolicy,
  type StackValidationArgs,
  type StackValidationPolicy,
} from "@pulumi/policy";
import { tokenOf, type KindName } from "../../policies/kinds";
import { markSecretPaths } from "../../policies/props";
import type { VpnPolicy } from "../../policies/vpnGuard";

// The sentinels are internal to @pulumi/policy (not in its typings); the engine's unknowns deserialize to them.
const sentinels = require("@pulumi/policy/proxy") as Record<string, string>;

/** Values the engine sends for outputs that are not known during preview. */
export const UNKNOWN = {
  string: sentinels.unknownStringValue as string,
  number: sentinels.unknownNumberValue as unknown as number,
  array: sentinels.unknownArrayValue as unknown as any[],
  object: sentinels.unknownObjectValue as unknown as Record<string, any>,
};

export interface RunOptions {
  name?: string;
  /** Policy config as given in --policy-pack-config (schema defaults are applied first, as the engine does). */
  config?: Record<string, unknown>;
  /** Input paths the engine would mark as secret; omitted = secretness unknown. */
  secretPaths?: string[];
  /** Environment of the pack process while the policy runs (PULUMI_CONFIG, HW_REGION_NAME). */
  env?: Record<string, string>;
}

/** Runs `fn` with extra environment variables, restoring the previous values afterwards. */
export async function withEnv<T>(env: Record<string, string> | undefined, fn: () => Promise<T>): Promise<T> {
  if (!env) return fn();
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The config the engine hands a policy: `configSchema` defaults, then the given values. */
export function effectiveConfig(policy: VpnPolicy, config: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(policy.configSchema?.properties ?? {})) {
    if ((s as any).default !== undefined) out[k] = structuredClone((s as any).default);
  }
  return { ...out, ...config };
}

function notApplicable(reason?: string): never {
  throw new Error(`not applicable: ${reason ?? ""}`);
}

export function resourceArgs(policy: VpnPolicy, kind: KindName, props: Record<string, unknown>, o: RunOptions = {}): ResourceValidationArgs {
  const name = o.name ?? "test";
  const type = tokenOf(kind);
  const raw = structuredClone(props);
  if (o.secretPaths) markSecretPaths(raw, o.secretPaths);
  const proxied = unknownCheckingProxy(raw);
  return {
    type,
    props: proxied,
    urn: `urn:pulumi:test::hwvpn::${type}::${name}`,
    name,
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => effectiveConfig(policy, o.config) as T,
    notApplicable,
  };
}

/** Runs a policy's validateResource on one resource; returns the violation messages. */
export async function runResource(
  policy: VpnPolicy,
  kind: KindName,
  props: Record<string, unknown>,
  o: RunOptions = {},
): Promise<string[]> {
  const p = policy as ResourceValidationPolicy;
  if (!p.validateResource) return [];
  const out: string[] = [];
  const fns = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
  await withEnv(o.env, async () => {
    for (const fn of fns) await fn(resourceArgs(policy, kind, props, o), (message) => out.push(message));
  });
  return out;
}

export interface TestResource {
  kind: KindName;
  name: string;
  props: Record<string, unknown>;
  /** Input name → names of the test resources it was computed from (`{ vgwId: ["gw"] }`). */
  deps?: Record<string, string[]>;
  secretPaths?: string[];
}

export function urnOf(r: { kind: KindName; name: string }): string {
  return `urn:pulumi:test::hwvpn::${tokenOf(r.kind)}::${r.name}`;
}

export function stackArgs(policy: VpnPolicy, resources: TestResource[], o: RunOptions = {}): StackValidationArgs {
  const built: PolicyResource[] = resources.map((r) => {
    const raw = structuredClone(r.props);
    if (r.secretPaths) markSecretPaths(raw, r.secretPaths);
    return {
      type: tokenOf(r.kind),
      props: unknownCheckingProxy(raw),
      urn: urnOf(r),
      name: r.name,
      opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    } as PolicyResource;
  });
  const byName = new Map(resources.map((r, i) => [r.name, built[i]!]));
  resources.forEach((r, i) => {
    const pr = built[i]!;
    for (const [prop, names] of Object.entries(r.deps ?? {})) {
      const deps = names.map((n) => {
        const d = byName.get(n);
        if (!d) throw new Error(`unknown dependency ${n}`);
        return d;
      });
      pr.propertyDependencies[prop] = deps;
      pr.dependencies.push(...deps);
    }
  });
  return {
    resources: built,
    stackTags: new Map(),
    getConfig: <T extends object>() => effectiveConfig(policy, o.config) as T,
    notApplicable,
  };
}

export interface StackViolation {
  message: string;
  urn?: string;
}

/** Runs a policy's validateStack; returns the violations. */
export async function runStack(policy: VpnPolicy, resources: TestResource[], o: RunOptions = {}): Promise<StackViolation[]> {
  const p = policy as StackValidationPolicy;
  if (typeof p.validateStack !== "function") return [];
  const out: StackViolation[] = [];
  await withEnv(o.env, async () =>
    p.validateStack(stackArgs(policy, resources, o), (message, urn) => out.push({ message, ...(urn ? { urn } : {}) })),
  );
  return out;
}

/** Asserts exactly one violation containing every fragment; prints all violations when it fails. */
export function expectViolation(messages: readonly (string | StackViolation)[], ...fragments: string[]): void {
  const texts = messages.map((m) => (typeof m === "string" ? m : m.message));
  const hits = texts.filter((t) => fragments.every((f) => t.includes(f)));
  expect(hits, `expected one violation with ${JSON.stringify(fragments)}; got:\n${texts.join("\n")}`).toHaveLength(1);
}

export function expectNone(messages: readonly (string | StackViolation)[]): void {
  const texts = messages.map((m) => (typeof m === "string" ? m : m.message));
  expect(texts, `expected no violations; got:\n${texts.join("\n")}`).toEqual([]);
}
