/**
 * Point-to-cloud resources that live under a VPN server: user groups, users, access policies and client CA
 * certificates. Same generic runtime as the site-to-cloud resources; their kinds are in sdk/spec/p2c-kinds.ts.
 * (The P2C gateway and the VPN server have no documented create/delete pair; manage them with the SDK.)
 */
import * as pulumi from "@pulumi/pulumi";
import type * as ca from "../sdk/schemas/p2c/client-ca";
import type * as grp from "../sdk/schemas/p2c/user-group";
import type * as pol from "../sdk/schemas/p2c/access-policy";
import type * as usr from "../sdk/schemas/p2c/user";
import { defineResource } from "./resource";
import type { ArgsOf, OutputsOf, StateOf } from "./types";

/** Every P2C resource here belongs to a VPN server. */
type OnServer = { vpnServerId: pulumi.Input<string> };

export type VpnUserGroupArgs = ArgsOf<typeof grp.CreateVpnUserGroupRequest, "user_group"> & OnServer;
export type VpnUserGroupState = StateOf<typeof grp.ShowVpnUserGroupResponse, "user_group"> & { vpnServerId?: string };

/** A user group of a VPN server (ZH 4.2.3.8 / EN 4.2.3.10). */
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
