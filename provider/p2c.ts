/**
 * Point-to-cloud resources: the P2C gateway, its VPN server and connection-log configuration, and what lives
 * under a server (user groups with their members, users, access policies, client CA certificates). Same generic
 * runtime as the site-to-cloud resources; their kinds are in sdk/spec/p2c-kinds.ts, their hooks in ./kinds.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as ca from "../sdk/schemas/p2c/client-ca";
import type * as gw from "../sdk/schemas/p2c/gateway";
import type * as grp from "../sdk/schemas/p2c/user-group";
import type * as lc from "../sdk/schemas/p2c/log-config";
import type * as pol from "../sdk/schemas/p2c/access-policy";
import type * as srv from "../sdk/schemas/p2c/server";
import type * as usr from "../sdk/schemas/p2c/user";
import { defineResource } from "./resource";
import type { ArgsOf, Camelize, OutputsOf, StateOf } from "./types";

/** Every P2C resource here belongs to a VPN server. */
type OnServer = { vpnServerId: pulumi.Input<string> };
/** … or to a P2C gateway. */
type OnGateway = { p2cVgwId: pulumi.Input<string> };

type P2cVpnGatewayCreateArgs = ArgsOf<typeof gw.CreateP2cVgwRequest, "p2c_vpn_gateway">;
type P2cVpnGatewayExtras = {
  /** A new EIP for the gateway (G3: unbind the current one first, VPN.0512). */
  eipId?: pulumi.Input<string>;
  /** Delete an adopted (`importId`) gateway when the stack is destroyed; by default it is kept. */
  deleteOnDestroy?: pulumi.Input<boolean>;
};
/**
 * Create a gateway (the create fields), or adopt an existing one with `importId` and only the fields to manage
 * (gateways are bought yearly/monthly).
 */
export type P2cVpnGatewayArgs =
  | (P2cVpnGatewayCreateArgs & P2cVpnGatewayExtras)
  | (Partial<P2cVpnGatewayCreateArgs> & P2cVpnGatewayExtras & { importId: pulumi.Input<string> });
export type P2cVpnGatewayState = StateOf<typeof gw.ShowP2cVgwResponse, "p2c_vpn_gateway"> & { eipId?: string; deleteOnDestroy?: boolean };

/**
 * A point-to-cloud VPN gateway. Get, list and update are documented (ZH/EN 4.2.1); create and delete are the
 * official SDK's `CreateP2cVgw`/`DeleteP2cVgw`, which neither edition of the reference documents. An adopted
 * gateway (`importId`) is kept on destroy unless `deleteOnDestroy` is true. Updates in place: `name`, `eipId`, tags.
 */
export const P2cVpnGateway = defineResource<P2cVpnGatewayArgs, OutputsOf<P2cVpnGatewayState>>("p2cVpnGateway");
export type P2cVpnGateway = InstanceType<typeof P2cVpnGateway>;

export type VpnServerArgs = ArgsOf<typeof srv.CreateVpnServerRequest, "vpn_server"> & OnGateway;
export type VpnServerState = Camelize<srv.VpnServer> & { p2cVgwId?: string };

/**
 * The VPN server of a P2C gateway (ZH/EN 4.2.2.1–4.2.2.5), in certificate (`CERT`) or password
 * (`LOCAL_PASSWORD`) mode. Updates in place what S3 allows; client CA certificates change one by one. There is
 * no delete API: destroying removes it from the stack with a warning, and it stays with its gateway. A gateway
 * has one server: creating a second fails naming the existing one, which `importId` adopts.
 */
export const VpnServer = defineResource<VpnServerArgs, OutputsOf<VpnServerState>>("vpnServer");
export type VpnServer = InstanceType<typeof VpnServer>;

export type ConnectionLogConfigArgs = ArgsOf<typeof lc.UpdateVpnConnectionsLogConfigRequest, "log_config"> & OnGateway;
export type ConnectionLogConfigState = StateOf<typeof lc.ShowVpnConnectionsLogConfigResponse, "log_config"> & { p2cVgwId?: string };

/** Where a P2C gateway sends its connection logs: a Log Tank Service group and stream (EN 4.2.2.11–4.2.2.13). */
export const ConnectionLogConfig = defineResource<ConnectionLogConfigArgs, OutputsOf<ConnectionLogConfigState>>("connectionLogConfig");
export type ConnectionLogConfig = InstanceType<typeof ConnectionLogConfig>;

export type VpnUserGroupArgs = ArgsOf<typeof grp.CreateVpnUserGroupRequest, "user_group"> &
  OnServer & {
    /**
     * The group's members (VPN user ids), added and removed through UG6/UG7. Without it membership is not
     * managed here; do not also set these users' `userGroupId`.
     */
    users?: pulumi.Input<pulumi.Input<string>[]>;
  };
export type VpnUserGroupState = StateOf<typeof grp.ShowVpnUserGroupResponse, "user_group"> & { vpnServerId?: string; users?: string[] };

/** A user group of a VPN server (ZH 4.2.3.8 / EN 4.2.3.10), optionally with its members (`users`). */
export const VpnUserGroup = defineResource<VpnUserGroupArgs, OutputsOf<VpnUserGroupState>>("vpnUserGroup");
export type VpnUserGroup = InstanceType<typeof VpnUserGroup>;

export type VpnUserArgs = ArgsOf<typeof usr.CreateVpnUserRequest, "user"> & OnServer;
export type VpnUserState = StateOf<typeof usr.ShowVpnUserResponse, "user"> & { vpnServerId?: string; password?: string };

/** A local-password user of a VPN server (ZH 4.2.3.1 / EN 4.2.3.1). The password is secret; changing it resets it. */
export const VpnUser = defineResource<VpnUserArgs, OutputsOf<VpnUserState>>("vpnUser");
export type VpnUser = InstanceType<typeof VpnUser>;

export type VpnAccessPolicyArgs = ArgsOf<typeof pol.CreateVpnAccessPolicyRequest, "access_policy"> & OnServer;
export type VpnAccessPolicyState = StateOf<typeof pol.ShowVpnAccessPolicyResponse, "access_policy"> & { vpnServerId?: string };

/** An access policy of a VPN server: which destinations a user group may reach (ZH/EN 4.2.4). */
export const VpnAccessPolicy = defineResource<VpnAccessPolicyArgs, OutputsOf<VpnAccessPolicyState>>("vpnAccessPolicy");
export type VpnAccessPolicy = InstanceType<typeof VpnAccessPolicy>;

export type ClientCaCertificateArgs = ArgsOf<typeof ca.ImportClientCaRequest, "client_ca_certificate"> & OnServer;
export type ClientCaCertificateState = StateOf<typeof ca.ShowClientCaResponse, "client_ca_certificate"> & { vpnServerId?: string };

/** A client CA certificate of a certificate-authenticated VPN server (ZH/EN 4.2.2.7–4.2.2.10). */
export const ClientCaCertificate = defineResource<ClientCaCertificateArgs, OutputsOf<ClientCaCertificateState>>("clientCaCertificate");
export type ClientCaCertificate = InstanceType<typeof ClientCaCertificate>;
