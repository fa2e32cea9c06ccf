/**
 * The site-to-cloud resources. Each class is a Pulumi dynamic resource with its own type token
 * (`pulumi-nodejs:dynamic/huaweicloud-vpn:<ClassName>`, also its static `__pulumiType`); behaviour comes from the
 * generic runtime and the kind's spec in sdk/spec.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as gw from "../sdk/schemas/s2c/gateway";
import type * as cgw from "../sdk/schemas/s2c/customerGateway";
import type * as conn from "../sdk/schemas/s2c/connection";
import type * as mon from "../sdk/schemas/s2c/monitor";
import type * as cert from "../sdk/schemas/s2c/certificate";
import { defineResource } from "./resource";
import type { ArgsOf, OutputsOf, StateOf } from "./types";

export type VpnGatewayArgs = ArgsOf<typeof gw.CreateVgwRequestBody, "vpn_gateway">;
export type VpnGatewayState = StateOf<typeof gw.ShowVgwResponse, "vpn_gateway">;

/** A VPN gateway (ZH/EN 4.1.1). Waits for ACTIVE; `flavor` changes through the specification API. */
export const VpnGateway = defineResource<VpnGatewayArgs, OutputsOf<VpnGatewayState>>("vpnGateway");
export type VpnGateway = InstanceType<typeof VpnGateway>;

export type CustomerGatewayArgs = ArgsOf<typeof cgw.CreateCgwRequestBody, "customer_gateway">;
export type CustomerGatewayState = StateOf<typeof cgw.ShowCgwResponse, "customer_gateway">;

/** A customer gateway, the peer device (ZH/EN 4.1.2). */
export const CustomerGateway = defineResource<CustomerGatewayArgs, OutputsOf<CustomerGatewayState>>("customerGateway");
export type CustomerGateway = InstanceType<typeof CustomerGateway>;

export type VpnConnectionArgs = ArgsOf<typeof conn.CreateVpnConnectionRequestBody, "vpn_connection"> & {
  /** Wait until the tunnel is up (status ACTIVE, which needs the peer device); by default DOWN is enough. */
  waitForTunnelUp?: pulumi.Input<boolean>;
};
export type VpnConnectionState = StateOf<typeof conn.ShowVpnConnectionResponse, "vpn_connection"> & {
  psk?: string;
  waitForTunnelUp?: boolean;
};

/** A VPN connection (IPsec tunnel) between a gateway IP and a customer gateway (ZH 4.1.3 / EN 4.1.3). The PSK is secret. */
export const VpnConnection = defineResource<VpnConnectionArgs, OutputsOf<VpnConnectionState>>("vpnConnection");
export type VpnConnection = InstanceType<typeof VpnConnection>;

export type ConnectionMonitorArgs = ArgsOf<typeof mon.CreateConnectionMonitorRequestBody, "connection_monitor">;
export type ConnectionMonitorState = StateOf<typeof mon.ShowConnectionMonitorResponse, "connection_monitor">;

/** A connection monitor (NQA probe) on a VPN connection (ZH/EN 4.1.4). */
export const ConnectionMonitor = defineResource<ConnectionMonitorArgs, OutputsOf<ConnectionMonitorState>>("connectionMonitor");
export type ConnectionMonitor = InstanceType<typeof ConnectionMonitor>;

export type GatewayCertificateArgs = ArgsOf<typeof cert.CreateVgwCertificateRequestBody, "certificate"> & {
  /** The GM gateway the certificate belongs to. */
  vgwId: pulumi.Input<string>;
};
export type GatewayCertificateState = StateOf<typeof cert.ShowVpnGatewayCertificateResponse, "certificate"> & { vgwId?: string };

/** The certificate of a GM (national cryptography) gateway (ZH 4.1.1.8–4.1.1.10). Private keys are secret. */
export const GatewayCertificate = defineResource<GatewayCertificateArgs, OutputsOf<GatewayCertificateState>>("gatewayCertificate");
export type GatewayCertificate = InstanceType<typeof GatewayCertificate>;
