/**
 * Resource kinds: what the generic provider and the emulator's models read (ids, statuses, update vs replace,
 * secrets, tags). The S2C and P2C tables live beside their operations.
 */
import { s2cKinds } from "./s2c-kinds";
import { p2cKinds } from "./p2c-kinds";
import type { ResourceKindSpec } from "./types";

export const resourceKinds = { ...s2cKinds, ...p2cKinds } as const;
export type ResourceKindName = keyof typeof resourceKinds;

export function getKind(kind: string): ResourceKindSpec {
  const k = (resourceKinds as Record<string, ResourceKindSpec>)[kind];
  if (!k) throw new Error(`unknown resource kind "${kind}"`);
  return k;
}

/** The Pulumi type token of a kind: `pulumi-nodejs:dynamic/huaweicloud-vpn:<ClassName>`. */
export function typeToken(className: string): string {
  return `pulumi-nodejs:dynamic/huaweicloud-vpn:${className}`;
}
