/**
 * The generic dynamic-provider implementation, driven by each kind's `ResourceKindSpec` and the operation table.
 * It runs in the provider process; resource classes require it by package name inside their methods
 * (`pulumi-huaweicloud-vpn/rt`), so the serialized provider in the state stays small and holds no
 * credentials. Per-kind behaviour that the spec cannot express lives in `./kinds` hooks.
 */
import { createHash, randomBytes } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import type { VpnClient } from "../sdk/client";
import { isNotFound, OutcomeUnknownError, ResourceFailedError } from "../sdk/errors";
import { getKind } from "../sdk/spec/kinds";
import { inputsToWire, objectShape, wireToOutputs, wrappedShape } from "../sdk/spec/mapping";
import { getOperation } from "../sdk/spec/operations";
import type { ResourceKindSpec } from "../sdk/spec/types";
import { toFieldIssues, type FieldIssue } from "../sdk/schemas/validate";
import { snakeToCamel } from "../sdk/util/case";
import { clientFor, configureFrom, currentSettings, type ConfigSource } from "./settings";
import { parseDuration, pollUntil } from "./wait";
import { hooksFor, PROVIDER_ONLY, type HookContext } from "./kinds";
import { withActions } from "./actions";

type Props = Record<string, any>;

// ---------------------------------------------------------------------------------------------------------------
// Client

/** The SDK client for the configured settings. */
export function client(): VpnClient {
  return clientFor(currentSettings());
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

// ---------------------------------------------------------------------------------------------------------------
// Shapes

/** Pulumi inputs → the create request's wrapped object (only the body's fields; path params are separate). */
export function createWire(kind: ResourceKindSpec, inputs: Props): Props {
  const wire = inputsToWire(kind, inputs, [...PROVIDER_ONLY, ...(hooksFor(kind.kind).sideInputs ?? [])]);
  const shape = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper);
  if (shape) {
    for (const k of Object.keys(wire)) if (!(k in shape) && (kind.parentParams ?? []).includes(k)) delete wire[k];
  }
  return wire;
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

// ---------------------------------------------------------------------------------------------------------------
// check

function autoName(base: string): string {
  return `${base}-${randomBytes(4).toString("hex").slice(0, 7)}`;
}

export async function check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  const kindName = kindOf(news);
  const kind = getKind(kindName);
  const hooks = hooksFor(kindName);
  const inputs: Props = { ...news };
  // Pulumi-style auto-name, stable across updates: `<resource name>-<random suffix>`.
  if (kind.nameField) {
    const nameKey = snakeToCamel(kind.nameField);
    if (inputs[nameKey] === undefined) inputs[nameKey] = olds?.[nameKey] ?? autoName(String(news.__logicalName ?? kind.kind));
  }
  Object.assign(inputs, hooks.defaults?.(inputs));
  const failures: { property: string; reason: string }[] = [];
  for (const f of ["create", "update", "delete"]) {
    try {
      parseDuration(inputs.timeouts?.[f], 1);
    } catch (e) {
      failures.push({ property: "timeouts", reason: (e as Error).message.replace("timeouts:", `timeouts.${f}:`) });
    }
  }
  const op = getOperation(kind.ops.create);
  if (op.body) {
    const wire = createWire(kind, inputs);
    const body = { [kind.wrapper]: wire };
    const r = op.body.safeParse(body);
    if (!r.success) {
      // Values not known until another resource exists (preview) cannot be judged yet: skip their issues.
      // Adopting (`importId`) needs only the fields the program wants to manage: absent ones are not required.
      const adopting = typeof inputs.importId === "string" && inputs.importId !== "";
      const known = r.error.issues.filter((i) => {
        const v = valueAt(body, i.path as PropertyKey[]);
        return !containsUnknowns(v) && !(adopting && v === undefined && i.code === "invalid_type");
      });
      const secretPaths = kind.secret.map((s) => `${kind.wrapper}.${s}`);
      failures.push(...issuesToFailures(toFieldIssues(known, body, secretPaths), kind.wrapper));
    }
  }
  failures.push(...(hooks.check?.(inputs) ?? []));
  return { inputs, failures };
}

/** Preview values not known yet (outputs of other resources) come as this sentinel in dynamic providers. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
function valueAt(v: unknown, path: readonly PropertyKey[]): unknown {
  let cur: any = v;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (cur === UNKNOWN) return UNKNOWN;
    cur = cur[p];
  }
  return cur;
}

function containsUnknowns(v: unknown): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknowns);
  if (v && typeof v === "object") return Object.values(v).some(containsUnknowns);
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// diff

/** JSON with object keys sorted, so that equal objects compare equal whatever their key order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Props)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

function normalise(kind: ResourceKindSpec, wire: Props): Props {
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
function subsetEqual(want: unknown, have: unknown): boolean {
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

/** The desired wire object: inputs with documented defaults filled by the create schema. */
function desiredWire(kind: ResourceKindSpec, inputs: Props): Props {
  const wire = createWire(kind, inputs);
  const op = getOperation(kind.ops.create);
  const r = op.body?.safeParse({ [kind.wrapper]: wire });
  return r?.success ? ((r.data as Props)[kind.wrapper] as Props) : wire;
}

/** The last known wire object of a resource, from its outputs. */
function actualWire(kind: ResourceKindSpec, outs: Props): Props {
  return inputsToWire(kind, outs, PROVIDER_ONLY);
}

export interface FieldChanges {
  inPlace: string[];
  replace: string[];
  via: string[];
  tags: boolean;
}

export function changedFields(kind: ResourceKindSpec, olds: Props, news: Props): FieldChanges {
  const want = normalise(kind, desiredWire(kind, news));
  const have = normalise(kind, actualWire(kind, olds));
  const res: FieldChanges = { inPlace: [], replace: [], via: [], tags: false };
  for (const [k, v] of Object.entries(want)) {
    if (k === "tags") continue;
    if (subsetEqual(v, have[k])) continue;
    const nested = (kind.replaceNested ?? []).filter((p) => p.startsWith(k + "."));
    if (nested.some((p) => !subsetEqual(valueAt(want, p.split(".")), valueAt(have, p.split("."))))) res.replace.push(k);
    else if (kind.updateVia?.[k]) res.via.push(k);
    else if (kind.updatable.includes(k) && kind.ops.update) res.inPlace.push(k);
    else res.replace.push(k);
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

/** Inputs handled by the provider (provider options, a kind's side inputs): lists of plain values are sets. */
function sameInput(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x !== "object") ? [...v].sort() : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

export async function diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  const kind = getKind(kindOf(news));
  if (containsUnknowns(news)) {
    // Unknown inputs at preview: report a change; replace only if a replace-only field is unknown.
    const c = changedFields(kind, olds, news);
    const unknownReplace = Object.keys(createWire(kind, news)).filter(
      (k) => containsUnknowns(createWire(kind, news)[k]) && !kind.updatable.includes(k) && !kind.updateVia?.[k],
    );
    const replaces = [...new Set([...c.replace, ...unknownReplace])].map(snakeToCamel);
    return { changes: true, replaces };
  }
  const c = changedFields(kind, olds, news);
  const providerOnlyChanged = [...PROVIDER_ONLY, ...(hooksFor(kind.kind).sideInputs ?? [])].some((k) => !sameInput(olds[k], news[k]));
  const changes = c.inPlace.length + c.replace.length + c.via.length > 0 || c.tags || providerOnlyChanged;
  const deleteBeforeReplace = c.replace.length > 0 && (hooksFor(kind.kind).deleteBeforeReplace?.(olds, news) ?? false);
  return { changes, replaces: c.replace.map(snakeToCamel), deleteBeforeReplace };
}

// ---------------------------------------------------------------------------------------------------------------
// status

function deadlineOf(inputs: Props, phase: "create" | "update" | "delete", kind: ResourceKindSpec): number {
  const fallback = (hooksFor(kind.kind).defaultTimeoutMinutes ?? 10) * 60_000;
  return Date.now() + parseDuration(inputs.timeouts?.[phase], fallback);
}

async function show(kind: ResourceKindSpec, id: string, props: Props): Promise<Props | undefined> {
  try {
    const r = await call(kind.ops.show, idParams(kind, kind.ops.show, id, props));
    const pick = hooksFor(kind.kind).pick;
    return (pick ? pick(r, id) : (r?.[kind.wrapper] ?? r)) as Props | undefined;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** Waits until the resource reaches a ready status (or, with `wantActive`, exactly ACTIVE). */
async function waitReady(kind: ResourceKindSpec, id: string, props: Props, deadline: number, wantActive = false): Promise<Props> {
  const st = kind.status;
  return pollUntil(
    `${kind.className} ${id} to become ${wantActive ? "ACTIVE" : (st?.ready ?? ["ready"]).join(" or ")}`,
    async () => {
      const obj = await show(kind, id, props);
      if (!obj) return { done: false, seen: "not found yet" };
      if (!st) return { done: true, value: obj };
      const status = String(obj[st.field] ?? "");
      if (st.failed.includes(status)) {
        throw new ResourceFailedError(`${kind.className} ${id} entered status ${status}`, { status, resourceId: id });
      }
      const ok = wantActive ? status === "ACTIVE" : st.ready.includes(status);
      return ok ? { done: true, value: obj } : { done: false, seen: `status ${status || "(none)"}` };
    },
    { deadline },
  );
}

async function waitGone(kind: ResourceKindSpec, id: string, props: Props, deadline: number): Promise<void> {
  await pollUntil(
    `${kind.className} ${id} to be deleted`,
    async () => {
      const obj = await show(kind, id, props);
      if (!obj) return { done: true, value: undefined };
      return { done: false, seen: `status ${String(obj[kind.status?.field ?? "status"] ?? "(present)")}` };
    },
    { deadline },
  );
}

/** Retries a change while the API answers "not ready / in progress" (documented codes), until the deadline. */
async function whenReady<T>(kind: ResourceKindSpec, what: string, deadline: number, fn: () => Promise<T>): Promise<T> {
  const codes = new Set(kind.notReadyCodes ?? []);
  return pollUntil(
    what,
    async () => {
      try {
        return { done: true, value: await fn() };
      } catch (e: any) {
        if (e && codes.has(e.errorCode)) return { done: false, seen: `${e.errorCode} ${e.errorMsg ?? ""}`.trim() };
        throw e;
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
    whenReady: (what, fn) => whenReady(kind, what, deadline, fn),
    poll: (what, probe) => pollUntil(what, probe, { deadline }),
  };
}

/**
 * A warning in the engine's output. Dynamic providers have no diagnostic API: what they write to stderr is
 * shown with the update (pulumi-notes.md, Logging), so the line is marked as a warning itself.
 */
function warn(message: string): void {
  console.error(`warning: ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// outputs

function outputsFor(kind: ResourceKindSpec, obj: Props, inputs: Props): Props {
  const outs = wireToOutputs(obj);
  // Write-only fields (the PSK) are never returned: keep the input, which stays secret in the state. Fields the
  // service returns only in some states (a gateway's EIPs "only when ACTIVE") keep the requested value until then.
  for (const [k, v] of Object.entries(inputs)) {
    if (v !== undefined && outs[k] === undefined && !k.startsWith("__") && !PROVIDER_ONLY.includes(k)) outs[k] = v;
  }
  for (const w of kind.writeOnly) {
    const k = snakeToCamel(w);
    if (inputs[k] !== undefined) outs[k] = inputs[k];
  }
  for (const k of PROVIDER_ONLY) if (inputs[k] !== undefined) outs[k] = inputs[k];
  outs.__kind = kind.kind;
  for (const p of kind.parentParams ?? []) {
    const k = snakeToCamel(p);
    if (outs[k] === undefined && inputs[k] !== undefined) outs[k] = inputs[k];
  }
  if (kind.tagResourceType && outs.tags === undefined) outs.tags = inputs.tags ?? {};
  return hooksFor(kind.kind).outputs?.(outs, inputs) ?? outs;
}

function initError(message: string, id: string, outs: Props, inputs: Props): Error {
  const e: any = new Error(message);
  e.id = id;
  // Without __provider the engine could not later delete or update the half-made resource.
  e.properties = { ...outs, __provider: inputs.__provider };
  e.reasons = [message];
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// create

/** A token that is the same for the same logical create (name and inputs), so a retried create is deduplicated. */
function clientToken(kind: ResourceKindSpec, wire: Props): string {
  const h = createHash("sha256").update(kind.kind).update(JSON.stringify(wire)).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

async function findByName(kind: ResourceKindSpec, inputs: Props): Promise<Props | undefined> {
  if (!kind.nameField || !kind.ops.list) return undefined;
  const name = inputs[snakeToCamel(kind.nameField)];
  const params = pathParams(kind, inputs);
  const matches = (item: any) => item?.[kind.nameField!] === name;
  if (getOperation(kind.ops.list).pagination) {
    for await (const item of (client() as any).paginate(kind.ops.list, params)) if (matches(item)) return item as Props;
    return undefined;
  }
  // An unpaged list (gateways): the response's one array.
  const r = await call(kind.ops.list, params);
  const items = Object.values(r ?? {}).find(Array.isArray) as Props[] | undefined;
  return items?.find(matches);
}

/**
 * Adopts an existing resource (`importId`): Pulumi's `import` option does not work for dynamic resources (the
 * dynamic-provider host fails on the import read), so a resource can name the id to take over instead. Fields
 * the API can change are brought to the program's values; a difference that would need a replacement is refused.
 */
async function adopt(kind: ResourceKindSpec, id: string, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const obj = await show(kind, id, inputs);
  if (!obj) throw new Error(`importId: "${id}" — no ${kind.className} with this id exists`);
  let outs = outputsFor(kind, obj, inputs);
  if (kind.tagResourceType) outs = { ...outs, tags: (await readTags(kind, id)) ?? {} };
  const hooks = hooksFor(kind.kind);
  outs = { ...outs, ...(await hooks.readExtra?.(hookContext(kind, id, inputs, deadlineOf(inputs, "create", kind)))) };
  const sideChanged = (hooks.sideInputs ?? []).some((k) => inputs[k] !== undefined && !sameInput(outs[k], inputs[k]));
  const c = changedFields(kind, outs, inputs);
  if (c.replace.length > 0) {
    throw new Error(
      `importId: "${id}" — the existing ${kind.className} differs in ${c.replace.map(snakeToCamel).join(", ")}, which cannot change in place; make the program match it`,
    );
  }
  if (c.inPlace.length + c.via.length > 0 || c.tags || sideChanged) return { id, outs: (await update(id, outs, inputs)).outs! };
  return { id, outs };
}

export async function create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const kindName = kindOf(inputs);
  const kind = getKind(kindName);
  if (typeof inputs.importId === "string" && inputs.importId) return adopt(kind, inputs.importId, inputs);
  const hooks = hooksFor(kindName);
  const deadline = deadlineOf(inputs, "create", kind);
  const wire = createWire(kind, inputs);
  const op = getOperation(kind.ops.create);
  await hooks.beforeCreate?.(hookContext(kind, "", inputs, deadline));
  let created: Props | undefined;
  try {
    const r = await whenReady(kind, `${kind.className} create`, deadline, () =>
      call(
        kind.ops.create,
        { ...pathParams(kind, inputs), body: { [kind.wrapper]: wire } },
        op.clientToken ? { clientToken: clientToken(kind, wire) } : {},
      ),
    );
    created = (r?.[kind.wrapper] ?? r) as Props;
  } catch (e) {
    if (!(e instanceof OutcomeUnknownError)) throw e;
    // The request may or may not have been applied: look the resource up by its (unique, auto) name before
    // anything else, so that neither an orphan nor a duplicate is left.
    created = await findByName(kind, inputs);
    if (!created) {
      created = await (async () => {
        const r = await call(kind.ops.create, { ...pathParams(kind, inputs), body: { [kind.wrapper]: wire } });
        return (r?.[kind.wrapper] ?? r) as Props;
      })();
    }
  }
  const id = String(hooks.createdId?.(created ?? {}, inputs) ?? created?.[kind.idField] ?? "");
  if (!id) throw new Error(`${kind.className}: the create response carried no ${kind.idField}`);
  let obj: Props = created!;
  try {
    obj = await waitReady(kind, id, inputs, deadline);
    if (hooks.afterCreate) obj = (await hooks.afterCreate({ ...hookContext(kind, id, inputs, deadline), obj, waitActive: () => waitReady(kind, id, inputs, deadline, true) })) ?? obj;
  } catch (e) {
    throw initError(`${kind.className} ${id} was created but did not become ready: ${(e as Error).message}`, id, outputsFor(kind, obj, inputs), inputs);
  }
  return { id, outs: outputsFor(kind, obj, inputs) };
}

// ---------------------------------------------------------------------------------------------------------------
// read

export async function read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
  const kind = getKind(kindOf(props));
  const obj = await show(kind, id, props);
  if (!obj) return {}; // deleted outside Pulumi: drop it from the state
  let outs = outputsFor(kind, obj, props);
  if (kind.tagResourceType) {
    const tags = await readTags(kind, id);
    if (tags) outs = { ...outs, tags };
  }
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
  const kindName = kindOf(news);
  const kind = getKind(kindName);
  const deadline = deadlineOf(news, "update", kind);
  const c = changedFields(kind, olds, news);
  const want = desiredWire(kind, news);
  let obj: Props | undefined;
  if (c.inPlace.length > 0 && kind.ops.update) {
    const body: Props = {};
    // An update that replaces the whole object (the log configuration) takes every updatable field.
    for (const k of kind.updateWhole ? kind.updatable.filter((f) => want[f] !== undefined) : c.inPlace) body[k] = want[k];
    await whenReady(kind, `${kind.className} ${id} update`, deadline, () =>
      call(kind.ops.update!, { ...idParams(kind, kind.ops.update!, id, news), body: { [kind.wrapper]: body } }),
    );
    obj = await waitReady(kind, id, news, deadline);
  }
  for (const field of c.via) {
    const opName = kind.updateVia![field]!;
    const own = hooksFor(kindName).updateField?.[field];
    if (own) await own({ ...hookContext(kind, id, news, deadline), olds, want: want[field] });
    else
      await whenReady(kind, `${kind.className} ${id} ${field} change`, deadline, () =>
        call(opName, { ...idParams(kind, opName, id, news), body: viaBody(kind, opName, field, want[field]) }),
      );
    obj = await waitReady(kind, id, news, deadline);
  }
  if (c.tags && kind.tagResourceType) {
    await updateTags(kind, id, olds.tags ?? {}, news.tags ?? {});
    obj = undefined; // read again: the object carries its tags
  }
  const hooks = hooksFor(kindName);
  // Also the way a resource recorded with an init error (created, never ready) is finished by the next `up`.
  obj = obj ?? (kind.status ? await waitReady(kind, id, news, deadline) : await show(kind, id, news)) ?? {};
  if (hooks.afterCreate && news.waitForTunnelUp && !olds.waitForTunnelUp) {
    obj = (await hooks.afterCreate({ ...hookContext(kind, id, news, deadline), obj, waitActive: () => waitReady(kind, id, news, deadline, true) })) ?? obj;
  }
  if (hooks.afterUpdate) obj = (await hooks.afterUpdate({ ...hookContext(kind, id, news, deadline), olds, obj })) ?? obj;
  return { outs: outputsFor(kind, obj, news) };
}

/**
 * The body of a field's own change operation: wrapped like the resource (`{vpn_gateway: {flavor}}`), or its
 * single documented field (`{new_password}` for a user's password reset).
 */
function viaBody(kind: ResourceKindSpec, opName: string, field: string, value: unknown): Props {
  const shape = objectShape(getOperation(opName).body);
  if (!shape || kind.wrapper in shape) return { [kind.wrapper]: { [field]: value } };
  const keys = Object.keys(shape);
  if (keys.length !== 1) throw new Error(`${opName}: cannot tell which field carries ${field}`);
  return { [keys[0]!]: value };
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
    );
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  await waitGone(kind, id, props, deadline);
}


/** The provider methods, installed on the serialized provider object by its `configure` (see ./resource). */
export function methods(config: ConfigSource): Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> {
  configure(config);
  // Actions (./actions) share the provider object; resources carrying `__action` go to the action runtime.
  return withActions({ check, diff, create, read, update, delete: remove });
}
