/**
 * Wire-level planning for the generic provider, all read from the kind spec and the operation schemas: the
 * desired request object, the last known object, what changed (in place, through another operation, or a
 * replacement), the update request of exactly the fields the update operation documents, and the comparison of
 * what was asked with what the service answers (read-after-write). Pure functions: no API calls.
 */
import type { z } from "zod";
import { inputsToWire, objectShape, unwrapSchema, wrappedShape } from "../sdk/spec/mapping";
import { getOperation } from "../sdk/spec/operations";
import type { ResourceKindSpec, Schema } from "../sdk/spec/types";
import { snakeToCamel } from "../sdk/util/case";
import type { PropertyValue, Props } from "./props";

/** Inputs that configure the provider's behaviour and are never sent to the API. */
export const PROVIDER_ONLY = [
  "timeouts",
  "waitForTunnelUp",
  "importId",
  "deleteOnDestroy",
  "region",
  "projectId",
  "__logicalName",
  "__kind",
  "__urn",
  "__unset",
] as const as readonly string[];

/**
 * Inputs beyond the API's create body that a kind's hooks handle through other operations (a group's `users`,
 * through add-users / remove-users): never in a request body; a change updates in place.
 */
export const SIDE_INPUTS: Readonly<Record<string, readonly string[]>> = { vpnUserGroup: ["users"] };

export function sideInputsOf(kind: ResourceKindSpec): readonly string[] {
  return SIDE_INPUTS[kind.kind] ?? [];
}

/** Preview values not known yet (outputs of other resources) come as this sentinel in dynamic providers. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function valueAt(v: PropertyValue, path: readonly PropertyKey[]): PropertyValue {
  let cur: any = v;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (cur === UNKNOWN) return UNKNOWN;
    cur = cur[p];
  }
  return cur;
}

export function containsUnknowns(v: PropertyValue): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknowns);
  if (v && typeof v === "object") return Object.values(v).some(containsUnknowns);
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes

function createShape(kind: ResourceKindSpec): Record<string, z.ZodType> | undefined {
  return wrappedShape(getOperation(kind.ops.create).body, kind.wrapper);
}

function updateShape(kind: ResourceKindSpec): Record<string, z.ZodType> | undefined {
  return kind.ops.update ? wrappedShape(getOperation(kind.ops.update).body, kind.wrapper) : undefined;
}

/**
 * Fields the update operation documents but the create operation does not (a gateway's `policy_template`):
 * accepted as inputs, applied by an update right after the create.
 */
export function updateOnlyFields(kind: ResourceKindSpec): string[] {
  const c = createShape(kind);
  const u = updateShape(kind);
  if (!c || !u) return [];
  return Object.keys(u).filter((k) => !(k in c) && kind.updatable.includes(k));
}

/** Pulumi inputs → the wire object of the resource (path parameters and provider options dropped). */
function inputWire(kind: ResourceKindSpec, inputs: Props): Props {
  const wire = inputsToWire(kind, inputs, [...PROVIDER_ONLY, ...sideInputsOf(kind)]) as Props;
  const shape = createShape(kind);
  if (shape) for (const k of Object.keys(wire)) if (!(k in shape) && (kind.parentParams ?? []).includes(k)) delete wire[k];
  return wire;
}

/** The create request's wrapped object (update-only fields left for the update that follows). */
export function createWire(kind: ResourceKindSpec, inputs: Props): Props {
  const wire = inputWire(kind, inputs);
  for (const k of updateOnlyFields(kind)) delete wire[k];
  return wire;
}

/** The update-only fields the inputs set, as a wire object (empty when none). */
export function updateOnlyWire(kind: ResourceKindSpec, inputs: Props): Props {
  const wire = inputWire(kind, inputs);
  const out: Props = {};
  for (const k of updateOnlyFields(kind)) if (wire[k] !== undefined) out[k] = wire[k];
  return out;
}

/** The desired wire object: inputs with the documented defaults the create schema fills, plus update-only fields. */
export function desiredWire(kind: ResourceKindSpec, inputs: Props): Props {
  const wire = createWire(kind, inputs);
  const op = getOperation(kind.ops.create);
  const r = op.body?.safeParse({ [kind.wrapper]: wire });
  const parsed = r?.success ? ((r.data as Props)[kind.wrapper] as Props) : wire;
  return { ...parsed, ...updateOnlyWire(kind, inputs) };
}

/** The last known wire object of a resource, from its outputs (or, in `check`, its old inputs). */
export function actualWire(kind: ResourceKindSpec, outs: Props): Props {
  return inputsToWire(kind, outs, [...PROVIDER_ONLY, ...sideInputsOf(kind)]) as Props;
}

// ---------------------------------------------------------------------------------------------------------------
// Comparison

/** JSON with object keys sorted, so that equal objects compare equal whatever their key order. */
export function stableJson(v: PropertyValue): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Props)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/** Inputs handled by the provider (provider options, side inputs) compare as values; lists of plain values as sets. */
export function sameInput(a: PropertyValue, b: PropertyValue): boolean {
  const norm = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x !== "object") ? [...v].sort() : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export function normalise(kind: ResourceKindSpec, wire: Props): Props {
  const out = structuredClone(wire);
  const apply = (paths: readonly string[] | undefined, f: (v: unknown) => unknown) => {
    for (const p of paths ?? []) {
      const parts = p.split(".");
      let cur: any = out;
      for (let i = 0; i < parts.length - 1 && cur; i++) cur = cur[parts[i]!];
      const last = parts[parts.length - 1]!;
      if (cur && cur[last] !== undefined) cur[last] = f(cur[last]);
    }
  };
  apply(kind.caseInsensitive, (v) => (typeof v === "string" ? v.toLowerCase() : v));
  apply(kind.unordered, (v) => (Array.isArray(v) ? [...v].map(stableJson).sort() : v));
  return out;
}

/** True when every field given in `want` equals `have` (deeply, extra fields in `have` allowed). */
export function subsetEqual(want: PropertyValue, have: PropertyValue): boolean {
  if (want === undefined) return true;
  if (Array.isArray(want)) {
    return Array.isArray(have) && want.length === have.length && want.every((w, i) => subsetEqual(w, have[i]));
  }
  if (want && typeof want === "object") {
    if (!have || typeof have !== "object") return false;
    return Object.entries(want).every(([k, v]) => subsetEqual(v, (have as Props)[k]));
  }
  return want === have || (typeof want === "number" && String(want) === String(have));
}

/** Removes the write-only paths (the service never returns them: they cannot be compared). */
function withoutWriteOnly(kind: ResourceKindSpec, wire: Props): Props {
  const out = structuredClone(wire);
  for (const p of kind.writeOnly) {
    const parts = p.split(".");
    let cur: any = out;
    for (let i = 0; i < parts.length - 1 && cur; i++) cur = cur[parts[i]!];
    if (cur && typeof cur === "object") delete cur[parts[parts.length - 1]!];
  }
  return out;
}

export interface FieldChanges {
  inPlace: string[];
  replace: string[];
  via: string[];
  tags: boolean;
  /** Top-level fields the user removed from the program (set before, absent now), when `check` can tell. */
  unset: string[];
}

export interface ChangeOptions {
  /** Compare write-only fields as equal (adoption: the service cannot show them, so they are taken as given). */
  ignoreWriteOnly?: boolean;
  /** The wire object on the old side is already desired-shaped (`check` compares old and new inputs). */
  oldIsDesired?: boolean;
}

export function changedFields(kind: ResourceKindSpec, olds: Props, news: Props, o: ChangeOptions = {}): FieldChanges {
  let want = normalise(kind, desiredWire(kind, news));
  let have = normalise(kind, o.oldIsDesired ? desiredWire(kind, olds) : actualWire(kind, olds));
  if (o.ignoreWriteOnly) {
    want = withoutWriteOnly(kind, want);
    have = withoutWriteOnly(kind, have);
  }
  const res: FieldChanges = { inPlace: [], replace: [], via: [], tags: false, unset: [] };
  const classify = (k: string) => {
    const nested = (kind.replaceNested ?? []).filter((p) => p.startsWith(k + "."));
    if (nested.some((p) => !subsetEqual(valueAt(want, p.split(".")), valueAt(have, p.split("."))))) res.replace.push(k);
    else if (kind.updateVia?.[k]) res.via.push(k);
    else if (kind.updatable.includes(k) && kind.ops.update) res.inPlace.push(k);
    else res.replace.push(k);
  };
  for (const [k, v] of Object.entries(want)) {
    if (k === "tags") continue;
    if (subsetEqual(v, have[k])) continue;
    classify(k);
  }
  // A field removed from the program: in `check` (old inputs on both sides) it is a change of its own.
  if (o.oldIsDesired) {
    const given = actualWire(kind, news);
    for (const k of Object.keys(actualWire(kind, olds))) {
      if (k === "tags" || given[k] !== undefined || want[k] !== undefined) continue;
      res.unset.push(k);
    }
  }
  for (const p of kind.parentParams ?? []) {
    const key = snakeToCamel(p);
    if (news[key] !== undefined && olds[key] !== undefined && news[key] !== olds[key]) res.replace.push(p);
  }
  const oldTags = olds.tags ?? {};
  const newTags = news.tags ?? {};
  res.tags = JSON.stringify(Object.entries(oldTags).sort()) !== JSON.stringify(Object.entries(newTags).sort());
  if (res.tags && !kind.tagResourceType) res.replace.push("tags");
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// Update requests

/** Keeps only what `schema` documents: object keys it declares (recursively), array items likewise. */
export function restrictTo(value: PropertyValue, schema: Schema | undefined): PropertyValue {
  if (!schema || value === null || typeof value !== "object") return value;
  const inner: any = unwrapSchema(schema);
  const def = inner?._zod?.def;
  if (Array.isArray(value)) return def?.type === "array" ? value.map((v) => restrictTo(v, def.element)) : value;
  const shape = objectShape(schema);
  if (!shape) return value;
  const out: Props = {};
  for (const [k, v] of Object.entries(value as Props)) if (k in shape && v !== undefined) out[k] = restrictTo(v, shape[k]);
  return out;
}

/**
 * The update request's wrapped object: every changed field with its whole desired value (a nested policy is
 * sent complete, so the service's documented defaults for absent sub-fields cannot undo a setting), restricted
 * to what the update operation documents (create-only sub-fields such as `ikepolicy.authentication_method`
 * never reach it), plus the fields the kind says must travel with a changed one (`updateTogether`).
 */
export function updateBody(kind: ResourceKindSpec, fields: readonly string[], want: Props): Props {
  const shape = updateShape(kind) ?? {};
  // An update that replaces the whole object (the log configuration) takes every updatable field.
  const send = new Set(kind.updateWhole ? kind.updatable.filter((f) => want[f] !== undefined) : fields);
  for (const group of kind.updateTogether ?? []) if (group.some((f) => send.has(f))) for (const f of group) send.add(f);
  const body: Props = {};
  for (const k of send) {
    if (!(k in shape) || want[k] === undefined) continue;
    body[k] = restrictTo(want[k], shape[k]);
  }
  return body;
}

/**
 * The body of a field's own change operation: wrapped like the resource (`{vpn_gateway: {flavor}}`), or its
 * single documented field (`{new_password}` for a user's password reset).
 */
export function viaBody(kind: ResourceKindSpec, opName: string, field: string, value: PropertyValue): Props {
  const shape = objectShape(getOperation(opName).body);
  if (!shape || kind.wrapper in shape) return { [kind.wrapper]: { [field]: value } };
  const keys = Object.keys(shape);
  if (keys.length !== 1) throw new Error(`${opName}: cannot tell which field carries ${field}`);
  return { [keys[0]!]: value };
}

// ---------------------------------------------------------------------------------------------------------------
// Read-after-write

export interface Mismatch {
  field: string;
  want: PropertyValue;
  have: PropertyValue;
}

/**
 * Fields the user set (in `inputs`) whose value the service answers differently, compared normalised as the
 * diff compares. Fields the service does not return (write-only, or not shown in this state) are not judged.
 */
export function readBackMismatches(kind: ResourceKindSpec, inputs: Props, obj: Props, fields?: readonly string[]): Mismatch[] {
  const set = actualWire(kind, inputs);
  const want = normalise(kind, withoutWriteOnly(kind, desiredWire(kind, inputs)));
  const have = normalise(kind, obj);
  const out: Mismatch[] = [];
  for (const k of fields ?? Object.keys(set)) {
    if (k === "tags" || set[k] === undefined || have[k] === undefined || have[k] === null) continue;
    if (kind.writeOnly.includes(k)) continue;
    if (!presentEqual(want[k], have[k])) out.push({ field: k, want: set[k], have: obj[k] });
  }
  return out;
}

/** Like `subsetEqual`, but a sub-field the answer leaves out (or null) is not judged. */
function presentEqual(want: PropertyValue, have: PropertyValue): boolean {
  if (want === undefined || have === undefined || have === null) return true;
  if (Array.isArray(want)) {
    return Array.isArray(have) && want.length === have.length && want.every((w, i) => presentEqual(w, have[i]));
  }
  if (want && typeof want === "object") {
    if (typeof have !== "object") return false;
    return Object.entries(want).every(([k, v]) => presentEqual(v, (have as Props)[k]));
  }
  return subsetEqual(want, have);
}

/**
 * Whether a resource found under its parent is the one this create would make: every create field (defaults
 * included) as the program sets it, and no create field the program leaves out set on it. An orphan of an
 * interrupted create matches; a resource someone else made (or another stack left behind) does not.
 */
export function matchesCreate(kind: ResourceKindSpec, inputs: Props, obj: Props): boolean {
  const want = normalise(kind, withoutWriteOnly(kind, desiredWire(kind, inputs)));
  const have = normalise(kind, obj);
  const skip = (k: string) => k === "tags" || kind.writeOnly.includes(k) || kind.parentParams?.includes(k);
  for (const [k, v] of Object.entries(want)) if (!skip(k) && !presentEqual(v, have[k])) return false;
  for (const k of Object.keys(createShape(kind) ?? {})) {
    if (skip(k) || want[k] !== undefined) continue;
    const v = have[k];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) return false;
  }
  return true;
}
