/**
 * Field docs of the point-to-cloud (P2C) area: P2C VPN gateways, VPN servers, client CA certificates, VPN users,
 * user groups and access policies (EN 4.2), and the docs of the P2C operations, re-using the kind tables.
 */
import type { FieldDocs, OperationDocs, ResourceDocs } from "./types";
import { cite, d, nest, op, project } from "./build";
import {
  jobFields,
  certificateFacts,
  eipCommonFields,
  eipResponseFields,
  markerQuery,
  pageInfo,
  requestId,
  tagFields,
  timestamps,
  totalCount,
} from "./common";

// ---------------------------------------------------------------------------------------------------------------- P2C gateway

const PGW = "EN 4.2.1.1";
/** Create and delete of P2C gateways are in the official SDK only; their fields are those of the EN 4.2.1.1 object. */
const PGW_CREATE = "EN 4.2.1.1; create: official SDK vpn_meta CreateP2cVgw";

export const p2cGatewayFields: FieldDocs = {
  id: d("ID of the P2C VPN gateway.", PGW),
  name: d("Name of the gateway; generated when omitted.", `${PGW}; ZH 4.2.1.1`),
  status: d(
    "Lifecycle state. ACTIVE is usable; the PENDING_ states mean a create, update or delete is in progress (the " +
      "gateway refuses other changes meanwhile); FAULT is abnormal and FROZEN is frozen.",
    PGW,
  ),
  vpc_id: d("ID of the VPC whose networks the gateway's clients reach.", PGW),
  connect_subnet: d("ID of the VPC subnet the gateway uses.", PGW),
  flavor: d("Specification of the gateway (see the P2C gateway AZ query for where each one is offered).", PGW),
  availability_zone_ids: d("AZs the gateway is deployed in; the P2C gateway AZ query lists the ones on offer.", PGW),
  eip: d(
    "EIP the clients connect to: the public address of the gateway's VPN server. On create, give `id` to bind an " +
      "existing EIP or the new-EIP fields to have one allocated.",
    PGW_CREATE,
  ),
  ...nest("eip.", {
    ...eipCommonFields(PGW_CREATE, "p2c-vpngw-bandwidth-xxxx", ""),
    bandwidth_id: d("ID of the EIP's bandwidth.", PGW),
    ...eipResponseFields(PGW, "the clients connect to it"),
  }),
  max_connection_number: d(
    "Maximum number of clients connected at the same time. The server's client CIDR must hold more than four times " +
      "this many addresses.",
    `${PGW}; EN 4.2.2.1`,
  ),
  current_connection_number: d("Number of clients connected now.", PGW),
  enterprise_project_id: d('Enterprise project of the gateway; "0" is the default project.', PGW),
  order_id: d("Order ID of the gateway.", PGW),
  admin_state_up: d("False when the gateway is frozen, true otherwise.", PGW),
  frozen_effect: d(
    "Whether a frozen gateway can be deleted: 0 when not frozen, 1 when frozen but deletable, 2 when frozen and not " +
      "deletable.",
    PGW,
  ),
  version: d("Software version of the gateway.", PGW),
  created_at: d("When the gateway was created (UTC).", PGW),
  applied_at: d("When the gateway took effect (UTC).", PGW),
  updated_at: d("When the gateway was last updated (UTC).", PGW),
  eip_id: d(
    "Update only: ID of a new EIP to bind to the gateway. Unbind the old EIP through the EIP service first.",
    "EN 4.2.1.3",
  ),
  ...tagFields(PGW),
};

const p2cGatewayDocs: ResourceDocs = {
  summary:
    "A P2C (point-to-cloud) VPN gateway: the cloud end for remote clients (SSL VPN), with one EIP and a VPN server " +
    "that holds the client settings.",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

const p2cGateway = new vpn.P2cVpnGateway("p2c-gw", {
    name: "p2c-vpngw-0000",
    vpcId: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a",
    connectSubnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51",
    flavor: "Professional1",
    availabilityZoneIds: ["cn-south-1f", "cn-south-1e"],
    eip: { id: "f0bac06a-88a7-4d37-8e2e-c37691ee4ba2" },
    maxConnectionNumber: 10,
});`,
  fields: p2cGatewayFields,
};

// ---------------------------------------------------------------------------------------------------------------- VPN server

const SRV = "EN 4.2.2.1";
const SRV_SHOW = "EN 4.2.2.2";

const clientCaFacts = (doc: string): FieldDocs => ({
  ...certificateFacts("client CA certificate", doc),
  ...timestamps("client CA certificate", doc),
});

export const serverFields: FieldDocs = {
  p2c_vgw_id: d("ID of the P2C VPN gateway the server belongs to; a gateway has at most one server.", SRV_SHOW),
  id: d("ID of the VPN server.", SRV),
  tunnel_protocol: d("Tunnel protocol between clients and the server (SSL VPN, with OpenVPN-compatible clients).", SRV),
  client_cidr: d(
    "CIDR block from which each connected client gets a virtual IP address. It must not overlap the routes of the " +
      "VPC's default route table or the server's local subnets, and must hold more than four times the gateway's " +
      "maximum number of connections.",
    SRV,
  ),
  local_subnets: d("Cloud-side CIDR blocks the clients reach through the VPN.", SRV),
  client_auth_type: d(
    "How clients authenticate: with a client certificate issued by one of `client_ca_certificates` (certificate), or " +
      "with the name and password of a VPN user of this server (local password).",
    SRV,
  ),
  server_certificate: d(
    "Certificate the server presents to clients, uploaded to Cloud Certificate Manager (CCM); required for SSL. " +
      "Prefer strong keys such as RSA-3072 or RSA-4096.",
    SRV,
  ),
  "server_certificate.id": d(
    "ID of the certificate in CCM (e.g. `scs1716171403922`, not a UUID). Empty in responses once the certificate has " +
      "been deleted from CCM.",
    `${SRV}; ${SRV_SHOW}`,
  ),
  "server_certificate.name": d("Name of the certificate in CCM.", SRV_SHOW),
  ...nest("server_certificate.", certificateFacts("server certificate", SRV_SHOW)),
  client_ca_certificates: d(
    "CA certificates that issue the clients' certificates, required for certificate authentication. They can be " +
      "uploaded with the server; afterwards manage them as ClientCaCertificate resources. Responses list their facts, " +
      "never their content.",
    SRV,
  ),
  "client_ca_certificates[].id": d("ID of the client CA certificate.", SRV_SHOW),
  "client_ca_certificates[].name": d("Name of the CA certificate; generated when omitted.", SRV),
  "client_ca_certificates[].content": d(
    "PEM content of the CA certificate; prefer strong keys such as RSA-3072 or RSA-4096. Never returned.",
    SRV,
  ),
  ...nest("client_ca_certificates[].", clientCaFacts(SRV_SHOW)),
  ssl_options: d("Settings of the SSL tunnel: transport, port, cipher and compression; required for SSL.", SRV),
  "ssl_options.protocol": d("Transport protocol of the SSL tunnel (TCP).", SRV),
  "ssl_options.port": d("Port the clients connect to on the gateway's EIP.", SRV),
  "ssl_options.encryption_algorithm": d("Cipher that encrypts the tunnel's data.", SRV),
  "ssl_options.authentication_algorithm": d(
    "Message authentication algorithm of the tunnel, chosen by the service.",
    SRV_SHOW,
  ),
  "ssl_options.is_compressed": d("Whether tunnel data is compressed.", SRV),
  dns_servers: d("DNS servers the clients are given while connected, in dotted decimal (e.g. 172.16.1.1).", SRV),
  status: d(
    "ACTIVE when usable; PENDING_CREATE or PENDING_UPDATE while a change is in progress (the server refuses other " +
      "changes meanwhile); FAULT is abnormal and FROZEN is frozen.",
    SRV_SHOW,
  ),
  ...timestamps("server", SRV_SHOW),
};

const serverDocs: ResourceDocs = {
  summary:
    "The VPN server of a P2C VPN gateway: the client address pool, the cloud subnets clients reach, how they " +
    "authenticate and the SSL settings. A gateway has one server; it has no delete operation and goes away with its " +
    "gateway.",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

// p2cGateway: a vpn.P2cVpnGateway
const server = new vpn.VpnServer("server", {
    p2cVgwId: p2cGateway.id,
    clientCidr: "172.16.0.0/24",
    localSubnets: ["10.16.0.0/24", "10.16.1.0/24"],
    clientAuthType: "LOCAL_PASSWORD",
    serverCertificate: { id: "scs1716171403922" },
    sslOptions: { protocol: "TCP", port: 443, encryptionAlgorithm: "AES-128-GCM" },
});`,
  fields: serverFields,
};

// ---------------------------------------------------------------------------------------------------------------- client CA certificate

const CA = "EN 4.2.2.7";
const CA_SHOW = "EN 4.2.2.8";

export const clientCaFields: FieldDocs = {
  vpn_server_id: d("ID of the VPN server whose clients the CA certificate authenticates.", CA),
  id: d("ID of the client CA certificate.", CA),
  name: d("Name of the CA certificate; generated when omitted.", CA),
  content: d(
    "PEM content of the CA certificate (`-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----`); prefer strong " +
      "keys such as RSA-3072 or RSA-4096. Never returned.",
    CA,
  ),
  ...clientCaFacts(CA_SHOW),
};

const clientCaDocs: ResourceDocs = {
  summary:
    "A client CA certificate of a VPN server: with certificate authentication, clients must present a certificate " +
    "issued by one of the server's CA certificates.",
  example: `import * as fs from "fs";
import * as vpn from "pulumi-huaweicloud-vpn";

// server: a vpn.VpnServer with clientAuthType "CERT"
const clientCa = new vpn.ClientCaCertificate("client-ca", {
    vpnServerId: server.id,
    name: "client_ca_8sux3d",
    content: fs.readFileSync("client-ca.pem", "utf8"),
});`,
  fields: clientCaFields,
};

// ---------------------------------------------------------------------------------------------------------------- users, groups, policies

const USR = "EN 4.2.3.1";
const USR_SHOW = "EN 4.2.3.3";

const staticIp = (doc: string) =>
  d(
    "Fixed virtual IP address for the user's client, or `disable` for a random one from the client CIDR. It must lie " +
      "in the client CIDR, not be its gateway address, differ from every other user's, and be the first host address " +
      "of a /30 (192.168.10.5 for 192.168.10.4/30).",
    doc,
  );

export const userFields: FieldDocs = {
  vpn_server_id: d("ID of the VPN server the user logs in to (password authentication).", USR),
  id: d("ID of the VPN user.", USR),
  name: d("Login name of the user.", USR),
  password: d(
    "Login password of the user; it must not be the username or the username reversed. Secret: never returned.",
    USR,
  ),
  description: d("Description of the user.", USR),
  user_group_id: d(
    "ID of the user group the user belongs to; the group's access policies decide which cloud subnets the user reaches.",
    USR,
  ),
  user_group_name: d("Name of the user's group.", USR_SHOW),
  static_ip: staticIp(USR),
  ...timestamps("user", USR_SHOW),
};

const userDocs: ResourceDocs = {
  summary:
    "A VPN user of a VPN server with password authentication: a login for remote clients, in a user group whose access " +
    "policies decide what it can reach.",
  example: `import * as pulumi from "@pulumi/pulumi";
import * as vpn from "pulumi-huaweicloud-vpn";

const config = new pulumi.Config();
// server: a vpn.VpnServer, group: a vpn.VpnUserGroup
const user = new vpn.VpnUser("user001", {
    vpnServerId: server.id,
    name: "user001",
    password: config.requireSecret("user001Password"),
    description: "UserDescription1",
    userGroupId: group.id,
});`,
  fields: userFields,
};

const GRP = "EN 4.2.3.10";
const GRP_SHOW = "EN 4.2.3.11";

export const userGroupFields: FieldDocs = {
  vpn_server_id: d("ID of the VPN server the group belongs to.", GRP),
  id: d("ID of the user group.", GRP),
  name: d("Name of the group, unique on the server.", GRP),
  description: d("Description of the group.", GRP),
  type: d(
    "Default for the server's built-in group (named `default`, which cannot be changed), Custom for groups created " +
      "by users.",
    GRP_SHOW,
  ),
  user_number: d("Number of users in the group.", GRP_SHOW),
  ...timestamps("group", GRP_SHOW),
};

const userGroupDocs: ResourceDocs = {
  summary: "A user group of a VPN server: the unit to which access policies grant destination subnets.",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

// server: a vpn.VpnServer
const group = new vpn.VpnUserGroup("user-group1", {
    vpnServerId: server.id,
    name: "user-group1",
    description: "UserGroup1",
});`,
  fields: userGroupFields,
};

const POL = "EN 4.2.4.1";
const POL_SHOW = "EN 4.2.4.2";

export const accessPolicyFields: FieldDocs = {
  vpn_server_id: d("ID of the VPN server the policy belongs to.", POL),
  id: d("ID of the access policy.", POL),
  name: d("Name of the access policy.", POL),
  user_group_id: d("ID of the user group whose users the policy lets through.", POL),
  user_group_name: d("Name of that user group.", POL_SHOW),
  description: d("Description of the policy.", POL),
  dest_ip_cidrs: d("Destination CIDR blocks the group's users may reach.", POL),
  ...timestamps("access policy", POL_SHOW),
};

const accessPolicyDocs: ResourceDocs = {
  summary: "An access policy of a VPN server: lets the users of one user group reach a set of destination CIDR blocks.",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

// server: a vpn.VpnServer, group: a vpn.VpnUserGroup
const policy = new vpn.VpnAccessPolicy("policy-001", {
    vpnServerId: server.id,
    name: "policy-001",
    userGroupId: group.id,
    description: "AccessPolicy1",
    destIpCidrs: ["172.16.0.0/24", "172.16.1.0/24"],
});`,
  fields: accessPolicyFields,
};

const LOG = "EN 4.2.2.11";
const LOG_SHOW = "EN 4.2.2.12";

export const logConfigFields: FieldDocs = {
  p2c_vgw_id: d("ID of the P2C VPN gateway whose client connection logs are sent to LTS; also the resource's id.", LOG),
  log_group_id: d(
    "ID of the Log Tank Service (LTS) log group that receives the gateway's connection logs. Updated in place.",
    LOG,
  ),
  log_stream_id: d(
    "ID of the LTS log stream, in that log group, that receives the connection logs. Updated in place.",
    LOG_SHOW,
  ),
};

const logConfigDocs: ResourceDocs = {
  summary:
    "Where a P2C VPN gateway sends its client connection logs: one LTS log group and stream per gateway. Destroying " +
    "the resource stops the logging (documented only in the English edition).",
  example: `import * as vpn from "pulumi-huaweicloud-vpn";

// p2cGateway: a vpn.P2cVpnGateway; the LTS log group and stream exist already
const logs = new vpn.ConnectionLogConfig("connection-logs", {
    p2cVgwId: p2cGateway.id,
    logGroupId: "7fd8cd43-3d43-4e4c-9c5d-5c7c1fb4a7b9",
    logStreamId: "0b8a5d61-5b22-4a1c-8f0e-2a8d5b7f1c3e",
});`,
  fields: logConfigFields,
};

export const p2cResourceDocs: Readonly<Record<string, ResourceDocs>> = {
  p2cVpnGateway: p2cGatewayDocs,
  vpnServer: serverDocs,
  clientCaCertificate: clientCaDocs,
  vpnUser: userDocs,
  vpnUserGroup: userGroupDocs,
  vpnAccessPolicy: accessPolicyDocs,
  connectionLogConfig: logConfigDocs,
};

// ---------------------------------------------------------------------------------------------------------------- operations

const ids = {
  gateway: (doc: string): FieldDocs => ({ p2c_vgw_id: d("ID of the P2C VPN gateway.", doc) }),
  server: (doc: string): FieldDocs => ({ vpn_server_id: d("ID of the VPN server.", doc) }),
  ca: (doc: string): FieldDocs => ({ client_ca_certificate_id: d("ID of the client CA certificate.", doc) }),
  user: (doc: string): FieldDocs => ({ user_id: d("ID of the VPN user.", doc) }),
  group: (doc: string): FieldDocs => ({ group_id: d("ID of the user group.", doc) }),
  policy: (doc: string): FieldDocs => ({ policy_id: d("ID of the access policy.", doc) }),
};

function one(opName: string, key: string, fields: FieldDocs, what: string, doc: string): FieldDocs {
  return { [key]: d(what, doc), ...project(opName, `${key}.`, fields), ...requestId(doc) };
}

function list(opName: string, key: string, fields: FieldDocs, what: string, counted: string, doc: string): FieldDocs {
  return {
    [key]: d(what, doc),
    ...project(opName, `${key}[].`, fields),
    ...project(opName, "", { ...totalCount(counted, doc), ...pageInfo(doc) }),
    ...requestId(doc),
  };
}

const userRefs = (doc: string, what: string): FieldDocs => ({
  users: d(what, doc),
  "users[].id": d("ID of a VPN user.", doc),
});

const OFFICIAL = (name: string) => `official SDK vpn_meta ${name} (in neither edition)`;

const newPassword = (doc: string) =>
  d(
    "The new login password; it must not be the username or the username reversed, nor one of the user's last five " +
      "passwords. Secret.",
    doc,
  );

export const p2cOperationDocs: Readonly<Record<string, OperationDocs>> = {
  createP2cVgw: op(
    "Creates a P2C VPN gateway (PENDING_CREATE until ACTIVE). Only the official SDK documents this operation.",
    one(
      "createP2cVgw",
      "p2c_vpn_gateway",
      p2cGatewayFields,
      "The gateway to create; in the response, the gateway.",
      PGW_CREATE,
    ),
  ),
  showP2cVgw: op(
    "Reads one P2C VPN gateway by ID.",
    ids.gateway(PGW),
    one("showP2cVgw", "p2c_vpn_gateway", p2cGatewayFields, "The gateway.", PGW),
  ),
  listP2cVgws: op(
    "Lists the project's P2C VPN gateways, page by page.",
    markerQuery("EN 4.2.1.2"),
    list(
      "listP2cVgws",
      "p2c_vpn_gateways",
      p2cGatewayFields,
      "The gateways of this page.",
      "P2C gateways",
      "EN 4.2.1.2",
    ),
  ),
  updateP2cVgw: op(
    "Renames a P2C VPN gateway or binds a new EIP to it.",
    ids.gateway("EN 4.2.1.3"),
    one(
      "updateP2cVgw",
      "p2c_vpn_gateway",
      p2cGatewayFields,
      "The changes; in the response, the gateway's ID.",
      "EN 4.2.1.3",
    ),
  ),
  deleteP2cVgw: op(
    "Deletes a P2C VPN gateway with its VPN server. Only the official SDK documents this operation.",
    ids.gateway(OFFICIAL("DeleteP2cVgw")),
  ),
  listP2cVgwAvailabilityZones: op(
    "Lists the AZs where P2C VPN gateways (of one flavor) can be deployed.",
    {
      flavor: d("Only the AZs of this gateway flavor.", "EN 4.2.1.4"),
      availability_zones: d("The AZs on offer.", "EN 4.2.1.4"),
    },
    requestId("EN 4.2.1.4"),
  ),
  listP2cVgwConnections: op(
    "Lists the client connections of a P2C VPN gateway that are online now, with their traffic counters (offset paging).",
    ids.gateway("EN 4.2.1.5"),
    {
      limit: d("Number of connections per page.", "EN 4.2.1.5"),
      offset: d("How many connections to skip before the page starts.", "EN 4.2.1.5"),
      connections: d("The client connections.", "EN 4.2.1.5"),
      "connections[].connection_id": d("ID of the connection, for tearing it down.", "EN 4.2.1.5"),
      "connections[].client_virtual_ip": d("Virtual IP address the client got from the client CIDR.", "EN 4.2.1.5"),
      "connections[].client_ip": d("Public IP address the client connects from.", "EN 4.2.1.5"),
      "connections[].client_user_name": d("Username of the client.", "EN 4.2.1.5"),
      "connections[].inbound_packets": d("Packets received from the client.", "EN 4.2.1.5"),
      "connections[].outbound_packets": d("Packets sent to the client.", "EN 4.2.1.5"),
      "connections[].inbound_bytes": d("Bytes received from the client.", "EN 4.2.1.5"),
      "connections[].outbound_bytes": d("Bytes sent to the client.", "EN 4.2.1.5"),
      "connections[].connection_established_time": d("When the client connected (UTC).", "EN 4.2.1.5"),
      "connections[].timestamp": d("When the traffic counters were taken (UTC).", "EN 4.2.1.5"),
      ...totalCount("client connections", "EN 4.2.1.5"),
    },
    requestId("EN 4.2.1.5"),
  ),
  deleteP2cVgwConnection: op(
    "Tears down one client connection of a P2C VPN gateway.",
    ids.gateway("EN 4.2.1.6"),
    { connection_id: d("ID of the client connection (from the connection list).", "EN 4.2.1.6") },
    requestId("EN 4.2.1.6"),
  ),
  upgradeP2cVpnGateway: op(
    "Drives the software upgrade of a P2C VPN gateway: start it, confirm it or roll it back. Only the official SDK " +
      "has this operation.",
    ids.gateway(OFFICIAL("UpgradeP2cVpnGateway")),
    {
      action: d(
        "Upgrade step: start the upgrade, finish (confirm) it, or roll it back.",
        OFFICIAL("UpgradeP2cVpnGateway"),
      ),
      job_id: d("ID of the upgrade job, to follow with the job list.", OFFICIAL("UpgradeP2cVpnGateway")),
    },
    requestId(OFFICIAL("UpgradeP2cVpnGateway")),
  ),
  listP2cVpnGatewayJobs: op(
    "Lists the upgrade jobs of the project's P2C VPN gateways, page by page. Only the official SDK has this operation.",
    project("listP2cVpnGatewayJobs", "", jobFields(OFFICIAL("ListP2cVpnGatewayJobs"))),
  ),
  deleteP2cVpnGatewayJob: op("Deletes a finished P2C gateway upgrade job. Only the official SDK has this operation.", {
    job_id: d("ID of the job.", OFFICIAL("DeleteP2cVpnGatewayJob")),
  }),
  createVpnServer: op(
    "Creates the VPN server of a P2C VPN gateway (PENDING_CREATE until ACTIVE).",
    ids.gateway(SRV),
    one("createVpnServer", "vpn_server", serverFields, "The server to create; in the response, its ID.", SRV),
  ),
  listVpnServersByVgw: op(
    "Reads the VPN server of a P2C VPN gateway (a list of at most one).",
    ids.gateway(SRV_SHOW),
    list("listVpnServersByVgw", "vpn_servers", serverFields, "The gateway's server.", "servers", SRV_SHOW),
  ),
  updateVpnServer: op(
    "Updates a VPN server: client CIDR, local subnets, server certificate, SSL options, authentication type or DNS " +
      "servers. The server is PENDING_UPDATE until the change completes.",
    ids.server("EN 4.2.2.3"),
    one("updateVpnServer", "vpn_server", serverFields, "The changes.", "EN 4.2.2.3"),
  ),
  exportClientConfig: op(
    "Exports the client configuration of a VPN server: an OpenVPN profile to import into the clients.",
    ids.server("EN 4.2.2.4"),
    {
      os_type: d("Operating system the profile is for.", "EN 4.2.2.4"),
      client_config: d("The client configuration (an OpenVPN profile with the server's CA certificate).", "EN 4.2.2.4"),
    },
    requestId("EN 4.2.2.4"),
  ),
  listVpnServersByProject: op(
    "Lists every VPN server of the project, page by page.",
    markerQuery("EN 4.2.2.5"),
    list("listVpnServersByProject", "vpn_servers", serverFields, "The servers of this page.", "servers", "EN 4.2.2.5"),
  ),
  checkClientCaCertificate: op(
    "Checks a client CA certificate before it is uploaded, returning the facts the service reads from it.",
    {
      client_ca_certificate: d("The certificate to check.", "EN 4.2.2.6"),
      ...project("checkClientCaCertificate", "client_ca_certificate.", clientCaFields),
      name: d("Name of the checked certificate.", "EN 4.2.2.6"),
      ...certificateFacts("checked certificate", "EN 4.2.2.6"),
    },
    requestId("EN 4.2.2.6"),
  ),
  importClientCa: op(
    "Uploads a client CA certificate to a VPN server.",
    ids.server(CA),
    one(
      "importClientCa",
      "client_ca_certificate",
      clientCaFields,
      "The certificate to upload; in the response, its ID.",
      CA,
    ),
  ),
  showClientCa: op(
    "Reads one client CA certificate of a VPN server (its facts; the content is never returned).",
    ids.server(CA_SHOW),
    ids.ca(CA_SHOW),
    one("showClientCa", "client_ca_certificate", clientCaFields, "The certificate.", CA_SHOW),
  ),
  updateClientCa: op(
    "Renames a client CA certificate (its content cannot change).",
    ids.server("EN 4.2.2.9"),
    ids.ca("EN 4.2.2.9"),
    one("updateClientCa", "client_ca_certificate", clientCaFields, "The changes.", "EN 4.2.2.9"),
  ),
  deleteClientCa: op(
    "Deletes a client CA certificate of a VPN server.",
    ids.server("EN 4.2.2.10"),
    ids.ca("EN 4.2.2.10"),
  ),
  updateVpnConnectionsLogConfig: op(
    "Sends the client connection logs of a P2C VPN gateway to a Log Tank Service (LTS) log stream.",
    ids.gateway("EN 4.2.2.11"),
    {
      log_config: d("Where the logs go; in the response, the configuration.", "EN 4.2.2.11"),
      "log_config.log_group_id": d("ID of the LTS log group that receives the connection logs.", "EN 4.2.2.11"),
      "log_config.log_stream_id": d(
        "ID of the LTS log stream, in that group, that receives the connection logs.",
        "EN 4.2.2.11",
      ),
    },
    requestId("EN 4.2.2.11"),
  ),
  showVpnConnectionsLogConfig: op(
    "Reads where a P2C VPN gateway sends its client connection logs.",
    ids.gateway("EN 4.2.2.12"),
    {
      log_config: d("The log configuration.", "EN 4.2.2.12"),
      "log_config.log_group_id": d("ID of the LTS log group of the gateway's connection logs.", "EN 4.2.2.12"),
      "log_config.log_stream_id": d("ID of the LTS log stream of the gateway's connection logs.", "EN 4.2.2.12"),
    },
    requestId("EN 4.2.2.12"),
  ),
  deleteVpnConnectionsLogConfig: op(
    "Stops sending the client connection logs of a P2C VPN gateway to LTS.",
    ids.gateway("EN 4.2.2.13"),
  ),
  createVpnUser: op(
    "Creates a VPN user on a VPN server. Like all user and group changes it takes effect asynchronously; rapid " +
      "successive changes can be refused as busy.",
    ids.server(USR),
    one("createVpnUser", "user", userFields, "The user to create; in the response, its ID.", USR),
  ),
  batchCreateVpnUsers: op(
    "Creates several VPN users on a VPN server in one call; if any user is invalid, none is created.",
    ids.server("EN 4.2.3.2"),
    {
      users: d("The users to create.", "EN 4.2.3.2"),
      "users[].name": d("Login name of the user.", "EN 4.2.3.2"),
      "users[].password": d(
        "Login password; it must not be the username or the username reversed. Secret.",
        "EN 4.2.3.2",
      ),
      "users[].description": d("Description of the user.", "EN 4.2.3.2"),
      "users[].user_group_name": d("Name of an existing user group to put the user in.", "EN 4.2.3.2"),
      "users[].static_ip": staticIp("EN 4.2.3.2"),
      invalid_users: d(
        "The users that were refused; when it is not empty, no user was created. Fix them and send the batch again.",
        "EN 4.2.3.2",
      ),
      "invalid_users[].name": d("Login name of the refused user.", "EN 4.2.3.2"),
      "invalid_users[].description": d("Description of the refused user.", "EN 4.2.3.2"),
      "invalid_users[].user_group_name": d("User group of the refused user.", "EN 4.2.3.2"),
      "invalid_users[].static_ip": d("Static IP address of the refused user.", "EN 4.2.3.2"),
      "invalid_users[].cause": d("Why the user was refused.", "EN 4.2.3.2"),
    },
    requestId("EN 4.2.3.2"),
  ),
  showVpnUser: op(
    "Reads one VPN user of a VPN server.",
    ids.server(USR_SHOW),
    ids.user(USR_SHOW),
    one("showVpnUser", "user", userFields, "The user.", USR_SHOW),
  ),
  listVpnUsers: op(
    "Lists the VPN users of a VPN server, page by page.",
    ids.server("EN 4.2.3.4"),
    markerQuery("EN 4.2.3.4"),
    list("listVpnUsers", "users", userFields, "The users of this page.", "users of the server", "EN 4.2.3.4"),
  ),
  updateVpnUser: op(
    "Updates a VPN user's description, group or static IP address (the name cannot change).",
    ids.server("EN 4.2.3.5"),
    ids.user("EN 4.2.3.5"),
    one("updateVpnUser", "user", userFields, "The changes; in the response, the user.", "EN 4.2.3.5"),
  ),
  deleteVpnUser: op("Deletes a VPN user.", ids.server("EN 4.2.3.6"), ids.user("EN 4.2.3.6")),
  batchDeleteVpnUsers: op(
    "Deletes several VPN users of a VPN server in one call.",
    ids.server("EN 4.2.3.7"),
    userRefs("EN 4.2.3.7", "The users to delete."),
    requestId("EN 4.2.3.7"),
  ),
  updateVpnUserPassword: op(
    "Changes a VPN user's password, given the old one.",
    ids.server("EN 4.2.3.8"),
    ids.user("EN 4.2.3.8"),
    {
      old_password: d("The user's current password. Secret.", "EN 4.2.3.8"),
      new_password: newPassword("EN 4.2.3.8"),
    },
    requestId("EN 4.2.3.8"),
  ),
  resetVpnUserPassword: op(
    "Sets a new password for a VPN user without the old one (the administrator's reset).",
    ids.server("EN 4.2.3.9"),
    ids.user("EN 4.2.3.9"),
    { new_password: newPassword("EN 4.2.3.9") },
    requestId("EN 4.2.3.9"),
  ),
  createVpnUserGroup: op(
    "Creates a user group on a VPN server.",
    ids.server(GRP),
    one("createVpnUserGroup", "user_group", userGroupFields, "The group to create; in the response, its ID.", GRP),
  ),
  showVpnUserGroup: op(
    "Reads one user group of a VPN server.",
    ids.server(GRP_SHOW),
    ids.group(GRP_SHOW),
    one("showVpnUserGroup", "user_group", userGroupFields, "The group.", GRP_SHOW),
  ),
  listVpnUserGroups: op(
    "Lists the user groups of a VPN server, page by page, including the built-in default group.",
    ids.server("EN 4.2.3.12"),
    markerQuery("EN 4.2.3.12"),
    list(
      "listVpnUserGroups",
      "user_groups",
      userGroupFields,
      "The groups of this page.",
      "groups of the server",
      "EN 4.2.3.12",
    ),
  ),
  updateVpnUserGroup: op(
    "Renames a user group or changes its description.",
    ids.server("EN 4.2.3.13"),
    ids.group("EN 4.2.3.13"),
    one("updateVpnUserGroup", "user_group", userGroupFields, "The changes; in the response, the group.", "EN 4.2.3.13"),
  ),
  deleteVpnUserGroup: op("Deletes a user group.", ids.server("EN 4.2.3.14"), ids.group("EN 4.2.3.14")),
  addVpnUsersToGroup: op(
    "Moves VPN users into a user group.",
    ids.server("EN 4.2.3.15"),
    ids.group("EN 4.2.3.15"),
    userRefs("EN 4.2.3.15", "The users to add."),
    requestId("EN 4.2.3.15"),
  ),
  removeVpnUsersFromGroup: op(
    "Removes VPN users from a user group.",
    ids.server("EN 4.2.3.16"),
    ids.group("EN 4.2.3.16"),
    userRefs("EN 4.2.3.16", "The users to remove."),
    requestId("EN 4.2.3.16"),
  ),
  listVpnUsersInGroup: op(
    "Lists the VPN users in a user group, page by page.",
    ids.server("EN 4.2.3.17"),
    ids.group("EN 4.2.3.17"),
    markerQuery("EN 4.2.3.17"),
    list(
      "listVpnUsersInGroup",
      "users",
      cite("EN 4.2.3.17", userFields),
      "The group's users on this page.",
      "users in the group",
      "EN 4.2.3.17",
    ),
  ),
  createVpnAccessPolicy: op(
    "Creates an access policy on a VPN server. Policy changes take effect asynchronously; rapid successive changes " +
      "can be refused as busy.",
    ids.server(POL),
    one(
      "createVpnAccessPolicy",
      "access_policy",
      accessPolicyFields,
      "The policy to create; in the response, its ID.",
      POL,
    ),
  ),
  showVpnAccessPolicy: op(
    "Reads one access policy of a VPN server.",
    ids.server(POL_SHOW),
    ids.policy(POL_SHOW),
    one("showVpnAccessPolicy", "access_policy", accessPolicyFields, "The policy.", POL_SHOW),
  ),
  listVpnAccessPolicies: op(
    "Lists the access policies of a VPN server, page by page.",
    ids.server("EN 4.2.4.3"),
    markerQuery("EN 4.2.4.3"),
    list(
      "listVpnAccessPolicies",
      "access_policies",
      accessPolicyFields,
      "The policies of this page.",
      "policies of the server",
      "EN 4.2.4.3",
    ),
  ),
  updateVpnAccessPolicy: op(
    "Updates an access policy: name, user group, description or destination CIDR blocks.",
    ids.server("EN 4.2.4.4"),
    ids.policy("EN 4.2.4.4"),
    one(
      "updateVpnAccessPolicy",
      "access_policy",
      accessPolicyFields,
      "The changes; in the response, the policy.",
      "EN 4.2.4.4",
    ),
  ),
  deleteVpnAccessPolicy: op("Deletes an access policy.", ids.server("EN 4.2.4.5"), ids.policy("EN 4.2.4.5")),
};
