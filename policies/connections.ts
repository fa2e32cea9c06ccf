/**
 * VPN connection policies (api-s2c.md §6.4): every documented create-time rule of the S2C registry. Each also
 * runs across the stack with the connection's gateway and customer gateway as context, which adds the
 * cross-resource parts (vgw_ip among the gateway's EIPs or access IPs, ha_role by HA mode, peer_subnets for
 * ER gateways, PSK and algorithms by flavor, GM certificates, connections per gateway).
 * Not policies: CONN-18 (secret handling, see bestPractice's secret-input policy), CONN-34 (batch request),
 * CONN-35/36/37 (updates).
 */
import { registerDocumented, type DocumentedArgs } from "./documented";
import { S2C_RULES } from "./common";
import { connectionContext } from "./context";
import { registerPolicy } from "./vpnGuard";

export const CONNECTION_DOCUMENTED = {
  "vpn-connection-required-fields": "CONN-01",
  "vpn-connection-vgw-ip": "CONN-02",
  "vpn-connection-style": "CONN-03",
  "vpn-connection-peer-subnets-by-attachment": "CONN-04",
  "vpn-connection-peer-subnets-count": "CONN-05",
  "vpn-connection-peer-subnets-reserved": "CONN-06",
  "vpn-connection-tunnel-link-local": "CONN-07",
  "vpn-connection-tunnel-not-reserved": "CONN-08",
  "vpn-connection-tunnel-prefix-30": "CONN-09",
  "vpn-connection-tunnel-same-block": "CONN-10",
  "vpn-connection-tunnel-host-addresses": "CONN-11",
  "vpn-connection-tunnel-route-based-only": "CONN-12",
  "vpn-connection-nqa-static-only": "CONN-13",
  "vpn-connection-hub-bgp-only": "CONN-14",
  "vpn-connection-psk-length": "CONN-15",
  "vpn-connection-psk-characters": "CONN-16",
  "vpn-connection-psk-required": "CONN-17",
  "vpn-connection-policy-rules-style": "CONN-19",
  "vpn-connection-policy-rules-format": "CONN-20",
  "vpn-connection-rule-index-omitted": "CONN-21",
  "vpn-connection-ike-version": "CONN-22",
  "vpn-connection-phase1-mode": "CONN-23",
  "vpn-connection-algorithms-for-flavor": "CONN-24",
  "vpn-connection-dh-groups": "CONN-25",
  "vpn-connection-low-security-algorithms": "CONN-26",
  "vpn-connection-authentication-method": "CONN-27",
  "vpn-connection-lifetimes": "CONN-28",
  "vpn-connection-dpd-values": "CONN-29",
  "vpn-connection-ipsec-transform": "CONN-30",
  "vpn-connection-ike-ids": "CONN-31",
  "vpn-connection-ha-role": "CONN-32",
  "vpn-connection-gm-certificates": "CONN-33",
  "vpn-connection-gateway-capacity": "CONN-38",
} as const;

type ConnectionDocumentedArgs = DocumentedArgs<typeof CONNECTION_DOCUMENTED>;

registerDocumented(CONNECTION_DOCUMENTED, S2C_RULES, registerPolicy, { context: connectionContext });

declare module "./vpnGuard" {
  // Declaration merging: the interface only adds the table's keys.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface VpnGuardArgs extends ConnectionDocumentedArgs {}
}
