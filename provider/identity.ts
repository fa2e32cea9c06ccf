/**
 * Deterministic identity of a create, so that a create interrupted at any point (a SIGKILL of the CLI, a lost
 * response) is found again by the next `up` instead of being made twice or left behind:
 * - every resource carries its URN in `__urn` (set by its class in the program, which knows the project, stack
 *   and parents; the dynamic provider is not told the URN);
 * - the auto-name suffix and the `X-Client-Token` are derived from that identity, never random;
 * - a replacement gets a new identity generation, derived from the id of the resource it replaces (which this
 *   provider process saw in `diff` just before the engine re-checks the replacement's inputs).
 * The look-up itself lives in ./lookup.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { ResourceKindSpec } from "../sdk/spec/types";
import { getOperation } from "../sdk/spec/operations";
import { wrappedShape } from "../sdk/spec/mapping";

import type { Props } from "./props";

/** The identity of a resource: its URN, or (state written by older versions) its kind and logical name. */
export function identityOf(props: Props): string {
  if (typeof props.__urn === "string" && props.__urn) return props.__urn;
  return `${String(props.__kind ?? "")}::${String(props.__logicalName ?? "")}`;
}

export function digest(...parts: readonly string[]): string {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\0");
  return h.digest("hex");
}

/** An RFC 4122-shaped token from a digest (the API takes a UUID in `X-Client-Token`). */
export function tokenFrom(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// What this provider process has seen of the state

/** Ids the state holds for an identity (seen in diff/read/update/delete): never adopted as "a create's orphan". */
const idsInState = new Map<string, Set<string>>();
/** Identity → id of the resource a replacement is about to replace (decided by diff in this process). */
const replacing = new Map<string, string>();

export function noteStateId(props: Props, id: string | undefined): void {
  if (!id) return;
  const key = identityOf(props);
  let s = idsInState.get(key);
  if (!s) idsInState.set(key, (s = new Set()));
  s.add(id);
}

export function isStateId(props: Props, id: string): boolean {
  return idsInState.get(identityOf(props))?.has(id) ?? false;
}

export function noteReplacing(props: Props, id: string): void {
  replacing.set(identityOf(props), id);
}

/** The id being replaced, for a create of this identity that is a replacement (else undefined). */
export function replacedIdOf(props: Props): string | undefined {
  return replacing.get(identityOf(props));
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/**
 * The deterministic auto-name of a resource: `<logical name>-<7 hex digits of its identity>`, with the logical
 * name cut (never the suffix) and characters the kind's name rule refuses replaced by `-`, so it passes the
 * kind's documented name rule (length and charset read from the create schema's name field).
 */
export function autoName(kind: ResourceKindSpec, props: Props): string {
  const generation = replacedIdOf(props);
  const suffix = digest(identityOf(props), generation ?? "").slice(0, 7);
  const base = String(props.__logicalName ?? kind.kind);
  const field = nameSchema(kind);
  if (!field) return `${base}-${suffix}`;
  const ok = (s: string) => field.safeParse(s).success;
  // Replace characters the rule refuses (tested one at a time after a safe letter).
  const clean = [...base].map((ch) => (ok(`a${ch}`) ? ch : "-")).join("");
  for (let n = clean.length; n >= 0; n--) {
    const candidate = n > 0 ? `${clean.slice(0, n)}-${suffix}` : `r${suffix}`;
    if (ok(candidate)) return candidate;
  }
  return `${base}-${suffix}`;
}

function nameSchema(kind: ResourceKindSpec): z.ZodType | undefined {
  if (!kind.nameField) return undefined;
  const shape = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper);
  return shape?.[kind.nameField];
}

// ---------------------------------------------------------------------------------------------------------------
// Marker tag

/**
 * The tag that marks a resource this provider created, for kinds with tags whose name the user chose (an
 * auto-name already carries the identity). Hidden from outputs and never touched by tag updates.
 */
export const MARKER_TAG_KEY = "pulumi-hwvpn-id";

export function markerValue(props: Props): string {
  return digest(identityOf(props), replacedIdOf(props) ?? "").slice(0, 32);
}
