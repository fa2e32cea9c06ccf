/**
 * Point-to-cloud resources: the P2C gateway, its VPN server and connection-log configuration, and what lives
 * under a server (user groups with their members, users, access policies, client CA certificates). Same generic
 * runtime as the site-to-cloud resources; their kinds are in sdk/spec/p2c-kinds.ts, their hooks in ./kinds. The
 * classes, their arguments and output properties are generated (./generated, scripts/gen-types.ts).
 */
import type * as inputs from "./generated/inputs";
import type * as outputs from "./generated/outputs";

export {
  P2cVpnGateway,
  type P2cVpnGatewayArgs,
  VpnServer,
  ConnectionLogConfig,
  VpnUserGroup,
  VpnUser,
  VpnAccessPolicy,
  ClientCaCertificate,
} from "./generated/classes";

export type P2cVpnGatewayState = outputs.P2cVpnGatewayState;
export type VpnServerArgs = inputs.VpnServerArgs;
export type VpnServerState = outputs.VpnServerState;
export type ConnectionLogConfigArgs = inputs.ConnectionLogConfigArgs;
export type ConnectionLogConfigState = outputs.ConnectionLogConfigState;
export type VpnUserGroupArgs = inputs.VpnUserGroupArgs;
export type VpnUserGroupState = outputs.VpnUserGroupState;
export type VpnUserArgs = inputs.VpnUserArgs;
export type VpnUserState = outputs.VpnUserState;
export type VpnAccessPolicyArgs = inputs.VpnAccessPolicyArgs;
export type VpnAccessPolicyState = outputs.VpnAccessPolicyState;
export type ClientCaCertificateArgs = inputs.ClientCaCertificateArgs;
export type ClientCaCertificateState = outputs.ClientCaCertificateState;
