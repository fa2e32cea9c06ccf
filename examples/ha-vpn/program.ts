/**
 * The documented high-availability example (API reference chapter 5, examples 1–4): an active-active VPN gateway
 * with two EIPs, a customer gateway, one connection on each EIP towards the same customer gateway, and a
 * connection monitor on each connection. The pre-shared key comes from secret config (`psk`).
 */
import * as pulumi from "@pulumi/pulumi";
import { ConnectionMonitor, CustomerGateway, VpnConnection, VpnGateway } from "../../provider";

export interface HaVpnSettings {
  vpcId: string;
  connectSubnetId: string;
  localSubnets: string[];
  eipIds: [string, string];
  customerGatewayIp: string;
  peerSubnets: string[];
}

/** The ids of the seeds' example 1–4 (masked ids as in the reference; the emulator accepts well-formed ids). */
export const documentedSettings: HaVpnSettings = {
  vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
  connectSubnetId: "f5741286-demo-a8df-va86-2c82bd9ee114",
  localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
  eipIds: ["cff40e5e-demo-a8df-va86-7366077bf097", "d290f1ee-demo-a8df-va86-d701748f0851"],
  customerGatewayIp: "10.12.13.21",
  peerSubnets: ["192.168.44.0/24"],
};

export function haVpn(settings: HaVpnSettings = documentedSettings) {
  const config = new pulumi.Config();
  const psk = config.requireSecret("psk");

  const gateway = new VpnGateway("vpngw", {
    vpcId: settings.vpcId,
    localSubnets: settings.localSubnets,
    connectSubnet: settings.connectSubnetId,
    haMode: "active-active",
    eip1: { id: settings.eipIds[0] },
    eip2: { id: settings.eipIds[1] },
    tags: { app: "ha-vpn-demo" },
  });

  const customerGateway = new CustomerGateway("cgw", {
    idType: "ip",
    idValue: settings.customerGatewayIp,
  });

  const eips = [gateway.eip1, gateway.eip2];
  const connections = eips.map(
    (eip, i) =>
      new VpnConnection(`vpn-${i + 1}`, {
        vgwId: gateway.id,
        vgwIp: eip.apply((e) => e?.id ?? settings.eipIds[i]),
        cgwId: customerGateway.id,
        peerSubnets: settings.peerSubnets,
        psk,
      }),
  );

  const monitors = connections.map((c, i) => new ConnectionMonitor(`monitor-${i + 1}`, { vpnConnectionId: c.id }));

  return {
    gatewayId: gateway.id,
    gatewayStatus: gateway.status,
    eipAddresses: pulumi.all(eips).apply((es) => es.map((e) => e?.ipAddress)),
    customerGatewayId: customerGateway.id,
    connections: connections.map((c) => ({ id: c.id, status: c.status, tunnelLocalAddress: c.tunnelLocalAddress })),
    monitors: monitors.map((m) => m.id),
    psk: connections[0]!.psk,
  };
}
