/**
 * The site-to-cloud resources. Each class is a Pulumi dynamic resource with its own type token
 * (`pulumi-nodejs:dynamic/huaweicloud-vpn:<ClassName>`, also its static `__pulumiType`); behaviour comes from the
 * generic runtime and the kind's spec in sdk/spec. Arguments and output properties are the generated interfaces of
 * ./generated (scripts/gen-types.ts), documented field by field.
 */
import type * as inputs from "./generated/inputs";
import type * as outputs from "./generated/outputs";
import { defineResource } from "./resource";

export type VpnGatewayArgs = inputs.VpnGatewayArgs;
export type VpnGatewayState = outputs.VpnGatewayState;

/** A VPN gateway (ZH/EN 4.1.1). Waits for ACTIVE; `flavor` changes through the specification API. */
export const VpnGateway = defineResource<VpnGatewayArgs, VpnGatewayState>("vpnGateway");
export type VpnGateway = InstanceType<typeof VpnGateway>;

export type CustomerGatewayArgs = inputs.CustomerGatewayArgs;
export type CustomerGatewayState = outputs.CustomerGatewayState;

/** A customer gateway, the peer device (ZH/EN 4.1.2). */
export const CustomerGateway = defineResource<CustomerGatewayArgs, CustomerGatewayState>("customerGateway");
export type CustomerGateway = InstanceType<typeof CustomerGateway>;

export type VpnConnectionArgs = inputs.VpnConnectionArgs;
export type VpnConnectionState = outputs.VpnConnectionState;

/** A VPN connection (IPsec tunnel) between a gateway IP and a customer gateway (ZH 4.1.3 / EN 4.1.3). The PSK is secret. */
export const VpnConnection = defineResource<VpnConnectionArgs, VpnConnectionState>("vpnConnection");
export type VpnConnection = InstanceType<typeof VpnConnection>;

export type ConnectionMonitorArgs = inputs.ConnectionMonitorArgs;
export type ConnectionMonitorState = outputs.ConnectionMonitorState;

/** A connection monitor (NQA probe) on a VPN connection (ZH/EN 4.1.4). */
export const ConnectionMonitor = defineResource<ConnectionMonitorArgs, ConnectionMonitorState>("connectionMonitor");
export type ConnectionMonitor = InstanceType<typeof ConnectionMonitor>;

export type GatewayCertificateArgs = inputs.GatewayCertificateArgs;
export type GatewayCertificateState = outputs.GatewayCertificateState;

/** The certificate of a GM (national cryptography) gateway (ZH 4.1.1.8–4.1.1.10). Private keys are secret. */
export const GatewayCertificate = defineResource<GatewayCertificateArgs, GatewayCertificateState>("gatewayCertificate");
export type GatewayCertificate = InstanceType<typeof GatewayCertificate>;
