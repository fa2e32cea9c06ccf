/**
 * Documented rules as policies. The rule registries (sdk/rules/s2c.ts, sdk/rules/p2c.ts) hold every documented
 * constraint as a pure `check(body, ctx?)` over the wire body; the SDK, the emulator and the provider run the same
 * functions. A documented policy evaluates one rule on each resource of its kind: without context as a resource
 * policy (it blocks before anything is created), and, when the rule needs facts about related resources, again in
 * `validateStack` with a context built from the stack, reporting only what the context adds.
 */
import type {
  ReportViolation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { kindOfType, kindSpec, tokenOf, viewOf, KIND_CLASSES, type KindName, type ResourceView } from "./kinds";
import { evaluateTracked, touchesUnknown, type Path } from "./props";
import { fieldPatterns, matchesPattern, violationMessage } from "./report";
import { StackIndex, type StackResource } from "./stack";
import type { VpnPolicy } from "./vpnGuard";

/** What the pack needs from a registry rule; both registries' rules have this shape. */
export interface RegistryRule {
  readonly id: string;
  readonly kind: string;
  readonly field: string;
  readonly doc: string;
  readonly description: string;
  readonly severity: "mandatory" | "advisory";
  /** S2C registry: static / cross / lookup. */
  readonly scope?: string;
  /** S2C registry: operation keys the rule applies to; absent = every create/update. */
  readonly ops?: readonly string[];
  check(body: unknown, ctx?: any): ReadonlyArray<{ readonly path: readonly (string | number)[]; readonly message: string }>;
}

export interface RuleIssueAt {
  readonly path: Path;
  readonly message: string;
}

/** The kind names a registry rule applies to (its `kind`, or every listed kind for `*`). */
export function ruleKinds(rule: RegistryRule, all: readonly KindName[]): KindName[] {
  if (rule.kind === "*") return [...all];
  return (Object.keys(KIND_CLASSES) as KindName[]).filter((k) => k === rule.kind || KIND_CLASSES[k] === rule.kind);
}

/** True when the rule applies to creating the kind (policies see the inputs of a create, never a diff). */
export function appliesToCreate(rule: RegistryRule, kind: KindName): boolean {
  if (!rule.ops) return true;
  const create = kindSpec(kind)?.ops.create;
  return create !== undefined && rule.ops.includes(create);
}

/**
 * Issues of a rule that do not depend on an unknown value: none when the rule read an unknown value of the body
 * or of the context (see `evaluateTracked`), and never an issue located at an unknown value.
 */
export function knownIssues(rule: RegistryRule, view: ResourceView, ctx?: unknown): RuleIssueAt[] {
  const patterns = fieldPatterns(rule.field);
  const fieldUnknown = view.wireUnknowns.some((u) => patterns.some((p) => matchesPattern(u, p)));
  if (fieldUnknown) return [];
  const issues = evaluateTracked((body: unknown, c: unknown) => [...rule.check(body, c)], view.markedBody, ctx);
  if (issues === undefined) return [];
  return issues.filter((i) => !touchesUnknown(view.wireUnknowns, i.path)).map((i) => ({ path: [...i.path], message: i.message }));
}

const keyOf = (i: RuleIssueAt) => JSON.stringify([i.path, i.message]);

export interface DocumentedPolicyArgs<Ctx> {
  /** Kebab-case policy name. */
  readonly name: string;
  readonly rule: RegistryRule;
  /** Kinds for a `*` rule (default: the rule's kind). */
  readonly kinds?: readonly KindName[];
  /** Facts about related resources, for rules that use a context; undefined skips the resource. */
  readonly context?: (stack: StackIndex, res: StackResource) => Ctx | undefined;
  /** Facts that do not come from other resources (the region), for the resource policy too. */
  readonly resourceContext?: () => Ctx | undefined;
  readonly remediationSteps?: string;
}

function fieldList(rule: RegistryRule): string {
  return rule.field
    .split(/[,\s]+/)
    .filter((f) => f)
    .join(", ");
}

/** A policy that enforces one registry rule (see the module comment). */
export function documentedPolicy<Ctx>(a: DocumentedPolicyArgs<Ctx>): VpnPolicy {
  const { rule } = a;
  const kinds = a.kinds ?? ruleKinds(rule, []);
  if (kinds.length === 0) throw new Error(`rule ${rule.id}: no resource kind "${rule.kind}" in the pack`);
  for (const k of kinds) {
    if (!appliesToCreate(rule, k)) throw new Error(`rule ${rule.id} does not apply to creating a ${KIND_CLASSES[k]}`);
  }
  const classes = kinds.map((k) => KIND_CLASSES[k]).join("/");
  const tokens = new Set(kinds.map(tokenOf));

  const validateResource = (args: ResourceValidationArgs, report: ReportViolation) => {
    if (!tokens.has(args.type)) return;
    const kind = kindOfType(args.type)!;
    const view = viewOf(kind, args.name, args.urn, args.props);
    for (const i of knownIssues(rule, view, a.resourceContext?.())) report(violationMessage(kind, view.name, view.body, i.path, i.message));
  };
  if (tokens.size === 1) (validateResource as any).__pulumiType = [...tokens][0];

  const policy: VpnPolicy = {
    name: a.name,
    description: `Checks that ${classes} ${fieldList(rule)} follows the documented rule "${rule.description}" (${rule.id}; ${rule.doc}).`,
    enforcementLevel: rule.severity,
    remediationSteps:
      a.remediationSteps ??
      `Change ${fieldList(rule)} of the ${classes} so that it follows the rule "${rule.description}" (${rule.doc}).`,
    validateResource,
  };
  if (a.context) {
    const context = a.context;
    (policy as any).validateStack = (args: StackValidationArgs, report: ReportViolation) => {
      const stack = StackIndex.of(args);
      for (const res of stack.resources) {
        if (!kinds.includes(res.kind)) continue;
        const base = a.resourceContext?.();
        const ctx = context(stack, res);
        if (ctx === undefined) continue;
        const without = new Set(knownIssues(rule, res, base).map(keyOf));
        for (const i of knownIssues(rule, res, base === undefined ? ctx : { ...base, ...ctx })) {
          if (without.has(keyOf(i))) continue;
          report(violationMessage(res.kind, res.name, res.body, i.path, i.message), res.urn);
        }
      }
    };
  }
  return policy;
}

// ---- registering a table of documented policies ----

type KebabToCamel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<KebabToCamel<T>>}` : S;

/** `vpn-user-password-length` → `vpnUserPasswordLength` (the VpnGuardArgs key of a policy). */
export function keyOfName<S extends string>(name: S): KebabToCamel<S> {
  return name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) as KebabToCamel<S>;
}

/** One row of a table: the rule id, or the id with options. */
export type DocumentedRow<Ctx = any> =
  | string
  | {
      readonly rule: string;
      readonly kinds?: readonly KindName[];
      readonly context?: (stack: StackIndex, res: StackResource) => Ctx | undefined;
      readonly resourceContext?: () => Ctx | undefined;
      readonly remediationSteps?: string;
    };

/** VpnGuardArgs keys of a table (policy name → row): one optional level or config per policy. */
export type DocumentedArgs<T> = {
  [K in keyof T as KebabToCamel<K & string>]?: import("./vpnGuard").PolicyValue;
};

/**
 * Builds and registers one documented policy per table row (policy name → rule id). Throws when a row names a
 * rule the registry does not have, so the table and the registry cannot drift apart silently.
 */
export function registerDocumented(
  table: Readonly<Record<string, DocumentedRow>>,
  rules: ReadonlyMap<string, RegistryRule>,
  register: (key: string, policy: VpnPolicy) => VpnPolicy,
  defaults: { context?: (stack: StackIndex, res: StackResource) => unknown } = {},
): VpnPolicy[] {
  const out: VpnPolicy[] = [];
  for (const [name, row] of Object.entries(table)) {
    const r = typeof row === "string" ? { rule: row } : row;
    const rule = rules.get(r.rule);
    if (!rule) throw new Error(`policy "${name}": rule ${r.rule} is not in the registry`);
    const context = "context" in r ? r.context : defaults.context;
    const policy = documentedPolicy({
      name,
      rule,
      ...(r.kinds ? { kinds: r.kinds } : {}),
      ...(context ? { context } : {}),
      ...(r.resourceContext ? { resourceContext: r.resourceContext } : {}),
      ...(r.remediationSteps ? { remediationSteps: r.remediationSteps } : {}),
    });
    out.push(register(keyOfName(name), policy));
  }
  return out;
}
