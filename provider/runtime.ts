/**
 * The generic dynamic-provider implementation, driven by each kind's `ResourceKindSpec` and the operation table.
 * It runs in the provider process; resource classes require it by package name inside their methods
 * (`pulumi-huaweicloud-vpn/rt`), so the serialized provider in the state stays small and holds no
 * credentials. Per-kind behaviour that the spec cannot express lives in `./kinds` hooks; what a request
 * contains and what changed is decided in `./plan`; the identity of a create in `./identity` and `./lookup`.
 */
import "./node-version";
import type * as pulumi from "@pulumi/pulumi";
import type { VpnClient } from "../sdk/client";
import { isConflict, isNotFound, isThrottle, OutcomeUnknownError, ResourceFailedError } from "../sdk/errors";
import { getKind, resourceKinds } from "../sdk/spec/kinds";
import { wireToOutputs } from "../sdk/spec/mapping";
import { getOperation } from "../sdk/spec/operations";
import type { ResourceKindSpec } from "../sdk/spec/types";
import { describeValue, toFieldIssues, type FieldIssue } from "../sdk/schemas/validate";
import { snakeToCamel } from "../sdk/util/case";
import { cancelSignal, CancelledError, installCancelHooks, throwIfCancelled } from "./cancel";
import { autoName, digest, identityOf, MARKER_TAG_KEY, noteReplacing, noteStateId, tokenFrom } from "./identity";
import { findOrphan, markerTag, noteCreatedHere } from "./lookup";
import { withActions } from "./actions";
import {
  actualWire,
  changedFields,
  containsUnknowns,
  createWire,
  desiredWire,
  matchesCreate,
  readBackMismatches,
  sameInput,
  sideInputsOf,
  updateBody,
  updateOnlyWire,
  valueAt,
  viaBody,
  type FieldChanges,
} from "./plan";
import { clientFor, configureFrom, currentSettings, placementChanged, placementOf, withPlacement, type ConfigSource } from "./settings";
import { createAnswersResource, type Phase } from "../sdk/spec/durations";
import { parseDuration, pollUntil } from "./wait";
import { hooksFor, PROVIDER_ONLY, type HookContext } from "./kinds";

export { changedFields, type FieldChanges } from "./plan";

import { at, type PropertyValue, type Props } from "./props";

// ---------------------------------------------------------------------------------------------------------------
// Client

/** The SDK client for the configured settings. */
export function client(): VpnClient {
  return clientFor(currentSettings());
}

/** The endpoint's origin the resource being handled is served by: where its durations are remembered (./remembered). */
function endpointScope(): string | undefined {
  try {
    return new URL(client().config.endpoint).origin;
  } catch {
    return undefined;
  }
}

function clientKey(): string {
  const s = currentSettings();
  return JSON.stringify([s.endpoint, s.region, s.projectId]);
}

export function configure(source: ConfigSource): void {
  configureFrom(source);
}

async function call(op: string, params: Record<string, unknown>, options: { clientToken?: string } = {}): Promise<any> {
  const c = client() as any;
  if (typeof c[op] !== "function") throw new Error(`the SDK has no operation ${op}`);
  return c[op](params, options);
}

/** Every resource carries its kind in `__kind` (inputs and outputs), set by its class. */
function kindOf(props: Props): string {
  const k = props?.__kind;
  if (typeof k !== "string") throw new Error("resource properties carry no __kind: was it created by this package?");
  return k;
}

function pathParams(kind: ResourceKindSpec, props: Props): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of kind.parentParams ?? []) {
    const v = props[snakeToCamel(p)];
    if (typeof v === "string") out[p] = v;
  }
  return out;
}

/**
 * Path parameters of an operation on an existing resource: its id and its parents', where the operation's path
 * has them (a GM gateway's certificate is shown through its gateway, without its own id).
 */
function idParams(kind: ResourceKindSpec, opName: string, id: string, props: Props): Record<string, string> {
  const path = getOperation(opName).path;
  const all: Record<string, string> = { [kind.idParam]: id, ...pathParams(kind, props) };
  return Object.fromEntries(Object.entries(all).filter(([k]) => path.includes(`{${k}}`)));
}

/** The object of a kind's answer: its wrapper, or the answer itself. */
function unwrap(kind: ResourceKindSpec, r: any): Props {
  return (r?.[kind.wrapper] ?? r) as Props;
}

// ---------------------------------------------------------------------------------------------------------------
// check

/**
 * Check failures. The engine prints a failure's property value next to it ("property psk value {…}"), secret or
 * not, so a failure on a secret field names no property: its reason alone says field, `<redacted>` and rule.
 */
function issuesToFailures(issues: readonly FieldIssue[], prefix: string): { property: string; reason: string }[] {
  return issues.map((i) => {
    const field = i.field.startsWith(prefix + ".") ? i.field.slice(prefix.length + 1) : i.field;
    const property = i.value === "<redacted>" ? "" : snakeToCamel(field.split(/[.[]/)[0] ?? field);
    return { property, reason: `${field}: ${i.value} — ${i.rule}` };
  });
}

/** Validates a request body with an operation's schema; issues on values not known yet (preview) are skipped. */
function validateBody(
  kind: ResourceKindSpec,
  opName: string,
  body: Props,
  prefix: string,
  adopting = false,
): { property: string; reason: string }[] {
  const op = getOperation(opName);
  if (!op.body) return [];
  const r = op.body.safeParse(body);
  if (r.success) return [];
  // Adopting (`importId`) needs only the fields the program wants to manage: absent ones are not required.
  const known = r.error.issues.filter((i) => {
    const v = valueAt(body, i.path as PropertyKey[]);
    return !containsUnknowns(v) && !(adopting && v === undefined && i.code === "invalid_type");
  });
  const secretPaths = [...kind.secret.map((s) => `${kind.wrapper}.${s}`), ...(op.secretFields ?? [])];
  return issuesToFailures(toFieldIssues(known, body, secretPaths), prefix);
}

/** An existing resource's old inputs (check's `olds`), as opposed to a create (no olds). */
function isExisting(olds: Props | undefined): olds is Props {
  return !!olds && typeof olds.__kind === "string";
}

export async function check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  const kindName = kindOf(news);
  const kind = getKind(kindName);
  const hooks = hooksFor(kindName);
  const inputs: Props = { ...news };
  // Pulumi-style auto-name, stable across updates, deterministic for the resource (see ./identity).
  if (kind.nameField) {
    const nameKey = snakeToCamel(kind.nameField);
    if (inputs[nameKey] === undefined) inputs[nameKey] = olds?.[nameKey] ?? autoName(kind, inputs);
  }
  Object.assign(inputs, hooks.defaults?.(inputs));
  const adopting = typeof inputs.importId === "string" && inputs.importId !== "";
  const failures: { property: string; reason: string }[] = [];
  for (const f of ["create", "update", "delete"]) {
    try {
      parseDuration(at(inputs.timeouts, f), 1);
    } catch (e) {
      failures.push({ property: "timeouts", reason: (e as Error).message.replace("timeouts:", `timeouts.${f}:`) });
    }
  }
  // Check against the operation that will run: an update of the changed fields where only updatable fields
  // changed, else a create.
  const changes = isExisting(olds) && !containsUnknowns(inputs) ? changedFields(kind, olds, inputs, { oldIsDesired: true }) : undefined;
  if (changes && changes.replace.length === 0) {
    failures.push(...checkUpdate(kind, changes, inputs));
  } else {
    failures.push(...validateBody(kind, kind.ops.create, { [kind.wrapper]: createWire(kind, inputs) }, kind.wrapper, adopting));
    const later = updateOnlyWire(kind, inputs);
    if (kind.ops.update && Object.keys(later).length > 0) {
      failures.push(...validateBody(kind, kind.ops.update, { [kind.wrapper]: later }, kind.wrapper));
    }
  }
  if (changes && changes.unset.length > 0) inputs.__unset = changes.unset;
  else delete inputs.__unset;
  failures.push(...checkMarkerRoom(kind, inputs));
  failures.push(...(hooks.check?.(inputs, isExisting(olds) ? olds : undefined) ?? []));
  return { inputs, failures };
}

function checkUpdate(kind: ResourceKindSpec, c: FieldChanges, inputs: Props): { property: string; reason: string }[] {
  const failures: { property: string; reason: string }[] = [];
  const want = desiredWire(kind, inputs);
  // Fields a hook updates through their own operations (a server's client CA certificates, imported one by one)
  // are checked as the create documents them; the rest against the update operation.
  const hooked = hooksFor(kind.kind).updateField ?? {};
  const plain = c.inPlace.filter((f) => !hooked[f]);
  const own = [...c.inPlace, ...c.via].filter((f) => hooked[f]);
  if (plain.length > 0 && kind.ops.update) {
    failures.push(...validateBody(kind, kind.ops.update, { [kind.wrapper]: updateBody(kind, plain, want) }, kind.wrapper));
  }
  if (own.length > 0) {
    // Only these fields, so the create's other (required) fields are not judged: validated as when adopting.
    const wire = createWire(kind, inputs);
    const body = Object.fromEntries(own.map((f) => [f, wire[f]]));
    failures.push(...validateBody(kind, kind.ops.create, { [kind.wrapper]: body }, kind.wrapper, true));
  }
  for (const field of c.via) {
    if (hooked[field]) continue;
    const opName = kind.updateVia![field]!;
    const body = viaBody(kind, opName, field, want[field]);
    const wrapped = kind.wrapper in body;
    for (const f of validateBody(kind, opName, body, wrapped ? kind.wrapper : "")) {
      failures.push(wrapped ? f : { property: f.property ? snakeToCamel(field) : "", reason: f.reason.replace(/^[a-z_]+:/, `${field}:`) });
    }
  }
  return failures;
}

/** A user-named resource of a tagged kind carries the marker tag: it takes one of the documented tag slots. */
function checkMarkerRoom(kind: ResourceKindSpec, inputs: Props): { property: string; reason: string }[] {
  if (!kind.maxTags || !markerTag(kind, inputs) || containsUnknowns(inputs.tags)) return [];
  const n = Object.keys(inputs.tags ?? {}).length;
  if (n < kind.maxTags) return [];
  return [
    {
      property: "tags",
      reason: `tags: ${n} tags — at most ${kind.maxTags - 1} when the name is set explicitly (the provider keeps one tag, ${MARKER_TAG_KEY}, to recognise its own resource after an interrupted create); leave the name unset to use all ${kind.maxTags}`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// diff

export async function diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  const kind = getKind(kindOf(news));
  noteStateId(news, id);
  if (containsUnknowns(news)) {
    // Unknown inputs at preview: report a change; replace only if a replace-only field is unknown.
    const c = changedFields(kind, olds, news);
    const wire = createWire(kind, news);
    const unknownReplace = Object.keys(wire).filter(
      (k) => containsUnknowns(wire[k]) && !kind.updatable.includes(k) && !kind.updateVia?.[k],
    );
    const replaces = [...new Set([...c.replace, ...unknownReplace].map(snakeToCamel)), ...placementChanged(placementOf(olds), placementOf(news))];
    if (replaces.length > 0) noteReplacing(news, id);
    return { changes: true, replaces };
  }
  const c = changedFields(kind, olds, news);
  const providerOnlyChanged = [...PROVIDER_ONLY, ...sideInputsOf(kind)].some((k) => k !== "__urn" && k !== "__unset" && !sameInput(olds[k], news[k]));
  const unset = Array.isArray(news.__unset) && news.__unset.length > 0;
  const changes = c.inPlace.length + c.replace.length + c.via.length > 0 || c.tags || providerOnlyChanged || unset;
  const hooks = hooksFor(kind.kind);
  // A resource in another region or project is another resource: moving it replaces it.
  const moved = placementChanged(placementOf(olds), placementOf(news));
  const deleteBeforeReplace = c.replace.length > 0 && (hooks.deleteBeforeReplace?.(olds, news) ?? false);
  if (c.replace.length > 0 || moved.length > 0) noteReplacing(news, id);
  if (c.replace.length > 0) {
    for (const w of hooks.replaceWarnings?.(c.replace, olds, news) ?? []) warn(`${kind.className} ${news.__logicalName ?? id}: ${w}`);
  }
  return { changes: changes || moved.length > 0, replaces: [...c.replace.map(snakeToCamel), ...moved], deleteBeforeReplace };
}

/** A warning the engine shows (provider output on stderr becomes a diagnostic). */
function warn(message: string): void {
  console.error(`warning: ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// status

function deadlineOf(inputs: Props, phase: "create" | "update" | "delete", kind: ResourceKindSpec): number {
  const fallback = (hooksFor(kind.kind).defaultTimeoutMinutes ?? 10) * 60_000;
  return Date.now() + parseDuration(at(inputs.timeouts, phase), fallback);
}

async function show(kind: ResourceKindSpec, id: string, props: Props): Promise<Props | undefined> {
  try {
    const r = await call(kind.ops.show, idParams(kind, kind.ops.show, id, props));
    const pick = hooksFor(kind.kind).pick;
    if (!pick) return unwrap(kind, r);
    // A show that answers with its parent's list (a gateway's one VPN server): the singleton when no id yet.
    return id ? pick(r, id) : (Object.values(r ?? {}).find(Array.isArray) as Props[] | undefined)?.[0];
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** What the user can do about a status that does not clear by itself. */
function remedy(status: string): string {
  if (status === "FREEZED" || status === "FROZEN") return "it is frozen (an unpaid bill or a restriction): unfreeze it, then run `pulumi up` again";
  return "check it in the console (or delete it and run `pulumi up` again)";
}

/**
 * Waits until the resource reaches a ready status (or, with `wantActive`, exactly ACTIVE); `phase` is what it
 * waits for the end of, so the polls are scheduled around its expected duration (./wait).
 */
async function waitReady(kind: ResourceKindSpec, id: string, props: Props, deadline: number, wantActive = false, phase: Phase | undefined = "create"): Promise<Props> {
  const st = kind.status;
  return pollUntil(
    `${kind.className} ${id} to become ${wantActive ? "ACTIVE" : (st?.ready ?? ["ready"]).join(" or ")}`,
    async () => {
      const obj = await show(kind, id, props);
      if (!obj) return { done: false, seen: "not found yet" };
      if (!st) return { done: true, value: obj };
      const status = String(obj[st.field] ?? "");
      if (st.failed.includes(status)) {
        throw new ResourceFailedError(`${kind.className} ${id} entered status ${status}: ${remedy(status)}`, { status, resourceId: id });
      }
      const ok = wantActive ? status === "ACTIVE" : st.ready.includes(status);
      return ok ? { done: true, value: obj } : { done: false, seen: `status ${status || "(none)"}` };
    },
    { deadline, reads: true, ...(phase && !wantActive ? { expect: scoped(kind.kind, phase) } : {}) },
  );
}

function scoped(kind: string, phase: Phase): { kind: string; phase: Phase; scope?: string } {
  const scope = endpointScope();
  return scope ? { kind, phase, scope } : { kind, phase };
}

async function waitGone(kind: ResourceKindSpec, id: string, props: Props, deadline: number): Promise<void> {
  await pollUntil(
    `${kind.className} ${id} to be deleted`,
    async () => {
      const obj = await show(kind, id, props);
      if (!obj) return { done: true, value: undefined };
      return { done: false, seen: `status ${String(obj[kind.status?.field ?? "status"] ?? "(present)")}` };
    },
    { deadline, reads: true, expect: scoped(kind.kind, "delete") },
  );
}

/**
 * The resources an operation on this one waits for: every input or path parameter named like another kind's id
 * parameter (`vgw_id` → the gateway, `vpn_server_id` → the server), plus the resource itself when it exists.
 */
function dependencies(kind: ResourceKindSpec, props: Props, id?: string): { kind: ResourceKindSpec; id: string; props: Props }[] {
  const wire = { ...actualWire(kind, props), ...pathParams(kind, props) };
  const out: { kind: ResourceKindSpec; id: string; props: Props }[] = [];
  if (id && kind.status) out.push({ kind, id, props });
  for (const other of Object.values(resourceKinds as Record<string, ResourceKindSpec>)) {
    if (other === kind || !other.status) continue;
    const ref = wire[other.idParam];
    if (typeof ref !== "string" || !getOperation(other.ops.show).path.includes(`{${other.idParam}}`)) continue;
    // Parents of the referenced resource come from the same inputs (a server's gateway id).
    out.push({ kind: other, id: ref, props: Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("__"))) });
  }
  return out;
}

/** A dependency in a status that does not clear by itself ends the wait at once. */
async function stuckDependency(kind: ResourceKindSpec, props: Props, id?: string): Promise<string | undefined> {
  for (const d of dependencies(kind, props, id)) {
    let obj: Props | undefined;
    try {
      obj = await show(d.kind, d.id, d.props);
    } catch {
      continue;
    }
    const status = String(obj?.[d.kind.status!.field] ?? "");
    if (obj && d.kind.status!.failed.includes(status)) {
      const who = d.kind === kind ? `it is ${status}` : `its ${d.kind.className} ${d.id} is ${status}`;
      return `${who}, a status that does not clear by itself: ${remedy(status)}`;
    }
  }
  return undefined;
}

/**
 * Retries a change while the API answers "not ready / in progress" (a documented not-ready code, classified by
 * the error table, so "VPN.0003 Authentication failed" is never retried), until the deadline. A dependency that
 * is frozen or failed ends it at once.
 */
async function whenReady<T>(kind: ResourceKindSpec, what: string, deadline: number, fn: () => Promise<T>, ctx?: { props: Props; id?: string }): Promise<T> {
  const codes = new Set(kind.notReadyCodes ?? []);
  let checkedAt = 0;
  return pollUntil(
    what,
    async () => {
      try {
        return { done: true, value: await fn() };
      } catch (e: any) {
        if (!(e && codes.has(e.errorCode) && (isConflict(e) || isThrottle(e)))) throw e;
        if (ctx && Date.now() - checkedAt > 15_000) {
          checkedAt = Date.now();
          const stuck = await stuckDependency(kind, ctx.props, ctx.id);
          if (stuck) throw new Error(`${what}: ${e.errorCode} ${e.errorMsg ?? ""} — ${stuck}`.replace(/\s+—/, " —"));
        }
        return { done: false, seen: `${e.errorCode} ${e.errorMsg ?? ""}`.trim() };
      }
    },
    { deadline },
  );
}

/** What a kind hook may use: the resource, its deadline, the API and the resource's own reads and waits. */
function hookContext(kind: ResourceKindSpec, id: string, inputs: Props, deadline: number): HookContext {
  return {
    id,
    inputs,
    deadline,
    call,
    show: () => show(kind, id, inputs),
    waitReady: () => waitReady(kind, id, inputs, deadline),
    whenReady: (what, fn) => whenReady(kind, what, deadline, fn, { props: inputs, ...(id ? { id } : {}) }),
    poll: (what, probe) => pollUntil(what, probe, { deadline }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// outputs

function setPath(obj: Props, path: readonly string[], value: PropertyValue): void {
  let cur = obj;
  for (const p of path.slice(0, -1)) {
    if (!cur[p] || typeof cur[p] !== "object") cur[p] = {};
    cur = cur[p] as Props;
  }
  cur[path[path.length - 1]!] = value;
}

function outputsFor(kind: ResourceKindSpec, obj: Props, inputs: Props): Props {
  const outs = wireToOutputs(obj) as Props;
  // Write-only fields (the PSK) are never returned: keep the input, which stays secret in the state. Fields the
  // service returns only in some states (a gateway's EIPs "only when ACTIVE") keep the requested value until then.
  for (const [k, v] of Object.entries(inputs)) {
    if (v !== undefined && outs[k] === undefined && !k.startsWith("__") && !PROVIDER_ONLY.includes(k)) outs[k] = v;
  }
  for (const w of kind.writeOnly) {
    const path = w.split(".").map(snakeToCamel);
    const v = valueAt(inputs, path);
    if (v !== undefined) setPath(outs, path, v);
  }
  for (const k of PROVIDER_ONLY) if (inputs[k] !== undefined && k !== "__unset") outs[k] = inputs[k];
  outs.__kind = kind.kind;
  for (const p of kind.parentParams ?? []) {
    const k = snakeToCamel(p);
    if (outs[k] === undefined && inputs[k] !== undefined) outs[k] = inputs[k];
  }
  if (kind.tagResourceType) outs.tags = withoutMarker((outs.tags ?? inputs.tags ?? {}) as Record<string, string>);
  return hooksFor(kind.kind).outputs?.(outs, inputs) ?? outs;
}

function withoutMarker(tags: Record<string, string>): Record<string, string> {
  const { [MARKER_TAG_KEY]: _marker, ...rest } = tags;
  return rest;
}

function initError(message: string, id: string, outs: Props, inputs: Props): Error {
  const e: any = new Error(message);
  e.id = id;
  // Without __provider the engine could not later delete or update the half-made resource.
  e.properties = { ...outs, __provider: inputs.__provider };
  e.reasons = [message];
  return e;
}

/** Secret fields are shown as `<redacted>` in messages. */
function shown(kind: ResourceKindSpec, field: string, v: unknown): string {
  const secret = kind.secret.some((s) => s === field || s.startsWith(field + "."));
  return secret ? "<redacted>" : describeValue(v);
}

/** Read-after-write: a field the service ignored or answered with another value is an error naming both values. */
function verifyReadBack(kind: ResourceKindSpec, id: string, inputs: Props, obj: Props, fields?: readonly string[]): string | undefined {
  const bad = readBackMismatches(kind, inputs, obj, fields);
  if (bad.length === 0) return undefined;
  const list = bad.map((m) => `${snakeToCamel(m.field)}: requested ${shown(kind, m.field, m.want)}, the service has ${shown(kind, m.field, m.have)}`);
  return `${kind.className} ${id}: the service did not apply what was requested — ${list.join("; ")}`;
}

// ---------------------------------------------------------------------------------------------------------------
// create

/** The `X-Client-Token` of a create: the same for the same resource and request, across crashes and retries. */
function clientToken(kind: ResourceKindSpec, inputs: Props, wire: Props): string {
  return tokenFrom(digest(kind.kind, identityOf(inputs), JSON.stringify(wire)));
}

/** The body of the create request (with the marker tag where the kind is recognised by it). */
function createBody(kind: ResourceKindSpec, inputs: Props): Props {
  const wire = createWire(kind, inputs);
  const marker = markerTag(kind, inputs);
  if (marker) wire.tags = [...((wire.tags as PropertyValue[] | undefined) ?? []), marker];
  return wire;
}

function orphan(kind: ResourceKindSpec, inputs: Props, wire: Props, fresh: boolean): Promise<Props | undefined> {
  return findOrphan({
    client: client(),
    clientKey: clientKey(),
    kind,
    inputs,
    wire,
    pathParams: pathParams(kind, inputs),
    // A singleton found under its parent is ours only if it is exactly what this create makes (see matchesCreate).
    showSingleton: async () => {
      const obj = await show(kind, "", inputs);
      return obj && matchesCreate(kind, inputs, obj) ? obj : undefined;
    },
    fresh,
  });
}

/**
 * Adopts an existing resource (`importId`): Pulumi's `import` option does not work for dynamic resources (the
 * dynamic-provider host fails on the import read), so a resource can name the id to take over instead. Fields
 * the API can change are brought to the program's values; a difference that would need a replacement is refused.
 * Write-only fields (a PSK, a certificate's content) cannot be read back: they are taken as given.
 */
async function adopt(kind: ResourceKindSpec, id: string, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const obj = await show(kind, id, inputs);
  if (!obj) throw new Error(`importId: "${id}" — no ${kind.className} with this id exists`);
  return takeOver(kind, id, obj, inputs, `importId: "${id}" — the existing ${kind.className}`);
}

/** Brings an existing resource (adopted, or an interrupted create's orphan) to the inputs, in place. */
async function takeOver(kind: ResourceKindSpec, id: string, obj: Props, inputs: Props, who: string): Promise<pulumi.dynamic.CreateResult> {
  let outs = outputsFor(kind, obj, inputs);
  if (kind.tagResourceType) outs = { ...outs, tags: withoutMarker((await readTags(kind, id)) ?? {}) };
  const hooks = hooksFor(kind.kind);
  outs = { ...outs, ...(await hooks.readExtra?.(hookContext(kind, id, inputs, deadlineOf(inputs, "create", kind)))) };
  const sideChanged = sideInputsOf(kind).some((k) => inputs[k] !== undefined && !sameInput(outs[k], inputs[k]));
  const c = changedFields(kind, outs, inputs, { ignoreWriteOnly: true });
  if (c.replace.length > 0) {
    throw new Error(`${who} differs in ${c.replace.map(snakeToCamel).join(", ")}, which cannot change in place; make the program match it`);
  }
  if (c.inPlace.length + c.via.length > 0 || c.tags || sideChanged) return { id, outs: (await applyUpdate(kind, id, outs, inputs, c)).outs };
  return { id, outs: kind.status ? outputsFor(kind, await waitReady(kind, id, inputs, deadlineOf(inputs, "create", kind)), inputs) : outs };
}

export async function create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const kindName = kindOf(inputs);
  const kind = getKind(kindName);
  if (typeof inputs.importId === "string" && inputs.importId) return adopt(kind, inputs.importId, inputs);
  const hooks = hooksFor(kindName);
  const deadline = deadlineOf(inputs, "create", kind);
  const wire = createBody(kind, inputs);
  // An earlier create of this resource that was interrupted (the CLI killed, the answer lost) is continued.
  const found = await orphan(kind, inputs, wire, false);
  if (found) {
    const id = String(found[kind.idField]);
    const c = changedFields(kind, outputsFor(kind, found, inputs), inputs, { ignoreWriteOnly: true });
    if (c.replace.length === 0) return takeOver(kind, id, found, inputs, `${kind.className} ${id} (left by an interrupted create)`);
    // It was made from other inputs that cannot change in place: it is ours, so replace it.
    await remove(id, outputsFor(kind, found, inputs));
  }
  await hooks.beforeCreate?.(hookContext(kind, "", inputs, deadline));
  const { obj: created, fresh } = await createOnce(kind, inputs, wire, deadline);
  const id = String(hooks.createdId?.(created ?? {}, inputs) ?? created?.[kind.idField] ?? "");
  if (!id) throw new Error(`${kind.className}: the create response carried no ${kind.idField}`);
  noteStateId(inputs, id);
  if (fresh) noteCreatedHere(id);
  let obj: Props = created;
  try {
    // A create that answers with the resource, final (sdk/spec/durations), is not read again.
    if (!(fresh && createAnswersResource(kind))) obj = await waitReady(kind, id, inputs, deadline);
    const later = updateOnlyWire(kind, inputs);
    if (kind.ops.update && Object.keys(later).length > 0) {
      await whenReady(kind, `${kind.className} ${id} update`, deadline, () =>
        call(kind.ops.update!, { ...idParams(kind, kind.ops.update!, id, inputs), body: { [kind.wrapper]: later } }),
      { props: inputs, id });
      obj = await waitReady(kind, id, inputs, deadline);
    }
    if (hooks.afterCreate) obj = (await hooks.afterCreate({ ...hookContext(kind, id, inputs, deadline), obj, waitActive: () => waitReady(kind, id, inputs, deadline, true) })) ?? obj;
  } catch (e) {
    throw initError(`${kind.className} ${id} was created but did not become ready: ${(e as Error).message}`, id, outputsFor(kind, obj, inputs), inputs);
  }
  const mismatch = verifyReadBack(kind, id, inputs, obj);
  if (mismatch) throw initError(mismatch, id, outputsFor(kind, obj, inputs), inputs);
  return { id, outs: outputsFor(kind, obj, inputs) };
}

/**
 * Sends the create, with the same `X-Client-Token` on every attempt. After an ambiguous answer (the request
 * may or may not have been applied) the resource is looked up again before any new attempt; a second
 * ambiguous answer ends the create with an error, and the next `up` resolves it by the same look-up.
 */
async function createOnce(kind: ResourceKindSpec, inputs: Props, wire: Props, deadline: number): Promise<{ obj: Props; fresh: boolean }> {
  const op = getOperation(kind.ops.create);
  const token = op.clientToken ? clientToken(kind, inputs, wire) : undefined;
  const send = () =>
    whenReady(kind, `${kind.className} create`, deadline, () =>
      call(kind.ops.create, { ...pathParams(kind, inputs), body: { [kind.wrapper]: wire } }, token ? { clientToken: token } : {}),
    { props: inputs });
  try {
    return { obj: unwrap(kind, await send()), fresh: true };
  } catch (e) {
    if (!(e instanceof OutcomeUnknownError)) throw e;
  }
  throwIfCancelled(`${kind.className} create`);
  const found = await orphan(kind, inputs, wire, true);
  if (found) return { obj: found, fresh: false };
  try {
    return { obj: unwrap(kind, await send()), fresh: true };
  } catch (e) {
    if (!(e instanceof OutcomeUnknownError)) throw e;
    const again = await orphan(kind, inputs, wire, true).catch(() => undefined);
    if (again) return { obj: again, fresh: false };
    throw new Error(
      `${kind.className} create: the service's answer was lost twice (${(e as Error).message}); the resource may exist — run \`pulumi up\` again, which finds it instead of creating another`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// read

export async function read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
  const kind = getKind(kindOf(props));
  noteStateId(props, id);
  const obj = await show(kind, id, props);
  if (!obj) return {}; // deleted outside Pulumi: drop it from the state
  let outs = outputsFor(kind, obj, props);
  if (kind.tagResourceType) {
    const tags = await readTags(kind, id);
    if (tags) outs = { ...outs, tags: withoutMarker(tags) };
  }
  const status = kind.status ? String(obj[kind.status.field] ?? "") : "";
  if (kind.status?.failed.includes(status)) warn(`${kind.className} ${id} is ${status}: ${remedy(status)}`);
  const extra = await hooksFor(kind.kind).readExtra?.(hookContext(kind, id, props, deadlineOf(props, "update", kind)));
  return { id, props: { ...outs, ...extra } };
}

async function readTags(kind: ResourceKindSpec, id: string): Promise<Record<string, string> | undefined> {
  try {
    const r = await call("showResourceTags", { resource_type: kind.tagResourceType, resource_id: id });
    const out: Record<string, string> = {};
    for (const t of (r?.tags ?? []) as { key: string; value?: string }[]) out[t.key] = t.value ?? "";
    return out;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// update

export async function update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
  const kind = getKind(kindOf(news));
  noteStateId(news, id);
  const c = changedFields(kind, olds, news);
  const unset = Array.isArray(news.__unset) ? (news.__unset as string[]) : [];
  return applyUpdate(kind, id, olds, news, c, unset);
}

async function applyUpdate(
  kind: ResourceKindSpec,
  id: string,
  olds: Props,
  news: Props,
  c: FieldChanges,
  unset: readonly string[] = [],
): Promise<{ outs: Props }> {
  const deadline = deadlineOf(news, "update", kind);
  const want = desiredWire(kind, news);
  const hooks = hooksFor(kind.kind);
  const ctx = { props: news, id };
  let obj: Props | undefined;
  try {
    if (c.inPlace.length > 0 && kind.ops.update) {
      const body = updateBody(kind, c.inPlace, want);
      await whenReady(kind, `${kind.className} ${id} update`, deadline, () =>
        call(kind.ops.update!, { ...idParams(kind, kind.ops.update!, id, news), body: { [kind.wrapper]: body } }),
      ctx);
      obj = kind.status ? await waitReady(kind, id, news, deadline, false, "update") : undefined;
    }
    for (const field of c.via) {
      const opName = kind.updateVia![field]!;
      // A field whose change takes more than one call (a server's client CA certificates) has its own hook.
      const own = hooks.updateField?.[field];
      if (own) await own({ ...hookContext(kind, id, news, deadline), olds, want: want[field] });
      else
        await whenReady(kind, `${kind.className} ${id} ${field} change`, deadline, () =>
          call(opName, { ...idParams(kind, opName, id, news), body: viaBody(kind, opName, field, want[field]) }),
        ctx);
      obj = kind.status ? await waitReady(kind, id, news, deadline, false, "update") : undefined;
    }
    for (const field of unset) {
      if (!hooks.unset) throw new Error(`${kind.className} ${id}: ${snakeToCamel(field)} cannot be removed once set; set it to the value you want`);
      await whenReady(kind, `${kind.className} ${id} ${field} removal`, deadline, () =>
        hooks.unset!({ field, id, olds, news, call: (op, params) => call(op, { ...idParams(kind, op, id, news), ...params }) }),
      ctx);
      obj = undefined;
    }
    if (c.tags && kind.tagResourceType) {
      await updateTags(kind, id, withoutMarker((olds.tags ?? {}) as Record<string, string>), (news.tags ?? {}) as Record<string, string>);
      obj = undefined; // read again: the object carries its tags
    }
    // Also the way a resource recorded with an init error (created, never ready) is finished by the next `up`.
    obj = obj ?? (kind.status ? await waitReady(kind, id, news, deadline, false, undefined) : await show(kind, id, news)) ?? {};
    if (hooks.afterCreate && news.waitForTunnelUp && !olds.waitForTunnelUp) {
      obj = (await hooks.afterCreate({ ...hookContext(kind, id, news, deadline), obj, waitActive: () => waitReady(kind, id, news, deadline, true) })) ?? obj;
    }
    if (hooks.afterUpdate) obj = (await hooks.afterUpdate({ ...hookContext(kind, id, news, deadline), olds, obj })) ?? obj;
  } catch (e) {
    if (obj === undefined || e instanceof CancelledError) throw e;
    throw initError(`${kind.className} ${id} update did not finish: ${(e as Error).message}`, id, outputsFor(kind, obj, news), news);
  }
  const changed = [...c.inPlace, ...c.via];
  const mismatch = verifyReadBack(kind, id, news, obj, changed);
  if (mismatch) throw initError(mismatch, id, outputsFor(kind, obj, news), news);
  return { outs: outputsFor(kind, obj, news) };
}

async function updateTags(kind: ResourceKindSpec, id: string, olds: Record<string, string>, news: Record<string, string>): Promise<void> {
  const removed = Object.keys(olds).filter((k) => !(k in news) || news[k] !== olds[k]);
  const added = Object.entries(news).filter(([k, v]) => olds[k] !== v);
  const params = { resource_type: kind.tagResourceType, resource_id: id };
  if (removed.length > 0) {
    await call("batchDeleteResourceTags", { ...params, body: { tags: removed.map((k) => ({ key: k, value: olds[k] })) } });
  }
  if (added.length > 0) {
    await call("batchCreateResourceTags", { ...params, body: { tags: added.map(([key, value]) => ({ key, value })) } });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// delete

export async function remove(id: string, props: Props): Promise<void> {
  const kind = getKind(kindOf(props));
  noteStateId(props, id);
  // Kept in the cloud, removed from the stack only: no delete API, or the program asked to keep it.
  const keep = hooksFor(kind.kind).keep?.(props) ?? (kind.ops.delete ? undefined : `the API has no delete operation for a ${kind.className}`);
  if (keep) {
    warn(`${kind.className} ${id} is removed from the stack but not deleted: ${keep}.`);
    return;
  }
  const deadline = deadlineOf(props, "delete", kind);
  try {
    await whenReady(kind, `${kind.className} ${id} delete`, deadline, () =>
      call(kind.ops.delete!, idParams(kind, kind.ops.delete!, id, props)),
    { props, id });
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  await waitGone(kind, id, props, deadline);
}

/** The provider methods, installed on the serialized provider object by its `configure` (see ./resource). */
export function methods(config: ConfigSource): Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> {
  configure(config);
  installCancelHooks();
  // Actions (./actions) share the provider object; resources carrying `__action` go to the action runtime.
  const m = withActions({ check, diff, create, read, update, delete: remove });
  // Each call runs with the settings of the resource's own region/project when it names them (inputs on check and
  // create, the new inputs on update, which a placement change never reaches: it replaces).
  return {
    check: (olds, news) => withPlacement(placementOf(news), () => m.check(olds, news)),
    diff: (id, olds, news) => withPlacement(placementOf(news), () => m.diff(id, olds, news)),
    create: (inputs) => withPlacement(placementOf(inputs), () => m.create(inputs)),
    read: (id, props) => withPlacement(placementOf(props), () => m.read(id, props)),
    update: (id, olds, news) => withPlacement(placementOf(news), () => m.update(id, olds, news)),
    delete: (id, props) => withPlacement(placementOf(props), () => m.delete(id, props)),
  };
}

/** For tests and tools: whether this process has been cancelled. */
export function isCancelled(): boolean {
  return cancelSignal.aborted;
}
