/**
 * Runs the documented rule registries (sdk/rules) with facts from the emulator's state, so the emulator refuses
 * exactly what the policy pack and the schemas describe, with the same messages. The request schemas already
 * ran the static rules; here the cross-resource and lookup rules get their context (the gateway a connection
 * uses, the AZ query's answer, the seeded EIPs and subnets).
 */
import { runRules, getAt, type RuleContext, type RuleIssue } from "../../sdk/rules/common";
import { s2cRules } from "../../sdk/rules";
import { checkP2cResource, p2cRuleById, type P2cRuleContext, type P2cRuleKind } from "../../sdk/rules/p2c";
import { describeValue, formatPath, type FieldIssue } from "../../sdk/schemas/validate";
import { validationError } from "../errors";

function toFieldIssues(body: unknown, issues: readonly RuleIssue[], secret: readonly string[]): FieldIssue[] {
  return issues.map((i) => {
    const v = getAt(body, i.path);
    const top = String(i.path[0] ?? "");
    return {
      field: formatPath(i.path),
      value: v === undefined ? "<missing>" : secret.includes(top) ? "<redacted>" : describeValue(v),
      rule: i.message,
      ...(i.ruleId ? { ruleId: i.ruleId } : {}),
      ...(i.code ? { code: i.code } : {}),
    };
  });
}

/** Throws the documented error when a mandatory S2C rule fails for `body` (a wrapper's inside, as sent). */
export function enforceS2cRules(kind: string, body: unknown, ctx: RuleContext, secretFields: readonly string[] = ["psk"]): void {
  const issues = runRules(s2cRules, kind, body, ctx).filter((i) => i.severity === "mandatory");
  if (issues.length > 0) throw validationError(toFieldIssues(body, issues, secretFields));
}

/**
 * Throws the documented error when a mandatory P2C rule fails for `body` with the given context. For an update
 * (`partial`), only rules about fields the body carries apply ("required when…" rules are create rules).
 */
export function enforceP2cRules(
  kind: P2cRuleKind,
  body: unknown,
  ctx: P2cRuleContext,
  opts: { partial?: boolean; secretFields?: readonly string[] } = {},
): void {
  const secretFields = opts.secretFields ?? ["password"];
  const present = (field: string) => body !== null && typeof body === "object" && (body as Record<string, unknown>)[field] !== undefined;
  const issues = checkP2cResource(kind, body, { ctx, severity: "mandatory" }).filter(
    (i) => !opts.partial || present(p2cRuleById.get(i.ruleId)?.field ?? ""),
  );
  if (issues.length > 0) throw validationError(toFieldIssues(body, issues, secretFields));
}
