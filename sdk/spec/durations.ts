/**
 * How long the asynchronous phases of each kind take: one transitional status (`PENDING_CREATE`, `BINDING` …)
 * lasts about this long. Neither edition of the API reference gives durations, so these are typical values
 * (a gateway takes minutes, a connection seconds). Written once for the emulator, which plays them (scaled by
 * its `delayScale`, optionally randomised by its `durationSeed`), and the provider's waiter, which schedules its
 * polls from them before it has observed any duration in the run.
 */
import { resourceKinds } from "./kinds";
import { getOperation } from "./operations";
import type { ResourceKindSpec } from "./types";

export type Phase = "create" | "update" | "delete";

/** Typical duration of one transitional status, by kind and phase (ms). */
export const TYPICAL_STEP_MS: Readonly<Record<string, Partial<Record<Phase, number>>>> = {
  vpnGateway: { create: 180_000, update: 60_000, delete: 90_000 },
  vpnConnection: { create: 20_000, update: 10_000, delete: 10_000 },
  connectionMonitor: { create: 10_000, delete: 10_000 },
  p2cVpnGateway: { create: 180_000, update: 60_000, delete: 90_000 },
  vpnServer: { create: 60_000, update: 30_000 },
  vpnUser: { create: 3_000 },
  vpnUserGroup: { create: 3_000 },
  vpnAccessPolicy: { create: 3_000 },
  gatewayCertificate: { create: 5_000 },
};

/** A step of a kind and phase the table does not name. */
export const FALLBACK_STEP_MS: Readonly<Record<Phase, number>> = { create: 5_000, update: 5_000, delete: 5_000 };

export function typicalStepMs(kind: string, phase: Phase): number {
  return TYPICAL_STEP_MS[kind]?.[phase] ?? FALLBACK_STEP_MS[phase];
}

/**
 * Transitional statuses a phase passes through before it ends: all but the last status of create/update (the
 * last is the ready one), every status of a delete (a 404 follows). Of the kinds without a status field, those
 * the table names (users, groups, policies) are invisible for one step after their create.
 */
export function transitionalSteps(kind: string, phase: Phase): number {
  const spec = (resourceKinds as Record<string, ResourceKindSpec>)[kind];
  const t = spec?.status?.transitions;
  if (!t) return phase === "create" && TYPICAL_STEP_MS[kind]?.create !== undefined ? 1 : 0;
  const steps = phase === "create" ? t.create : phase === "update" ? t.update : t.delete;
  if (!steps) return 0;
  return phase === "delete" ? steps.length : Math.max(0, steps.length - 1);
}

/** The typical duration of a whole phase: what a wait for its end should expect (ms). */
export function typicalPhaseMs(kind: string, phase: Phase): number {
  return typicalStepMs(kind, phase) * transitionalSteps(kind, phase);
}

/**
 * The create's answer is the resource itself, final: a kind without a status field, visible at once (no typical
 * create duration), whose create answers with the object its show returns (a customer gateway, a P2C gateway's
 * log configuration). Nothing is read after such a create; a kind whose create answers with less (a client CA's
 * import answers with its id) or that appears only later (users, groups, policies) is read until it is there.
 */
export function createAnswersResource(kind: ResourceKindSpec): boolean {
  if (kind.status || typicalPhaseMs(kind.kind, "create") > 0) return false;
  const item = (op: string) => (getOperation(op).response as { shape?: Record<string, unknown> } | undefined)?.shape?.[kind.wrapper];
  const created = item(kind.ops.create);
  return created !== undefined && created === item(kind.ops.show);
}
