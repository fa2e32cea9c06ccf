/**
 * What the generic provider cannot read from the spec: provider-only inputs and the few per-kind hooks.
 * Each hook says why it exists.
 */
import { createHash } from "node:crypto";
import { ID_RULE, resourceId } from "../sdk/schemas/shared";

import { runRules, s2cRules } from "../sdk/rules";
import { getKind } from "../sdk/spec/kinds";
import { desiredWire, updateOnlyFields } from "./plan";

import { at, type PropertyValue, type Props } from "./props";
type Failure = { property: string; reason: string };

export { PROVIDER_ONLY } from "./plan";
/** What a hook may use (built by the runtime for the resource at hand). */
export interface HookContext {
  /** The resource's id ("" before it exists). */
  readonly id: string;
  /** The resource's inputs (checked), or its current outputs on read. */
  readonly inputs: Props;
  readonly deadline: number;
  /** Calls an operation of the SDK (its key in the operation table). */
  call(op: string, params: Props): Promise<Props>;
  /** The resource as the API shows it now (undefined: not found). */
  show(): Promise<Props | undefined>;
  /** Waits until the resource is ready again (its status, or until it shows). */
  waitReady(): Promise<Props>;
  /** Retries `fn` while the API answers "not ready / busy" with one of the kind's codes. */
  whenReady<T>(what: string, fn: () => Promise<T>): Promise<T>;
  /** Polls under the resource's deadline. */
  poll<T>(what: string, probe: () => Promise<{ done: true; value: T } | { done: false; seen: string }>): Promise<T>;
}

export interface KindHooks {
  /** Deadline of create/update/delete when the resource sets no `timeouts` (default 10 minutes). */
  defaultTimeoutMinutes?: number;
  /** Extra preview-time checks on the inputs (beyond the request schema); `olds` when the resource exists. */
  check?(inputs: Props, olds?: Props): Failure[];
  /** Warnings to show at preview when a replacement is planned because of these (wire) fields. */
  replaceWarnings?(fields: readonly string[], olds: Props, news: Props): string[];
  /**
   * Removes a field the program no longer sets (a user taken out of its group), where the API has a way to:
   * `call` runs an operation with the resource's own path parameters filled in.
   */
  unset?(ctx: {
    field: string;
    id: string;
    olds: Props;
    news: Props;
    call: (op: string, params: Props) => Promise<Props>;
  }): Promise<Props | void>;
  /** Provider-side defaults filled in at check, so that they are stable across updates. */
  defaults?(inputs: Props): Props;
  /** The resource in a show response that does not wrap it (the VPN server comes in its gateway's server list). */
  pick?(response: Props | undefined, id: string): Props | undefined;
  /** Before the create call: refuse clearly what the API would refuse obscurely. */
  beforeCreate?(ctx: HookContext): Promise<void>;
  /** The id of a resource whose create response carries none (a singleton under its parent). */
  createdId?(created: Props, inputs: Props): string | undefined;
  /** After the resource is ready: wait for more, or read more. */
  afterCreate?(ctx: HookContext & { obj: Props; waitActive: () => Promise<Props> }): Promise<Props | undefined>;
  /** A field of `updateVia` that takes more than one call (a server's client CA certificates). */
  updateField?: Readonly<Record<string, (ctx: HookContext & { olds: Props; want: PropertyValue }) => Promise<void>>>;
  /** After an update: reconcile the side inputs; may return the resource read again. */
  afterUpdate?(ctx: HookContext & { olds: Props; obj: Props }): Promise<Props | undefined>;
  /** Outputs beyond the show response, read at every read (refresh): the side inputs' actual values. */
  readExtra?(ctx: HookContext): Promise<Props>;
  /** Why the resource stays in the cloud on delete (it is only removed from the stack, with a warning). */
  keep?(props: Props): string | undefined;
  /** A replacement must delete the old resource first (the new one could not coexist with it). */
  deleteBeforeReplace?(olds: Props, news: Props): boolean;
  /** Adjust outputs computed from the API object. */
  outputs?(outs: Props, inputs: Props): Props;
}

const isUnknown = (v: unknown): boolean => v === "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function booleanInput(inputs: Props, key: string): Failure[] {
  const v = inputs[key];
  return v === undefined || typeof v === "boolean" || isUnknown(v)
    ? []
    : [{ property: key, reason: `${key}: ${JSON.stringify(v)} — must be true or false` }];
}

/** The ids of a group's members (every page of UG8). */
async function membersOf(ctx: HookContext, groupId: string): Promise<string[]> {
  const ids: string[] = [];
  let marker: string | undefined;
  for (;;) {
    const r = await ctx.call("listVpnUsersInGroup", { vpn_server_id: ctx.inputs.vpnServerId, group_id: groupId, limit: 200, ...(marker ? { marker } : {}) });
    for (const u of (r?.users ?? []) as Props[]) ids.push(String(u.id));
    const next = at(r?.page_info, "next_marker");
    if (typeof next !== "string" || next === "" || next === marker || ((r?.users ?? []) as PropertyValue[]).length === 0) return ids;
    marker = next;
  }
}

/**
 * Adds and removes a group's members (UG6/UG7), then reads the group until its `user_number` counts them
 * (membership changes are asynchronous, api-p2c-common.md §2.9), so the outputs are not stale.
 */
async function reconcileMembers(ctx: HookContext, before: readonly string[], after: readonly string[]): Promise<Props | undefined> {
  const removed = before.filter((u) => !after.includes(u));
  const added = after.filter((u) => !before.includes(u));
  const params = { vpn_server_id: ctx.inputs.vpnServerId, group_id: ctx.id };
  if (removed.length > 0)
    await ctx.whenReady(`VpnUserGroup ${ctx.id} remove users`, () => ctx.call("removeVpnUsersFromGroup", { ...params, body: { users: removed.map((id) => ({ id })) } }));
  if (added.length > 0)
    await ctx.whenReady(`VpnUserGroup ${ctx.id} add users`, () => ctx.call("addVpnUsersToGroup", { ...params, body: { users: added.map((id) => ({ id })) } }));
  return ctx.poll(`VpnUserGroup ${ctx.id} to count ${after.length} users`, async () => {
    const g = await ctx.show();
    if (!g) return { done: false, seen: "not found" };
    return typeof g.user_number !== "number" || g.user_number === after.length
      ? { done: true, value: g }
      : { done: false, seen: `user_number ${g.user_number}` };
  });
}

const caName = (content: string): string => `ca-${createHash("sha256").update(content).digest("hex").slice(0, 8)}`;

const hooks: Record<string, KindHooks> = {
  vpnUser: {
    // A user leaves its group through the group's remove-users operation (the user update cannot clear it).
    async unset({ field, id, olds, call }) {
      if (field !== "user_group_id") throw new Error(`VpnUser ${id}: ${field} cannot be removed once set; set it to the value you want`);
      const group = olds.userGroupId;
      if (typeof group !== "string" || group === "") return undefined;
      return call("removeVpnUsersFromGroup", { group_id: group, body: { users: [{ id }] } });
    },
  },
  vpnGateway: {
    // Creating a gateway takes minutes (the emulator's realistic duration is 3 minutes); allow half an hour.
    defaultTimeoutMinutes: 30,
    // The update rules that depend on the gateway itself (GW-19: policy_template only on NonFixedIP flavors,
    // local_subnets only on vpc gateways) can be judged at preview from the gateway's own inputs.
    check(inputs) {
      const kind = getKind("vpnGateway");
      const want = desiredWire(kind, inputs);
      const body = Object.fromEntries(updateOnlyFields(kind).filter((k) => want[k] !== undefined).map((k) => [k, want[k]]));
      if (Object.keys(body).length === 0) return [];
      return runRules(s2cRules, "vpnGateway", body, { operation: "updateVgw", gateway: want })
        .filter((i) => i.severity === "mandatory")
        .map((i) => ({ property: String(i.path[0] ?? ""), reason: `${i.path.join(".")}: ${JSON.stringify(valueOf(want, i.path))} — ${i.message}` }));
    },
    // An existing EIP stays bound to the old gateway until it is deleted (VPN.0553 "EIP has been bound to an
    // instance"), so a replacement that keeps its EIPs must delete the old gateway first; Pulumi then also
    // replaces the connections that depend on it.
    deleteBeforeReplace(olds, news) {
      const ids = (p: Props) => [at(p.eip1, "id"), at(p.eip2, "id")].filter((x): x is string => typeof x === "string");
      const old = new Set(ids(olds));
      return ids(news).some((id) => old.has(id));
    },
    // No VPN API moves a gateway to another enterprise project (that is the EPS service's migration), so the
    // change replaces it; kept EIPs make it delete-first: an outage, and every connection is replaced with it.
    replaceWarnings(fields, olds, news) {
      if (!fields.includes("enterprise_project_id")) return [];
      const first = this.deleteBeforeReplace?.(olds, news) ? "deleted first (it keeps its EIPs), so VPN traffic stops until the new one is ACTIVE, " : "";
      return [
        `changing enterpriseProjectId replaces the gateway: it is ${first}and every connection on it is replaced too. To keep it, move it with the Enterprise Project service's resource migration instead and set enterpriseProjectId to the new value afterwards.`,
      ];
    },
  },
  vpnConnection: {
    // A connection is provisioned at DOWN (no peer yet) or ACTIVE; `waitForTunnelUp` asks for the tunnel itself,
    // which needs the peer device to negotiate, so it is opt-in.
    check(inputs) {
      return booleanInput(inputs, "waitForTunnelUp");
    },
    async afterCreate(ctx) {
      return ctx.inputs.waitForTunnelUp ? ctx.waitActive() : undefined;
    },
  },
  p2cVpnGateway: {
    defaultTimeoutMinutes: 30,
    check(inputs) {
      return booleanInput(inputs, "deleteOnDestroy");
    },
    // Gateways are bought yearly/monthly and adopted (`importId`): destroying the stack must not delete one
    // unless the program says so. A gateway the stack created is deleted (the official SDK's DeleteP2cVgw).
    keep(props) {
      return typeof props.importId === "string" && props.importId !== "" && props.deleteOnDestroy !== true
        ? "it was adopted (importId) and is kept; set deleteOnDestroy: true to delete it with the stack"
        : undefined;
    },
  },
  vpnServer: {
    // Terraform's server update allows 20 minutes; a CA certificate change waits for the server each time.
    defaultTimeoutMinutes: 20,
    pick(r, id) {
      return ((r?.vpn_servers ?? []) as Props[]).find((s) => s.id === id);
    },
    // Client CA certificates are told apart by name when the list changes: unnamed ones get a name from their
    // content (the API would pick a random `ca-cert-xxxx`).
    defaults(inputs) {
      const cas = inputs.clientCaCertificates;
      if (!Array.isArray(cas)) return {};
      return {
        clientCaCertificates: cas.map((v) => {
          const c = v as Props;
          return c && typeof c === "object" && c.name === undefined && typeof c.content === "string" && !isUnknown(c.content) ? { name: caName(c.content), ...c } : c;
        }),
      };
    },
    // A gateway has at most one server (VPN.1102): say which one exists, and how to adopt it.
    async beforeCreate(ctx) {
      const gw = ctx.inputs.p2cVgwId;
      const r = await ctx.call("listVpnServersByVgw", { p2c_vgw_id: gw });
      const existing = ((r?.vpn_servers ?? []) as Props[])[0];
      if (existing)
        throw new Error(
          `p2cVgwId: "${gw}" — the P2C gateway already has VPN server ${existing.id} (one server per gateway, VPN.1102); adopt it with importId: "${existing.id}"`,
        );
    },
    keep() {
      return "the API has no delete operation for a VPN server: it stays with its P2C gateway";
    },
    updateField: {
      // C2/C5 per certificate: import the new ones first (a CERT server keeps at least one, VPN.1101), then
      // delete the ones the program no longer names, each time waiting for the server (PENDING_UPDATE).
      async client_ca_certificates(ctx) {
        type Ca = { name?: string; content?: string };
        const key = (c: Ca) => `${c.name}\u0000${c.content}`;
        const before = ((ctx.olds.clientCaCertificates ?? []) as Ca[]).filter(Boolean);
        const after = ((ctx.want ?? []) as Ca[]).filter(Boolean);
        const removed = before.filter((b) => !after.some((a) => key(a) === key(b)));
        const added = after.filter((a) => !before.some((b) => key(a) === key(b)));
        const listed = ((await ctx.show())?.client_ca_certificates ?? []) as Props[];
        const stale = listed.filter((c) => removed.some((r) => r.name === c.name)).map((c) => String(c.id));
        for (const a of added) {
          await ctx.whenReady(`VpnServer ${ctx.id} import client CA ${a.name}`, () =>
            ctx.call("importClientCa", { vpn_server_id: ctx.id, body: { client_ca_certificate: { name: a.name, content: a.content } } }),
          );
          await ctx.waitReady();
        }
        for (const id of stale) {
          await ctx.whenReady(`VpnServer ${ctx.id} delete client CA ${id}`, () => ctx.call("deleteClientCa", { vpn_server_id: ctx.id, client_ca_certificate_id: id }));
          await ctx.waitReady();
        }
      },
    },
  },
  connectionLogConfig: {
    // One configuration per gateway, without an id of its own: it is known by its gateway's.
    createdId(_created, inputs) {
      return typeof inputs.p2cVgwId === "string" ? inputs.p2cVgwId : undefined;
    },
  },
  vpnUserGroup: {
    // Membership (`users`: user ids, a side input: ./plan SIDE_INPUTS) is driven by add-users / remove-users;
    // without `users` it is not managed.
    check(inputs) {
      const u = inputs.users;
      if (u === undefined || isUnknown(u)) return [];
      if (!Array.isArray(u) || u.some((x) => typeof x !== "string"))
        return [{ property: "users", reason: `users: ${JSON.stringify(u)} — must be a list of VPN user ids` }];
      const bad = u.find((x) => !isUnknown(x) && !resourceId.safeParse(x).success);
      if (bad !== undefined) return [{ property: "users", reason: `users: ${JSON.stringify(bad)} — ${ID_RULE}` }];
      const dup = u.find((x, i) => !isUnknown(x) && u.indexOf(x) !== i);
      return dup ? [{ property: "users", reason: `users: ${JSON.stringify(dup)} — each user once (P2C-GRP-4, VPN.1315)` }] : [];
    },
    async afterCreate(ctx) {
      const users = ctx.inputs.users as string[] | undefined;
      return users && users.length > 0 ? reconcileMembers(ctx, [], users) : undefined;
    },
    async afterUpdate(ctx) {
      const after = ctx.inputs.users as string[] | undefined;
      if (after === undefined) return undefined;
      const before = Array.isArray(ctx.olds.users) ? (ctx.olds.users as string[]) : [];
      return before.length === after.length && before.every((u) => after.includes(u)) ? undefined : reconcileMembers(ctx, before, after);
    },
    async readExtra(ctx) {
      return ctx.inputs.users === undefined ? {} : { users: await membersOf(ctx, ctx.id) };
    },
  },
};

function valueOf(v: unknown, path: readonly (string | number)[]): unknown {
  let cur: any = v;
  for (const p of path) cur = cur?.[p];
  return cur;
}

export function hooksFor(kind: string): KindHooks {
  return hooks[kind] ?? {};
}
