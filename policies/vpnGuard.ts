/**
 * VpnGuard: the registry of every policy of the pack, AwsGuard style. Each area file (gateways.ts,
 * connections.ts, …) defines its policies, calls `registerPolicy(key, policy)` right under each definition and
 * merges its keys into `VpnGuardArgs`, so adding a rule is one local edit and a collision fails at load time.
 *
 * Enforcement levels and per-policy config share one argument bag: `all` sets the level of every policy, a key
 * takes a level or `{ enforcementLevel?, ...config }`. The bag becomes the pack's `initialConfig` (keyed by policy
 * name), so the engine reconciles it with the policies' `configSchema` defaults and with `--policy-pack-config`.
 */
import type {
  EnforcementLevel,
  Policy,
  PolicyPackConfig,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";

/** A policy of the pack: always with a default level and remediation steps. */
export type VpnPolicy = (ResourceValidationPolicy | StackValidationPolicy) & {
  enforcementLevel: EnforcementLevel;
  remediationSteps: string;
};

/** Extra fields every per-policy config object may carry. */
export interface PolicyArgs {
  enforcementLevel?: EnforcementLevel;
}

/** What a key of `VpnGuardArgs` accepts: a level, or the policy's config plus an optional level. */
export type PolicyValue<TConfig extends object = object> = EnforcementLevel | (Partial<TConfig> & PolicyArgs);

/**
 * Arguments of the pack. Area files add their keys with
 * `declare module "./vpnGuard" { interface VpnGuardArgs { myKey?: PolicyValue<MyConfig> } }`.
 */
export interface VpnGuardArgs {
  /** Level applied to every policy before the per-key values. */
  all?: EnforcementLevel;
}

export type PolicyKey = Exclude<keyof VpnGuardArgs, "all">;

const RESERVED_KEYS = new Set(["all"]);
const registered = new Map<string, VpnPolicy>();
const byName = new Map<string, string>();

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isEnforcementLevel(x: unknown): x is EnforcementLevel {
  const level = x as EnforcementLevel;
  switch (level) {
    case "advisory":
    case "mandatory":
    case "remediate":
    case "disabled":
      return true;
    default: {
      const _never: never = level;
      void _never;
      return false;
    }
  }
}

/**
 * Adds a policy under `key` (the camelCase argument key). Throws on the reserved key `all`, on a duplicate key,
 * on a duplicate or non-kebab-case policy name and on a policy without a default level.
 */
export function registerPolicy<P extends VpnPolicy>(key: PolicyKey | (string & {}), policy: P): P {
  if (RESERVED_KEYS.has(key)) throw new Error(`"${key}" is reserved and cannot be used as a policy key`);
  if (registered.has(key)) throw new Error(`a policy is already registered under the key "${key}"`);
  if (!KEBAB_CASE.test(policy.name)) throw new Error(`policy name "${policy.name}" (key "${key}") is not kebab-case`);
  const other = byName.get(policy.name);
  if (other !== undefined) throw new Error(`policy name "${policy.name}" is used by both "${other}" and "${key}"`);
  if (!isEnforcementLevel(policy.enforcementLevel)) {
    throw new Error(`policy "${policy.name}" has no valid default enforcement level`);
  }
  registered.set(key, policy);
  byName.set(policy.name, key);
  return policy;
}

/** Every registered policy by key, in registration order. */
export function registeredPolicies(): ReadonlyMap<string, VpnPolicy> {
  return registered;
}

/** The registered policy with this kebab-case name. */
export function policyByName(name: string): VpnPolicy | undefined {
  const key = byName.get(name);
  return key === undefined ? undefined : registered.get(key);
}

/**
 * The pack's initial config: each policy's default level (or `all`), then each key's value. Keys that are not
 * registered are refused, so a typo in the argument bag fails loudly.
 */
export function getInitialConfig(args: VpnGuardArgs = {}): PolicyPackConfig {
  const bag = args as Record<string, unknown>;
  if (bag.all !== undefined && !isEnforcementLevel(bag.all)) throw new Error(`"all" must be an enforcement level`);
  const config: PolicyPackConfig = {};
  for (const [key, policy] of registered) {
    const level = (bag.all as EnforcementLevel | undefined) ?? policy.enforcementLevel;
    const value = bag[key];
    if (value === undefined) {
      config[policy.name] = level;
    } else if (typeof value === "string") {
      if (!isEnforcementLevel(value)) throw new Error(`"${key}": "${value}" is not an enforcement level`);
      config[policy.name] = value;
    } else if (value !== null && typeof value === "object") {
      const { enforcementLevel, ...rest } = value as PolicyArgs & Record<string, unknown>;
      if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
        throw new Error(`"${key}".enforcementLevel: "${String(enforcementLevel)}" is not an enforcement level`);
      }
      config[policy.name] = { enforcementLevel: enforcementLevel ?? level, ...rest };
    } else {
      throw new Error(`"${key}" must be an enforcement level or a config object`);
    }
  }
  for (const key of Object.keys(bag)) {
    if (key !== "all" && !registered.has(key)) throw new Error(`"${key}" is not a registered VpnGuard policy key`);
  }
  return config;
}

/** Policies and initial config for `new PolicyPack(name, { policies }, initialConfig)`. */
export function vpnGuard(args: VpnGuardArgs = {}): { policies: VpnPolicy[]; initialConfig: PolicyPackConfig } {
  return { policies: [...registered.values()], initialConfig: getInitialConfig(args) };
}

export type { Policy };
