/**
 * The S2C rule registry: every documented rule of api-s2c.md §6 with its id, kind, field, citation and check.
 * Field-level rules validate with the same field schemas the request schemas use; conditional and
 * cross-resource rules are the pure functions of ./s2c. The policy pack and the emulator run this registry
 * (`runRules(s2cRules, kind, body, ctx)`); the request schemas run the static mandatory subset themselves.
 * Batch create: run each item of `vpn_connections` as `createVpnConnection` and the root body as
 * `batchCreateVpnConnection` (CONN-34).
 */
import { z } from "zod";
import { enterpriseProjectId, resourceId, resourceName, vpnResourceTags } from "../schemas/shared";
import * as F from "../schemas/s2c/fields";
import { MAX_BATCH_CONNECTIONS, MAX_POLICY_RULES } from "../schemas/s2c/enums";
import { allOf, fieldCheck, forbidFields, requireFields, type Rule, type RuleCheck } from "./common";
import * as R from "./s2c";
import { S2C_RULE_META, msg, type S2cRuleId } from "./s2c";

export * from "./common";
export * from "./s2c";
export * as net from "./net";

/** Operation keys per kind, for rules limited to create or update bodies. */
const OPS = {
  gatewayCreate: ["createVgw"],
  gatewayUpdate: ["updateVgw"],
  gatewaySpec: ["updatePostpaidVgwSpecification"],
  cgwCreate: ["createCgw"],
  cgwUpdate: ["updateCgw"],
  connCreate: ["createVpnConnection"],
  connUpdate: ["updateVpnConnection"],
  connAll: ["createVpnConnection", "updateVpnConnection"],
  certAll: ["createVgwCertificate", "updateVgwCertificate"],
  monitorCreate: ["createConnectionMonitor"],
  updates: ["updateVgw", "updateCgw", "updateVpnConnection"],
} as const;

/** ID reference fields of every S2C request body (COM-04). */
export const S2C_ID_FIELDS = [
  "er_id",
  "vpc_id",
  "connect_subnet",
  "access_vpc_id",
  "access_subnet_id",
  "eip1.id",
  "eip2.id",
  "eip1.bandwidth_id",
  "eip2.bandwidth_id",
  "eip_id_1",
  "eip_id_2",
  "ca_certificate.id",
  "vgw_id",
  "cgw_id",
  "vpn_connection_id",
] as const;

const ruleFor = (id: S2cRuleId, check: RuleCheck, ops?: readonly string[], kind?: string): Rule => ({
  id,
  ...S2C_RULE_META[id],
  ...(kind ? { kind } : {}),
  ...(ops ? { ops } : {}),
  check,
});

const field = (patterns: readonly string[], schema: z.ZodType) => fieldCheck(patterns, schema);
/** Keeps only the issues of one rule id from a check that reports several (messages end with "(<id>, <doc>)"). */
const only = (id: S2cRuleId, check: RuleCheck): RuleCheck => (b, ctx) => check(b, ctx).filter((i) => i.message.includes(`(${id}, `));
const policyRuleCount = z.array(z.unknown()).max(MAX_POLICY_RULES, { message: F.policyRulesMax });
const batchCount = z.array(z.unknown()).min(1, { message: F.batchSizeRule }).max(MAX_BATCH_CONNECTIONS, { message: F.batchSizeRule });

/** The registry. Each §6 id appears once (see `S2C_RULES_NOT_CHECKED` for the few that are not body checks). */
export const s2cRules: readonly Rule[] = [
  // ---- common
  ruleFor("COM-01", field(["name", "eip1.bandwidth_name", "eip2.bandwidth_name"], resourceName), undefined, "*"),
  ruleFor("COM-02", field(["tags"], z.array(z.unknown()).max(20, { message: msg("COM-02", "at most 20 tags can be specified (\"最多填写20个\")") })), undefined, "*"),
  ruleFor("COM-03", field(["tags"], vpnResourceTags), undefined, "*"),
  ruleFor("COM-04", field(S2C_ID_FIELDS, resourceId), undefined, "*"),
  ruleFor("COM-05", field(["enterprise_project_id"], enterpriseProjectId), undefined, "*"),
  ruleFor("COM-06", forbidFields(["tags"], () => msg("COM-06", "cannot be changed by PUT; use the tag API (POST …/{resource_type}/{resource_id}/tags/create|delete)")), OPS.updates, "*"),

  // ---- VPN gateway
  ruleFor("GW-01", allOf(field(["network_type"], F.networkType), field(["attachment_type"], F.attachmentType), field(["ha_mode"], F.haMode), field(["ip_version"], F.ipVersion)), OPS.gatewayCreate),
  ruleFor("GW-02", only("GW-02", R.checkGatewayAttachment), OPS.gatewayCreate),
  ruleFor("GW-03", only("GW-03", R.checkGatewayAttachment), OPS.gatewayCreate),
  ruleFor("GW-04", R.checkErOrVpc, OPS.gatewayCreate),
  ruleFor("GW-05", field(["local_subnets"], F.localSubnets), [...OPS.gatewayCreate, ...OPS.gatewayUpdate]),
  ruleFor("GW-06", field(["bgp_asn"], F.bgpAsn), OPS.gatewayCreate),
  ruleFor("GW-07", field(["flavor"], F.gatewayFlavor), OPS.gatewayCreate),
  ruleFor("GW-08", R.checkBasicFlavor, OPS.gatewayCreate),
  ruleFor("GW-09", R.checkFlavorRegion, OPS.gatewayCreate),
  ruleFor("GW-10", R.checkGatewayEips, OPS.gatewayCreate),
  ruleFor("GW-11", R.checkEipSpec, OPS.gatewayCreate),
  ruleFor("GW-12", allOf(field(["eip1.charge_mode", "eip2.charge_mode"], F.eipChargeMode), field(["eip1.type", "eip2.type"], F.eipType)), OPS.gatewayCreate),
  ruleFor("GW-13", allOf(field(["eip1.bandwidth_size", "eip2.bandwidth_size"], F.bandwidthSize), R.checkBandwidthCap), OPS.gatewayCreate),
  ruleFor("GW-14", R.checkExistingEips, OPS.gatewayCreate),
  ruleFor("GW-15", allOf(field(["availability_zone_ids"], F.availabilityZoneIds), R.checkAvailabilityZones), OPS.gatewayCreate),
  ruleFor("GW-16", allOf(field(["access_private_ip_1", "access_private_ip_2"], F.accessPrivateIp), R.checkAccessPrivateIps), OPS.gatewayCreate),
  ruleFor("GW-17", R.checkSubnetIdleIps, OPS.gatewayCreate),
  ruleFor("GW-18", R.checkAccessOverride, OPS.gatewayCreate),
  ruleFor("GW-19", R.checkGatewayUpdate, OPS.gatewayUpdate),
  ruleFor(
    "GW-20",
    allOf(
      field(["policy_template.ike_policy.encryption_algorithm", "policy_template.ipsec_policy.encryption_algorithm"], F.templateEncryption),
      field(["policy_template.ike_policy.authentication_algorithm", "policy_template.ipsec_policy.authentication_algorithm"], F.templateAuthentication),
      field(["policy_template.ike_policy.dh_group", "policy_template.ipsec_policy.pfs"], F.templateDhGroup),
      field(["policy_template.ike_policy.lifetime_seconds"], F.templateIkeLifetime),
      field(["policy_template.ipsec_policy.lifetime_seconds"], F.templateIpsecLifetime),
    ),
    OPS.gatewayUpdate,
  ),
  ruleFor("GW-21", allOf(field(["flavor"], F.specChangeFlavor), R.checkSpecChange), OPS.gatewaySpec),
  ruleFor(
    "GW-24",
    allOf(
      field(["name"], F.certificateName),
      field(["certificate", "enc_certificate"], F.certificatePem),
      field(["certificate_chain"], F.certificateChainPem),
      field(["private_key", "enc_private_key"], F.privateKeyPem),
      R.checkCertificateGateway,
    ),
    OPS.certAll,
  ),

  // ---- customer gateway
  ruleFor("CGW-01", field(["id_type"], F.cgwIdType), OPS.cgwCreate),
  ruleFor("CGW-02", allOf(requireFields(["id_value"], () => msg("CGW-02", "is mandatory")), field(["id_value"], F.cgwIdValue), only("CGW-02", R.checkCgwIdValue)), OPS.cgwCreate),
  ruleFor("CGW-03", only("CGW-03", R.checkCgwIdValue), OPS.cgwCreate),
  ruleFor("CGW-04", allOf(field(["bgp_asn"], F.cgwBgpAsn), R.checkCgwBgpAsn), OPS.cgwCreate),
  ruleFor("CGW-05", field(["ca_certificate.content"], F.caCertificateContent), [...OPS.cgwCreate, ...OPS.cgwUpdate]),
  ruleFor("CGW-06", forbidFields(["id_type", "id_value", "bgp_asn"], () => msg("CGW-06", "cannot be updated; create another customer gateway (\"修改其他参数需重新创建对端网关\")")), OPS.cgwUpdate),

  // ---- VPN connection
  ruleFor("CONN-01", requireFields(["vgw_id", "vgw_ip", "cgw_id"], () => msg("CONN-01", "is mandatory")), OPS.connCreate),
  ruleFor("CONN-02", allOf(field(["vgw_ip"], F.vgwIp), R.checkVgwIp), OPS.connCreate),
  ruleFor("CONN-03", field(["style"], F.connectionStyle), OPS.connCreate),
  ruleFor("CONN-04", R.checkPeerSubnets, OPS.connAll),
  ruleFor("CONN-05", field(["peer_subnets"], z.array(z.unknown()).max(50, { message: msg("CONN-05", "at most 50 peer subnets per connection") })), OPS.connAll),
  ruleFor("CONN-06", only("CONN-06", field(["peer_subnets[]"], F.peerSubnets.element)), OPS.connAll),
  ...(["CONN-07", "CONN-08", "CONN-09", "CONN-11"] as const).map((id) =>
    ruleFor(id, only(id, allOf(field(["tunnel_local_address", "tunnel_peer_address"], F.tunnelAddress), R.checkTunnelPair)), OPS.connAll),
  ),
  ruleFor("CONN-10", R.checkTunnelPair, OPS.connAll),
  ruleFor("CONN-12", R.checkTunnelStyle, OPS.connCreate),
  ruleFor("CONN-13", R.checkNqa, OPS.connCreate),
  ruleFor("CONN-14", R.checkHub, OPS.connAll),
  ruleFor("CONN-15", only("CONN-15", field(["psk"], F.psk)), OPS.connAll),
  ruleFor("CONN-16", only("CONN-16", field(["psk"], F.psk)), OPS.connAll),
  ruleFor("CONN-17", R.checkPskRequired, OPS.connCreate),
  ruleFor("CONN-19", allOf(field(["policy_rules"], policyRuleCount), R.checkPolicyRulesStyle), OPS.connAll),
  ruleFor(
    "CONN-20",
    allOf(
      field(["policy_rules[].rule_index"], F.ruleIndex),
      field(["policy_rules[].source"], F.ruleCidr),
      field(["policy_rules[].destination"], F.ruleDestinations),
      R.checkPolicyRulesUnique,
    ),
    OPS.connAll,
  ),
  ruleFor("CONN-21", R.checkRuleIndexAdvice, OPS.connAll),
  ruleFor("CONN-22", allOf(field(["ikepolicy.ike_version"], F.ikeVersion), only("CONN-22", R.checkIkeVersion)), OPS.connAll),
  ruleFor("CONN-23", allOf(field(["ikepolicy.phase1_negotiation_mode"], F.phase1Mode), only("CONN-23", R.checkIkeVersion)), OPS.connAll),
  ruleFor(
    "CONN-24",
    allOf(
      field(["ikepolicy.authentication_algorithm", "ipsecpolicy.authentication_algorithm"], F.authAlgorithm),
      field(["ikepolicy.encryption_algorithm", "ipsecpolicy.encryption_algorithm"], F.encryptionAlgorithm),
      R.checkAlgorithmsForFlavor,
    ),
    OPS.connAll,
  ),
  ruleFor(
    "CONN-25",
    allOf(field(["ikepolicy.dh_group"], F.dhGroup), field(["ipsecpolicy.pfs"], F.pfs), only("CONN-25", R.checkGmOmitted)),
    OPS.connCreate,
  ),
  ruleFor("CONN-26", R.checkWeakCrypto, OPS.connAll),
  ruleFor("CONN-27", field(["ikepolicy.authentication_method"], F.authMethod), OPS.connCreate),
  ruleFor("CONN-28", allOf(field(["ikepolicy.lifetime_seconds"], F.ikeLifetime), field(["ipsecpolicy.lifetime_seconds"], F.ipsecLifetime)), OPS.connAll),
  ruleFor(
    "CONN-29",
    allOf(field(["ikepolicy.dpd.timeout"], F.dpdTimeout), field(["ikepolicy.dpd.interval"], F.dpdInterval), field(["ikepolicy.dpd.msg"], F.dpdMsg)),
    OPS.connAll,
  ),
  ruleFor("CONN-30", allOf(field(["ipsecpolicy.transform_protocol"], F.transformProtocol), field(["ipsecpolicy.encapsulation_mode"], F.encapsulationMode)), OPS.connAll),
  ruleFor(
    "CONN-31",
    allOf(
      field(["ikepolicy.local_id_type", "ikepolicy.peer_id_type"], F.idType),
      field(["ikepolicy.local_id", "ikepolicy.peer_id"], F.ikeId),
      R.checkIkeIds,
      only("CONN-31", R.checkGmOmitted),
    ),
    OPS.connCreate,
  ),
  ruleFor("CONN-32", allOf(field(["ha_role"], F.haRole), R.checkHaRole), OPS.connCreate),
  ruleFor("CONN-33", R.checkGmCertificates, OPS.connCreate),
  ruleFor("CONN-34", allOf(field(["vpn_connections"], batchCount), R.checkBatchSameGateway), ["batchCreateVpnConnection"]),
  ruleFor("CONN-35", R.checkGmUpdate, OPS.connUpdate),
  ruleFor("CONN-36", R.checkPskOnlyUpdate, OPS.connUpdate),
  ruleFor(
    "CONN-37",
    forbidFields(["vgw_id", "vgw_ip", "style", "enable_nqa", "ha_role", "ikepolicy.authentication_method"], () =>
      msg("CONN-37", "cannot be updated; the connection must be replaced"),
    ),
    OPS.connUpdate,
  ),
  ruleFor("CONN-38", R.connectionCapacityCheck(() => 1), OPS.connCreate),

  // ---- connection monitor
  ruleFor("MON-01", allOf(requireFields(["vpn_connection_id"], () => msg("MON-01", "is mandatory")), field(["vpn_connection_id"], resourceId)), OPS.monitorCreate),
];

/** Looks up one rule by id. */
export function s2cRule(id: S2cRuleId): Rule {
  const r = s2cRules.find((x) => x.id === id);
  if (!r) throw new Error(`no S2C rule ${id}`);
  return r;
}
