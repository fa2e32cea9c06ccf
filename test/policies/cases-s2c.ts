/** Pass/fail cases of the site-to-cloud, tagging and best-practice policies. */
import { IDS, happy, haStack, with_ } from "./fixtures";
import type { PolicyCase } from "./cases";
import type { KindName } from "../../policies/kinds";
import type { RunOptions } from "./util";

function res(policy: string, kind: KindName, change: Record<string, unknown>, ...expect: string[]): PolicyCase {
  return { policy, pass: { kind, props: happy[kind]() }, fail: { kind, props: with_(kind, change) }, expect };
}

function stack(policy: string, on: string, change: Parameters<typeof haStack>[0], ...expect: string[]): PolicyCase {
  return { policy, pass: { stack: haStack() }, fail: { stack: haStack(change) }, expect, on };
}

const ike = happy.vpnConnection().ikepolicy as Record<string, unknown>;
const ipsec = happy.vpnConnection().ipsecpolicy as Record<string, unknown>;
const { dpd: _dpd, ...ikeWithoutDpd } = ike;
const policyRules = [{ source: "10.0.0.0/24", destination: ["192.168.44.0/24"] }];
const erGateway = { attachmentType: "er", erId: IDS.er, localSubnets: undefined };
const OTHER_UUID = "584a238f-0000-4a8d-8a86-edca746f6277";

export const s2cCases: PolicyCase[] = [
  // ---- common and tags
  res("vpn-resource-name", "vpnGateway", { name: "vpn gw!" }, 'name: "vpn gw!"', "(COM-01,"),
  res("vpn-id-references", "vpnConnection", { cgwId: "cgw-1" }, 'cgwId (cgw_id): "cgw-1"', "36-character UUID", "(COM-04,"),
  res("vpn-enterprise-project-id", "vpnGateway", { enterpriseProjectId: "default" }, '"default"', "(COM-05,"),
  res(
    "vpn-tags-count",
    "vpnGateway",
    { tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) },
    "tags:",
    "at most 20 tags",
    "(COM-02,",
  ),
  res("vpn-tags-format", "customerGateway", { tags: { "cost#center": "x" } }, 'tags[0].key: "cost#center"', "(COM-03"),
  {
    policy: "required-tags",
    pass: { kind: "vpnGateway", props: happy.vpnGateway(), opts: { config: { requiredKeys: ["app"] } } },
    fail: { kind: "vpnGateway", props: happy.vpnGateway(), opts: { config: { requiredKeys: ["app", "owner"] } } },
    expect: ['VpnGateway "test": tags: ["app"]', "missing required tag key(s) owner"],
  },

  // ---- gateway
  res("vpn-gateway-enums", "vpnGateway", { networkType: "internet" }, 'networkType (network_type): "internet"', "(GW-01"),
  res("vpn-gateway-vpc-attachment-fields", "vpnGateway", { localSubnets: undefined }, "localSubnets (local_subnets): <missing>", "(GW-02,"),
  res("vpn-gateway-er-attachment-fields", "vpnGateway", { attachmentType: "er", localSubnets: undefined }, "erId (er_id): <missing>", "(GW-03,"),
  res("vpn-gateway-er-or-vpc", "vpnGateway", { attachmentType: "er", localSubnets: undefined, vpcId: undefined }, "er_id and vpc_id cannot both be empty", "(GW-04,"),
  res("vpn-gateway-local-subnets", "vpnGateway", { localSubnets: ["192.168.0.0"] }, 'localSubnets[0] (local_subnets[0]): "192.168.0.0"', "(GW-05"),
  res("vpn-gateway-bgp-asn", "vpnGateway", { bgpAsn: 0 }, "bgpAsn (bgp_asn): 0", "(GW-06"),
  res("vpn-gateway-flavor", "vpnGateway", { flavor: "Ultra" }, '"Ultra"', "(GW-07"),
  res(
    "vpn-gateway-basic-flavor-limits",
    "vpnGateway",
    { flavor: "Basic", networkType: "private", eip1: undefined, eip2: undefined },
    'flavor: "Basic"',
    "cannot be Basic when network_type is private",
    "(GW-08,",
  ),
  {
    policy: "vpn-gateway-flavor-in-region",
    pass: { kind: "vpnGateway", props: happy.vpnGateway(), opts: { env: { PULUMI_CONFIG: JSON.stringify({ "huaweicloud-vpn:region": "ap-southeast-3" }) } } },
    fail: {
      kind: "vpnGateway",
      props: with_("vpnGateway", { flavor: "Basic" }),
      opts: { env: { PULUMI_CONFIG: JSON.stringify({ "huaweicloud-vpn:region": "ap-southeast-3" }) } },
    },
    expect: ['flavor: "Basic"', "is not offered in 亚太-新加坡", "(GW-09,"],
  },
  res("vpn-gateway-eips-by-network-type", "vpnGateway", { eip2: undefined }, "eip2: <missing>", "(GW-10,"),
  res("vpn-gateway-eip-spec", "vpnGateway", { eip1: { id: IDS.eip1, type: "5_bgp" } }, 'eip1.type: "5_bgp"', "VPN.0559", "(GW-11,"),
  res(
    "vpn-gateway-eip-charge-mode-and-type",
    "vpnGateway",
    { eip1: { type: "5_bgp", chargeMode: "monthly", bandwidthSize: 100 } },
    'eip1.chargeMode (eip1.charge_mode): "monthly"',
    "(GW-12",
  ),
  res(
    "vpn-gateway-eip-bandwidth",
    "vpnGateway",
    { eip1: { type: "5_bgp", chargeMode: "bandwidth", bandwidthSize: 500 } },
    "eip1.bandwidthSize (eip1.bandwidth_size): 500",
    "must not exceed 300 Mbit/s when flavor is Professional1",
  ),
  res("vpn-gateway-availability-zones", "vpnGateway", { availabilityZoneIds: ["cn-south-1f", "cn-south-1f"] }, "must not repeat an AZ", "(GW-15,"),
  res(
    "vpn-gateway-access-private-ips",
    "vpnGateway",
    { accessPrivateIp1: "192.168.0.10" },
    "accessPrivateIp2 (access_private_ip_2): <missing>",
    "must be given together with access_private_ip_1",
  ),
  res(
    "vpn-gateway-access-overrides",
    "vpnGateway",
    { ...erGateway, accessVpcId: OTHER_UUID },
    `accessVpcId (access_vpc_id): "${OTHER_UUID}"`,
    "takes effect instead of vpc_id",
    "(GW-18,",
  ),
  res("gateway-certificate-fields", "gatewayCertificate", { name: "ab" }, 'name: "ab"', "(GW-24"),

  // ---- customer gateway
  res("customer-gateway-id-type", "customerGateway", { idType: "dns" }, 'idType (id_type): "dns"', "(CGW-01"),
  res("customer-gateway-id-value", "customerGateway", { idValue: "peer.example.com" }, '"peer.example.com"', "(CGW-02,"),
  res(
    "customer-gateway-fqdn-characters",
    "customerGateway",
    { idType: "fqdn", idValue: "peer gw.example.com", bgpAsn: undefined },
    '"peer gw.example.com"',
    "(CGW-03,",
  ),
  res("customer-gateway-bgp-asn", "customerGateway", { idType: "fqdn", idValue: "peer.example.com" }, "bgpAsn (bgp_asn): 65000", "only when id_type is ip", "(CGW-04,"),
  res("customer-gateway-ca-certificate", "customerGateway", { caCertificate: { content: "" } }, "caCertificate.content (ca_certificate.content)", "(CGW-05"),

  // ---- connection
  res("vpn-connection-required-fields", "vpnConnection", { cgwId: undefined }, "cgwId (cgw_id): <missing>", "is mandatory (CONN-01,"),
  stack("vpn-connection-vgw-ip", "vpn-2", { "vpn-2": { vgwIp: OTHER_UUID } }, `vgwIp (vgw_ip): "${OTHER_UUID}"`, "must be the id of the gateway's eip1 or eip2", "(CONN-02,"),
  res("vpn-connection-style", "vpnConnection", { style: "STATIC" }, 'style: "STATIC"', "(CONN-03"),
  stack(
    "vpn-connection-peer-subnets-by-attachment",
    "vpn-1",
    { vpngw: erGateway, "vpn-1": { style: "bgp" } },
    'peerSubnets (peer_subnets): ["192.168.44.0/24"]',
    "must be omitted when the gateway's attachment_type is er",
    "(CONN-04,",
  ),
  res(
    "vpn-connection-peer-subnets-count",
    "vpnConnection",
    { peerSubnets: Array.from({ length: 51 }, (_, i) => `10.${i}.0.0/24`) },
    "at most 50 peer subnets",
    "(CONN-05,",
  ),
  res("vpn-connection-peer-subnets-reserved", "vpnConnection", { peerSubnets: ["100.64.1.0/24"] }, 'peerSubnets[0] (peer_subnets[0]): "100.64.1.0/24"', "(CONN-06,"),
  res(
    "vpn-connection-tunnel-link-local",
    "vpnConnection",
    { tunnelLocalAddress: "10.0.0.1/30", tunnelPeerAddress: "10.0.0.2/30" },
    'tunnelLocalAddress (tunnel_local_address): "10.0.0.1/30"',
    "(CONN-07,",
  ),
  res(
    "vpn-connection-tunnel-not-reserved",
    "vpnConnection",
    { tunnelLocalAddress: "169.254.195.1/30", tunnelPeerAddress: "169.254.195.2/30" },
    'tunnelLocalAddress (tunnel_local_address): "169.254.195.1/30"',
    "(CONN-08,",
  ),
  res("vpn-connection-tunnel-prefix-30", "vpnConnection", { tunnelLocalAddress: "169.254.56.225/29" }, '"169.254.56.225/29"', "(CONN-09,"),
  res(
    "vpn-connection-tunnel-same-block",
    "vpnConnection",
    { tunnelPeerAddress: "169.254.56.230/30" },
    'tunnelPeerAddress (tunnel_peer_address): "169.254.56.230/30"',
    "(CONN-10,",
  ),
  res("vpn-connection-tunnel-host-addresses", "vpnConnection", { tunnelLocalAddress: "169.254.56.224/30" }, '"169.254.56.224/30"', "(CONN-11,"),
  res(
    "vpn-connection-tunnel-route-based-only",
    "vpnConnection",
    { style: "policy", policyRules },
    'tunnelLocalAddress (tunnel_local_address): "169.254.56.225/30"',
    "(CONN-12,",
  ),
  res("vpn-connection-nqa-static-only", "vpnConnection", { style: "bgp", enableNqa: true }, "enableNqa (enable_nqa): true", "(CONN-13,"),
  res("vpn-connection-hub-bgp-only", "vpnConnection", { enableHub: true }, "enableHub (enable_hub): true", "(CONN-14,"),
  res("vpn-connection-psk-length", "vpnConnection", { psk: "Ab1!" }, "psk: <secret>", "(CONN-15,"),
  res("vpn-connection-psk-characters", "vpnConnection", { psk: "abcdefgh12" }, "psk: <secret>", "at least three of", "(CONN-16,"),
  stack("vpn-connection-psk-required", "vpn-1", { "vpn-1": { psk: undefined } }, "psk: <missing>", "(CONN-17,"),
  res("vpn-connection-policy-rules-style", "vpnConnection", { policyRules }, "policyRules (policy_rules)", "only when style is policy", "(CONN-19,"),
  res(
    "vpn-connection-policy-rules-format",
    "vpnConnection",
    { style: "policy", policyRules: [{ source: "10.0.0.0/24", destination: ["192.168.44.0"] }] },
    'policyRules[0].destination[0] (policy_rules[0].destination[0]): "192.168.44.0"',
    "(CONN-20",
  ),
  res(
    "vpn-connection-rule-index-omitted",
    "vpnConnection",
    { style: "policy", policyRules: [{ ruleIndex: 1, ...policyRules[0] }] },
    "policyRules[0].ruleIndex (policy_rules[0].rule_index): 1",
    "(CONN-21,",
  ),
  res("vpn-connection-ike-version", "vpnConnection", { ikepolicy: { ...ike, ikeVersion: "v3" } }, 'ikepolicy.ikeVersion (ikepolicy.ike_version): "v3"', "(CONN-22"),
  res(
    "vpn-connection-phase1-mode",
    "vpnConnection",
    { ikepolicy: { ...ike, phase1NegotiationMode: "aggressive" } },
    '"aggressive"',
    "only when ike_version is v1",
    "(CONN-23,",
  ),
  stack(
    "vpn-connection-algorithms-for-flavor",
    "vpn-1",
    { "vpn-1": { ipsecpolicy: { ...ipsec, encryptionAlgorithm: "sm4" } } },
    'ipsecpolicy.encryptionAlgorithm (ipsecpolicy.encryption_algorithm): "sm4"',
    "sm4 is only for GM gateways",
  ),
  res("vpn-connection-dh-groups", "vpnConnection", { ikepolicy: { ...ike, dhGroup: "disable" } }, 'ikepolicy.dhGroup (ikepolicy.dh_group): "disable"', "(CONN-25"),
  res(
    "vpn-connection-low-security-algorithms",
    "vpnConnection",
    { ikepolicy: { ...ike, authenticationAlgorithm: "md5" } },
    'ikepolicy.authenticationAlgorithm (ikepolicy.authentication_algorithm): "md5"',
    "(CONN-26,",
  ),
  res(
    "vpn-connection-authentication-method",
    "vpnConnection",
    { ikepolicy: { ...ike, authenticationMethod: "certificate" } },
    '"certificate"',
    "(CONN-27",
  ),
  res("vpn-connection-lifetimes", "vpnConnection", { ipsecpolicy: { ...ipsec, lifetimeSeconds: 10 } }, "ipsecpolicy.lifetimeSeconds (ipsecpolicy.lifetime_seconds): 10", "(CONN-28"),
  res("vpn-connection-dpd-values", "vpnConnection", { ikepolicy: { ...ike, dpd: { timeout: 1, interval: 30 } } }, "ikepolicy.dpd.timeout: 1", "(CONN-29"),
  res("vpn-connection-ipsec-transform", "vpnConnection", { ipsecpolicy: { ...ipsec, transformProtocol: "ah" } }, '"ah"', "(CONN-30"),
  res("vpn-connection-ike-ids", "vpnConnection", { ikepolicy: { ...ike, localIdType: "fqdn" } }, "ikepolicy.localId (ikepolicy.local_id): <missing>", "(CONN-31,"),
  stack(
    "vpn-connection-ha-role",
    "vpn-2",
    { vpngw: { haMode: "active-standby" } },
    'haRole (ha_role): <missing>',
    "must be slave for a connection on the standby EIP",
    "(CONN-32,",
  ),
  stack(
    "vpn-connection-gm-certificates",
    "vpn-1",
    { vpngw: { flavor: "GM" } },
    "cgwId (cgw_id)",
    "the customer gateway must have a CA certificate",
    "(CONN-33,",
  ),
  stack("vpn-connection-gateway-capacity", "vpn-2", { vpngw: { connectionNumber: 1 } }, "at most 1 connections", "(CONN-38,"),
  res("connection-monitor-connection-id", "connectionMonitor", { vpnConnectionId: undefined }, "vpnConnectionId (vpn_connection_id): <missing>", "(MON-01,"),
  {
    policy: "connection-monitor-single-per-connection",
    pass: { stack: haStack() },
    fail: { stack: [...haStack(), { kind: "connectionMonitor", name: "monitor-3", props: { vpnConnectionId: IDS.connection }, deps: { vpnConnectionId: ["vpn-1"] } }] },
    expect: ['VpnConnection "vpn-1": monitored by 2 ConnectionMonitors (monitor-1, monitor-3)'],
    on: "vpn-1",
  },

  // ---- best practice
  res(
    "vpn-connection-allowed-algorithms",
    "vpnConnection",
    { ipsecpolicy: { ...ipsec, encryptionAlgorithm: "3des" } },
    'ipsecpolicy.encryptionAlgorithm (ipsecpolicy.encryption_algorithm): "3des"',
    "IPsec encryption algorithm is not allowed",
  ),
  res(
    "vpn-connection-minimum-dh-group",
    "vpnConnection",
    { ikepolicy: { ...ike, dhGroup: "group5" } },
    'ikepolicy.dhGroup (ikepolicy.dh_group): "group5"',
    "below the minimum group14",
  ),
  res("vpn-connection-pfs-enabled", "vpnConnection", { ipsecpolicy: { ...ipsec, pfs: "disable" } }, 'ipsecpolicy.pfs: "disable"', "perfect forward secrecy is disabled"),
  res(
    "vpn-connection-no-aggressive-mode",
    "vpnConnection",
    { ikepolicy: { ...ike, ikeVersion: "v1", phase1NegotiationMode: "aggressive" } },
    '"aggressive"',
    "IKEv1 aggressive mode is weak",
  ),
  res("vpn-connection-dpd-configured", "vpnConnection", { ikepolicy: ikeWithoutDpd }, "ikepolicy.dpd: <missing>", "not configured explicitly"),
  {
    policy: "vpn-connection-monitored",
    pass: { stack: haStack() },
    fail: { stack: haStack().filter((r) => r.name !== "monitor-2") },
    expect: ['VpnConnection "vpn-2": no ConnectionMonitor refers to this connection'],
    on: "vpn-2",
  },
  secretCase("vpn-connection-psk-secret", "vpnConnection", ["psk"], [], "psk: <not shown> — is a plain value"),
  secretCase(
    "gateway-certificate-private-key-secret",
    "gatewayCertificate",
    ["privateKey", "encPrivateKey"],
    ["privateKey"],
    "encPrivateKey (enc_private_key): <not shown> — is a plain value",
  ),
  secretCase("vpn-user-password-secret", "vpnUser", ["password"], [], "password: <not shown> — is a plain value"),
  stack(
    "vpn-subnets-no-overlap",
    "vpn-1",
    { "vpn-1": { peerSubnets: ["192.168.1.128/25"] } },
    'peerSubnets[0] (peer_subnets[0]): "192.168.1.128/25"',
    'overlaps local subnet 192.168.1.0/24 of VpnGateway "vpngw"',
  ),
  res("vpn-subnets-network-address", "vpnConnection", { peerSubnets: ["172.16.10.5/24"] }, 'peerSubnets[0] (peer_subnets[0]): "172.16.10.5/24"', "write 172.16.10.0/24"),
  stack(
    "customer-gateway-ebgp-asn",
    "vpn-1",
    { cgw: { bgpAsn: 64512 }, "vpn-1": { style: "bgp" } },
    'CustomerGateway "cgw" bgpAsn 64512 equals the bgpAsn of VpnGateway "vpngw"',
  ),
  {
    policy: "vpn-references-use-outputs",
    pass: { stack: haStack({ vpngw: { id: IDS.gateway } }) },
    fail: { stack: haStack({ vpngw: { id: IDS.gateway } }).map((r) => (r.name === "vpn-1" ? { ...r, deps: { cgwId: ["cgw"] } } : r)) },
    expect: [`VpnConnection "vpn-1": vgwId: "${IDS.gateway}"`, 'is the id of VpnGateway "vpngw" given as a literal', "CGW-07"],
    on: "vpn-1",
  },
];

function secretCase(policy: string, kind: KindName, secret: string[], partial: string[], ...expect: string[]): PolicyCase {
  const opts = (secretPaths: string[]): RunOptions => ({ secretPaths });
  return {
    policy,
    pass: { kind, props: happy[kind](), opts: opts(secret) },
    fail: { kind, props: happy[kind](), opts: opts(partial) },
    expect,
  };
}
