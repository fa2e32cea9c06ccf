/**
 * Every documented S2C request constraint has at least one body the schemas refuse, with an issue that names
 * the field and states the rule (rule id in the message). Secrets are never echoed.
 */
import { describe, expect, it } from "vitest";
import { s2cOperations } from "../../sdk/spec/s2c";
import type { OperationSpec } from "../../sdk/spec/types";
import { validate } from "../../sdk/schemas/validate";

const ops = s2cOperations as Record<string, OperationSpec>;

const ID = "cb4a631d-demo-a8df-va86-ca3fa348c36c";
const ID2 = "f5741286-demo-a8df-va86-2c82bd9ee114";
const EIP1 = "cff40e5e-demo-a8df-va86-7366077bf097";
const EIP2 = "d290f1ee-demo-a8df-va86-d701748f0851";
const PSK = "Vpn-Key.2024";

const gw = (over: Record<string, unknown> = {}) => ({
  vpn_gateway: { vpc_id: ID, connect_subnet: ID2, local_subnets: ["192.168.0.0/24"], eip1: { id: EIP1 }, eip2: { id: EIP2 }, ...over },
});
const er = (over: Record<string, unknown> = {}) => ({ vpn_gateway: { attachment_type: "er", er_id: ID, eip1: { id: EIP1 }, eip2: { id: EIP2 }, ...over } });
const priv = (over: Record<string, unknown> = {}) => ({
  vpn_gateway: { network_type: "private", vpc_id: ID, connect_subnet: ID2, local_subnets: ["192.168.0.0/24"], ...over },
});
const cgw = (over: Record<string, unknown> = {}) => ({ customer_gateway: { id_value: "192.168.45.7", ...over } });
const conn = (over: Record<string, unknown> = {}) => ({
  vpn_connection: { vgw_id: ID, vgw_ip: EIP1, cgw_id: ID2, peer_subnets: ["172.16.0.0/16"], psk: PSK, ...over },
});
const ike = (p: Record<string, unknown>) => conn({ ikepolicy: p });
const ipsec = (p: Record<string, unknown>) => conn({ ipsecpolicy: p });
const upd = (over: Record<string, unknown>) => ({ vpn_connection: over });
const cert = (over: Record<string, unknown> = {}) => ({
  certificate: {
    certificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
    private_key: "-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----",
    certificate_chain: "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----",
    enc_certificate: "-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----",
    enc_private_key: "-----BEGIN EC PRIVATE KEY-----\nMHd\n-----END EC PRIVATE KEY-----",
    ...over,
  },
});
const range = <T,>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const UNDOC = "is not a documented field of this request";

/** [label, operation, body, field, rule id or rule text the message must contain] */
type Case = readonly [string, string, unknown, string, string];

const CASES: readonly Case[] = [
  // ---- common
  ["name charset", "createVgw", gw({ name: "gw name!" }), "vpn_gateway.name", "COM-01"],
  ["name length", "createCgw", cgw({ name: "x".repeat(65) }), "customer_gateway.name", "COM-01"],
  ["bandwidth_name charset", "createVgw", gw({ eip1: { type: "5_bgp", bandwidth_size: 10, bandwidth_name: "a b" } }), "vpn_gateway.eip1.bandwidth_name", "COM-01"],
  ["21 tags", "createVpnConnection", conn({ tags: range(21, (i) => ({ key: `k${i}`, value: "v" })) }), "vpn_connection.tags", "COM-02"],
  ["tag key charset", "createCgw", cgw({ tags: [{ key: "a#b", value: "v" }] }), "customer_gateway.tags[0].key", "COM-03"],
  ["tag key _sys_ prefix", "createVgw", gw({ tags: [{ key: "_sys_x", value: "v" }] }), "vpn_gateway.tags[0].key", "COM-03"],
  ["tag key leading space", "createVgw", gw({ tags: [{ key: " a", value: "v" }] }), "vpn_gateway.tags[0].key", "COM-03"],
  ["tag key length", "createVgw", gw({ tags: [{ key: "k".repeat(129), value: "v" }] }), "vpn_gateway.tags[0].key", "COM-03"],
  ["tag value charset", "createVgw", gw({ tags: [{ key: "k", value: "a!b" }] }), "vpn_gateway.tags[0].value", "COM-03"],
  ["tag value length", "createVgw", gw({ tags: [{ key: "k", value: "v".repeat(256) }] }), "vpn_gateway.tags[0].value", "COM-03"],
  ["id length", "createVgw", gw({ vpc_id: "vpc-1" }), "vpn_gateway.vpc_id", "COM-04"],
  ["enterprise project id", "createVgw", gw({ enterprise_project_id: "1" }), "vpn_gateway.enterprise_project_id", "COM-05"],
  ["tags on gateway PUT", "updateVgw", { vpn_gateway: { tags: [] } }, "vpn_gateway.tags", UNDOC],
  ["tags on connection PUT", "updateVpnConnection", upd({ tags: [] }), "vpn_connection.tags", UNDOC],
  ["undocumented field", "createVgw", gw({ charging_mode: "prePaid" }), "vpn_gateway.charging_mode", UNDOC],

  // ---- gateway
  ["network_type enum", "createVgw", gw({ network_type: "internet" }), "vpn_gateway.network_type", "GW-01"],
  ["attachment_type enum", "createVgw", gw({ attachment_type: "vpn" }), "vpn_gateway.attachment_type", "GW-01"],
  ["ha_mode enum", "createVgw", gw({ ha_mode: "single" }), "vpn_gateway.ha_mode", "GW-01"],
  ["ip_version enum", "createVgw", gw({ ip_version: "ipv6" }), "vpn_gateway.ip_version", "GW-01"],
  ["vpc needs vpc_id", "createVgw", gw({ vpc_id: undefined }), "vpn_gateway.vpc_id", "GW-02"],
  ["vpc needs connect_subnet", "createVgw", gw({ connect_subnet: undefined }), "vpn_gateway.connect_subnet", "GW-02"],
  ["vpc needs local_subnets", "createVgw", gw({ local_subnets: undefined }), "vpn_gateway.local_subnets", "GW-02"],
  ["er needs er_id", "createVgw", er({ er_id: undefined }), "vpn_gateway.er_id", "GW-03"],
  ["er refuses local_subnets", "createVgw", er({ local_subnets: ["10.0.0.0/24"] }), "vpn_gateway.local_subnets", "GW-03"],
  ["vpc refuses er_id", "createVgw", gw({ er_id: ID }), "vpn_gateway.er_id", "GW-03"],
  ["51 local subnets", "createVgw", gw({ local_subnets: range(51, (i) => `10.0.${i}.0/24`) }), "vpn_gateway.local_subnets", "GW-05"],
  ["local subnet not a CIDR", "createVgw", gw({ local_subnets: ["192.168.0.0"] }), "vpn_gateway.local_subnets[0]", "GW-05"],
  ["update: 51 local subnets", "updateVgw", { vpn_gateway: { local_subnets: range(51, (i) => `10.0.${i}.0/24`) } }, "vpn_gateway.local_subnets", "GW-05"],
  ["bgp_asn 0", "createVgw", gw({ bgp_asn: 0 }), "vpn_gateway.bgp_asn", "GW-06"],
  ["bgp_asn too large", "createVgw", gw({ bgp_asn: 4294967296 }), "vpn_gateway.bgp_asn", "GW-06"],
  ["flavor enum", "createVgw", gw({ flavor: "Professional3" }), "vpn_gateway.flavor", "GW-07"],
  ["Basic and private", "createVgw", priv({ flavor: "Basic" }), "vpn_gateway.flavor", "GW-08"],
  ["Basic and er", "createVgw", er({ flavor: "Basic" }), "vpn_gateway.flavor", "GW-08"],
  ["public without eip2", "createVgw", gw({ eip2: undefined }), "vpn_gateway.eip2", "GW-10"],
  ["private with eip1", "createVgw", priv({ eip1: { id: EIP1 } }), "vpn_gateway.eip1", "GW-10"],
  ["EIP id with new-EIP params", "createVgw", gw({ eip1: { id: EIP1, bandwidth_size: 10 } }), "vpn_gateway.eip1.bandwidth_size", "GW-11"],
  ["new EIP without type", "createVgw", gw({ eip1: { bandwidth_size: 10 } }), "vpn_gateway.eip1.type", "GW-11"],
  ["new EIP without size", "createVgw", gw({ eip1: { type: "5_bgp" } }), "vpn_gateway.eip1.bandwidth_size", "GW-11"],
  ["charge_mode enum", "createVgw", gw({ eip1: { type: "5_bgp", bandwidth_size: 10, charge_mode: "95peak" } }), "vpn_gateway.eip1.charge_mode", "GW-12"],
  ["EIP type length", "createVgw", gw({ eip1: { type: "t".repeat(37), bandwidth_size: 10 } }), "vpn_gateway.eip1.type", "GW-12"],
  ["bandwidth 1001", "createVgw", gw({ flavor: "Professional2", eip1: { type: "5_bgp", bandwidth_size: 1001 } }), "vpn_gateway.eip1.bandwidth_size", "GW-13"],
  ["bandwidth above the Professional1 cap", "createVgw", gw({ eip2: { type: "5_bgp", bandwidth_size: 400 } }), "vpn_gateway.eip2.bandwidth_size", "GW-13"],
  ["bandwidth above the Basic cap", "createVgw", gw({ flavor: "Basic", eip1: { type: "5_bgp", bandwidth_size: 101 } }), "vpn_gateway.eip1.bandwidth_size", "GW-13"],
  ["bandwidth above the GM cap", "createVgw", gw({ flavor: "GM", eip1: { type: "5_bgp", bandwidth_size: 501 } }), "vpn_gateway.eip1.bandwidth_size", "GW-13"],
  ["3 AZs", "createVgw", gw({ availability_zone_ids: ["a", "b", "c"] }), "vpn_gateway.availability_zone_ids", "GW-15"],
  ["duplicate AZs", "createVgw", gw({ availability_zone_ids: ["a", "a"] }), "vpn_gateway.availability_zone_ids", "GW-15"],
  ["no AZ in a given list", "createVgw", gw({ availability_zone_ids: [] }), "vpn_gateway.availability_zone_ids", "GW-15"],
  ["access ip 1 alone", "createVgw", priv({ access_private_ip_1: "192.168.0.10" }), "vpn_gateway.access_private_ip_2", "GW-16"],
  ["equal access ips", "createVgw", priv({ access_private_ip_1: "192.168.0.10", access_private_ip_2: "192.168.0.10" }), "vpn_gateway.access_private_ip_2", "GW-16"],
  ["access ips on a public gateway", "createVgw", gw({ access_private_ip_1: "192.168.0.10", access_private_ip_2: "192.168.0.11" }), "vpn_gateway.access_private_ip_1", "GW-16"],
  ["access ip not IPv4", "createVgw", priv({ access_private_ip_1: "192.168.0.300", access_private_ip_2: "192.168.0.11" }), "vpn_gateway.access_private_ip_1", "GW-16"],
  ["template dh_group", "updateVgw", { vpn_gateway: { policy_template: { ike_policy: { dh_group: "group1" } } } }, "vpn_gateway.policy_template.ike_policy.dh_group", "GW-20"],
  ["template encryption", "updateVgw", { vpn_gateway: { policy_template: { ipsec_policy: { encryption_algorithm: "3des" } } } }, "vpn_gateway.policy_template.ipsec_policy.encryption_algorithm", "GW-20"],
  ["template authentication", "updateVgw", { vpn_gateway: { policy_template: { ike_policy: { authentication_algorithm: "sha1" } } } }, "vpn_gateway.policy_template.ike_policy.authentication_algorithm", "GW-20"],
  ["template IKE lifetime", "updateVgw", { vpn_gateway: { policy_template: { ike_policy: { lifetime_seconds: 59 } } } }, "vpn_gateway.policy_template.ike_policy.lifetime_seconds", "GW-20"],
  ["template IPsec lifetime", "updateVgw", { vpn_gateway: { policy_template: { ipsec_policy: { lifetime_seconds: 604801 } } } }, "vpn_gateway.policy_template.ipsec_policy.lifetime_seconds", "GW-20"],
  ["update refuses immutable fields", "updateVgw", { vpn_gateway: { flavor: "Professional2" } }, "vpn_gateway.flavor", UNDOC],
  ["spec change to GM", "updatePostpaidVgwSpecification", { vpn_gateway: { flavor: "GM" } }, "vpn_gateway.flavor", "GW-21"],
  ["spec change without flavor", "updatePostpaidVgwSpecification", { vpn_gateway: {} }, "vpn_gateway.flavor", "GW-21"],
  ["certificate name length", "createVgwCertificate", cert({ name: "ab" }), "certificate.name", "GW-24"],
  ["certificate not PEM", "createVgwCertificate", cert({ certificate: "MIIB" }), "certificate.certificate", "GW-24"],
  ["private key too long", "createVgwCertificate", cert({ private_key: `-----BEGIN EC PRIVATE KEY-----${"A".repeat(4096)}-----END EC PRIVATE KEY-----` }), "certificate.private_key", "GW-24"],
  ["certificate chain too long", "updateVgwCertificate", cert({ certificate_chain: `-----BEGIN CERTIFICATE-----${"A".repeat(8192)}-----END CERTIFICATE-----` }), "certificate.certificate_chain", "GW-24"],
  ["missing encryption key", "createVgwCertificate", cert({ enc_private_key: undefined }), "certificate.enc_private_key", "GW-24"],

  // ---- customer gateway
  ["id_type enum", "createCgw", cgw({ id_type: "hostname" }), "customer_gateway.id_type", "CGW-01"],
  ["id_value missing", "createCgw", { customer_gateway: {} }, "customer_gateway.id_value", "CGW-02"],
  ["id_value length", "createCgw", cgw({ id_type: "fqdn", id_value: "a".repeat(129) }), "customer_gateway.id_value", "CGW-02"],
  ["id_value not IPv4 for ip", "createCgw", cgw({ id_value: "vpn.example.com" }), "customer_gateway.id_value", "CGW-02"],
  ["fqdn with a space", "createCgw", cgw({ id_type: "fqdn", id_value: "vpn example" }), "customer_gateway.id_value", "CGW-03"],
  ["fqdn with &", "createCgw", cgw({ id_type: "fqdn", id_value: "a&b" }), "customer_gateway.id_value", "CGW-03"],
  ["bgp_asn with fqdn", "createCgw", cgw({ id_type: "fqdn", id_value: "vpn.example.com", bgp_asn: 65000 }), "customer_gateway.bgp_asn", "CGW-04"],
  ["bgp_asn range", "createCgw", cgw({ bgp_asn: 0 }), "customer_gateway.bgp_asn", "CGW-04"],
  ["CA content length", "createCgw", cgw({ ca_certificate: { content: "c".repeat(8193) } }), "customer_gateway.ca_certificate.content", "CGW-05"],
  ["update id_value", "updateCgw", { customer_gateway: { id_value: "10.0.0.1" } }, "customer_gateway.id_value", UNDOC],

  // ---- connection
  ["vgw_id missing", "createVpnConnection", conn({ vgw_id: undefined }), "vpn_connection.vgw_id", "CONN-01"],
  ["vgw_ip missing", "createVpnConnection", conn({ vgw_ip: undefined }), "vpn_connection.vgw_ip", "CONN-01"],
  ["cgw_id missing", "createVpnConnection", conn({ cgw_id: undefined }), "vpn_connection.cgw_id", "CONN-01"],
  ["vgw_ip neither id nor IPv4", "createVpnConnection", conn({ vgw_ip: "eip-1" }), "vpn_connection.vgw_ip", "CONN-02"],
  ["style upper case", "createVpnConnection", conn({ style: "STATIC" }), "vpn_connection.style", "CONN-03"],
  ["style enum", "createVpnConnection", conn({ style: "route" }), "vpn_connection.style", "CONN-03"],
  ["static without peer_subnets", "createVpnConnection", conn({ peer_subnets: undefined }), "vpn_connection.peer_subnets", "CONN-04"],
  ["51 peer subnets", "createVpnConnection", conn({ peer_subnets: range(51, (i) => `172.16.${i}.0/24`) }), "vpn_connection.peer_subnets", "CONN-05"],
  ["peer subnet in 100.64.0.0/10", "createVpnConnection", conn({ peer_subnets: ["100.64.1.0/24"] }), "vpn_connection.peer_subnets[0]", "CONN-06"],
  ["peer subnet covering 214.0.0.0/8", "updateVpnConnection", upd({ peer_subnets: ["192.168.0.0/24", "214.0.0.0/7"] }), "vpn_connection.peer_subnets[1]", "CONN-06"],
  ["peer subnet not a CIDR", "createVpnConnection", conn({ peer_subnets: ["172.16.0.0"] }), "vpn_connection.peer_subnets[0]", "CONN-05"],
  ["tunnel address outside 169.254/16", "createVpnConnection", conn({ tunnel_local_address: "10.0.0.1/30" }), "vpn_connection.tunnel_local_address", "CONN-07"],
  ["tunnel address in 169.254.195/24", "createVpnConnection", conn({ tunnel_peer_address: "169.254.195.2/30" }), "vpn_connection.tunnel_peer_address", "CONN-08"],
  ["tunnel address /29", "createVpnConnection", conn({ tunnel_local_address: "169.254.1.1/29" }), "vpn_connection.tunnel_local_address", "CONN-09"],
  ["tunnel address without prefix", "updateVpnConnection", upd({ tunnel_local_address: "169.254.1.1" }), "vpn_connection.tunnel_local_address", "CONN-09"],
  ["tunnel addresses in different /30s", "createVpnConnection", conn({ tunnel_local_address: "169.254.56.225/30", tunnel_peer_address: "169.254.56.230/30" }), "vpn_connection.tunnel_peer_address", "CONN-10"],
  ["tunnel network address", "createVpnConnection", conn({ tunnel_local_address: "169.254.56.224/30" }), "vpn_connection.tunnel_local_address", "CONN-11"],
  ["tunnel broadcast address", "updateVpnConnection", upd({ tunnel_peer_address: "169.254.56.227/30" }), "vpn_connection.tunnel_peer_address", "CONN-11"],
  ["equal tunnel addresses", "createVpnConnection", conn({ tunnel_local_address: "169.254.56.225/30", tunnel_peer_address: "169.254.56.225/30" }), "vpn_connection.tunnel_peer_address", "CONN-11"],
  ["enable_nqa with bgp", "createVpnConnection", conn({ style: "bgp", enable_nqa: false }), "vpn_connection.enable_nqa", "CONN-13"],
  ["enable_hub with static", "createVpnConnection", conn({ enable_hub: true }), "vpn_connection.enable_hub", "CONN-14"],
  ["psk too short", "createVpnConnection", conn({ psk: "Ab1@" }), "vpn_connection.psk", "CONN-15"],
  ["psk too long", "updateVpnConnection", upd({ psk: `Ab1@${"x".repeat(125)}` }), "vpn_connection.psk", "CONN-15"],
  ["psk one class", "createVpnConnection", conn({ psk: "abcdefghij" }), "vpn_connection.psk", "CONN-16"],
  ["psk with a space", "createVpnConnection", conn({ psk: "Abcd 12345" }), "vpn_connection.psk", "CONN-16"],
  ["psk with &", "updateVpnConnection", upd({ psk: "Abcd&12345" }), "vpn_connection.psk", "CONN-16"],
  ["batch psk", "batchCreateVpnConnection", { vpn_connections: [conn({ psk: "short" }).vpn_connection] }, "vpn_connections[0].psk", "CONN-15"],
  ["policy_rules with static", "createVpnConnection", conn({ policy_rules: [{ source: "10.0.0.0/24", destination: ["172.16.0.0/16"] }] }), "vpn_connection.policy_rules", "CONN-19"],
  ["policy without policy_rules", "createVpnConnection", conn({ style: "policy" }), "vpn_connection.policy_rules", "CONN-19"],
  ["6 policy rules", "createVpnConnection", conn({ style: "policy", policy_rules: range(6, (i) => `10.${i}.0.0/16`).map((s) => ({ source: s, destination: ["172.16.0.0/16"] })) }), "vpn_connection.policy_rules", "CONN-19"],
  ["rule_index 51", "createVpnConnection", conn({ style: "policy", policy_rules: [{ rule_index: 51, source: "10.0.0.0/24", destination: ["172.16.0.0/16"] }] }), "vpn_connection.policy_rules[0].rule_index", "CONN-20"],
  ["duplicate rule_index", "updateVpnConnection", upd({ policy_rules: [{ rule_index: 1, source: "10.0.0.0/24" }, { rule_index: 1, source: "10.0.1.0/24" }] }), "vpn_connection.policy_rules[1].rule_index", "CONN-20"],
  ["duplicate source", "createVpnConnection", conn({ style: "policy", policy_rules: [{ source: "10.0.0.0/24" }, { source: "10.0.0.0/24" }] }), "vpn_connection.policy_rules[1].source", "CONN-20"],
  ["51 destinations", "createVpnConnection", conn({ style: "policy", policy_rules: [{ source: "10.0.0.0/24", destination: range(51, (i) => `172.16.${i}.0/24`) }] }), "vpn_connection.policy_rules[0].destination", "CONN-20"],
  ["source not a CIDR", "createVpnConnection", conn({ style: "policy", policy_rules: [{ source: "10.0.0.1" }] }), "vpn_connection.policy_rules[0].source", "CONN-20"],
  ["ike_version enum", "createVpnConnection", ike({ ike_version: "v3" }), "vpn_connection.ikepolicy.ike_version", "CONN-22"],
  ["phase1 mode enum", "createVpnConnection", ike({ ike_version: "v1", phase1_negotiation_mode: "fast" }), "vpn_connection.ikepolicy.phase1_negotiation_mode", "CONN-23"],
  ["phase1 mode with IKE v2", "createVpnConnection", ike({ phase1_negotiation_mode: "aggressive" }), "vpn_connection.ikepolicy.phase1_negotiation_mode", "CONN-23"],
  ["IKE authentication enum", "createVpnConnection", ike({ authentication_algorithm: "sha3" }), "vpn_connection.ikepolicy.authentication_algorithm", "CONN-24"],
  ["IPsec encryption enum", "createVpnConnection", ipsec({ encryption_algorithm: "aes-512" }), "vpn_connection.ipsecpolicy.encryption_algorithm", "CONN-24"],
  ["IKE dh_group disable", "createVpnConnection", ike({ dh_group: "disable" }), "vpn_connection.ikepolicy.dh_group", "CONN-25"],
  ["pfs enum", "updateVpnConnection", upd({ ipsecpolicy: { pfs: "group3" } }), "vpn_connection.ipsecpolicy.pfs", "CONN-25"],
  ["authentication_method enum", "createVpnConnection", ike({ authentication_method: "cert" }), "vpn_connection.ikepolicy.authentication_method", "CONN-27"],
  ["IKE lifetime 59", "createVpnConnection", ike({ lifetime_seconds: 59 }), "vpn_connection.ikepolicy.lifetime_seconds", "CONN-28"],
  ["IKE lifetime 604801", "updateVpnConnection", upd({ ikepolicy: { lifetime_seconds: 604801 } }), "vpn_connection.ikepolicy.lifetime_seconds", "CONN-28"],
  ["IPsec lifetime 29", "createVpnConnection", ipsec({ lifetime_seconds: 29 }), "vpn_connection.ipsecpolicy.lifetime_seconds", "CONN-28"],
  ["IPsec lifetime not integer", "createVpnConnection", ipsec({ lifetime_seconds: 3600.5 }), "vpn_connection.ipsecpolicy.lifetime_seconds", "CONN-28"],
  ["DPD timeout 1", "createVpnConnection", ike({ dpd: { timeout: 1 } }), "vpn_connection.ikepolicy.dpd.timeout", "CONN-29"],
  ["DPD timeout 61", "updateVpnConnection", upd({ ikepolicy: { dpd: { timeout: 61 } } }), "vpn_connection.ikepolicy.dpd.timeout", "CONN-29"],
  ["DPD interval 9", "createVpnConnection", ike({ dpd: { interval: 9 } }), "vpn_connection.ikepolicy.dpd.interval", "CONN-29"],
  ["DPD interval 3601", "createVpnConnection", ike({ dpd: { interval: 3601 } }), "vpn_connection.ikepolicy.dpd.interval", "CONN-29"],
  ["DPD msg enum", "createVpnConnection", ike({ dpd: { msg: "hash" } }), "vpn_connection.ikepolicy.dpd.msg", "CONN-29"],
  ["transform_protocol", "createVpnConnection", ipsec({ transform_protocol: "ah" }), "vpn_connection.ipsecpolicy.transform_protocol", "CONN-30"],
  ["encapsulation_mode", "createVpnConnection", ipsec({ encapsulation_mode: "transport" }), "vpn_connection.ipsecpolicy.encapsulation_mode", "CONN-30"],
  ["id type any in a request", "createVpnConnection", ike({ peer_id_type: "any" }), "vpn_connection.ikepolicy.peer_id_type", "CONN-31"],
  ["fqdn without id", "createVpnConnection", ike({ local_id_type: "fqdn" }), "vpn_connection.ikepolicy.local_id", "CONN-31"],
  ["fqdn id with ?", "createVpnConnection", ike({ peer_id_type: "fqdn", peer_id: "peer?1" }), "vpn_connection.ikepolicy.peer_id", "CONN-31"],
  ["ip id not IPv4", "createVpnConnection", ike({ local_id: "gateway-1" }), "vpn_connection.ikepolicy.local_id", "CONN-31"],
  ["id longer than 255", "createVpnConnection", ike({ local_id_type: "fqdn", local_id: "a".repeat(256) }), "vpn_connection.ikepolicy.local_id", "CONN-31"],
  ["update ip id type with fqdn value", "updateVpnConnection", upd({ ikepolicy: { peer_id_type: "ip", peer_id: "peer.example.com" } }), "vpn_connection.ikepolicy.peer_id", "CONN-31"],
  ["ha_role enum", "createVpnConnection", conn({ ha_role: "backup" }), "vpn_connection.ha_role", "CONN-32"],
  ["empty batch", "batchCreateVpnConnection", { vpn_connections: [] }, "vpn_connections", "CONN-34"],
  ["batch of 3", "batchCreateVpnConnection", { vpn_connections: range(3, () => conn().vpn_connection) }, "vpn_connections", "CONN-34"],
  ["batch with two gateways", "batchCreateVpnConnection", { vpn_connections: [conn().vpn_connection, conn({ vgw_id: ID2 }).vpn_connection] }, "vpn_connections[1].vgw_id", "CONN-34"],
  ["update style", "updateVpnConnection", upd({ style: "bgp" }), "vpn_connection.style", UNDOC],
  ["update enable_nqa", "updateVpnConnection", upd({ enable_nqa: true }), "vpn_connection.enable_nqa", UNDOC],
  ["update authentication_method", "updateVpnConnection", upd({ ikepolicy: { authentication_method: "pre-share" } }), "vpn_connection.ikepolicy.authentication_method", UNDOC],
  ["update vgw_ip", "updateVpnConnection", upd({ vgw_ip: EIP2 }), "vpn_connection.vgw_ip", UNDOC],

  // ---- monitor
  ["monitor without connection", "createConnectionMonitor", { connection_monitor: {} }, "connection_monitor.vpn_connection_id", "MON-01"],
  ["monitor with a bad id", "createConnectionMonitor", { connection_monitor: { vpn_connection_id: "conn-1" } }, "connection_monitor.vpn_connection_id", "COM-04"],
];

const ruleText = (rule: string) => (/^[A-Z]+-\d\d$/.test(rule) ? `(${rule}, ` : rule);

describe("S2C request constraints", () => {
  it.each(CASES.map(([label, opKey, body, field, rule]) => ({ label, opKey, body, field, rule })))(
    "$label ($opKey): refused at $field with $rule",
    ({ opKey, body, field, rule }) => {
    const op = ops[opKey]!;
    const r = validate(op.body!, body, op.secretFields);
    expect(r.success).toBe(false);
    if (r.success) return;
    const hit = r.issues.find((i) => i.field === field && i.rule.includes(ruleText(rule)));
    expect(hit, `issues: ${JSON.stringify(r.issues)}`).toMatchObject({ field });
    },
  );

  it("accepts the valid base bodies the cases start from", () => {
    const valid: Array<[string, unknown]> = [
      ["createVgw", gw()],
      ["createVgw", er()],
      ["createVgw", priv({ access_private_ip_1: "192.168.0.10", access_private_ip_2: "192.168.0.11", flavor: "Professional2" })],
      ["createCgw", cgw()],
      ["createCgw", cgw({ id_type: "fqdn", id_value: "vpn.example.com" })],
      ["createVpnConnection", conn()],
      ["createVpnConnection", conn({ style: "bgp", enable_hub: true, tunnel_local_address: "169.254.1.1/30", tunnel_peer_address: "169.254.1.2/30" })],
      ["createVpnConnection", conn({ style: "policy", policy_rules: [{ rule_index: 1, source: "10.0.0.0/24", destination: ["172.16.0.0/16"] }] })],
      ["createVpnConnection", ike({ ike_version: "v1", phase1_negotiation_mode: "aggressive", local_id_type: "fqdn", local_id: "hq.example.com" })],
      ["batchCreateVpnConnection", { vpn_connections: [conn().vpn_connection, conn({ vgw_ip: EIP2, ha_role: "slave" }).vpn_connection] }],
      ["updateVpnConnection", upd({ ikepolicy: { phase1_negotiation_mode: "main" }, enable_hub: true })],
      ["createVgwCertificate", cert({ name: "cert-1" })],
      ["updateVgwCertificate", { certificate: { name: "cert-2" } }],
      ["createConnectionMonitor", { connection_monitor: { vpn_connection_id: ID } }],
    ];
    for (const [k, b] of valid) {
      const r = validate(ops[k]!.body!, b, ops[k]!.secretFields);
      expect(r.success ? [] : r.issues, k).toEqual([]);
    }
  });

  it("never echoes a secret: psk and private keys show <redacted> and the rule text omits them", () => {
    const bad = "ab&cdefghij-secret";
    const r = validate(ops.createVpnConnection!.body!, conn({ psk: bad }), ops.createVpnConnection!.secretFields);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      expect(i.value).toBe("<redacted>");
      expect(i.rule).not.toContain(bad);
    }
    const key = "-----BEGIN EC PRIVATE KEY-----" + "S".repeat(4100);
    const c = validate(ops.createVgwCertificate!.body!, cert({ private_key: key }), ops.createVgwCertificate!.secretFields);
    expect(c.success).toBe(false);
    if (!c.success) for (const i of c.issues) expect(JSON.stringify(i)).not.toContain("SSSS");
    const b = validate(ops.batchCreateVpnConnection!.body!, { vpn_connections: [conn({ psk: bad }).vpn_connection] }, ops.batchCreateVpnConnection!.secretFields);
    expect(b.success).toBe(false);
    if (!b.success) for (const i of b.issues) expect(i.value).toBe("<redacted>");
  });
});

describe("S2C query constraints", () => {
  it.each([
    ["listCgws", { limit: 201 }, "limit"],
    ["listCgws", { limit: -1 }, "limit"],
    ["listCgws", { marker: "2022-11-28T06:25:01.937Z" }, "marker"],
    ["listVpnConnections", { vgw_id: "x" }, "vgw_id"],
    ["listVpnConnections", { name: "vpn-1" }, "name"],
    ["listVgws", { enterprise_project_id: ["0", "x"] }, "enterprise_project_id[1]"],
    ["listConnectionMonitors", { vpn_connection_id: "x" }, "vpn_connection_id"],
  ] as const)("%s refuses %j at %s", (opKey, query, field) => {
    const r = validate(ops[opKey]!.query!, query);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.field)).toContain(field);
  });

  it("accepts documented queries and coerces limit from a query string", () => {
    const r = ops.listVpnConnections!.query!.safeParse({ vgw_id: "02217fb1-demo-a8df-va86-806ea291a8f2", limit: "50", marker: "2022-12-11T13:59:59.633Z" });
    expect(r.success).toBe(true);
    expect((r.data as { limit: number }).limit).toBe(50);
    expect(ops.listVgws!.query!.safeParse({ enterprise_project_id: "0" }).success).toBe(true);
    expect(ops.listVgws!.query!.safeParse({ enterprise_project_id: ["0", ID] }).success).toBe(true);
  });
});
