/**
 * The rule model shared by the request schemas, the policy pack and the emulator: a rule is a pure function of a
 * request body (the object inside the wrapper, wire names) and an optional context of facts about other
 * resources. Issues carry a path relative to that body and a message that states the rule in the docs' terms and
 * cites its source. Messages never contain the offending value (the caller shows it, redacted when secret).
 */
import type { z } from "zod";

export type RulePath = readonly (string | number)[];

/**
 * One finding of a rule: where, what the rule says, which rule, and the documented error code the API answers
 * it with (absent: the generic `VPN.0001` invalid request). Callers map findings to errors by `code`, never by
 * reading the message.
 */
export interface RuleIssue {
  readonly path: RulePath;
  readonly message: string;
  /** Rule id (`GW-13`, `P2C-GRP-4`); set by the registries and by `issue` callers that know it. */
  readonly ruleId?: string;
  /** Documented error code (`VPN.0550`), when the docs give the violation one. */
  readonly code?: string;
}

/** `mandatory`: the API rejects or ignores a violation. `advisory`: the docs only warn ("请慎用", "建议"). */
export type RuleSeverity = "mandatory" | "advisory";

/**
 * `static`: decidable from the body alone. `cross`: needs another resource's inputs (e.g. the connection's
 * gateway). `lookup`: needs a cloud lookup (an EIP, a subnet, the AZ API); the emulator can supply the facts.
 */
export type RuleScope = "static" | "cross" | "lookup";

/** Facts about a VPN gateway, in the response's wire shape (all optional: supply what you know). */
export interface GatewayFacts {
  readonly id?: string;
  readonly flavor?: string;
  readonly network_type?: string;
  readonly attachment_type?: string;
  readonly ha_mode?: string;
  readonly eip1?: { readonly id?: string } | null;
  readonly eip2?: { readonly id?: string } | null;
  readonly access_private_ip_1?: string;
  readonly access_private_ip_2?: string;
  readonly certificate_id?: string | null;
  readonly supported_flavors?: readonly string[];
  readonly connection_number?: number;
  readonly used_connection_number?: number;
}

export interface CustomerGatewayFacts {
  readonly id?: string;
  readonly id_type?: string;
  readonly bgp_asn?: number;
  readonly ca_certificate?: object | null;
}

/** Current state of a connection (for update checks). */
export interface ConnectionFacts {
  readonly style?: string;
  readonly ikepolicy?: { readonly ike_version?: string } | null;
}

export interface RuleContext {
  /** Operation key being checked (`createVgw`, `updateVpnConnection`, ...). Rules with `ops` only run for those. */
  readonly operation?: string;
  /** The gateway a connection/certificate refers to, or the gateway being updated. */
  readonly gateway?: GatewayFacts;
  readonly customerGateway?: CustomerGatewayFacts;
  /** The connection being updated. */
  readonly connection?: ConnectionFacts;
  /** Region id (`cn-north-4`), for region-dependent rules. */
  readonly region?: string;
  /** The AZ query's answer for this gateway's flavor and attachment type (ZH/EN 4.1.1.7). */
  readonly availabilityZones?: readonly string[];
  /** EIPs by id: whether they use shared bandwidth or are frozen. */
  readonly eips?: Readonly<Record<string, { readonly shared?: boolean; readonly frozen?: boolean }>>;
  /** Subnets by id: CIDR and number of idle IP addresses. */
  readonly subnets?: Readonly<Record<string, { readonly cidr?: string; readonly freeIps?: number }>>;
}

export type RuleCheck = (body: unknown, ctx?: RuleContext) => RuleIssue[];

export interface Rule {
  /** The rule id of api-s2c.md §6 (`GW-09`, `CONN-12`, `COM-02`). */
  readonly id: string;
  /** Resource kind the rule applies to, or `*` for every S2C kind that has the field. */
  readonly kind: string;
  /** Wire path(s) of the field(s) concerned, inside the wrapper; `[]` walks arrays. */
  readonly field: string;
  /** Citation. */
  readonly doc: string;
  readonly description: string;
  readonly severity: RuleSeverity;
  readonly scope: RuleScope;
  /** Operation keys the rule applies to; absent = every create/update of the kind. */
  readonly ops?: readonly string[];
  readonly check: RuleCheck;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Value at a dotted path (no wildcards). */
export function getAt(body: unknown, path: string | RulePath): unknown {
  const parts = typeof path === "string" ? path.split(".") : path;
  let cur: unknown = body;
  for (const p of parts) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** Every value at a path pattern such as `policy_rules[].destination`, with its concrete path; absent values skipped. */
export function valuesAt(body: unknown, pattern: string): Array<{ path: RulePath; value: unknown }> {
  const segs = pattern.split(".");
  let cur: Array<{ path: RulePath; value: unknown }> = [{ path: [], value: body }];
  for (const seg of segs) {
    const arr = seg.endsWith("[]");
    const key = arr ? seg.slice(0, -2) : seg;
    const next: Array<{ path: RulePath; value: unknown }> = [];
    for (const c of cur) {
      if (!isRecord(c.value) || c.value[key] === undefined) continue;
      const v = c.value[key];
      if (arr) {
        if (Array.isArray(v)) v.forEach((item, i) => next.push({ path: [...c.path, key, i], value: item }));
      } else next.push({ path: [...c.path, key], value: v });
    }
    cur = next;
  }
  return cur;
}

/** True when the field is present (not undefined and not null). */
export function has(body: unknown, path: string): boolean {
  const v = getAt(body, path);
  return v !== undefined && v !== null;
}

export function issue(path: string | RulePath, message: string, code?: string): RuleIssue {
  return { path: typeof path === "string" ? path.split(".") : path, message, ...(code ? { code } : {}) };
}

/** The structured part of a rule issue, as zod custom-issue `params` (read back by sdk/schemas/validate). */
export interface RuleIssueParams {
  readonly ruleId?: string;
  readonly code?: string;
}

function paramsOf(i: { ruleId?: string; code?: string }): RuleIssueParams | undefined {
  if (i.ruleId === undefined && i.code === undefined) return undefined;
  return { ...(i.ruleId ? { ruleId: i.ruleId } : {}), ...(i.code ? { code: i.code } : {}) };
}

/** A rule check that validates every value at the given path patterns with a field schema. */
export function fieldCheck(patterns: readonly string[], schema: z.ZodType): RuleCheck {
  return (body) => {
    const out: RuleIssue[] = [];
    for (const pattern of patterns)
      for (const { path, value } of valuesAt(body, pattern)) {
        const r = schema.safeParse(value);
        if (!r.success)
          for (const i of r.error.issues) {
            const params = (i as { params?: RuleIssueParams }).params;
            out.push({ path: [...path, ...(i.path as (string | number)[])], message: i.message, ...(params ?? {}) });
          }
      }
    return out;
  };
}

/** A rule check that flags fields which must not appear in the body (immutable fields on update, tags on PUT). */
export function forbidFields(fields: readonly string[], message: (field: string) => string): RuleCheck {
  return (body) => fields.filter((f) => getAt(body, f) !== undefined).map((f) => issue(f, message(f)));
}

/** Combines checks. */
export function allOf(...checks: RuleCheck[]): RuleCheck {
  return (body, ctx) => checks.flatMap((c) => c(body, ctx));
}

/** Reports rule issues into a zod refinement (used by the request schemas' `superRefine`). */
export function reportIssues(ctx: z.RefinementCtx, issues: readonly RuleIssue[]): void {
  for (const i of issues) {
    const params = paramsOf(i);
    ctx.addIssue({ code: "custom", path: [...i.path], message: i.message, ...(params ? { params } : {}) });
  }
}

/** Runs pure body checks inside a zod `superRefine`, optionally with a fixed rule context (e.g. the operation). */
export function refineWith(checks: readonly RuleCheck[], ruleCtx?: RuleContext) {
  return (body: unknown, ctx: z.RefinementCtx): void => {
    for (const c of checks) reportIssues(ctx, c(body, ruleCtx));
  };
}

/** True when a rule applies to an operation; without an operation, the create operations (`create…`) are assumed. */
export function ruleAppliesTo(rule: Rule, operation: string | undefined): boolean {
  if (!rule.ops) return true;
  return operation ? rule.ops.includes(operation) : rule.ops.some((o) => o.startsWith("create"));
}

/** True when a registry rule is one of the kind's (its `kind`, or `*`: every kind of its registry). */
export function ruleOnKind(rule: Rule, kind: string): boolean {
  return rule.kind === kind || rule.kind === "*";
}

/** The wire paths a rule's `field` names (`a.b`, `list[].x`; several separated by commas or spaces). */
export function ruleFieldPaths(field: string): string[] {
  return field.split(/[,\s]+/).filter((f) => f.length > 0);
}

/**
 * Runs a registry against a body: the rules of the kind (or `*`) that apply to `ctx.operation` (the create
 * operation when absent). Each issue carries its rule id and severity.
 */
export function runRules(rules: readonly Rule[], kind: string, body: unknown, ctx: RuleContext = {}): Array<RuleIssue & { ruleId: string; severity: RuleSeverity }> {
  const out: Array<RuleIssue & { ruleId: string; severity: RuleSeverity }> = [];
  for (const r of rules) {
    if (!ruleOnKind(r, kind)) continue;
    if (!ruleAppliesTo(r, ctx.operation)) continue;
    for (const i of r.check(body, ctx)) out.push({ ...i, ruleId: i.ruleId ?? r.id, severity: r.severity });
  }
  return out;
}

/** A rule check that flags mandatory fields that are absent. */
export function requireFields(fields: readonly string[], message: (field: string) => string): RuleCheck {
  return (body) => fields.filter((f) => !has(body, f)).map((f) => issue(f, message(f)));
}
