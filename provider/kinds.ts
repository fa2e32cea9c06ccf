/**
 * What the generic provider cannot read from the spec: provider-only inputs and the few per-kind hooks.
 * Each hook says why it exists.
 */

import { runRules, s2cRules } from "../sdk/rules";
import { getKind } from "../sdk/spec/kinds";
import { desiredWire, updateOnlyFields } from "./plan";

type Props = Record<string, any>;

export { PROVIDER_ONLY } from "./plan";

export interface KindHooks {
  /** Deadline of create/update/delete when the resource sets no `timeouts` (default 10 minutes). */
  defaultTimeoutMinutes?: number;
  /** Extra preview-time checks on the inputs (beyond the request schema); `olds` when the resource exists. */
  check?(inputs: Props, olds?: Props): { property: string; reason: string }[];
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
    call: (op: string, params: Record<string, unknown>) => Promise<unknown>;
  }): Promise<unknown>;
  /** After the resource is ready: wait for more, or read more. */
  afterCreate?(ctx: {
    id: string;
    inputs: Props;
    obj: Props;
    deadline: number;
    waitActive: () => Promise<Props>;
  }): Promise<Props | undefined>;
  /** A replacement must delete the old resource first (the new one could not coexist with it). */
  deleteBeforeReplace?(olds: Props, news: Props): boolean;
  /** Adjust outputs computed from the API object. */
  outputs?(outs: Props, inputs: Props): Props;
}

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
      const ids = (p: Props) => [p.eip1?.id, p.eip2?.id].filter((x): x is string => typeof x === "string");
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
      const v = inputs.waitForTunnelUp;
      return v === undefined || typeof v === "boolean"
        ? []
        : [{ property: "waitForTunnelUp", reason: `waitForTunnelUp: ${JSON.stringify(v)} — must be true or false` }];
    },
    async afterCreate(ctx) {
      return ctx.inputs.waitForTunnelUp ? ctx.waitActive() : undefined;
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
