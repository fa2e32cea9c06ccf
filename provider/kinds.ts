/**
 * What the generic provider cannot read from the spec: provider-only inputs and the few per-kind hooks.
 * Each hook says why it exists.
 */

type Props = Record<string, any>;

/** Inputs that configure the provider's behaviour and are never sent to the API. */
export const PROVIDER_ONLY = ["timeouts", "waitForTunnelUp", "importId", "__logicalName", "__kind"] as const as readonly string[];

export interface KindHooks {
  /** Deadline of create/update/delete when the resource sets no `timeouts` (default 10 minutes). */
  defaultTimeoutMinutes?: number;
  /** Extra preview-time checks on the inputs (beyond the request schema). */
  check?(inputs: Props): { property: string; reason: string }[];
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
  vpnGateway: {
    // Creating a gateway takes minutes (the emulator's realistic duration is 3 minutes); allow half an hour.
    defaultTimeoutMinutes: 30,
    // An existing EIP stays bound to the old gateway until it is deleted (VPN.0553 "EIP has been bound to an
    // instance"), so a replacement that keeps its EIPs must delete the old gateway first; Pulumi then also
    // replaces the connections that depend on it.
    deleteBeforeReplace(olds, news) {
      const ids = (p: Props) => [p.eip1?.id, p.eip2?.id].filter((x): x is string => typeof x === "string");
      const old = new Set(ids(olds));
      return ids(news).some((id) => old.has(id));
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

export function hooksFor(kind: string): KindHooks {
  return hooks[kind] ?? {};
}
