/**
 * Runs the documented rule registries (sdk/rules) with facts from the emulator's state, so the emulator refuses
 * exactly what the policy pack and the schemas describe, with the same messages. The request schemas already
 * ran the static rules; here the cross-resource and lookup rules get their context (the gateway a connection
 * uses, the AZ query's answer, the seeded EIPs and subnets).
 */
import { runRules, getAt, type RuleContext } from "../../sdk/rules/common";
import { s2cRules } from "../../sdk/rules";
import { checkP2cResource, type P2cRuleContext, type P2cRuleKind } from "../../sdk/rules/p2c";
import { describeValue, formatPath, type FieldIssue } from "../../sdk/schemas/validate";
import { validationError } from "../errors";

function toFieldIssues(body: unknown, issues: ReadonlyArray<{ path: readonly (string | number)[]; message: string }>, secret: readonly string[]): FieldIssue[] {
  return issues.map((i) => {
    const v = getAt(body, i.path);
    const top = String(i.path[0] ?? "");
    return {
      field: formatPath(i.path),
      value: v === undefined ? "<missing>" : secret.includes(top) ? "<redacted>" : describeValue(v),
      rule: i.message,
    };
  });
}

/** Throws the documented error when a mandatory S2C rule fails for `body` (a wrapper's inside, as sent). */
export function enforceS2cRules(kind: string, body: unknown, ctx: RuleContext, secretFields: readonly string[] = ["psk"]): void {
  const issues = runRules(s2cRules, kind, body, ctx).filter((i) => i.severity === "mandatory");
  if (issues.length > 0) throw validationError(toFieldIssues(body, issues, secretFields));
}

/** Throws the documented error when a mandatory P2C rule fails for `body` with the given context. */
export function enforceP2cRules(kind: P2cRuleKind, body: unknown, ctx: P2cRuleContext, secretFields: readonly string[] = ["password"]): void {
  const issues = checkP2cResource(kind, body, { ctx, severity: "mandatory" });
  if (issues.length > 0) throw validationError(toFieldIssues(body, issues, secretFields));
}
