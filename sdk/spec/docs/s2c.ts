/**
 * Field docs of the site-to-cloud (S2C) area: VPN gateways, GM gateway certificates, customer gateways, VPN
 * connections and connection monitors (EN 4.1; ZH 4.1 where only the Chinese edition documents a field), and the
 * docs of the S2C operations, re-using the kind tables.
 */
import { CONNECTION_STYLES_OUT, DEPRECATED_FLAVORS, GATEWAY_FLAVORS } from "../../schemas/s2c/enums";
import type { FieldDocs, OperationDocs, ResourceDocs } from "./types";
import { d, nest, op, project } from "./build";
import {
  jobFields,
  eipCommonFields,
  eipResponseFields,
  enterpriseProjectFilter,
  markerQuery,
  pageInfo,
  requestId,
  tagFields,
  timestamps,
  totalCount,
} from "./common";

// ---------------------------------------------------------------------------------------------------------------- VPN gateway

const GW = "EN 4.1.1.1";
const GW_SHOW = "EN 4.1.1.2";

function gatewayEip(which: string): FieldDocs {
  return {
    "": d(
      `${which} Give \`id\` to bind an existing EIP, or the new-EIP fields to have one allocated. Public gateways ` +
        "only; the service returns it once the gateway is ACTIVE.",
      GW,
    ),
    ...eipCommonFields(GW, "vpngw-bandwidth-xxxx", ", and no larger than the gateway flavor can forward"),
    id: d(
      "ID of the EIP. On create, set it to bind an existing EIP (not one on shared bandwidth, not a frozen one) and " +
        "leave the new-EIP fields out; in the response it is the bound EIP.",
      `${GW}; ZH 4.1.1.1`,
    ),
    bandwidth_id: d(
      "ID of the EIP's bandwidth. On create, set it to put a new EIP on existing shared bandwidth instead of giving " +
        "it its own.",
      GW,
    ),
    ...eipResponseFields(GW_SHOW, "the customer device peers with it"),
  };
}

/** Moves the `""` entry of a nested group to the group's own path. */
function group(path: string, fields: FieldDocs): FieldDocs {
  const out: Record<string, FieldDocs[string]> = {};
  for (const [k, v] of Object.entries(fields)) out[k === "" ? path : `${path}.${k}`] = v;
  return out;
}

function templatePhase1(doc: string): FieldDocs {
  return {
    encryption_algorithm: d("Encryption algorithm of the IKE (phase 1) SA.", doc),
    dh_group: d("Diffie-Hellman group of the phase 1 key exchange.", doc),
    authentication_algorithm: d("Integrity (hash) algorithm of the IKE SA.", doc),
    lifetime_seconds: d("Lifetime of the IKE SA in seconds; the SA is renegotiated when it expires.", doc),
  };
}

function templatePhase2(doc: string): FieldDocs {
  return {
    authentication_algorithm: d("Integrity (hash) algorithm of the IPsec (phase 2) SAs.", doc),
    encryption_algorithm: d("Encryption algorithm of the IPsec SAs.", doc),
    pfs: d(
      "Diffie-Hellman group for perfect forward secrecy when the IPsec SAs are rekeyed; `disable` turns PFS off.",
      doc,
    ),
    lifetime_seconds: d("Lifetime of the IPsec SAs (the tunnel's keys) in seconds.", doc),
  };
}

const TEMPLATE = "EN 4.1.1.1; ZH 4.1.1.4";

export const gatewayFields: FieldDocs = {
  id: d("ID of the VPN gateway.", GW),
  name: d("Name of the gateway. When omitted, the service generates one such as `vpngw-a45b`.", GW),
  network_type: d(
    "How the gateway reaches customer gateways: over the Internet through its EIPs (public, with `eip1`/`eip2`) or " +
      "through private IP addresses in the access VPC (private, with `access_private_ip_1`/`_2`).",
    GW,
  ),
  status: d(
    "Lifecycle state. ACTIVE is usable; the PENDING_ states mean a create, update or delete is in progress (the " +
      "gateway refuses other changes meanwhile); FAULT is abnormal and FREEZED is frozen.",
    GW_SHOW,
  ),
  attachment_type: d(
    "What the gateway attaches to on the cloud side: a VPC (with `vpc_id`, `connect_subnet` and `local_subnets`) or an " +
      "enterprise router (with `er_id`, which then routes between the VPN and the cloud networks).",
    GW,
  ),
  ip_version: d("IP version of the gateway's tunnels and subnets.", GW),
  certificate_id: d(
    "ID of the gateway certificate of a GM (Chinese national cryptography) gateway; returned only for the GM flavor.",
    "ZH 4.1.1.2",
  ),
  er_id: d(
    "ID of the enterprise router the gateway attaches to, for the enterprise-router attachment type. A gateway needs " +
      "either this or `vpc_id`.",
    GW,
  ),
  er_attachment_id: d("ID of the enterprise router attachment that links the gateway to its router.", GW_SHOW),
  vpc_id: d(
    "With a VPC attachment, the service VPC whose subnets the gateway serves (required). With an enterprise router " +
      "attachment, the access VPC the gateway's interfaces live in; any VPC works, and `access_vpc_id` wins when both " +
      "are set. Not returned for enterprise-router gateways: read `access_vpc_id` instead.",
    GW,
  ),
  local_subnets: d(
    "Cloud-side CIDR blocks that communicate with the customer's network through the VPN, e.g. 192.168.52.0/24. " +
      "Required for VPC-attached IPv4 gateways and not used with an enterprise router.",
    GW,
  ),
  connect_subnet: d(
    "ID of the VPC subnet the gateway uses. Required with a VPC attachment; with an enterprise router `access_subnet_id` " +
      "wins when both are set. The subnet needs at least two free IP addresses, or four on a VPC attachment when it is " +
      "also the access subnet.",
    GW,
  ),
  bgp_asn: d("BGP AS number of the gateway, which the customer device peers with on BGP connections.", GW),
  flavor: d(
    "Gateway specification. It sets the maximum forwarding bandwidth (Professional1 300 Mbit/s, Professional2 1 Gbit/s) " +
      "and the largest EIP bandwidth; the NonFixedIP flavors accept customer gateways without a fixed IP and GM is the " +
      "national-cryptography flavor (both only in the Chinese edition).",
    `${GW}; ZH 4.1.1.1`,
    // Responses also carry the deprecated flavors still supported ("该取值已经废弃，但仍然保留兼容性支持").
    [...GATEWAY_FLAVORS, ...DEPRECATED_FLAVORS],
  ),
  availability_zone_ids: d(
    "AZs the gateway is deployed in; the service picks one or two when omitted. The AZs on offer depend on the flavor, " +
      "attachment type and IP version (see the gateway AZ query): give two when two or more are offered, one when only " +
      "one is. Returned once the gateway is ACTIVE when none were given.",
    GW,
  ),
  public_border_group: d("Public border group the gateway is deployed in.", GW_SHOW),
  connection_number: d("Maximum number of VPN connections the gateway supports.", GW),
  used_connection_number: d("Number of VPN connections the gateway has now.", GW),
  used_connection_group: d(
    "Number of connection groups in use. A group is the pair of connections from one customer gateway to the " +
      "gateway's two addresses; ten groups come with the gateway free of charge.",
    GW,
  ),
  enterprise_project_id: d(
    'Enterprise project the gateway belongs to; "0" is the default project (it is not the ID of a real project). The ' +
      "gateway's connections belong to the same project.",
    GW,
  ),
  ...group(
    "eip1",
    gatewayEip("First EIP of an active-active gateway, or the active EIP of an active-standby gateway."),
  ),
  ...group(
    "eip2",
    gatewayEip("Second EIP of an active-active gateway, or the standby EIP of an active-standby gateway."),
  ),
  created_at: d("When the gateway was created (UTC); returned once it is ACTIVE.", GW_SHOW),
  applied_at: d("When the gateway took effect (UTC); returned once it is ACTIVE.", GW_SHOW),
  updated_at: d("When the gateway was last updated (UTC); returned once it is ACTIVE.", GW_SHOW),
  access_vpc_id: d(
    "Access VPC: the VPC in which the gateway's interfaces and private IP addresses live. The service uses `vpc_id` " +
      "when it is omitted.",
    GW,
  ),
  access_subnet_id: d(
    "Subnet of the access VPC for the gateway's interfaces; the service uses `connect_subnet` when it is omitted. It " +
      "needs at least two free IP addresses, or four on a VPC attachment when it is also `connect_subnet`.",
    GW,
  ),
  access_private_ip_1: d(
    "Private IP address of a private gateway: the active address (active-standby) or the first address " +
      "(active-active), which the customer device peers with. Set both addresses or neither; they must differ and lie " +
      "in the access subnet, and the service allocates them when omitted.",
    GW,
  ),
  access_private_ip_2: d(
    "Second private IP address of a private gateway: the standby address (active-standby) or the second address " +
      "(active-active). Set together with `access_private_ip_1`.",
    GW,
  ),
  ha_mode: d(
    "How the gateway's two addresses work: both carry traffic (active-active, one connection per EIP or private IP), " +
      "or one is active and the other standby (active-standby, where the connection on the standby address has " +
      "`ha_role` slave).",
    GW,
  ),
  eip_id_1: d(
    "Update only: ID of a new EIP to bind as the first (active) EIP. Unbind the old EIP through the EIP service first; " +
      "public gateways only.",
    "EN 4.1.1.4",
  ),
  eip_id_2: d(
    "Update only: ID of a new EIP to bind as the second (standby) EIP. Unbind the old EIP through the EIP service " +
      "first; public gateways only.",
    "EN 4.1.1.4",
  ),
  policy_template: d(
    "IKE and IPsec parameters of a gateway with a NonFixedIP flavor, which its connections to customer gateways " +
      "without a fixed IP use. Only for those flavors, and returned only for them.",
    TEMPLATE,
  ),
  "policy_template.ike_policy": d("Phase 1 (IKE) parameters of the template.", TEMPLATE),
  ...nest("policy_template.ike_policy.", templatePhase1(TEMPLATE)),
  "policy_template.ipsec_policy": d("Phase 2 (IPsec) parameters of the template.", TEMPLATE),
  ...nest("policy_template.ipsec_policy.", templatePhase2(TEMPLATE)),
  supported_flavors: d("Flavors the gateway can be changed to through the change-specification operation.", GW_SHOW),
  supported_features: d("Features the gateway supports.", GW_SHOW),
  ...tagFields(GW),
};

const gatewayDocs: ResourceDocs = {
  summary:
    "An S2C (site-to-cloud) VPN gateway: the cloud end of IPsec tunnels to on-premises networks, attached to a VPC " +
    "or an enterprise router, with two EIPs (public) or two private IP addresses (private) in active-active or " +
    "active-standby mode.",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

const gateway = new vpn.VpnGateway("vpngw", {
    vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
    localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
    connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
    eip1: { id: "cff40e5e-demo-a8df-va86-7366077bf097" },
    eip2: { id: "d290f1ee-demo-a8df-va86-d701748f0851" },
});`,
  fields: gatewayFields,
};

// ---------------------------------------------------------------------------------------------------------------- GM gateway certificate

const CERT = "ZH 4.1.1.8";
const CERT_SHOW = "ZH 4.1.1.9";

export const gatewayCertificateFields: FieldDocs = {
  vgw_id: d(
    "ID of the GM gateway the certificate is for. A gateway has one certificate, and GM connections can only be created " +
      "once it is uploaded.",
    CERT,
  ),
  id: d("ID of the gateway certificate.", CERT),
  name: d("Name of the certificate. When omitted, the service generates one such as `cert-a45b`.", CERT),
  project_id: d("Project the certificate belongs to.", CERT_SHOW),
  status: d(
    "Whether the certificate is being bound to the gateway (BINDING), in use (BOUND) or failed (FAULT).",
    CERT_SHOW,
  ),
  certificate: d(
    "Signature certificate (PEM): a GM end-entity certificate, not a CA certificate. The service returns only the " +
      "facts it reads from it (issuer, subject, serial number, expiry).",
    CERT,
  ),
  private_key: d(
    "Private key (PEM) of the signature certificate, matching its public key. Secret; never returned.",
    CERT,
  ),
  certificate_chain: d(
    "CA certificate (PEM) of the GM CA that issued the signature and encryption certificates.",
    CERT,
  ),
  enc_certificate: d(
    "Encryption certificate (PEM): a GM end-entity certificate used for key exchange; GM uses separate signature " +
      "and encryption certificates.",
    CERT,
  ),
  enc_private_key: d("Private key (PEM) of the encryption certificate. Secret; never returned.", CERT),
  issuer: d("Issuer of the signature certificate.", CERT),
  signature_algorithm: d("Signature algorithm of the signature certificate.", CERT),
  certificate_serial_number: d("Serial number of the signature certificate.", CERT),
  certificate_subject: d("Subject of the signature certificate.", CERT),
  certificate_expire_time: d("When the signature certificate expires.", CERT),
  certificate_chain_serial_number: d("Serial number of the CA certificate.", CERT),
  certificate_chain_subject: d("Subject of the CA certificate.", CERT),
  certificate_chain_expire_time: d("When the CA certificate expires.", CERT),
  enc_certificate_serial_number: d("Serial number of the encryption certificate.", CERT),
  enc_certificate_subject: d("Subject of the encryption certificate.", CERT),
  enc_certificate_expire_time: d("When the encryption certificate expires.", CERT),
  created_at: d("When the certificate was uploaded.", CERT),
  updated_at: d("When the certificate was last replaced or renamed.", CERT_SHOW),
};

const gatewayCertificateDocs: ResourceDocs = {
  summary:
    "The certificate pair of a GM (Chinese national cryptography) VPN gateway: signature and encryption certificates " +
    "with their private keys and the issuing CA certificate. It has no delete operation; it goes away with its gateway.",
  example: `import * as pulumi from "@pulumi/pulumi";
import * as vpn from "pulumi-huaweicloud-vpn";

const config = new pulumi.Config();
const certificate = new vpn.GatewayCertificate("gm-cert", {
    vgwId: "b32d91a4-demo-a8df-va86-e907174eb11d",
    name: "cert-gm",
    certificate: config.require("signCert"),
    privateKey: config.requireSecret("signKey"),
    certificateChain: config.require("caCert"),
    encCertificate: config.require("encCert"),
    encPrivateKey: config.requireSecret("encKey"),
});`,
  fields: gatewayCertificateFields,
};

// ---------------------------------------------------------------------------------------------------------------- customer gateway

const CGW = "EN 4.1.2.1";
const CGW_CA = "ZH 4.1.2.1";
const CGW_CA_SHOW = "ZH 4.1.2.2";

export const customerGatewayFields: FieldDocs = {
  id: d("ID of the customer gateway.", CGW),
  name: d("Name of the customer gateway. When omitted, the service generates one such as `cgw-21a3`.", CGW),
  id_type: d(
    "How `id_value` identifies the customer's VPN device: by IP address, or by FQDN for a device without a fixed " +
      "address (FQDN only in the Chinese edition).",
    `${CGW}; ${CGW_CA}`,
  ),
  id_value: d(
    "Identifier of the customer's VPN device: its IPv4 address in dotted decimal, e.g. 192.168.45.7 (the address its " +
      "tunnels terminate on), or its FQDN. It names the device, not a subnet.",
    CGW,
  ),
  bgp_asn: d("BGP AS number of the customer device, used on BGP connections; only with an IP identifier.", CGW),
  ca_certificate: d(
    "CA certificate with which the gateway authenticates the certificates of a GM (national cryptography) customer " +
      "device; needed for GM connections. Give `content` to upload one or `id` to reuse one. Returned only when bound.",
    CGW_CA,
  ),
  "ca_certificate.id": d("ID of the CA certificate.", CGW_CA),
  "ca_certificate.content": d(
    "PEM content of the CA certificate. The service never returns it; it reports the certificate's facts instead.",
    CGW_CA,
  ),
  "ca_certificate.serial_number": d("Serial number of the CA certificate.", CGW_CA_SHOW),
  "ca_certificate.signature_algorithm": d("Signature algorithm of the CA certificate.", CGW_CA_SHOW),
  "ca_certificate.issuer": d("Issuer of the CA certificate.", CGW_CA_SHOW),
  "ca_certificate.subject": d("Subject of the CA certificate.", CGW_CA_SHOW),
  "ca_certificate.expire_time": d("When the CA certificate expires.", CGW_CA_SHOW),
  "ca_certificate.is_updatable": d("Whether the certificate content can still be replaced.", CGW_CA_SHOW),
  ...timestamps("customer gateway", CGW),
  ...tagFields(CGW),
};

const customerGatewayDocs: ResourceDocs = {
  summary:
    "A customer gateway: the record of the on-premises VPN device (its IP address or FQDN and BGP AS number) that VPN " +
    "connections terminate on.",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

const customerGateway = new vpn.CustomerGateway("cgw", {
    name: "cgw-2abf",
    idType: "ip",
    idValue: "10.12.13.21",
    bgpAsn: 65000,
});`,
  fields: customerGatewayFields,
};

// ---------------------------------------------------------------------------------------------------------------- VPN connection

const CONN = "EN 4.1.3.1";
const CONN_SHOW = "EN 4.1.3.3";
const CONN_UPDATE = "EN 4.1.3.5";
const CONN_ZH_UPDATE = "ZH 4.1.3.4";

export const connectionFields: FieldDocs = {
  id: d("ID of the VPN connection.", CONN),
  name: d("Name of the connection. When omitted, the service generates one such as `vpn-13be`.", CONN),
  status: d(
    "Tunnel state. DOWN means provisioned but not negotiated (normal until the customer device connects), ACTIVE " +
      "means the tunnel is up, the PENDING_ states mean a change is in progress; ERROR, FREEZED (frozen) and UNKNOWN " +
      "need attention.",
    CONN_SHOW,
  ),
  vgw_id: d(
    "ID of the VPN gateway the connection belongs to. A GM gateway must have its gateway certificate before " +
      "connections can be created.",
    `${CONN}; ZH 4.1.3.1`,
  ),
  vgw_ip: d(
    "Gateway address that terminates the tunnel: the ID of one of the gateway's EIPs (public gateway, `eip1.id` or " +
      "`eip2.id`) or one of its access private IP addresses (private gateway). On an active-standby gateway it also " +
      "decides whether this is the active or the standby connection (see `ha_role`).",
    CONN,
  ),
  style: d(
    "Routing mode: policy-based (the tunnel carries what `policy_rules` select), static routing (routes to " +
      "`peer_subnets` point into the tunnel) or BGP (routes are exchanged with the customer device over the tunnel " +
      "addresses); the Chinese edition adds a policy-template mode, which uses the gateway's `policy_template`. Sent " +
      "in lower case; the service returns it in upper case.",
    `${CONN}; ZH 4.1.3.1`,
    CONNECTION_STYLES_OUT,
  ),
  cgw_id: d(
    "ID of the customer gateway at the other end. A GM connection needs a customer gateway with a CA certificate.",
    `${CONN}; ZH 4.1.3.1`,
  ),
  peer_subnets: d(
    "Customer-side CIDR blocks reached through the connection. Needed in every case except policy and BGP " +
      "connections of an enterprise-router gateway; reserved VPC ranges such as 100.64.0.0/10 and 214.0.0.0/8 cannot " +
      "be used.",
    `${CONN}; EN 4.1.3.2`,
  ),
  tunnel_local_address: d(
    "Tunnel interface address on the gateway side of a route-based (static or BGP) connection, e.g. 169.254.76.1/30; " +
      "it and `tunnel_peer_address` are the two host addresses of one /30. The service assigns a pair when they are " +
      "omitted; BGP sessions run between them.",
    CONN,
  ),
  tunnel_peer_address: d(
    "Tunnel interface address on the customer device, e.g. 169.254.76.2/30; configure the same address on the device's " +
      "tunnel interface.",
    CONN,
  ),
  enable_nqa: d(
    "Turns on network quality analysis (NQA), which probes the tunnel to detect failures; static-routing connections " +
      "only.",
    CONN,
  ),
  enable_health_check: d(
    "Turns on the connection's health check. Not in either edition of the reference: the official Node SDK 3.1.202 " +
      "added it to the create body of this operation, so the service may refuse it where the SDK is ahead.",
    CONN,
  ),
  enable_hub: d(
    "Turns on branch interconnection, so that the customer sites connected to this gateway can reach each other " +
      "through it; BGP connections only.",
    CONN,
  ),
  psk: d(
    "Pre-shared key of the IKE negotiation; the customer device must be configured with the same key. Mandatory except " +
      "on GM gateways, which authenticate with certificates. Secret: the API never returns it, and with IKEv2 a change " +
      "of the key alone does not take effect.",
    `${CONN}; ${CONN_UPDATE}; ZH 4.1.3.1`,
  ),
  policy_rules: d(
    "Traffic selectors of a policy-based connection: which local CIDR block may talk to which customer CIDR blocks " +
      "through the tunnel. Policy mode only; other modes return none.",
    CONN,
  ),
  "policy_rules[].rule_index": d(
    "Position of the rule. Best left out: the service splits a rule with several destinations into several rules, " +
      "so the returned indexes can differ from the ones sent.",
    `${CONN}; ZH 4.1.3.1`,
  ),
  "policy_rules[].source": d(
    "Local (cloud-side) CIDR block of the rule; no two rules of a connection may have the same source.",
    CONN,
  ),
  "policy_rules[].destination": d("Customer-side CIDR blocks the source may reach through the tunnel.", CONN),
  ikepolicy: d("IKE (phase 1) parameters; they must match the customer device's configuration.", CONN),
  "ikepolicy.ike_version": d(
    "IKE protocol version; must match the customer device. GM gateways use IKEv1.",
    `${CONN}; ZH 4.1.3.1`,
  ),
  "ikepolicy.phase1_negotiation_mode": d(
    "IKEv1 phase 1 exchange: main mode (identities protected, more secure) or aggressive mode (faster, more likely to " +
      "succeed with some devices). Ignored with IKEv2.",
    CONN,
  ),
  "ikepolicy.authentication_algorithm": d(
    "Integrity (hash) algorithm of the IKE SA; sha1 and md5 are weak. A change applies once the current phase 1 SA " +
      "ages out.",
    `${CONN}; ${CONN_UPDATE}`,
  ),
  "ikepolicy.encryption_algorithm": d(
    "Encryption algorithm of the IKE SA; 3des and the non-GCM AES variants are considered weak. A change applies " +
      "once the current phase 1 SA ages out.",
    `${CONN}; ${CONN_UPDATE}`,
  ),
  "ikepolicy.dh_group": d(
    "Diffie-Hellman group of the phase 1 key exchange; group1, group2, group5 and group14 are weak. Not used on GM " +
      "gateways.",
    `${CONN}; ZH 4.1.3.1`,
  ),
  "ikepolicy.authentication_method": d(
    "How the two ends authenticate each other in IKE: with the pre-shared key, or with certificates in a digital " +
      "envelope on GM gateways (GM only in the Chinese edition).",
    CONN,
  ),
  "ikepolicy.lifetime_seconds": d(
    "Lifetime of the IKE SA in seconds; the SA is renegotiated when it expires. A change applies once the current " +
      "phase 1 SA ages out.",
    `${CONN}; ${CONN_UPDATE}`,
  ),
  "ikepolicy.local_id_type": d(
    "How the gateway identifies itself in IKE: by IP address, or by FQDN (FQDN only in the Chinese edition).",
    CONN,
  ),
  "ikepolicy.local_id": d(
    "The gateway's IKE identity. With the IP type it can be omitted: the gateway address is then used and returned. " +
      "With an FQDN it must equal the peer ID configured on the customer device.",
    CONN,
  ),
  "ikepolicy.peer_id_type": d(
    "How the customer device identifies itself in IKE: by IP address, or by FQDN (FQDN only in the Chinese edition). " +
      "Responses can also show `any`.",
    `${CONN}; ${CONN_ZH_UPDATE}`,
  ),
  "ikepolicy.peer_id": d(
    "The customer device's IKE identity. With the IP type it can be omitted: the customer gateway's address is then " +
      "used and returned. With an FQDN it must equal the local ID configured on the device.",
    CONN,
  ),
  "ikepolicy.dpd": d(
    "Dead peer detection: how the gateway notices that the customer device stopped answering and clears the tunnel.",
    CONN,
  ),
  "ikepolicy.dpd.timeout": d("Seconds between retransmissions of an unanswered DPD probe.", CONN),
  "ikepolicy.dpd.interval": d("Idle seconds after which the gateway starts probing the peer.", CONN),
  "ikepolicy.dpd.msg": d(
    "Payload order of DPD packets: hash then notify, or notify then hash; use the one the customer device expects.",
    CONN,
  ),
  ipsecpolicy: d("IPsec (phase 2) parameters; they must match the customer device's configuration.", CONN),
  "ipsecpolicy.authentication_algorithm": d(
    "Integrity (hash) algorithm of the IPsec SAs; sha1 and md5 are weak. A change applies once the current phase 2 " +
      "SAs age out.",
    `${CONN}; ${CONN_UPDATE}`,
  ),
  "ipsecpolicy.encryption_algorithm": d(
    "Encryption algorithm of the IPsec SAs; 3des and the non-GCM AES variants are considered weak. A change applies " +
      "once the current phase 2 SAs age out.",
    `${CONN}; ${CONN_UPDATE}`,
  ),
  "ipsecpolicy.pfs": d(
    "Diffie-Hellman group for perfect forward secrecy when the IPsec SAs are rekeyed, or `disable` for none; group1, " +
      "group2, group5 and group14 are weak. Not used on GM gateways.",
    `${CONN}; ZH 4.1.3.1`,
  ),
  "ipsecpolicy.transform_protocol": d("IPsec transform protocol; ESP (encapsulating security payload).", CONN),
  "ipsecpolicy.lifetime_seconds": d(
    "Lifetime of the IPsec SAs in seconds; new keys are negotiated when it expires.",
    CONN,
  ),
  "ipsecpolicy.encapsulation_mode": d("How IPsec encapsulates packets: tunnel mode (the whole IP packet).", CONN),
  ha_role: d(
    "Role of the connection on an active-standby gateway: master for the connection on the gateway's active EIP or " +
      "private IP, slave for the one on the standby address. On active-active gateways every connection is master.",
    CONN,
  ),
  created_at: d("When the connection was created (UTC).", CONN),
  updated_at: d("When the connection was last updated (UTC).", CONN),
  enterprise_project_id: d("Enterprise project of the connection, always that of its gateway.", CONN),
  connection_monitor_id: d(
    "ID of the connection monitor watching this connection; present only when one exists.",
    "ZH 4.1.3.2",
  ),
  bgp_peer: d("The gateway's BGP session with the customer device, on BGP connections.", CONN_SHOW),
  "bgp_peer.peer_ip_address": d("Address of the BGP peer (the customer device's tunnel address).", CONN_SHOW),
  "bgp_peer.peer_asn": d("AS number of the BGP peer.", CONN_SHOW),
  "bgp_peer.state": d("State of the BGP session, e.g. established.", CONN_SHOW),
  "bgp_peer.state_duration": d("How long the session has been in its state, e.g. 3d01h34m24s.", CONN_SHOW),
  "bgp_peer.num_received_routes": d("Number of routes received from the peer.", CONN_SHOW),
  "bgp_peer.num_message_received": d("Number of BGP messages received from the peer.", CONN_SHOW),
  "bgp_peer.num_message_sent": d("Number of BGP messages sent to the peer.", CONN_SHOW),
  eip_id: d("Deprecated: the gateway EIP ID or private IP of the connection, as in `vgw_ip`.", CONN_ZH_UPDATE),
  type: d("Deprecated: whether the connection is policy- or route-based; read `style` instead.", CONN_ZH_UPDATE),
  route_mode: d("Deprecated: static or BGP routing; read `style` instead.", CONN_ZH_UPDATE),
  policy_rules_v6: d(
    "IPv6 policy rules; not described by either edition and empty in every example.",
    "EN 4.1.3.2 (examples only)",
  ),
  ...tagFields(CONN),
};

const connectionDocs: ResourceDocs = {
  summary:
    "An S2C VPN connection: one IPsec tunnel between an address of a VPN gateway and a customer gateway, with its " +
    "routing mode, pre-shared key and IKE/IPsec policies.",
  example: `import * as pulumi from "@pulumi/pulumi";
import * as vpn from "pulumi-huaweicloud-vpn";

const config = new pulumi.Config();
// gateway: a vpn.VpnGateway, customerGateway: a vpn.CustomerGateway
const connection = new vpn.VpnConnection("vpn-1", {
    vgwId: gateway.id,
    vgwIp: "0c464dad-demo-a8df-va86-c22bb0eb0bde", // the ID of gateway.eip1
    cgwId: customerGateway.id,
    style: "bgp",
    peerSubnets: ["192.168.44.0/24"],
    tunnelLocalAddress: "169.254.56.225/30",
    tunnelPeerAddress: "169.254.56.226/30",
    psk: config.requireSecret("psk"),
    ikepolicy: { ikeVersion: "v2", dhGroup: "group15", lifetimeSeconds: 86400 },
    ipsecpolicy: { pfs: "group15", lifetimeSeconds: 3600 },
});`,
  fields: connectionFields,
};

// ---------------------------------------------------------------------------------------------------------------- connection monitor

const MON = "EN 4.1.4.1";

export const monitorFields: FieldDocs = {
  id: d("ID of the connection monitor.", MON),
  status: d("ACTIVE while monitoring; PENDING_CREATE or PENDING_DELETE while being created or deleted.", "EN 4.1.4.2"),
  vpn_connection_id: d(
    "ID of the VPN connection to monitor. The gateway then sends probe packets to the customer gateway and records " +
      "round-trip delay and packet loss.",
    MON,
  ),
  type: d("What is probed: the gateway-to-gateway path.", MON),
  source_ip: d("Source address of the probes (the gateway's address of the connection).", MON),
  destination_ip: d("Destination address of the probes (the customer gateway's address).", MON),
  proto_type: d("Protocol of the NQA probes (ICMP).", MON),
};

const monitorDocs: ResourceDocs = {
  summary:
    "A connection monitor: a health check in which the VPN gateway probes the customer gateway of one connection and " +
    "measures round-trip delay and packet loss.",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

// connection: a vpn.VpnConnection
const monitor = new vpn.ConnectionMonitor("monitor-1", {
    vpnConnectionId: connection.id,
});`,
  fields: monitorFields,
};

export const s2cResourceDocs: Readonly<Record<string, ResourceDocs>> = {
  vpnGateway: gatewayDocs,
  gatewayCertificate: gatewayCertificateDocs,
  customerGateway: customerGatewayDocs,
  vpnConnection: connectionDocs,
  connectionMonitor: monitorDocs,
};

// ---------------------------------------------------------------------------------------------------------------- operations

const vgwId = (doc: string): FieldDocs => ({ vgw_id: d("ID of the VPN gateway.", doc) });
const cgwId = (doc: string): FieldDocs => ({ customer_gateway_id: d("ID of the customer gateway.", doc) });
const connId = (doc: string): FieldDocs => ({ vpn_connection_id: d("ID of the VPN connection.", doc) });
const monId = (doc: string): FieldDocs => ({ connection_monitor_id: d("ID of the connection monitor.", doc) });

const wrapper = (key: string, what: string, doc: string): FieldDocs => ({ [key]: d(what, doc) });

/** Docs of an operation on one object of a kind: the wrapper, its fields, and `request_id`. */
function one(opName: string, key: string, fields: FieldDocs, what: string, doc: string): FieldDocs {
  return { ...wrapper(key, what, doc), ...project(opName, `${key}.`, fields), ...requestId(doc) };
}

/** Docs of a list operation: the array, its items' fields, and `request_id`. */
function many(opName: string, key: string, fields: FieldDocs, what: string, doc: string): FieldDocs {
  return { ...wrapper(key, what, doc), ...project(opName, `${key}[].`, fields), ...requestId(doc) };
}

const OFFICIAL = (name: string) => `official SDK vpn_meta ${name} (in neither edition)`;

export const s2cOperationDocs: Readonly<Record<string, OperationDocs>> = {
  createVgw: op(
    "Creates a pay-per-use VPN gateway. The gateway is created asynchronously: it is PENDING_CREATE until ACTIVE.",
    one("createVgw", "vpn_gateway", gatewayFields, "The gateway to create; in the response, the created gateway.", GW),
  ),
  showVgw: op(
    "Reads one VPN gateway by ID.",
    vgwId(GW_SHOW),
    one("showVgw", "vpn_gateway", gatewayFields, "The gateway.", GW_SHOW),
  ),
  listVgws: op(
    "Lists the project's VPN gateways, optionally of some enterprise projects only (one response, no paging).",
    enterpriseProjectFilter("EN 4.1.1.3"),
    many("listVgws", "vpn_gateways", gatewayFields, "The gateways.", "EN 4.1.1.3"),
  ),
  updateVgw: op(
    "Updates a VPN gateway: its name, local subnets, EIPs or (NonFixedIP flavors) policy template.",
    vgwId("EN 4.1.1.4"),
    one("updateVgw", "vpn_gateway", gatewayFields, "The changes; in the response, the updated gateway.", "EN 4.1.1.4"),
  ),
  updatePostpaidVgwSpecification: op(
    "Changes the flavor of a pay-per-use VPN gateway; the gateway is PENDING_UPDATE until the change completes.",
    vgwId("EN 4.1.1.5"),
    one(
      "updatePostpaidVgwSpecification",
      "vpn_gateway",
      gatewayFields,
      "The new specification; in the response, the gateway.",
      "EN 4.1.1.5",
    ),
    { "vpn_gateway.flavor": d("The new flavor; one of the gateway's `supported_flavors`.", "EN 4.1.1.5") },
  ),
  deleteVgw: op(
    "Deletes a VPN gateway. Unbind yearly/monthly EIPs from a pay-per-use gateway first, or the delete fails.",
    vgwId("EN 4.1.1.6"),
  ),
  listAvailabilityZones: op(
    "Lists, for each gateway flavor, the AZs where a VPC-attached or an enterprise-router-attached gateway can be " +
      "deployed. Query it before choosing `availability_zone_ids`.",
    {
      availability_zones: d(
        "AZs by flavor; the keys are the flavor names in lower case, e.g. professional1.",
        "EN 4.1.1.7",
      ),
      "availability_zones.*.vpc": d("AZs for gateways of the flavor attached to a VPC.", "EN 4.1.1.7"),
      "availability_zones.*.er": d("AZs for gateways of the flavor attached to an enterprise router.", "EN 4.1.1.7"),
    },
    requestId("EN 4.1.1.7"),
  ),
  showVpnGatewayRoutingTable: op(
    "Reads the route table of a VPN gateway: the routes it has towards the customer networks, the enterprise router " +
      "and the other connections, with their BGP attributes.",
    vgwId("EN 4.1.1.8"),
    {
      routing_table: d("The routes.", "EN 4.1.1.8"),
      "routing_table[].destination": d("Destination CIDR block of the route.", "EN 4.1.1.8"),
      "routing_table[].nexthop": d("Next-hop IP address.", "EN 4.1.1.8"),
      "routing_table[].outbound_interface_ip": d("IP address of the outbound interface.", "EN 4.1.1.8"),
      "routing_table[].origin": d("BGP origin of the route: IGP, EGP or incomplete.", "EN 4.1.1.8"),
      "routing_table[].as_path": d("AS path of a BGP route.", "EN 4.1.1.8"),
      "routing_table[].med": d("MED (multi-exit discriminator) of a BGP route.", "EN 4.1.1.8"),
      "routing_table[].nexthop_resource": d("The resource the next hop belongs to.", "EN 4.1.1.8"),
      "routing_table[].nexthop_resource.id": d("ID of the next-hop resource.", "EN 4.1.1.8"),
      "routing_table[].nexthop_resource.type": d(
        "Kind of the next-hop resource: an enterprise router, a VPN gateway or a VPN connection.",
        "EN 4.1.1.8",
      ),
      ...totalCount("routes of the gateway", "EN 4.1.1.8"),
      ...pageInfo("EN 4.1.1.8"),
    },
    requestId("EN 4.1.1.8"),
  ),
  createVgwCertificate: op(
    "Uploads the certificates and private keys of a GM VPN gateway.",
    vgwId(CERT),
    one(
      "createVgwCertificate",
      "certificate",
      gatewayCertificateFields,
      "The certificate to upload; in the response, its facts.",
      CERT,
    ),
  ),
  showVpnGatewayCertificate: op(
    "Reads the certificate of a GM VPN gateway (facts only; the PEM contents and keys are never returned).",
    vgwId(CERT_SHOW),
    one("showVpnGatewayCertificate", "certificate", gatewayCertificateFields, "The gateway certificate.", CERT_SHOW),
  ),
  updateVgwCertificate: op(
    "Replaces the certificates or keys of a GM VPN gateway, or renames the certificate (the PEM fields can be left out " +
      "for a rename).",
    vgwId("ZH 4.1.1.10"),
    { certificate_id: d("ID of the gateway certificate.", "ZH 4.1.1.10") },
    one(
      "updateVgwCertificate",
      "certificate",
      gatewayCertificateFields,
      "The changes; in the response, the certificate.",
      "ZH 4.1.1.10",
    ),
  ),
  createCgw: op(
    "Creates a customer gateway.",
    one(
      "createCgw",
      "customer_gateway",
      customerGatewayFields,
      "The customer gateway to create; in the response, the created one.",
      CGW,
    ),
  ),
  showCgw: op(
    "Reads one customer gateway by ID.",
    cgwId("EN 4.1.2.2"),
    one("showCgw", "customer_gateway", customerGatewayFields, "The customer gateway.", "EN 4.1.2.2"),
  ),
  listCgws: op(
    "Lists the project's customer gateways, page by page.",
    markerQuery("EN 4.1.2.3"),
    many("listCgws", "customer_gateways", customerGatewayFields, "The customer gateways of this page.", "EN 4.1.2.3"),
    totalCount("customer gateways of the project", "EN 4.1.2.3"),
    pageInfo("EN 4.1.2.3"),
  ),
  updateCgw: op(
    "Renames a customer gateway or replaces its CA certificate; other changes need a new customer gateway.",
    cgwId("EN 4.1.2.4"),
    one(
      "updateCgw",
      "customer_gateway",
      customerGatewayFields,
      "The changes; in the response, the customer gateway.",
      "EN 4.1.2.4",
    ),
  ),
  deleteCgw: op("Deletes a customer gateway; it fails while connections still use it.", cgwId("EN 4.1.2.5")),
  createVpnConnection: op(
    "Creates a VPN connection between a VPN gateway and a customer gateway. It is PENDING_CREATE, then DOWN until the " +
      "customer device negotiates the tunnel.",
    one(
      "createVpnConnection",
      "vpn_connection",
      connectionFields,
      "The connection to create; in the response, the created one.",
      CONN,
    ),
  ),
  batchCreateVpnConnection: op(
    "Creates one or two VPN connections of one gateway in a single call (for example the pair of an active-active or " +
      "active-standby gateway).",
    {
      vpn_connections: d(
        "The connections to create, all on the same gateway; in the response, the created ones.",
        "EN 4.1.3.2",
      ),
      ...project("batchCreateVpnConnection", "vpn_connections[].", connectionFields),
    },
    requestId("EN 4.1.3.2"),
  ),
  showVpnConnection: op(
    "Reads one VPN connection by ID, including its tunnel state and (BGP) session state.",
    connId(CONN_SHOW),
    one("showVpnConnection", "vpn_connection", connectionFields, "The connection.", CONN_SHOW),
  ),
  listVpnConnections: op(
    "Lists the project's VPN connections, page by page, optionally of one gateway, one gateway address or some " +
      "enterprise projects.",
    {
      vgw_id: d("Only the connections of this VPN gateway.", "EN 4.1.3.4"),
      vgw_ip: d("Only the connections on this gateway address (an EIP ID or access private IP).", "EN 4.1.3.4"),
    },
    enterpriseProjectFilter("EN 4.1.3.4"),
    markerQuery("EN 4.1.3.4"),
    many("listVpnConnections", "vpn_connections", connectionFields, "The connections of this page.", "EN 4.1.3.4"),
    totalCount("connections of the project", "EN 4.1.3.4"),
    pageInfo("EN 4.1.3.4"),
  ),
  updateVpnConnection: op(
    "Updates a VPN connection in place: name, customer gateway, subnets, tunnel addresses, key, policy rules and the " +
      "IKE/IPsec policies (except the IKE authentication method).",
    connId(CONN_UPDATE),
    one(
      "updateVpnConnection",
      "vpn_connection",
      connectionFields,
      "The changes; in the response, the updated connection.",
      CONN_UPDATE,
    ),
  ),
  deleteVpnConnection: op("Deletes a VPN connection; a frozen connection cannot be deleted.", connId("EN 4.1.3.6")),
  showVpnConnectionLog: op(
    "Reads the recent log of a VPN connection, such as IKE/IPsec negotiation failures and their reasons.",
    connId("EN 4.1.3.7"),
    {
      logs: d("The log entries.", "EN 4.1.3.7"),
      "logs[].time": d("When the entry was logged (Unix time in seconds).", "EN 4.1.3.7"),
      "logs[].raw_message": d("The log message, e.g. an IPsec negotiation failure with its reason.", "EN 4.1.3.7"),
    },
    requestId("EN 4.1.3.7"),
  ),
  createConnectionMonitor: op(
    "Creates a connection monitor on a VPN connection.",
    one(
      "createConnectionMonitor",
      "connection_monitor",
      monitorFields,
      "The monitor to create; in the response, the created one.",
      MON,
    ),
  ),
  showConnectionMonitor: op(
    "Reads one connection monitor by ID.",
    monId("EN 4.1.4.2"),
    one("showConnectionMonitor", "connection_monitor", monitorFields, "The connection monitor.", "EN 4.1.4.2"),
  ),
  listConnectionMonitors: op(
    "Lists the project's connection monitors, optionally of one connection or some enterprise projects (no paging).",
    { vpn_connection_id: d("Only the monitor of this VPN connection.", "EN 4.1.4.3") },
    enterpriseProjectFilter("EN 4.1.4.3"),
    many("listConnectionMonitors", "connection_monitors", monitorFields, "The connection monitors.", "EN 4.1.4.3"),
  ),
  deleteConnectionMonitor: op("Deletes a connection monitor.", monId("EN 4.1.4.4")),
  resetVpnConnection: op(
    "Resets a VPN connection, making it renegotiate its tunnel. Only the official SDK has this operation.",
    connId(OFFICIAL("ResetVpnConnection")),
    requestId(OFFICIAL("ResetVpnConnection")),
  ),
  upgradeVpnGateway: op(
    "Drives the software upgrade of a VPN gateway: start it, confirm it or roll it back. Only the official SDK has " +
      "this operation.",
    vgwId(OFFICIAL("UpgradeVpnGateway")),
    {
      action: d(
        "Upgrade step: start the upgrade, finish (confirm) it, or roll it back.",
        OFFICIAL("UpgradeVpnGateway"),
      ),
      job_id: d("ID of the upgrade job, to follow with the job list.", OFFICIAL("UpgradeVpnGateway")),
    },
    requestId(OFFICIAL("UpgradeVpnGateway")),
  ),
  listVpnGatewayJobs: op(
    "Lists the upgrade jobs of the project's VPN gateways. Only the official SDK has this operation.",
    project("listVpnGatewayJobs", "", jobFields(OFFICIAL("ListVpnGatewayJobs"))),
  ),
  deleteVpnGatewayJob: op("Deletes a finished gateway upgrade job. Only the official SDK has this operation.", {
    job_id: d("ID of the job.", OFFICIAL("DeleteVpnGatewayJob")),
  }),
  listExtendedAvailabilityZones: op(
    "Lists the AZs of VPN gateways in the extended (v5.1) form. Only the official SDK has this operation; its " +
      "response is not described.",
    requestId(OFFICIAL("ListExtendedAvailabilityZones")),
  ),
};
