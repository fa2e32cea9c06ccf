/**
 * Actions: operations that do something once instead of managing a resource (reset a connection, upgrade a
 * gateway, delete a job, disconnect a client, reset a password). The provider exposes each as a resource whose
 * create performs the action and waits for its outcome, and which runs again when its `triggers` change (the
 * convention of `@pulumi/command`). One entry per action: the operation it calls and what "done" means. The
 * inputs are the operation's path parameters and body fields, so nothing here repeats a schema.
 */
import type { OperationName } from "./operations";

export type ActionWait =
  /** The resource the action acts on is ready again (its kind's status in sdk/spec). */
  | { readonly kind: "status"; readonly resourceKind: string }
  /**
   * The job the response names (`job_id`) reaches the status its action ends in (sdk/spec/jobs.ts), read from
   * the job list filtered by the gateway (`resource_id` = the path parameter `resourceParam`).
   */
  | { readonly kind: "job"; readonly listOperation: OperationName; readonly resourceParam: string }
  /**
   * The item the action removes is gone from a list: the list operation (given the path parameters
   * `listParams`) no longer has an item whose `idField` equals the path parameter `idParam`.
   */
  | {
      readonly kind: "gone";
      readonly listOperation: OperationName;
      readonly listKey: string;
      readonly listParams: readonly string[];
      readonly idParam: string;
      readonly idField: string;
    };

export interface ActionSpec {
  /** Key in `actionSpecs` (lowerCamelCase). */
  readonly action: string;
  /** Pulumi class name; the type token is `pulumi-nodejs:dynamic/huaweicloud-vpn:<className>`. */
  readonly className: string;
  /** The operation the action calls (a key of the operation table). */
  readonly operation: OperationName;
  readonly summary: string;
  /** What the action waits for after the call; none where the API offers nothing to wait on. */
  readonly wait?: ActionWait;
  /** The Terraform provider's resource for the same action, when there is one. */
  readonly terraform?: string;
}

function defineActions<const T extends Record<string, ActionSpec>>(actions: T): T {
  return actions;
}

export const actionSpecs = defineActions({
  vpnConnectionReset: {
    action: "vpnConnectionReset",
    className: "VpnConnectionReset",
    operation: "resetVpnConnection",
    summary: "Resets a VPN connection (renegotiates its tunnel) and waits until the connection is ready again.",
    wait: { kind: "status", resourceKind: "vpnConnection" },
    terraform: "huaweicloud_vpn_connection_reset",
  },
  vpnGatewayUpgrade: {
    action: "vpnGatewayUpgrade",
    className: "VpnGatewayUpgrade",
    operation: "upgradeVpnGateway",
    summary: "Starts, finishes (confirms) or rolls back a VPN gateway's upgrade and waits for its job.",
    wait: { kind: "job", listOperation: "listVpnGatewayJobs", resourceParam: "vgw_id" },
    terraform: "huaweicloud_vpn_gateway_upgrade",
  },
  vpnGatewayJobDelete: {
    action: "vpnGatewayJobDelete",
    className: "VpnGatewayJobDelete",
    operation: "deleteVpnGatewayJob",
    summary: "Deletes a VPN gateway's upgrade job and waits until the job list no longer shows it.",
    wait: { kind: "gone", listOperation: "listVpnGatewayJobs", listKey: "jobs", listParams: [], idParam: "job_id", idField: "id" },
    terraform: "huaweicloud_vpn_gateway_job_delete",
  },
  p2cVpnGatewayUpgrade: {
    action: "p2cVpnGatewayUpgrade",
    className: "P2cVpnGatewayUpgrade",
    operation: "upgradeP2cVpnGateway",
    summary: "Starts, finishes (confirms) or rolls back a P2C VPN gateway's upgrade and waits for its job.",
    wait: { kind: "job", listOperation: "listP2cVpnGatewayJobs", resourceParam: "p2c_vgw_id" },
    terraform: "huaweicloud_vpn_p2c_gateway_upgrade",
  },
  p2cVpnGatewayJobDelete: {
    action: "p2cVpnGatewayJobDelete",
    className: "P2cVpnGatewayJobDelete",
    operation: "deleteP2cVpnGatewayJob",
    summary: "Deletes a P2C VPN gateway's upgrade job and waits until the job list no longer shows it.",
    wait: { kind: "gone", listOperation: "listP2cVpnGatewayJobs", listKey: "jobs", listParams: [], idParam: "job_id", idField: "id" },
    terraform: "huaweicloud_vpn_p2c_gateway_job_delete",
  },
  p2cVpnGatewayConnectionDisconnect: {
    action: "p2cVpnGatewayConnectionDisconnect",
    className: "P2cVpnGatewayConnectionDisconnect",
    operation: "deleteP2cVgwConnection",
    summary: "Disconnects a client from a P2C VPN gateway and waits until the gateway no longer lists the connection.",
    wait: {
      kind: "gone",
      listOperation: "listP2cVgwConnections",
      listKey: "connections",
      listParams: ["p2c_vgw_id"],
      idParam: "connection_id",
      idField: "connection_id",
    },
    terraform: "huaweicloud_vpn_p2c_gateway_connection_disconnect",
  },
  vpnUserPasswordReset: {
    action: "vpnUserPasswordReset",
    className: "VpnUserPasswordReset",
    operation: "resetVpnUserPassword",
    summary: "Resets a VPN user's password (the new password is secret). Users have no status to wait on (§2.9).",
  },
});

export type ActionName = keyof typeof actionSpecs;

export function getAction(name: string): ActionSpec {
  const a = (actionSpecs as Record<string, ActionSpec>)[name];
  if (!a) throw new Error(`unknown VPN action "${name}"`);
  return a;
}
