/**
 * Glue between the pure rules (sdk/rules/p2c.ts) and zod: `superRefine` callbacks that report a rule's issues
 * with the rule's own message, so schemas, emulator and policy pack say the same thing.
 */
import type { z } from "zod";
import { reportIssues as report } from "../../rules/common";
import type { P2cRule } from "../../rules/p2c";

type Ctx = z.RefinementCtx;

/** Field-level: runs each rule's `checkValue` on the field's value. */
export function refineValue(...rules: readonly P2cRule[]) {
  return (value: unknown, ctx: Ctx): void => {
    for (const r of rules) report(ctx, r.checkValue(value));
  };
}

/** Object-level: runs each rule's `check` on the whole object (cross-field rules). */
export function refineObject(...rules: readonly P2cRule[]) {
  return (value: unknown, ctx: Ctx): void => {
    for (const r of rules) report(ctx, r.check(value));
  };
}
