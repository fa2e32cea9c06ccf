/**
 * The documented S2C rules (api-s2c.md §6) as pure functions of a request body (the object inside the wrapper,
 * wire names). The request schemas call the static ones from `superRefine`; the policy pack and the emulator run
 * the whole registry (`s2cRules` in ./index) with a context of facts about related resources.
 * Cross-resource checks take the request as sent (before schema defaults are filled in).
 */
import {
  DEFAULTS,
  FLAVORS_BY_REGION,
  FQDN_FORBIDDEN,
  GM_AUTH_ALGORITHMS,
  GM_ENCRYPTION_ALGORITHMS,
  NON_FIXED_IP_FLAVORS,
  PSK_LENGTH,
  PSK_SPECIALS,
  RESERVED_PEER_SUBNETS,
  BANDWIDTH_CAP_BY_FLAVOR,
  WEAK_AUTH_ALGORITHMS,
  WEAK_DH_GROUPS,
  WEAK_ENCRYPTION_ALGORITHMS,
} from "../schemas/s2c/enums";
import { cidrContains, cidrsOverlap, isHostOf30, isIpv4, parseCidr, sameBlock30, LINK_LOCAL, TUNNEL_RESERVED } from "./net";
import { getAt, has, isRecord, issue, type RuleCheck, type RuleContext, type RuleIssue, type RuleScope, type RuleSeverity } from "./common";

/** Metadata of every S2C rule id: where it is documented, what it says, how it can be checked. */
export interface RuleMeta {
  readonly kind: string;
  readonly field: string;
  readonly doc: string;
  readonly description: string;
  readonly severity: RuleSeverity;
  readonly scope: RuleScope;
}

const M = "mandatory" as const;
const A = "advisory" as const;

export const S2C_RULE_META = {
  "COM-01": { kind: "*", field: "name, eip1.bandwidth_name, eip2.bandwidth_name", doc: "ZH/EN 4.1.1.1 T4-3, 4.1.2.1, 4.1.3.1 and the update tables", description: "names are 1-64 characters of digits, letters, Chinese, _ - .", severity: M, scope: "static" },
  "COM-02": { kind: "*", field: "tags", doc: "ZH/EN 4.1.1.1, 4.1.2.1, 4.1.3.1", description: "at most 20 tags on create", severity: M, scope: "static" },
  "COM-03": { kind: "*", field: "tags[].key, tags[].value", doc: "ZH/EN T4-5", description: "tag key 1-128 and value 0-255 characters of letters, digits, spaces and _ . : = + - @", severity: M, scope: "static" },
  "COM-04": { kind: "*", field: "ID references", doc: "all S2C request tables (\"36位UUID\")", description: "ID references are 36-character UUIDs", severity: M, scope: "static" },
  "COM-05": { kind: "*", field: "enterprise_project_id", doc: "ZH/EN 4.1.1.1", description: "enterprise_project_id is a UUID or \"0\"", severity: M, scope: "static" },
  "COM-06": { kind: "*", field: "tags", doc: "ZH 4.1.1.4, 4.1.2.4, 4.1.3.4 (tags absent from the update tables)", description: "tags cannot be changed by PUT; use the tag API", severity: M, scope: "static" },

  "GW-01": { kind: "vpnGateway", field: "network_type, attachment_type, ha_mode, ip_version", doc: "ZH/EN 4.1.1.1", description: "network_type public|private; attachment_type vpc|er; ha_mode active-active|active-standby; [EN] ip_version ipv4", severity: M, scope: "static" },
  "GW-02": { kind: "vpnGateway", field: "vpc_id, connect_subnet, local_subnets", doc: "ZH/EN 4.1.1.1", description: "attachment_type vpc requires vpc_id, connect_subnet and local_subnets", severity: M, scope: "static" },
  "GW-03": { kind: "vpnGateway", field: "er_id, local_subnets", doc: "ZH/EN 4.1.1.1", description: "attachment_type er requires er_id; er_id only with er; local_subnets not with er", severity: M, scope: "static" },
  "GW-04": { kind: "vpnGateway", field: "er_id, vpc_id", doc: "ZH/EN 4.1.1.1", description: "er_id and vpc_id cannot both be empty", severity: M, scope: "static" },
  "GW-05": { kind: "vpnGateway", field: "local_subnets", doc: "ZH/EN 4.1.1.1, 4.1.1.4", description: "at most 50 local subnets, IPv4 CIDRs", severity: M, scope: "static" },
  "GW-06": { kind: "vpnGateway", field: "bgp_asn", doc: "ZH/EN 4.1.1.1", description: "bgp_asn 1-4294967295 (default 64512)", severity: M, scope: "static" },
  "GW-07": { kind: "vpnGateway", field: "flavor", doc: "ZH/EN 4.1.1.1", description: "flavor is one of Basic, Professional1, Professional2, Professional1-NonFixedIP, Professional2-NonFixedIP, GM ([EN] Professional1, Professional2)", severity: M, scope: "static" },
  "GW-08": { kind: "vpnGateway", field: "flavor", doc: "ZH 4.1.1.1", description: "flavor Basic is not allowed with network_type private or attachment_type er", severity: M, scope: "static" },
  "GW-09": { kind: "vpnGateway", field: "flavor", doc: "ZH 4.1.1.1 (flavor: region list)", description: "the flavor must be offered in the region", severity: M, scope: "cross" },
  "GW-10": { kind: "vpnGateway", field: "eip1, eip2", doc: "ZH/EN 4.1.1.1", description: "a public gateway needs eip1 and eip2; a private gateway takes none", severity: M, scope: "static" },
  "GW-11": { kind: "vpnGateway", field: "eip1, eip2", doc: "ZH/EN 4.1.1.1 T4-4; VPN.0558, VPN.0559 (ZH 7.3 / EN A.3)", description: "an EIP is either an existing id or new-EIP parameters, not both; a new EIP needs type and (unless on shared bandwidth) bandwidth_size", severity: M, scope: "static" },
  "GW-12": { kind: "vpnGateway", field: "eip1.charge_mode, eip1.type, eip2.charge_mode, eip2.type", doc: "ZH/EN 4.1.1.1 T4-4", description: "charge_mode bandwidth|traffic; type 0-36 characters", severity: M, scope: "static" },
  "GW-13": { kind: "vpnGateway", field: "eip1.bandwidth_size, eip2.bandwidth_size", doc: "ZH 4.1.1.1 T4-4 / EN 4.1.1.1 T4-4; VPN.0550", description: "bandwidth_size 1-1000 and at most the flavor's cap (Basic 100, Professional1 300, Professional2 1000, GM 500)", severity: M, scope: "static" },
  "GW-14": { kind: "vpnGateway", field: "eip1.id, eip2.id", doc: "ZH 4.1.1.1 T4-4; VPN.0552, VPN.0554", description: "an existing EIP must not use shared bandwidth and must not be frozen", severity: M, scope: "lookup" },
  "GW-15": { kind: "vpnGateway", field: "availability_zone_ids", doc: "ZH/EN 4.1.1.1; VPN.0514, VPN.0515", description: "1 or 2 distinct AZs: 2 when the AZ query returns two or more, 1 when it returns one", severity: M, scope: "static" },
  "GW-16": { kind: "vpnGateway", field: "access_private_ip_1, access_private_ip_2", doc: "ZH/EN 4.1.1.1", description: "access private IPs are given together, differ, only for private gateways, inside the access subnet", severity: M, scope: "static" },
  "GW-17": { kind: "vpnGateway", field: "connect_subnet, access_subnet_id", doc: "ZH/EN 4.1.1.1", description: "the subnet needs 2 idle IPs (er), or 4 when access_subnet_id equals connect_subnet (vpc)", severity: M, scope: "lookup" },
  "GW-18": { kind: "vpnGateway", field: "access_vpc_id, access_subnet_id", doc: "ZH/EN 4.1.1.1", description: "access_vpc_id overrides vpc_id and access_subnet_id overrides connect_subnet", severity: A, scope: "static" },
  "GW-19": { kind: "vpnGateway", field: "local_subnets, eip_id_1, eip_id_2, policy_template", doc: "ZH/EN 4.1.1.4", description: "update: local_subnets only for vpc gateways, eip_id_1/2 only for public gateways, policy_template only for NonFixedIP flavors", severity: M, scope: "cross" },
  "GW-20": { kind: "vpnGateway", field: "policy_template", doc: "ZH 4.1.1.2 T4-16..18, 4.1.1.4 T4-32..34", description: "policy_template algorithm sets and lifetimes", severity: M, scope: "static" },
  "GW-21": { kind: "vpnGateway", field: "flavor", doc: "ZH/EN 4.1.1.5", description: "the target flavor is a change-specification flavor listed in the gateway's supported_flavors", severity: M, scope: "cross" },
  "GW-24": { kind: "gatewayCertificate", field: "name, certificate, private_key, certificate_chain, enc_certificate, enc_private_key", doc: "ZH 4.1.1.8, 4.1.1.10", description: "certificate name 3-63 characters; PEM fields 1-4096 (chain 1-8192); only for GM gateways", severity: M, scope: "static" },

  "CGW-01": { kind: "customerGateway", field: "id_type", doc: "ZH/EN 4.1.2.1", description: "id_type ip ([ZH] or fqdn); default ip", severity: M, scope: "static" },
  "CGW-02": { kind: "customerGateway", field: "id_value", doc: "ZH/EN 4.1.2.1", description: "id_value 1-128 characters; a dotted-decimal IPv4 address when id_type is ip", severity: M, scope: "static" },
  "CGW-03": { kind: "customerGateway", field: "id_value", doc: "ZH 4.1.2.1", description: "an fqdn id_value must not contain & < > [ ] \\ space ?", severity: M, scope: "static" },
  "CGW-04": { kind: "customerGateway", field: "bgp_asn", doc: "ZH/EN 4.1.2.1", description: "bgp_asn 1-4294967295, only when id_type is ip", severity: M, scope: "static" },
  "CGW-05": { kind: "customerGateway", field: "ca_certificate.content", doc: "ZH 4.1.2.1", description: "ca_certificate.content 1-8192 characters", severity: M, scope: "static" },
  "CGW-06": { kind: "customerGateway", field: "id_type, id_value, bgp_asn", doc: "ZH/EN 4.1.2.4", description: "id_type, id_value and bgp_asn cannot be updated (replace the customer gateway)", severity: M, scope: "static" },

  "CONN-01": { kind: "vpnConnection", field: "vgw_id, vgw_ip, cgw_id", doc: "ZH/EN 4.1.3.1", description: "vgw_id, vgw_ip and cgw_id are mandatory", severity: M, scope: "static" },
  "CONN-02": { kind: "vpnConnection", field: "vgw_ip", doc: "ZH/EN 4.1.3.1", description: "vgw_ip is an EIP id of a public gateway or an access private IP of a private gateway", severity: M, scope: "cross" },
  "CONN-03": { kind: "vpnConnection", field: "style", doc: "ZH/EN 4.1.3.1", description: "style policy|static|bgp ([ZH] policy-template), lower case; default static", severity: M, scope: "static" },
  "CONN-04": { kind: "vpnConnection", field: "peer_subnets", doc: "ZH 4.1.3.1, 4.1.3.4; EN 4.1.3.2", description: "peer_subnets is omitted when the gateway is ER-attached and style is policy or bgp, mandatory (and not empty) otherwise", severity: M, scope: "cross" },
  "CONN-05": { kind: "vpnConnection", field: "peer_subnets", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "at most 50 peer subnets", severity: M, scope: "static" },
  "CONN-06": { kind: "vpnConnection", field: "peer_subnets[]", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "peer subnets must not use VPC-reserved ranges such as 100.64.0.0/10 and 214.0.0.0/8", severity: M, scope: "static" },
  "CONN-07": { kind: "vpnConnection", field: "tunnel_local_address, tunnel_peer_address", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "tunnel addresses are inside 169.254.0.0/16", severity: M, scope: "static" },
  "CONN-08": { kind: "vpnConnection", field: "tunnel_local_address, tunnel_peer_address", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "tunnel addresses are not in 169.254.195.0/24", severity: M, scope: "static" },
  "CONN-09": { kind: "vpnConnection", field: "tunnel_local_address, tunnel_peer_address", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "tunnel address prefix length is 30", severity: M, scope: "static" },
  "CONN-10": { kind: "vpnConnection", field: "tunnel_local_address, tunnel_peer_address", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "both tunnel addresses are in the same /30", severity: M, scope: "static" },
  "CONN-11": { kind: "vpnConnection", field: "tunnel_local_address, tunnel_peer_address", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "tunnel addresses are host addresses of their /30 and differ", severity: M, scope: "static" },
  "CONN-12": { kind: "vpnConnection", field: "tunnel_local_address, tunnel_peer_address", doc: "ZH 4.1.3.1 T4-102, T4-109", description: "tunnel addresses only matter for route-based styles (static, bgp)", severity: A, scope: "static" },
  "CONN-13": { kind: "vpnConnection", field: "enable_nqa", doc: "ZH/EN 4.1.3.1", description: "enable_nqa only when style is static", severity: M, scope: "static" },
  "CONN-14": { kind: "vpnConnection", field: "enable_hub", doc: "EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "enable_hub only when style is bgp", severity: M, scope: "static" },
  "CONN-15": { kind: "vpnConnection", field: "psk", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "psk 8-128 characters", severity: M, scope: "static" },
  "CONN-16": { kind: "vpnConnection", field: "psk", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "psk uses only letters, digits and ~!@#$%^()-_+={},./:; and at least three of the four classes", severity: M, scope: "static" },
  "CONN-17": { kind: "vpnConnection", field: "psk", doc: "ZH 4.1.3.1", description: "psk is mandatory unless the gateway flavor is GM", severity: M, scope: "cross" },
  "CONN-19": { kind: "vpnConnection", field: "policy_rules", doc: "ZH 4.1.3.1, 4.1.3.4 / EN 4.1.3.1, 4.1.3.2, 4.1.3.5", description: "policy_rules only with style policy (mandatory then, EN), at most 5", severity: M, scope: "static" },
  "CONN-20": { kind: "vpnConnection", field: "policy_rules[]", doc: "ZH T4-103 / EN T4-89", description: "rule_index 0-50 and unique; source unique; at most 50 destinations; IPv4 CIDRs", severity: M, scope: "static" },
  "CONN-21": { kind: "vpnConnection", field: "policy_rules[].rule_index", doc: "ZH T4-103", description: "rule_index is better omitted (\"建议不填\"); the service may renumber rules", severity: A, scope: "static" },
  "CONN-22": { kind: "vpnConnection", field: "ikepolicy.ike_version", doc: "ZH T4-104 / EN T4-90", description: "ike_version v1|v2; [ZH] v1 only on GM gateways", severity: M, scope: "static" },
  "CONN-23": { kind: "vpnConnection", field: "ikepolicy.phase1_negotiation_mode", doc: "ZH T4-104 / EN T4-90", description: "phase1_negotiation_mode main|aggressive, only with IKE v1; [ZH] main only on GM gateways", severity: M, scope: "static" },
  "CONN-24": { kind: "vpnConnection", field: "ikepolicy/ipsecpolicy authentication_algorithm, encryption_algorithm", doc: "ZH T4-104, T4-106, T4-137, T4-139", description: "GM gateways use sm3/sm4 only; other gateways cannot use sm3/sm4", severity: M, scope: "cross" },
  "CONN-25": { kind: "vpnConnection", field: "ikepolicy.dh_group, ipsecpolicy.pfs", doc: "ZH T4-104, T4-106", description: "dh_group group1..group21 (no disable), pfs the same or disable; both omitted on GM gateways", severity: M, scope: "static" },
  "CONN-26": { kind: "vpnConnection", field: "ikepolicy, ipsecpolicy", doc: "ZH T4-104/T4-106; EN T4-90/T4-92", description: "sha1, md5, 3des, aes-128/192/256 (CBC) and group1/2/5/14 have low security (\"请慎用\")", severity: A, scope: "static" },
  "CONN-27": { kind: "vpnConnection", field: "ikepolicy.authentication_method", doc: "ZH T4-104 / EN T4-90", description: "authentication_method pre-share ([ZH] or digital-envelope-v2)", severity: M, scope: "static" },
  "CONN-28": { kind: "vpnConnection", field: "ikepolicy.lifetime_seconds, ipsecpolicy.lifetime_seconds", doc: "ZH T4-104/T4-106", description: "IKE lifetime 60-604800 s, IPsec lifetime 30-604800 s", severity: M, scope: "static" },
  "CONN-29": { kind: "vpnConnection", field: "ikepolicy.dpd", doc: "ZH T4-105 / EN T4-91", description: "dpd timeout 2-60, interval 10-3600, msg seq-hash-notify|seq-notify-hash", severity: M, scope: "static" },
  "CONN-30": { kind: "vpnConnection", field: "ipsecpolicy.transform_protocol, ipsecpolicy.encapsulation_mode", doc: "ZH T4-106", description: "transform_protocol esp, encapsulation_mode tunnel", severity: M, scope: "static" },
  "CONN-31": { kind: "vpnConnection", field: "ikepolicy.local_id_type, local_id, peer_id_type, peer_id", doc: "ZH T4-104, T4-137 / EN T4-90", description: "id types ip ([ZH] or fqdn); fqdn needs an id of at most 255 characters without & < > [ ] \\ space ?; with ip the id is an optional IPv4 address; none on GM gateways", severity: M, scope: "static" },
  "CONN-32": { kind: "vpnConnection", field: "ha_role", doc: "ZH 4.1.3.1 T4-102, T4-109 / EN 4.1.3.1 T4-88, T4-95", description: "ha_role master|slave; active-standby: master on the active EIP/IP, slave on the standby one; active-active: master", severity: M, scope: "cross" },
  "CONN-33": { kind: "vpnConnection", field: "vgw_id, cgw_id", doc: "ZH 4.1.3.1", description: "a GM gateway needs its certificate imported and a customer gateway with a CA certificate", severity: M, scope: "cross" },
  "CONN-34": { kind: "vpnConnection", field: "vpn_connections", doc: "EN 4.1.3.2", description: "batch create takes 1 or 2 connections with the same vgw_id", severity: M, scope: "static" },
  "CONN-35": { kind: "vpnConnection", field: "psk, ikepolicy.dh_group, ipsecpolicy.pfs, ikepolicy id fields", doc: "ZH 4.1.3.4 T4-135/137/139", description: "on GM gateways psk, dh_group, pfs, local/peer id fields cannot be updated", severity: M, scope: "cross" },
  "CONN-36": { kind: "vpnConnection", field: "psk", doc: "ZH 4.1.3.4 / EN 4.1.3.5", description: "changing only psk on an IKEv2 connection has no effect", severity: A, scope: "static" },
  "CONN-37": { kind: "vpnConnection", field: "vgw_id, vgw_ip, style, enable_nqa, ha_role, ikepolicy.authentication_method", doc: "ZH 4.1.3.4 / EN 4.1.3.5", description: "vgw_id, vgw_ip, style, enable_nqa, ha_role and ikepolicy.authentication_method cannot be updated (replace)", severity: M, scope: "static" },
  "CONN-38": { kind: "vpnConnection", field: "vgw_id", doc: "ZH/EN 4.1.1.2; VPN.0504", description: "connections per gateway at most connection_number", severity: M, scope: "lookup" },

  "MON-01": { kind: "connectionMonitor", field: "vpn_connection_id", doc: "ZH/EN 4.1.4.1", description: "vpn_connection_id is mandatory; monitors cannot be updated", severity: M, scope: "static" },
} as const satisfies Record<string, RuleMeta>;

export type S2cRuleId = keyof typeof S2C_RULE_META;

/**
 * Documented rules that no body check covers, with the reason. The registry test asserts that every §6 id is
 * either in the registry or listed here.
 */
export const S2C_RULES_NOT_CHECKED: Readonly<Record<string, string>> = {
  "GW-22": "only pay-per-use gateways can be created: the request has no billing field, so the strict schema already refuses any other billing input",
  "GW-23": "a delete-time precondition (unbind yearly/monthly EIPs first); the emulator can refuse DELETE when an EIP has ip_billing_info",
  "GW-25": "secret handling, not a value rule: certificate private keys are listed in the operations' secretFields and the kind's secret fields",
  "CGW-07": "dependency ordering (a customer gateway with connections cannot be deleted, VPN.0001); the emulator enforces it on DELETE",
  "CONN-18": "secret handling, not a value rule: psk is in secretFields, secret and writeOnly of the connection kind",
};

/** Formats a rule message: the rule in the docs' terms, then the id and the citation. */
export function msg(id: S2cRuleId, text: string): string {
  return `${text} (${id}, ${S2C_RULE_META[id].doc})`;
}

// ---------------------------------------------------------------- value-level checks (used by field schemas)

/** Problems with one tunnel interface address (CONN-07, -08, -09, -11). */
export function tunnelAddressProblems(value: string): string[] {
  const c = parseCidr(value);
  if (!c) return [msg("CONN-09", "must be an address with a /30 prefix, e.g. 169.254.76.1/30")];
  const out: string[] = [];
  if (!cidrContains(LINK_LOCAL, c)) out.push(msg("CONN-07", "must be inside 169.254.0.0/16 (\"前16位必须是169.254\")"));
  else if (cidrsOverlap(TUNNEL_RESERVED, c)) out.push(msg("CONN-08", "must not be in 169.254.195.0/24 (\"不能使用169.254.195.xxx\")"));
  if (c.prefix !== 30) out.push(msg("CONN-09", "must have prefix length 30 (\"掩码长度必须是30\")"));
  else if (!isHostOf30(value)) out.push(msg("CONN-11", "must be a host address of its /30, not the network or broadcast address"));
  return out;
}

const PSK_CLASS_CHECKS: ReadonlyArray<(ch: string) => boolean> = [
  (ch) => ch >= "A" && ch <= "Z",
  (ch) => ch >= "a" && ch <= "z",
  (ch) => ch >= "0" && ch <= "9",
  (ch) => PSK_SPECIALS.includes(ch),
];

/** Problems with a pre-shared key (CONN-15, CONN-16). The messages never contain the key. */
export function pskProblems(value: string): string[] {
  const out: string[] = [];
  if (value.length < PSK_LENGTH.min || value.length > PSK_LENGTH.max)
    out.push(msg("CONN-15", `must be ${PSK_LENGTH.min}-${PSK_LENGTH.max} characters`));
  const chars = [...value];
  if (chars.some((ch) => !PSK_CLASS_CHECKS.some((f) => f(ch))))
    out.push(msg("CONN-16", `may contain only upper-case and lower-case letters, digits and the special characters ${PSK_SPECIALS}`));
  const classes = PSK_CLASS_CHECKS.filter((f) => chars.some(f)).length;
  if (classes < 3) out.push(msg("CONN-16", "must contain at least three of: upper-case letters, lower-case letters, digits, special characters"));
  return out;
}

/** Problem with a VPC-reserved peer subnet (CONN-06). */
export function reservedSubnetProblem(value: string): string | undefined {
  const hit = RESERVED_PEER_SUBNETS.find((r) => cidrsOverlap(r, value));
  return hit ? msg("CONN-06", `must not overlap VPC-reserved ranges such as ${RESERVED_PEER_SUBNETS.join(", ")}`) : undefined;
}

// ---------------------------------------------------------------- helpers

const lc = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const gw = (g: unknown) => ({
  networkType: lc(getAt(g, "network_type")) ?? DEFAULTS.gateway.network_type,
  attachmentType: lc(getAt(g, "attachment_type")) ?? DEFAULTS.gateway.attachment_type,
  flavor: lc(getAt(g, "flavor")) ?? DEFAULTS.gateway.flavor,
});
const styleOf = (c: unknown): string => lc(getAt(c, "style")) ?? DEFAULTS.connection.style;
const isGm = (ctx?: RuleContext): boolean => ctx?.gateway?.flavor === "GM";
/** True when the context says the body is an update (the operation, or the current connection is given). */
export const isUpdateCtx = (ctx?: RuleContext): boolean =>
  (ctx?.operation !== undefined && ctx.operation.startsWith("update")) || ctx?.connection !== undefined;
const isNonGmKnown = (ctx?: RuleContext): boolean => typeof ctx?.gateway?.flavor === "string" && ctx.gateway.flavor !== "GM";

// ---------------------------------------------------------------- VPN gateway (body = vpn_gateway)

/** GW-02, GW-03, GW-04: fields required / forbidden by attachment_type. */
export const checkGatewayAttachment: RuleCheck = (g) => {
  const { attachmentType } = gw(g);
  const out: RuleIssue[] = [];
  if (attachmentType === "vpc") {
    for (const f of ["vpc_id", "connect_subnet", "local_subnets"])
      if (!has(g, f)) out.push(issue(f, msg("GW-02", `is mandatory when attachment_type is vpc`)));
    if (has(g, "er_id")) out.push(issue("er_id", msg("GW-03", "must be set only when attachment_type is er (\"否则不填\")")));
  } else if (attachmentType === "er") {
    if (!has(g, "er_id")) out.push(issue("er_id", msg("GW-03", "is mandatory when attachment_type is er")));
    if (has(g, "local_subnets")) out.push(issue("local_subnets", msg("GW-03", "must not be set when attachment_type is er")));
  }
  return out;
};

/** GW-04: er_id and vpc_id cannot both be empty (implied by GW-02/GW-03; kept as its own documented rule). */
export const checkErOrVpc: RuleCheck = (g) =>
  !has(g, "er_id") && !has(g, "vpc_id") ? [issue("vpc_id", msg("GW-04", "er_id and vpc_id cannot both be empty"))] : [];

/** GW-08: Basic is not allowed for private or ER-attached gateways. */
export const checkBasicFlavor: RuleCheck = (g) => {
  const { networkType, attachmentType, flavor } = gw(g);
  if (flavor !== "Basic") return [];
  const out: RuleIssue[] = [];
  if (networkType === "private") out.push(issue("flavor", msg("GW-08", "cannot be Basic when network_type is private")));
  if (attachmentType === "er") out.push(issue("flavor", msg("GW-08", "cannot be Basic when attachment_type is er")));
  return out;
};

/**
 * GW-09: the flavor is offered in the region (only for regions in the documented list). The lists are "what the
 * console offers" and name no NonFixedIP flavor, though the same field documents them and the docs' example (c)
 * creates one: a `<family>-NonFixedIP` flavor is taken as offered wherever its fixed-IP family is.
 */
export const checkFlavorRegion: RuleCheck = (g, ctx) => {
  const region = ctx?.region && FLAVORS_BY_REGION[ctx.region];
  if (!region) return [];
  const { flavor } = gw(g);
  const family = typeof flavor === "string" ? flavor.replace(/-NonFixedIP$/, "") : flavor;
  return region.flavors.includes(flavor) || region.flavors.includes(family)
    ? []
    : [issue("flavor", msg("GW-09", `is not offered in ${region.name}; offered: ${region.flavors.join(", ")}`))];
};

/** GW-10: public gateways need eip1 and eip2; private gateways take none. */
export const checkGatewayEips: RuleCheck = (g) => {
  const { networkType } = gw(g);
  const out: RuleIssue[] = [];
  for (const f of ["eip1", "eip2"]) {
    if (networkType === "public" && !has(g, f)) out.push(issue(f, msg("GW-10", "is mandatory when network_type is public")));
    if (networkType === "private" && has(g, f)) out.push(issue(f, msg("GW-10", "must not be set when network_type is private")));
  }
  return out;
};

const NEW_EIP_FIELDS = ["type", "charge_mode", "bandwidth_size", "bandwidth_name", "bandwidth_id"] as const;

/** GW-11 for one EIP object: existing id xor new-EIP parameters; a new EIP needs its parameters. */
export function eipSpecProblems(eip: unknown, path: readonly (string | number)[] = []): RuleIssue[] {
  if (!isRecord(eip)) return [];
  const out: RuleIssue[] = [];
  if (has(eip, "id")) {
    for (const f of NEW_EIP_FIELDS)
      if (has(eip, f)) out.push(issue([...path, f], msg("GW-11", "must not be given together with the id of an existing EIP"), "VPN.0559"));
    return out;
  }
  if (!has(eip, "type")) out.push(issue([...path, "type"], msg("GW-11", "is mandatory for a new EIP"), "VPN.0558"));
  if (!has(eip, "bandwidth_id") && !has(eip, "bandwidth_size"))
    out.push(issue([...path, "bandwidth_size"], msg("GW-11", "is mandatory for a new EIP that does not use shared bandwidth"), "VPN.0558"));
  return out;
}

export const checkEipSpec: RuleCheck = (g) => [...eipSpecProblems(getAt(g, "eip1"), ["eip1"]), ...eipSpecProblems(getAt(g, "eip2"), ["eip2"])];

/** GW-13: EIP bandwidth within the flavor's cap. */
export const checkBandwidthCap: RuleCheck = (g) => {
  const { flavor } = gw(g);
  const cap = BANDWIDTH_CAP_BY_FLAVOR[flavor];
  if (cap === undefined) return [];
  const out: RuleIssue[] = [];
  for (const f of ["eip1", "eip2"]) {
    const size = getAt(g, `${f}.bandwidth_size`);
    if (typeof size === "number" && size > cap)
      out.push(issue([f, "bandwidth_size"], msg("GW-13", `must not exceed ${cap} Mbit/s when flavor is ${flavor}`), "VPN.0550"));
  }
  return out;
};

/** GW-14: existing EIPs must not be shared-bandwidth or frozen (needs `ctx.eips`). */
export const checkExistingEips: RuleCheck = (g, ctx) => {
  const out: RuleIssue[] = [];
  for (const f of ["eip1", "eip2"]) {
    const id = lc(getAt(g, `${f}.id`));
    const facts = id ? ctx?.eips?.[id] : undefined;
    if (facts?.shared) out.push(issue([f, "id"], msg("GW-14", "must not be an EIP with shared bandwidth (VPN.0554)"), "VPN.0554"));
    if (facts?.frozen) out.push(issue([f, "id"], msg("GW-14", "must not be a frozen EIP (VPN.0552)"), "VPN.0552"));
  }
  return out;
};

/** GW-15: distinct AZs; with the AZ query's answer, the right number of AZs from that list. */
export const checkAvailabilityZones: RuleCheck = (g, ctx) => {
  const azs = getAt(g, "availability_zone_ids");
  if (!Array.isArray(azs)) return [];
  const out: RuleIssue[] = [];
  if (new Set(azs).size !== azs.length) out.push(issue("availability_zone_ids", msg("GW-15", "must not repeat an AZ (VPN.0515)"), "VPN.0515"));
  const offered = ctx?.availabilityZones;
  if (offered) {
    if (offered.length === 0) out.push(issue("availability_zone_ids", msg("GW-15", "no AZ is offered for this flavor and attachment type, so the gateway cannot be created")));
    else {
      const want = offered.length >= 2 ? 2 : 1;
      if (azs.length !== want) out.push(issue("availability_zone_ids", msg("GW-15", `must list exactly ${want} AZ(s) when the AZ query returns ${offered.length} (VPN.0514)`), "VPN.0514"));
      azs.forEach((az, i) => {
        if (!offered.includes(az as string)) out.push(issue(["availability_zone_ids", i], msg("GW-15", "must be an AZ returned by the AZ query for this flavor and attachment type")));
      });
    }
  }
  return out;
};

/** GW-16: access private IPs together, different, private gateways only, inside the access subnet (with `ctx.subnets`). */
export const checkAccessPrivateIps: RuleCheck = (g, ctx) => {
  const ip1 = getAt(g, "access_private_ip_1");
  const ip2 = getAt(g, "access_private_ip_2");
  if (ip1 === undefined && ip2 === undefined) return [];
  const out: RuleIssue[] = [];
  if (gw(g).networkType !== "private")
    for (const f of ["access_private_ip_1", "access_private_ip_2"])
      if (has(g, f)) out.push(issue(f, msg("GW-16", "can be set only when network_type is private")));
  if (ip1 === undefined) out.push(issue("access_private_ip_1", msg("GW-16", "must be given together with access_private_ip_2")));
  if (ip2 === undefined) out.push(issue("access_private_ip_2", msg("GW-16", "must be given together with access_private_ip_1")));
  if (ip1 !== undefined && ip1 === ip2) out.push(issue("access_private_ip_2", msg("GW-16", "must differ from access_private_ip_1")));
  const subnetId = lc(getAt(g, "access_subnet_id")) ?? lc(getAt(g, "connect_subnet"));
  const cidr = subnetId ? ctx?.subnets?.[subnetId]?.cidr : undefined;
  if (cidr)
    for (const f of ["access_private_ip_1", "access_private_ip_2"]) {
      const ip = lc(getAt(g, f));
      if (ip && isIpv4(ip) && !cidrContains(cidr, ip)) out.push(issue(f, msg("GW-16", "must be an allocatable address of the access subnet")));
    }
  return out;
};

/** GW-17: idle IPs in the subnets (needs `ctx.subnets[...].freeIps`). */
export const checkSubnetIdleIps: RuleCheck = (g, ctx) => {
  const { attachmentType } = gw(g);
  const connect = lc(getAt(g, "connect_subnet"));
  const access = lc(getAt(g, "access_subnet_id")) ?? connect;
  const out: RuleIssue[] = [];
  const need = (id: string | undefined, field: string, n: number) => {
    const free = id ? ctx?.subnets?.[id]?.freeIps : undefined;
    if (free !== undefined && free < n) out.push(issue(field, msg("GW-17", `the subnet needs at least ${n} idle IP addresses (VPN.0502)`), "VPN.0502"));
  };
  if (attachmentType === "er") need(access, has(g, "access_subnet_id") ? "access_subnet_id" : "connect_subnet", 2);
  else if (access && access === connect) need(connect, "connect_subnet", 4);
  else {
    need(connect, "connect_subnet", 2);
    need(access, "access_subnet_id", 2);
  }
  return out;
};

/** GW-18 (advisory): access_vpc_id / access_subnet_id silently override vpc_id / connect_subnet. */
export const checkAccessOverride: RuleCheck = (g) => {
  const out: RuleIssue[] = [];
  const pairs: Array<[string, string]> = [["access_vpc_id", "vpc_id"], ["access_subnet_id", "connect_subnet"]];
  for (const [a, b] of pairs) {
    const av = getAt(g, a);
    const bv = getAt(g, b);
    if (av !== undefined && bv !== undefined && av !== bv && gw(g).attachmentType === "er")
      out.push(issue(a, msg("GW-18", `takes effect instead of ${b} when both are set ("access_vpc_id生效")`)));
  }
  return out;
};

/** GW-19 (update, needs `ctx.gateway`): fields allowed only for some gateways. */
export const checkGatewayUpdate: RuleCheck = (u, ctx) => {
  const cur = ctx?.gateway;
  if (!cur) return [];
  const out: RuleIssue[] = [];
  if (has(u, "local_subnets") && (cur.attachment_type ?? "vpc") !== "vpc")
    out.push(issue("local_subnets", msg("GW-19", "can be updated only on gateways with attachment_type vpc")));
  for (const f of ["eip_id_1", "eip_id_2"])
    if (has(u, f) && (cur.network_type ?? "public") !== "public") out.push(issue(f, msg("GW-19", "can be set only on gateways with network_type public")));
  if (has(u, "policy_template") && cur.flavor !== undefined && !(NON_FIXED_IP_FLAVORS as readonly string[]).includes(cur.flavor))
    out.push(issue("policy_template", msg("GW-19", "can be set only on Professional1-NonFixedIP or Professional2-NonFixedIP gateways")));
  return out;
};

/** GW-21 (needs `ctx.gateway.supported_flavors`): the target flavor is one the gateway can change to. */
export const checkSpecChange: RuleCheck = (s, ctx) => {
  const target = lc(getAt(s, "flavor"));
  const supported = ctx?.gateway?.supported_flavors;
  if (!target || !supported || supported.includes(target)) return [];
  return [issue("flavor", msg("GW-21", `must be one of the gateway's supported_flavors (${supported.join(", ")})`))];
};

/** GW-24 (needs `ctx.gateway.flavor`): certificates only for GM gateways. */
export const checkCertificateGateway: RuleCheck = (_c, ctx) =>
  ctx?.gateway?.flavor !== undefined && ctx.gateway.flavor !== "GM"
    ? [issue([], msg("GW-24", "gateway certificates can be uploaded only to gateways with flavor GM"))]
    : [];

// ---------------------------------------------------------------- customer gateway (body = customer_gateway)

/** CGW-02, CGW-03: id_value format by id_type. */
export const checkCgwIdValue: RuleCheck = (c) => {
  const type = lc(getAt(c, "id_type")) ?? DEFAULTS.customerGateway.id_type;
  const value = getAt(c, "id_value");
  if (typeof value !== "string") return [];
  if (type === "ip" && !isIpv4(value)) return [issue("id_value", msg("CGW-02", "must be a dotted-decimal IPv4 address (e.g. 192.168.45.7) when id_type is ip"))];
  if (type === "fqdn" && FQDN_FORBIDDEN.test(value))
    return [issue("id_value", msg("CGW-03", "must not contain & < > [ ] \\ space or ? when id_type is fqdn"))];
  return [];
};

/** CGW-04: bgp_asn only when id_type is ip. */
export const checkCgwBgpAsn: RuleCheck = (c) => {
  const type = lc(getAt(c, "id_type")) ?? DEFAULTS.customerGateway.id_type;
  return type !== "ip" && has(c, "bgp_asn") ? [issue("bgp_asn", msg("CGW-04", "can be set only when id_type is ip (\"否则不填\")"))] : [];
};

// ---------------------------------------------------------------- VPN connection (body = vpn_connection)

const ROUTE_STYLES = ["static", "bgp"];

/** CONN-04: peer_subnets omitted for ER gateways with policy/bgp, mandatory otherwise (create). */
export const checkPeerSubnets: RuleCheck = (c, ctx) => {
  const style = ctx?.connection?.style?.toLowerCase() ?? styleOf(c);
  const isUpdate = isUpdateCtx(ctx);
  const attachment = ctx?.gateway?.attachment_type;
  const omit = attachment === "er" && (style === "policy" || style === "bgp");
  if (omit && has(c, "peer_subnets"))
    return [issue("peer_subnets", msg("CONN-04", "must be omitted when the gateway's attachment_type is er and style is policy or bgp"))];
  // Given, it lists the customer networks: an empty list (on create or update) would leave the connection with
  // none, which the docs never allow where peer_subnets applies.
  const given = getAt(c, "peer_subnets");
  if (Array.isArray(given) && given.length === 0)
    return [issue("peer_subnets", msg("CONN-04", "must list at least one customer subnet when given (an empty list is not allowed)"))];
  if (isUpdate || has(c, "peer_subnets")) return [];
  const required = attachment !== undefined ? !omit : style !== "policy" && style !== "bgp";
  return required ? [issue("peer_subnets", msg("CONN-04", "is mandatory unless the gateway's attachment_type is er and style is policy or bgp"))] : [];
};

/** CONN-02 (needs `ctx.gateway`): vgw_ip is an EIP id of a public gateway or an access IP of a private one. */
export const checkVgwIp: RuleCheck = (c, ctx) => {
  const g = ctx?.gateway;
  const ip = lc(getAt(c, "vgw_ip"));
  if (!g || !ip) return [];
  const net = g.network_type ?? "public";
  if (net === "public") {
    const ids = [g.eip1?.id, g.eip2?.id].filter((x): x is string => !!x);
    if (isIpv4(ip)) return [issue("vgw_ip", msg("CONN-02", "must be the id of one of the gateway's EIPs, not an address, when network_type is public"))];
    if (ids.length > 0 && !ids.includes(ip)) return [issue("vgw_ip", msg("CONN-02", "must be the id of the gateway's eip1 or eip2"))];
  } else {
    const ips = [g.access_private_ip_1, g.access_private_ip_2].filter((x): x is string => !!x);
    if (!isIpv4(ip)) return [issue("vgw_ip", msg("CONN-02", "must be one of the gateway's access private IP addresses when network_type is private"))];
    if (ips.length > 0 && !ips.includes(ip)) return [issue("vgw_ip", msg("CONN-02", "must be the gateway's access_private_ip_1 or access_private_ip_2"))];
  }
  return [];
};

/** CONN-10, CONN-11: the two tunnel addresses share one /30 and differ. */
export const checkTunnelPair: RuleCheck = (c) => {
  const l = lc(getAt(c, "tunnel_local_address"));
  const p = lc(getAt(c, "tunnel_peer_address"));
  if (!l || !p || !parseCidr(l) || !parseCidr(p)) return [];
  if (parseCidr(l)!.prefix !== 30 || parseCidr(p)!.prefix !== 30) return [];
  if (!sameBlock30(l, p)) return [issue("tunnel_peer_address", msg("CONN-10", "must be in the same /30 as tunnel_local_address"))];
  if (parseCidr(l)!.address === parseCidr(p)!.address) return [issue("tunnel_peer_address", msg("CONN-11", "must differ from tunnel_local_address"))];
  return [];
};

/** CONN-12 (advisory): tunnel addresses on a policy-based connection have no effect. */
export const checkTunnelStyle: RuleCheck = (c) =>
  ROUTE_STYLES.includes(styleOf(c))
    ? []
    : ["tunnel_local_address", "tunnel_peer_address"]
        .filter((f) => has(c, f))
        .map((f) => issue(f, msg("CONN-12", "is only meaningful for route-based connections (style static or bgp)")));

/** CONN-13: enable_nqa only with style static. */
export const checkNqa: RuleCheck = (c) =>
  has(c, "enable_nqa") && styleOf(c) !== "static" ? [issue("enable_nqa", msg("CONN-13", "can be set only when style is static (\"否则不填\")"))] : [];

/** CONN-14: enable_hub only with style bgp (update: the connection's current style from `ctx.connection`). */
export const checkHub: RuleCheck = (c, ctx) => {
  if (!has(c, "enable_hub")) return [];
  const style = ctx?.connection?.style?.toLowerCase() ?? (isUpdateCtx(ctx) ? undefined : styleOf(c));
  return style !== undefined && style !== "bgp" ? [issue("enable_hub", msg("CONN-14", "can be set only when style is bgp"))] : [];
};

/** CONN-17 (needs `ctx.gateway.flavor`): psk mandatory unless GM. */
export const checkPskRequired: RuleCheck = (c, ctx) =>
  isNonGmKnown(ctx) && !has(c, "psk") ? [issue("psk", msg("CONN-17", "is mandatory unless the gateway's flavor is GM"))] : [];

/** CONN-19: policy_rules only (and, EN, always) with style policy. */
export const checkPolicyRulesStyle: RuleCheck = (c, ctx) => {
  const update = isUpdateCtx(ctx);
  const style = ctx?.connection?.style?.toLowerCase() ?? (update ? undefined : styleOf(c));
  if (style === undefined) return [];
  if (has(c, "policy_rules") && style !== "policy") return [issue("policy_rules", msg("CONN-19", "can be set only when style is policy"))];
  if (!update && style === "policy" && !has(c, "policy_rules")) return [issue("policy_rules", msg("CONN-19", "is mandatory when style is policy (EN 4.1.3.1)"))];
  return [];
};

/** CONN-20: rule_index and source unique across policy rules. */
export const checkPolicyRulesUnique: RuleCheck = (c) => {
  const rules = getAt(c, "policy_rules");
  if (!Array.isArray(rules)) return [];
  const out: RuleIssue[] = [];
  const seenIdx = new Set<unknown>();
  const seenSrc = new Set<unknown>();
  rules.forEach((r, i) => {
    const idx = getAt(r, "rule_index");
    const src = getAt(r, "source");
    if (idx !== undefined) {
      if (seenIdx.has(idx)) out.push(issue(["policy_rules", i, "rule_index"], msg("CONN-20", "must differ from the rule_index of the other policy rules")));
      seenIdx.add(idx);
    }
    if (src !== undefined) {
      if (seenSrc.has(src)) out.push(issue(["policy_rules", i, "source"], msg("CONN-20", "must differ from the source of the other policy rules")));
      seenSrc.add(src);
    }
  });
  return out;
};

/** CONN-21 (advisory): prefer omitting rule_index. */
export const checkRuleIndexAdvice: RuleCheck = (c) => {
  const rules = getAt(c, "policy_rules");
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((r, i) =>
    has(r, "rule_index") ? [issue(["policy_rules", i, "rule_index"], msg("CONN-21", "is better omitted (\"建议不填\"): the service renumbers rules"))] : [],
  );
};

/** CONN-22, CONN-23 (GM parts need `ctx.gateway`): IKE version and phase-1 mode. */
export const checkIkeVersion: RuleCheck = (c, ctx) => {
  const ike = getAt(c, "ikepolicy");
  if (!isRecord(ike)) return [];
  const out: RuleIssue[] = [];
  const version = lc(ike.ike_version) ?? (isGm(ctx) ? "v1" : DEFAULTS.ikepolicy.ike_version);
  const update = isUpdateCtx(ctx);
  if (isGm(ctx) && version !== "v1") out.push(issue(["ikepolicy", "ike_version"], msg("CONN-22", "must be v1 on a GM gateway")));
  if (has(ike, "phase1_negotiation_mode")) {
    // Update: "ike版本为v2时忽略此字段" (ignored, not refused).
    if (version !== "v1" && !update)
      out.push(issue(["ikepolicy", "phase1_negotiation_mode"], msg("CONN-23", "can be set only when ike_version is v1 (\"为v2时不填\")")));
    if (isGm(ctx) && ike.phase1_negotiation_mode !== "main")
      out.push(issue(["ikepolicy", "phase1_negotiation_mode"], msg("CONN-23", "must be main on a GM gateway")));
  }
  return out;
};

/** CONN-24 (needs `ctx.gateway.flavor`): sm3/sm4 exactly on GM gateways. */
export const checkAlgorithmsForFlavor: RuleCheck = (c, ctx) => {
  if (!ctx?.gateway?.flavor) return [];
  const out: RuleIssue[] = [];
  for (const p of ["ikepolicy", "ipsecpolicy"]) {
    const auth = lc(getAt(c, `${p}.authentication_algorithm`));
    const enc = lc(getAt(c, `${p}.encryption_algorithm`));
    const gmAuth = (GM_AUTH_ALGORITHMS as readonly string[]).includes(auth ?? "");
    const gmEnc = (GM_ENCRYPTION_ALGORITHMS as readonly string[]).includes(enc ?? "");
    if (isGm(ctx)) {
      if (auth && !gmAuth) out.push(issue([p, "authentication_algorithm"], msg("CONN-24", "must be sm3 on a GM gateway")));
      if (enc && !gmEnc) out.push(issue([p, "encryption_algorithm"], msg("CONN-24", "must be sm4 on a GM gateway")));
    } else {
      if (gmAuth) out.push(issue([p, "authentication_algorithm"], msg("CONN-24", "sm3 is only for GM gateways")));
      if (gmEnc) out.push(issue([p, "encryption_algorithm"], msg("CONN-24", "sm4 is only for GM gateways")));
    }
  }
  return out;
};

const GM_OMITTED = [
  ["ikepolicy.dh_group", "CONN-25"],
  ["ipsecpolicy.pfs", "CONN-25"],
  ["ikepolicy.local_id_type", "CONN-31"],
  ["ikepolicy.local_id", "CONN-31"],
  ["ikepolicy.peer_id_type", "CONN-31"],
  ["ikepolicy.peer_id", "CONN-31"],
] as const;

/** CONN-25, CONN-31 (GM part, needs `ctx.gateway.flavor`): fields not used on GM gateways. */
export const checkGmOmitted: RuleCheck = (c, ctx) =>
  isGm(ctx) ? GM_OMITTED.filter(([f]) => has(c, f)).map(([f, id]) => issue(f, msg(id, "is not set on a GM gateway (\"该字段不用填写\")"))) : [];

/** CONN-26 (advisory): weak algorithms. */
export const checkWeakCrypto: RuleCheck = (c) => {
  const out: RuleIssue[] = [];
  const weak = (path: string, list: readonly string[]) => {
    const v = lc(getAt(c, path));
    if (v && list.includes(v)) out.push(issue(path, msg("CONN-26", "has low security (\"安全性较低，请慎用\")")));
  };
  for (const p of ["ikepolicy", "ipsecpolicy"]) {
    weak(`${p}.authentication_algorithm`, WEAK_AUTH_ALGORITHMS);
    weak(`${p}.encryption_algorithm`, WEAK_ENCRYPTION_ALGORITHMS);
  }
  weak("ikepolicy.dh_group", WEAK_DH_GROUPS);
  weak("ipsecpolicy.pfs", WEAK_DH_GROUPS);
  return out;
};

/** CONN-31: local/peer id by id type. */
export const checkIkeIds: RuleCheck = (c, ctx) => {
  const ike = getAt(c, "ikepolicy");
  if (!isRecord(ike)) return [];
  const out: RuleIssue[] = [];
  for (const side of ["local", "peer"] as const) {
    // On update the connection's current id type is unknown unless it is sent.
    const type = lc(ike[`${side}_id_type`]) ?? (isUpdateCtx(ctx) ? undefined : DEFAULTS.ikepolicy.local_id_type);
    const id = ike[`${side}_id`];
    const path = ["ikepolicy", `${side}_id`];
    if (type === "fqdn") {
      if (typeof id !== "string") out.push(issue(path, msg("CONN-31", `is mandatory when ${side}_id_type is fqdn`)));
      else if (FQDN_FORBIDDEN.test(id)) out.push(issue(path, msg("CONN-31", "must not contain & < > [ ] \\ space or ?")));
    } else if (type === "ip" && typeof id === "string" && !isIpv4(id)) {
      out.push(issue(path, msg("CONN-31", `must be an IPv4 address when ${side}_id_type is ip`)));
    }
  }
  return out;
};

/** CONN-32 (needs `ctx.gateway`): ha_role matches the EIP / access IP the connection uses. */
export const checkHaRole: RuleCheck = (c, ctx) => {
  const g = ctx?.gateway;
  if (!g) return [];
  const role = lc(getAt(c, "ha_role")) ?? DEFAULTS.connection.ha_role;
  const ip = lc(getAt(c, "vgw_ip"));
  if ((g.ha_mode ?? DEFAULTS.gateway.ha_mode) === "active-active")
    return role === "master" ? [] : [issue("ha_role", msg("CONN-32", "must be master on an active-active gateway"))];
  const first = [g.eip1?.id, g.access_private_ip_1].filter(Boolean);
  const second = [g.eip2?.id, g.access_private_ip_2].filter(Boolean);
  if (ip && first.includes(ip) && role !== "master")
    return [issue("ha_role", msg("CONN-32", "must be master for a connection on the active EIP or access_private_ip_1"))];
  if (ip && second.includes(ip) && role !== "slave")
    return [issue("ha_role", msg("CONN-32", "must be slave for a connection on the standby EIP or access_private_ip_2"))];
  return [];
};

/** CONN-33 (needs `ctx.gateway`, `ctx.customerGateway`): GM certificates present. */
export const checkGmCertificates: RuleCheck = (_c, ctx) => {
  if (!isGm(ctx)) return [];
  const out: RuleIssue[] = [];
  if (ctx?.gateway && !ctx.gateway.certificate_id) out.push(issue("vgw_id", msg("CONN-33", "a GM gateway must have its gateway certificate imported first")));
  if (ctx?.customerGateway && !ctx.customerGateway.ca_certificate)
    out.push(issue("cgw_id", msg("CONN-33", "with a GM gateway the customer gateway must have a CA certificate")));
  return out;
};

/** CONN-34 (body = the batch request's root object): two connections share vgw_id. */
export const checkBatchSameGateway: RuleCheck = (b) => {
  const list = getAt(b, "vpn_connections");
  if (!Array.isArray(list) || list.length < 2) return [];
  const first = getAt(list[0], "vgw_id");
  return list.slice(1).flatMap((c, i) =>
    getAt(c, "vgw_id") !== first ? [issue(["vpn_connections", i + 1, "vgw_id"], msg("CONN-34", "must be the same vgw_id in both connections"))] : [],
  );
};

/** CONN-35 (update, needs `ctx.gateway.flavor`): fields that cannot change on GM gateways. */
export const checkGmUpdate: RuleCheck = (u, ctx) =>
  isGm(ctx)
    ? ["psk", "ikepolicy.dh_group", "ipsecpolicy.pfs", "ikepolicy.local_id_type", "ikepolicy.local_id", "ikepolicy.peer_id_type", "ikepolicy.peer_id"]
        .filter((f) => has(u, f))
        .map((f) => issue(f, msg("CONN-35", "cannot be updated on a GM gateway (\"该字段无法修改\")")))
    : [];

/** CONN-36 (advisory, update): psk alone on an IKEv2 connection does not take effect. */
export const checkPskOnlyUpdate: RuleCheck = (u, ctx) => {
  if (!isRecord(u)) return [];
  const keys = Object.keys(u).filter((k) => k !== "name");
  const version = lc(getAt(u, "ikepolicy.ike_version")) ?? ctx?.connection?.ikepolicy?.ike_version ?? DEFAULTS.ikepolicy.ike_version;
  return keys.length === 1 && keys[0] === "psk" && version === "v2"
    ? [issue("psk", msg("CONN-36", "changing only psk does not take effect with IKE v2 (\"只修改该字段不生效\")"))]
    : [];
};

/** CONN-38 (needs `ctx.gateway` counts): room for `n` more connections. */
export function connectionCapacityCheck(n: (body: unknown) => number): RuleCheck {
  return (c, ctx) => {
    const g = ctx?.gateway;
    if (typeof g?.connection_number !== "number" || typeof g.used_connection_number !== "number") return [];
    return g.used_connection_number + n(c) > g.connection_number
      ? [issue("vgw_id", msg("CONN-38", `the gateway allows at most ${g.connection_number} connections (VPN.0504)`), "VPN.0504")]
      : [];
  };
}
