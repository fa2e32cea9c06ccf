/**
 * The site-to-cloud resources. Each class is a Pulumi dynamic resource with its own type token
 * (`pulumi-nodejs:dynamic/huaweicloud-vpn:<ClassName>`, also its static `__pulumiType`); behaviour comes from the
 * generic runtime and the kind's spec in sdk/spec. The classes, their arguments and output properties are
 * generated (./generated, scripts/gen-types.ts) from the schemas, the kinds and the docs of sdk/spec/docs.
 */
import type * as inputs from "./generated/inputs";
import type * as outputs from "./generated/outputs";

export { VpnGateway, CustomerGateway, VpnConnection, ConnectionMonitor, GatewayCertificate } from "./generated/classes";

export type VpnGatewayArgs = inputs.VpnGatewayArgs;
export type VpnGatewayState = outputs.VpnGatewayState;
export type CustomerGatewayArgs = inputs.CustomerGatewayArgs;
export type CustomerGatewayState = outputs.CustomerGatewayState;
export type VpnConnectionArgs = inputs.VpnConnectionArgs;
export type VpnConnectionState = outputs.VpnConnectionState;
export type ConnectionMonitorArgs = inputs.ConnectionMonitorArgs;
export type ConnectionMonitorState = outputs.ConnectionMonitorState;
export type GatewayCertificateArgs = inputs.GatewayCertificateArgs;
export type GatewayCertificateState = outputs.GatewayCertificateState;
