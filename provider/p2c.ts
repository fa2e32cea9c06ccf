/**
 * Point-to-cloud resources: the P2C gateway, its VPN server and connection-log configuration, and what lives
 * under a server (user groups with their members, users, access policies, client CA certificates). Same generic
 * runtime as the site-to-cloud resources; their kinds are in sdk/spec/p2c-kinds.ts, their hooks in ./kinds.
 * Arguments and output properties are the generated interfaces of ./generated (scripts/gen-types.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as inputs from "./generated/inputs";
import type * as outputs from "./generated/outputs";
import { defineResource } from "./resource";

/**
 * Create a gateway (the create fields), or adopt an existing one with `importId` and only the fields to manage
 * (gateways are bought yearly/monthly).
 */
export type P2cVpnGatewayArgs = inputs.P2cVpnGatewayArgs | (Partial<inputs.P2cVpnGatewayArgs> & { importId: pulumi.Input<string> });
export type P2cVpnGatewayState = outputs.P2cVpnGatewayState;

/**
 * A point-to-cloud VPN gateway. Get, list and update are documented (ZH/EN 4.2.1); create and delete are the
 * official SDK's `CreateP2cVgw`/`DeleteP2cVgw`, which neither edition of the reference documents. An adopted
 * gateway (`importId`) is kept on destroy unless `deleteOnDestroy` is true. Updates in place: `name`, `eipId`, tags.
 */
export const P2cVpnGateway = defineResource<P2cVpnGatewayArgs, P2cVpnGatewayState>("p2cVpnGateway");
export type P2cVpnGateway = InstanceType<typeof P2cVpnGateway>;

export type VpnServerArgs = inputs.VpnServerArgs;
export type VpnServerState = outputs.VpnServerState;

/**
 * The VPN server of a P2C gateway (ZH/EN 4.2.2.1–4.2.2.5), in certificate (`CERT`) or password
 * (`LOCAL_PASSWORD`) mode. Updates in place what S3 allows; client CA certificates change one by one. There is
 * no delete API: destroying removes it from the stack with a warning, and it stays with its gateway. A gateway
 * has one server: creating a second fails naming the existing one, which `importId` adopts.
 */
export const VpnServer = defineResource<VpnServerArgs, VpnServerState>("vpnServer");
export type VpnServer = InstanceType<typeof VpnServer>;

export type ConnectionLogConfigArgs = inputs.ConnectionLogConfigArgs;
export type ConnectionLogConfigState = outputs.ConnectionLogConfigState;

/** Where a P2C gateway sends its connection logs: a Log Tank Service group and stream (EN 4.2.2.11–4.2.2.13). */
export const ConnectionLogConfig = defineResource<ConnectionLogConfigArgs, ConnectionLogConfigState>("connectionLogConfig");
export type ConnectionLogConfig = InstanceType<typeof ConnectionLogConfig>;

export type VpnUserGroupArgs = inputs.VpnUserGroupArgs;
export type VpnUserGroupState = outputs.VpnUserGroupState;

/** A user group of a VPN server (ZH 4.2.3.8 / EN 4.2.3.10), optionally with its members (`users`). */
export const VpnUserGroup = defineResource<VpnUserGroupArgs, VpnUserGroupState>("vpnUserGroup");
export type VpnUserGroup = InstanceType<typeof VpnUserGroup>;

export type VpnUserArgs = inputs.VpnUserArgs;
export type VpnUserState = outputs.VpnUserState;

/** A local-password user of a VPN server (ZH 4.2.3.1 / EN 4.2.3.1). The password is secret; changing it resets it. */
export const VpnUser = defineResource<VpnUserArgs, VpnUserState>("vpnUser");
export type VpnUser = InstanceType<typeof VpnUser>;

export type VpnAccessPolicyArgs = inputs.VpnAccessPolicyArgs;
export type VpnAccessPolicyState = outputs.VpnAccessPolicyState;

/** An access policy of a VPN server: which destinations a user group may reach (ZH/EN 4.2.4). */
export const VpnAccessPolicy = defineResource<VpnAccessPolicyArgs, VpnAccessPolicyState>("vpnAccessPolicy");
export type VpnAccessPolicy = InstanceType<typeof VpnAccessPolicy>;

export type ClientCaCertificateArgs = inputs.ClientCaCertificateArgs;
export type ClientCaCertificateState = outputs.ClientCaCertificateState;

/** A client CA certificate of a certificate-authenticated VPN server (ZH/EN 4.2.2.7–4.2.2.10). */
export const ClientCaCertificate = defineResource<ClientCaCertificateArgs, ClientCaCertificateState>("clientCaCertificate");
export type ClientCaCertificate = InstanceType<typeof ClientCaCertificate>;
