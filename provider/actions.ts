/**
 * Actions as resources (the convention of `@pulumi/command`): creating one performs its operation once and waits
 * for the outcome; it runs again only when an input changes (`triggers` is there to ask for that), never during
 * a preview (the engine creates nothing then); reading, updating `timeouts` and deleting do nothing in the cloud.
 * What each action calls and waits for is the table in sdk/spec/actions.ts; its inputs are the operation's path
 * parameters and body fields in lowerCamelCase, checked with the operation's own schema.
 *
 * The generic runtime dispatches resources carrying `__action` here (`withActions`); the classes are made by
 * `defineAction` on the one shared provider object, like the kinds' classes.
 */
import { randomUUID } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { ResourceFailedError } from "../sdk/errors";
import type { UpgradeAction } from "../sdk/schemas/common/jobs";
import { toFieldIssues } from "../sdk/schemas/validate";
import { getAction, type ActionName, type ActionSpec } from "../sdk/spec/actions";
import { FAILED_JOB_STATUSES, UPGRADE_JOB_FLOWS } from "../sdk/spec/jobs";
import { getKind, typeToken } from "../sdk/spec/kinds";
import { objectShape } from "../sdk/spec/mapping";
import { getOperation } from "../sdk/spec/operations";
import { snakeToCamel } from "../sdk/util/case";
import { provider, TYPE_MODULE } from "./resource";
import { clientFor, currentSettings } from "./settings";
import type * as inputs from "./generated/inputs";
import type * as outputs from "./generated/outputs";
import type { OutputsOf } from "./types";
import { parseDuration, pollUntil } from "./wait";

type Props = Record<string, any>;
type Methods = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

/** Inputs of every action that are not the operation's: when to run again, and how long to wait. */
const OPTIONS = ["triggers", "timeouts", "region", "projectId"] as const;
/** Outputs an action adds to its inputs. */
const RESULTS = ["jobId", "jobStatus", "performedAt"] as const;
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const containsUnknowns = (v: unknown): boolean =>
  v === UNKNOWN || (Array.isArray(v) ? v.some(containsUnknowns) : !!v && typeof v === "object" && Object.values(v).some(containsUnknowns));

function pathParamsOf(spec: ActionSpec): string[] {
  return [...getOperation(spec.operation).path.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]!).filter((p) => p !== "project_id");
}

function bodyFieldsOf(spec: ActionSpec): string[] {
  return Object.keys(objectShape(getOperation(spec.operation).body) ?? {});
}

/** Body fields that are secret (the operation's `secretFields` at the body's top level). */
function secretFieldsOf(spec: ActionSpec): string[] {
  return (getOperation(spec.operation).secretFields ?? []).filter((f) => !f.includes(".") && !f.includes("["));
}

/** The action's inputs that go to the API (path parameters and body fields, lowerCamelCase). */
function apiInputs(spec: ActionSpec): string[] {
  return [...pathParamsOf(spec), ...bodyFieldsOf(spec)].map(snakeToCamel);
}

function request(spec: ActionSpec, inputs: Props): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of pathParamsOf(spec)) params[p] = inputs[snakeToCamel(p)];
  const fields = bodyFieldsOf(spec);
  if (fields.length > 0) {
    const body: Props = {};
    for (const f of fields) if (inputs[snakeToCamel(f)] !== undefined) body[f] = inputs[snakeToCamel(f)];
    params.body = body;
  }
  return params;
}

function sdk(): any {
  return clientFor(currentSettings());
}

// ---------------------------------------------------------------------------------------------------------------
// check, diff

async function check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  const spec = getAction(news.__action);
  const failures: { property: string; reason: string }[] = [];
  for (const f of ["create", "update", "delete"]) {
    try {
      parseDuration(news.timeouts?.[f], 1);
    } catch (e) {
      failures.push({ property: "timeouts", reason: (e as Error).message.replace("timeouts:", `timeouts.${f}:`) });
    }
  }
  for (const p of pathParamsOf(spec)) {
    const v = news[snakeToCamel(p)];
    if (v === UNKNOWN) continue;
    if (typeof v !== "string" || v === "") failures.push({ property: snakeToCamel(p), reason: `${snakeToCamel(p)}: ${v === undefined ? "<missing>" : JSON.stringify(v)} — required: the ${p} of the ${spec.operation} call` });
  }
  const op = getOperation(spec.operation);
  if (op.body) {
    const body = (request(spec, news).body ?? {}) as Props;
    const r = op.body.safeParse(body);
    if (!r.success) {
      const known = r.error.issues.filter((i) => !containsUnknowns(body[String(i.path[0])]));
      for (const i of toFieldIssues(known, body, op.secretFields ?? [])) {
        const secret = i.value === "<redacted>";
        failures.push({ property: secret ? "" : snakeToCamel(i.field.split(/[.[]/)[0] ?? i.field), reason: `${snakeToCamel(i.field)}: ${i.value} — ${i.rule}` });
      }
    }
  }
  return { inputs: news, failures };
}

async function diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  const spec = getAction(news.__action);
  // Any input the action was performed with, and `triggers`, run it again; `timeouts` only applies next time.
  const rerun = [...apiInputs(spec), "triggers", "region", "projectId"].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
  const changes = rerun.length > 0 || JSON.stringify(olds.timeouts) !== JSON.stringify(news.timeouts);
  return { changes, replaces: rerun };
}

// ---------------------------------------------------------------------------------------------------------------
// create: perform and wait

function deadlineOf(inputs: Props): number {
  return Date.now() + parseDuration(inputs.timeouts?.create, 20 * 60_000);
}

async function* listed(op: string, params: Record<string, unknown>): AsyncGenerator<Props> {
  if (getOperation(op).pagination) {
    for await (const item of sdk().paginate(op, params)) yield item as Props;
    return;
  }
  const r = await sdk()[op](params);
  for (const item of (Object.values(r ?? {}).find(Array.isArray) ?? []) as Props[]) yield item;
}

/** Waits for what the action's spec says it ends in; returns the job status when there is a job. */
async function waitFor(spec: ActionSpec, inputs: Props, response: Props, deadline: number): Promise<string | undefined> {
  const w = spec.wait;
  const params = request(spec, inputs);
  if (!w) return undefined;
  if (w.kind === "status") {
    const kind = getKind(w.resourceKind);
    const st = kind.status!;
    const id = String(params[kind.idParam]);
    await pollUntil(
      `${kind.className} ${id} to be ${st.ready.join(" or ")} after ${spec.className}`,
      async () => {
        const obj = (await sdk()[kind.ops.show]({ [kind.idParam]: id }))?.[kind.wrapper] as Props | undefined;
        const status = String(obj?.[st.field] ?? "");
        if (st.failed.includes(status)) throw new ResourceFailedError(`${kind.className} ${id} entered status ${status}`, { status, resourceId: id });
        return st.ready.includes(status) ? { done: true, value: undefined } : { done: false, seen: `status ${status || "(none)"}` };
      },
      { deadline },
    );
    return undefined;
  }
  if (w.kind === "job") {
    const jobId = String(response.job_id ?? "");
    if (!jobId) throw new Error(`${spec.className}: the ${spec.operation} response carried no job_id`);
    const flow = UPGRADE_JOB_FLOWS[(params.body as { action: UpgradeAction }).action];
    return pollUntil(
      `upgrade job ${jobId} to be ${flow.ends}`,
      async () => {
        let job: Props | undefined;
        for await (const j of listed(w.listOperation, { resource_id: params[w.resourceParam] })) if (j.id === jobId) job = j;
        if (!job) return { done: false, seen: "not listed yet" };
        const status = String(job.status ?? "");
        if ((FAILED_JOB_STATUSES as readonly string[]).includes(status))
          throw new ResourceFailedError(`upgrade job ${jobId} failed${job.error_message ? `: ${job.error_message}` : ""}`, { status, resourceId: jobId });
        if (status === flow.ends) return { done: true, value: status };
        // The job announces how long it takes: the next polls gather around its end (the first list is at once,
        // since the upgrade's response carries only the job id).
        const expected = Number(job.expected_time_seconds ?? 0);
        return { done: false, seen: `status ${status || "(none)"}`, ...(expected > 0 ? { expectMs: expected * 1000 } : {}) };
      },
      { deadline },
    );
  }
  const target = String(params[w.idParam]);
  const listParams = Object.fromEntries(w.listParams.map((p) => [p, params[p]]));
  await pollUntil(
    `${w.idField} ${target} to leave ${w.listOperation}`,
    async () => {
      for await (const item of listed(w.listOperation, listParams)) if (String(item[w.idField]) === target) return { done: false, seen: "still listed" };
      return { done: true, value: undefined };
    },
    { deadline },
  );
  return undefined;
}

async function create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  const spec = getAction(inputs.__action);
  const deadline = deadlineOf(inputs);
  const response = ((await sdk()[spec.operation](request(spec, inputs))) ?? {}) as Props;
  const jobStatus = await waitFor(spec, inputs, response, deadline);
  const outs: Props = { ...inputs, performedAt: new Date().toISOString() };
  if (typeof response.job_id === "string") outs.jobId = response.job_id;
  if (jobStatus !== undefined) outs.jobStatus = jobStatus;
  return { id: typeof response.job_id === "string" ? response.job_id : randomUUID(), outs };
}

// ---------------------------------------------------------------------------------------------------------------
// read, update, delete: nothing to do in the cloud

async function read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
  return { id, props };
}

async function update(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
  const results = Object.fromEntries(RESULTS.filter((k) => olds[k] !== undefined).map((k) => [k, olds[k]]));
  return { outs: { ...news, ...results } };
}

async function remove(): Promise<void> {
  // An action that was performed cannot be undone; forgetting it is all a delete does.
}

/** Routes resources that carry `__action` to the action runtime; every other resource to the generic one. */
export function withActions(generic: Methods): Methods {
  const isAction = (p: Props | undefined) => typeof p?.__action === "string";
  return {
    check: (olds, news) => (isAction(news) ? check(olds, news) : generic.check(olds, news)),
    diff: (id, olds, news) => (isAction(news) ? diff(id, olds, news) : generic.diff(id, olds, news)),
    create: (inputs) => (isAction(inputs) ? create(inputs) : generic.create(inputs)),
    read: (id, props) => (isAction(props) ? read(id, props) : generic.read(id, props)),
    update: (id, olds, news) => (isAction(news) ? update(id, olds, news) : generic.update(id, olds, news)),
    delete: (id, props) => (isAction(props) ? remove() : generic.delete(id, props)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// classes

/** An instance of an action class: a Pulumi dynamic resource with the action's state as outputs. */
export type ActionInstance<State> = pulumi.dynamic.Resource & OutputsOf<State>;

/** An action class: its generated arguments (./generated/inputs) and output properties (./generated/outputs). */
export interface ActionClass<Args, State> {
  new (name: string, args: Args, opts?: pulumi.CustomResourceOptions): ActionInstance<State>;
  /** Whether `obj` is an instance of this class. */
  isInstance(obj: object | null | undefined): obj is ActionInstance<State>;
  readonly __pulumiType: string;
}

/** Defines the class of an action (one definition serves every action of sdk/spec/actions.ts). */
function defineAction<Args, State>(name: ActionName): ActionClass<Args, State> {
  const spec = getAction(name);
  const token = typeToken(spec.className);
  const secrets = secretFieldsOf(spec).map(snakeToCamel);
  const cls = class extends pulumi.dynamic.Resource {
    static readonly __pulumiType = token;
    static override isInstance(obj: any): obj is pulumi.CustomResource {
      return !!obj && obj.__pulumiType === token;
    }
    constructor(resourceName: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
      const props: Record<string, unknown> = {};
      for (const k of [...apiInputs(spec), ...OPTIONS, ...RESULTS]) props[k] = undefined;
      for (const [k, v] of Object.entries(args ?? {})) if (v !== undefined) props[k] = secrets.includes(k) ? pulumi.secret(v) : v;
      props.__action = name;
      props.__logicalName = resourceName;
      super(provider, resourceName, props, { ...opts, additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secrets])] }, TYPE_MODULE, spec.className);
    }
  };
  Object.defineProperty(cls, "name", { value: spec.className });
  return cls as unknown as ActionClass<Args, State>;
}

export const VpnConnectionReset = defineAction<inputs.VpnConnectionResetArgs, outputs.VpnConnectionResetState>("vpnConnectionReset");
export type VpnConnectionReset = InstanceType<typeof VpnConnectionReset>;
export const VpnGatewayUpgrade = defineAction<inputs.VpnGatewayUpgradeArgs, outputs.VpnGatewayUpgradeState>("vpnGatewayUpgrade");
export type VpnGatewayUpgrade = InstanceType<typeof VpnGatewayUpgrade>;
export const VpnGatewayJobDelete = defineAction<inputs.VpnGatewayJobDeleteArgs, outputs.VpnGatewayJobDeleteState>("vpnGatewayJobDelete");
export type VpnGatewayJobDelete = InstanceType<typeof VpnGatewayJobDelete>;
export const P2cVpnGatewayUpgrade = defineAction<inputs.P2cVpnGatewayUpgradeArgs, outputs.P2cVpnGatewayUpgradeState>("p2cVpnGatewayUpgrade");
export type P2cVpnGatewayUpgrade = InstanceType<typeof P2cVpnGatewayUpgrade>;
export const P2cVpnGatewayJobDelete = defineAction<inputs.P2cVpnGatewayJobDeleteArgs, outputs.P2cVpnGatewayJobDeleteState>("p2cVpnGatewayJobDelete");
export type P2cVpnGatewayJobDelete = InstanceType<typeof P2cVpnGatewayJobDelete>;
export const P2cVpnGatewayConnectionDisconnect = defineAction<inputs.P2cVpnGatewayConnectionDisconnectArgs, outputs.P2cVpnGatewayConnectionDisconnectState>("p2cVpnGatewayConnectionDisconnect");
export type P2cVpnGatewayConnectionDisconnect = InstanceType<typeof P2cVpnGatewayConnectionDisconnect>;
export const VpnUserPasswordReset = defineAction<inputs.VpnUserPasswordResetArgs, outputs.VpnUserPasswordResetState>("vpnUserPasswordReset");
export type VpnUserPasswordReset = InstanceType<typeof VpnUserPasswordReset>;
