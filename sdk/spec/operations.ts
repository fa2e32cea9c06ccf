/**
 * The operation table: every VPN v5 operation, keyed by the official SDK's operation name in lowerCamelCase.
 * The SDK's methods, the emulator's routes and the coverage tests are all derived from this one table.
 */
import { s2cOperations } from "./s2c";
import { p2cOperations } from "./p2c";
import { commonOperations } from "./common";
import type { OperationSpec } from "./types";
import type { Operations } from "../generated/wire";

export type { Operations };

/** Typed by the generated `Operations` (plain request/response types, sdk/generated/wire.ts). */
export const operations: Operations = {
  ...s2cOperations,
  ...p2cOperations,
  ...commonOperations,
} as const;
export type OperationName = keyof Operations;

export const operationList: readonly (OperationSpec & { key: OperationName })[] = Object.entries(operations).map(
  ([key, op]) => ({ ...(op as OperationSpec), key: key as OperationName }),
);

export function getOperation(name: string): OperationSpec {
  const op = (operations as Record<string, OperationSpec>)[name];
  if (!op) throw new Error(`unknown VPN operation "${name}"`);
  return op;
}
