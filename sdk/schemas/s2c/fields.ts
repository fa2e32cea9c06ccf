/**
 * Field-level request schemas of the S2C API: one zod schema per documented field constraint (enum, range,
 * length, pattern), each with a message that states the rule and cites it. Object schemas in the sibling
 * modules compose these; the rule registry (`sdk/rules`) validates single fields with the same schemas.
 */
import { z } from "zod";
import { msg, pskProblems, reservedSubnetProblem, tunnelAddressProblems, type S2cRuleId } from "../../rules/s2c";
import { isCidr, isIpv4 } from "../../rules/net";
import { CIDR_RULE, ID_PATTERN, ID_RULE } from "../shared";
import * as E from "./enums";

/** Zod error option: "is mandatory" when the field is absent, the given message (or zod's) otherwise. */
function mandatory(id: S2cRuleId, otherwise?: string) {
  return { error: (iss: { input?: unknown }) => (iss.input === undefined ? msg(id, "is mandatory") : otherwise) };
}

/** A mandatory 36-character id whose absence cites a rule. */
export function requiredId(id: S2cRuleId) {
  return z.string(mandatory(id, ID_RULE)).regex(ID_PATTERN, { message: ID_RULE });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, id: S2cRuleId, what = "must be one of") {
  return z.enum(values, mandatory(id, msg(id, `${what} ${values.join(", ")}`)));
}

function intRange(range: { readonly min: number; readonly max: number }, id: S2cRuleId, unit = "") {
  const m = msg(id, `must be an integer ${range.min}-${range.max}${unit}`);
  return z.number({ message: m }).int({ message: m }).min(range.min, { message: m }).max(range.max, { message: m });
}

function lengthRange(min: number, max: number, id: S2cRuleId) {
  const m = msg(id, `must be ${min}-${max} characters`);
  return z.string(mandatory(id, m)).min(min, { message: m }).max(max, { message: m });
}

/** An IPv4 CIDR whose message cites a rule. */
function cidrFor(id: S2cRuleId) {
  return z.string({ message: msg(id, CIDR_RULE) }).refine(isCidr, { message: msg(id, CIDR_RULE) });
}

// ---- VPN gateway
export const networkType = oneOf(E.NETWORK_TYPES, "GW-01", "network_type must be one of");
export const attachmentType = oneOf(E.ATTACHMENT_TYPES, "GW-01", "attachment_type must be one of");
export const ipVersion = oneOf(E.IP_VERSIONS, "GW-01", "ip_version must be");
export const haMode = oneOf(E.HA_MODES, "GW-01", "ha_mode must be one of");
export const gatewayFlavor = oneOf(E.GATEWAY_FLAVORS, "GW-07");
export const bgpAsn = intRange(E.BGP_ASN, "GW-06");
export const localSubnets = z
  .array(cidrFor("GW-05"), { message: msg("GW-05", "must be a list of IPv4 CIDRs") })
  .max(E.MAX_LOCAL_SUBNETS, { message: msg("GW-05", `at most ${E.MAX_LOCAL_SUBNETS} local subnets per gateway`) });
export const availabilityZoneIds = z
  .array(z.string().min(1, { message: msg("GW-15", "must be an AZ name") }))
  .min(1, { message: msg("GW-15", "must list 1 or 2 AZs") })
  .max(E.MAX_AVAILABILITY_ZONES, { message: msg("GW-15", "must list 1 or 2 AZs") });
export const eipChargeMode = oneOf(E.EIP_CHARGE_MODES, "GW-12", "charge_mode must be one of");
export const eipType = lengthRange(0, E.EIP_TYPE_MAX_LENGTH, "GW-12");
export const bandwidthSize = intRange(E.BANDWIDTH_SIZE, "GW-13", " Mbit/s");
export const accessPrivateIp = z.string().refine(isIpv4, { message: msg("GW-16", "must be a dotted-decimal IPv4 address in the access subnet") });
export const specChangeFlavor = oneOf(E.SPEC_CHANGE_FLAVORS, "GW-21");
export const templateEncryption = oneOf(E.TEMPLATE_ENCRYPTION_ALGORITHMS, "GW-20");
export const templateAuthentication = oneOf(E.TEMPLATE_AUTHENTICATION_ALGORITHMS, "GW-20");
export const templateDhGroup = oneOf(E.TEMPLATE_DH_GROUPS, "GW-20");
export const templateIkeLifetime = intRange(E.IKE_LIFETIME, "GW-20", " s");
export const templateIpsecLifetime = intRange(E.IPSEC_LIFETIME, "GW-20", " s");

// ---- GM gateway certificate [ZH]
export const certificateName = z.string().regex(E.CERT_NAME_PATTERN, {
  message: msg("GW-24", "must be 3-63 characters: digits, letters, Chinese characters, _ - ."),
});
function pem(kind: "CERTIFICATE" | "PRIVATE KEY", max: number) {
  const what = kind === "CERTIFICATE" ? "a PEM certificate (-----BEGIN CERTIFICATE-----)" : "a PEM private key (-----BEGIN ... PRIVATE KEY-----)";
  return lengthRange(1, max, "GW-24").refine((v) => v.includes("-----BEGIN") && v.includes(kind) && v.includes("-----END"), {
    message: msg("GW-24", `must be ${what}`),
  });
}
export const certificatePem = pem("CERTIFICATE", E.CERT_PEM_MAX);
export const certificateChainPem = pem("CERTIFICATE", E.CERT_CHAIN_MAX);
export const privateKeyPem = pem("PRIVATE KEY", E.CERT_PEM_MAX);

// ---- customer gateway
export const cgwIdType = oneOf(E.CGW_ID_TYPES, "CGW-01", "id_type must be one of");
export const cgwIdValue = lengthRange(1, E.CGW_ID_VALUE_MAX, "CGW-02");
export const cgwBgpAsn = intRange(E.BGP_ASN, "CGW-04");
export const caCertificateContent = lengthRange(1, E.CA_CERT_CONTENT_MAX, "CGW-05");

// ---- VPN connection
export const connectionStyle = oneOf(E.CONNECTION_STYLES, "CONN-03", "must be one of (lower case)");
/** "36位UUID或点分十进制IPv4地址" (EIP id for public gateways, access private IP for private ones). */
export const vgwIp = z
  .string(mandatory("CONN-01"))
  .refine((v) => ID_PATTERN.test(v) || isIpv4(v), { message: msg("CONN-02", "must be a 36-character EIP id or a dotted-decimal IPv4 address") });
export const peerSubnets = z
  .array(cidrFor("CONN-05").superRefine((v, ctx) => {
    const p = reservedSubnetProblem(v);
    if (p) ctx.addIssue({ code: "custom", message: p });
  }))
  .max(E.MAX_PEER_SUBNETS, { message: msg("CONN-05", `at most ${E.MAX_PEER_SUBNETS} peer subnets per connection`) });
export const tunnelAddress = z.string().superRefine((v, ctx) => {
  for (const m of tunnelAddressProblems(v)) ctx.addIssue({ code: "custom", message: m });
});
/** Pre-shared key: never echoed in messages. */
export const psk = z.string().superRefine((v, ctx) => {
  for (const m of pskProblems(v)) ctx.addIssue({ code: "custom", message: m });
});
export const ruleIndex = intRange(E.RULE_INDEX, "CONN-20");
export const ruleCidr = cidrFor("CONN-20");
export const ruleDestinations = z
  .array(ruleCidr)
  .max(E.MAX_RULE_DESTINATIONS, { message: msg("CONN-20", `at most ${E.MAX_RULE_DESTINATIONS} destinations per policy rule`) });
export const policyRulesMax = msg("CONN-19", `at most ${E.MAX_POLICY_RULES} policy rules`);
export const ikeVersion = oneOf(E.IKE_VERSIONS, "CONN-22");
export const phase1Mode = oneOf(E.PHASE1_MODES, "CONN-23");
export const authAlgorithm = oneOf(E.AUTH_ALGORITHMS, "CONN-24");
export const encryptionAlgorithm = oneOf(E.ENCRYPTION_ALGORITHMS, "CONN-24");
export const dhGroup = oneOf(E.DH_GROUPS, "CONN-25");
export const pfs = oneOf(E.PFS_GROUPS, "CONN-25");
export const authMethod = oneOf(E.AUTH_METHODS, "CONN-27");
export const ikeLifetime = intRange(E.IKE_LIFETIME, "CONN-28", " s");
export const ipsecLifetime = intRange(E.IPSEC_LIFETIME, "CONN-28", " s");
export const idType = oneOf(E.ID_TYPES, "CONN-31");
export const ikeId = z.string().max(E.ID_MAX_LENGTH, { message: msg("CONN-31", `must be at most ${E.ID_MAX_LENGTH} characters`) });
export const dpdTimeout = intRange(E.DPD_TIMEOUT, "CONN-29", " s");
export const dpdInterval = intRange(E.DPD_INTERVAL, "CONN-29", " s");
export const dpdMsg = oneOf(E.DPD_MSGS, "CONN-29");
export const transformProtocol = oneOf(E.TRANSFORM_PROTOCOLS, "CONN-30", "must be");
export const encapsulationMode = oneOf(E.ENCAPSULATION_MODES, "CONN-30", "must be");
export const haRole = oneOf(E.HA_ROLES, "CONN-32");
export const batchSizeRule = msg("CONN-34", `one or two VPN connections can be created at a time`);
