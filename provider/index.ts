/**
 * pulumi-huaweicloud-vpn: Pulumi resources and functions for Huawei Cloud Enterprise VPN (API v5).
 *
 * Settings: Pulumi config `huaweicloud-vpn:region`, `projectId`, `accessKey`, `secretKey` (secret),
 * `securityToken` (secret), `endpoint`, `endpoints` (a JSON map region → endpoint for resources with their own
 * `region`); else the environment `HW_REGION_NAME`, `HW_PROJECT_ID`, `HW_ACCESS_KEY`,
 * `HW_SECRET_KEY`, `HW_SECURITY_TOKEN`, `HW_VPN_ENDPOINT`.
 */
import "./node-version";
export * from "./resources";
export * from "./p2c";
export {
  VpnConnectionReset,
  VpnGatewayUpgrade,
  VpnGatewayJobDelete,
  P2cVpnGatewayUpgrade,
  P2cVpnGatewayJobDelete,
  P2cVpnGatewayConnectionDisconnect,
  VpnUserPasswordReset,
  type ActionClass,
  type ActionInstance,
} from "./actions";
export type * as inputs from "./generated/inputs";
export type * as outputs from "./generated/outputs";
export type { ResourceClass, ResourceInstance } from "./resource";
export type { OutputsOf, StateInputsOf } from "./types";
export * from "./functions";
export type { Timeouts } from "./resource";
export { typeToken } from "./resource";
