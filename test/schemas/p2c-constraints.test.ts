/**
 * Every documented P2C request constraint rejects a violating body with an issue that names the field and states
 * the rule (api-p2c-common.md §12), never echoing a password; documented defaults are filled in.
 */
import { describe, expect, it } from "vitest";
import { validate, type FieldIssue } from "../../sdk/schemas/validate";
import { p2cOperations } from "../../sdk/spec/p2c";
import type { OperationSpec } from "../../sdk/spec/types";

const ops: Record<string, OperationSpec> = p2cOperations;

const PEM = "-----BEGIN CERTIFICATE-----MIIBszCCAVmgAwIBAgIU-----END CERTIFICATE-----";
const PEM2 = "-----BEGIN CERTIFICATE-----MIIBtDCCAVqgAwIBAgIV-----END CERTIFICATE-----";
const UUID = "7625fd92-2e20-4e4d-8c56-66f110fbfaa8";
const UUID2 = "a609eecb-3fa6-4d6d-a8c3-256a12d02b6c";

type Body = Record<string, any>;

const user = (): Body => ({
  user: { name: "user001", password: "Qwerasdf", description: "user_1", user_group_id: UUID },
});
const batch = (): Body => ({
  users: [
    { name: "user1", password: "Passw0rd-1", user_group_name: "default" },
    { name: "user2", password: "Passw0rd-2" },
  ],
});
const server = (): Body => ({
  vpn_server: {
    client_cidr: "192.168.100.0/24",
    local_subnets: ["10.0.0.0/24", "10.0.1.0/24"],
    client_auth_type: "CERT",
    server_certificate: { id: "scs1716171403922" },
    client_ca_certificates: [{ name: "client_ca_1", content: PEM }],
    ssl_options: { port: 443, encryption_algorithm: "AES-256-GCM" },
  },
});
const serverUpdate = (): Body => ({ vpn_server: { client_cidr: "192.168.10.0/24", local_subnets: ["172.16.0.0/24"] } });
const group = (): Body => ({ user_group: { name: "user-group1", description: "group_1." } });
const policy = (): Body => ({
  access_policy: { name: "policy-001", user_group_id: UUID, description: "p", dest_ip_cidrs: ["172.16.0.0/24"] },
});
const gatewayCreate = (): Body => ({
  p2c_vpn_gateway: {
    name: "p2c-gw-1",
    vpc_id: UUID,
    connect_subnet: UUID2,
    flavor: "Professional1",
    availability_zone_ids: ["cn-south-1f", "cn-south-1e"],
    eip: { type: "5_bgp", charge_mode: "bandwidth", bandwidth_size: 10 },
    max_connection_number: 10,
  },
});

const bases: Record<string, () => Body> = {
  createVpnUser: user,
  batchCreateVpnUsers: batch,
  updateVpnUser: () => ({ user: { description: "d" } }),
  updateVpnUserPassword: () => ({ old_password: "Old-passw0rd", new_password: "New-passw0rd" }),
  resetVpnUserPassword: () => ({ new_password: "New-passw0rd" }),
  batchDeleteVpnUsers: () => ({ users: [{ id: UUID }] }),
  createVpnServer: server,
  updateVpnServer: serverUpdate,
  exportClientConfig: () => ({ os_type: "Linux" }),
  createVpnUserGroup: group,
  updateVpnUserGroup: group,
  addVpnUsersToGroup: () => ({ users: [{ id: UUID }, { id: UUID2 }] }),
  removeVpnUsersFromGroup: () => ({ users: [{ id: UUID }] }),
  createVpnAccessPolicy: policy,
  updateVpnAccessPolicy: policy,
  updateP2cVgw: () => ({ p2c_vpn_gateway: { name: "p2c-vpngw-0003", eip_id: UUID } }),
  createP2cVgw: gatewayCreate,
  checkClientCaCertificate: () => ({ client_ca_certificate: { name: "client_ca_8sux3d", content: PEM } }),
  importClientCa: () => ({ client_ca_certificate: { content: PEM } }),
  updateClientCa: () => ({ client_ca_certificate: { name: "client_ca_update" } }),
  updateVpnConnectionsLogConfig: () => ({ log_config: { log_group_id: UUID, log_stream_id: UUID2 } }),
  upgradeP2cVpnGateway: () => ({ action: "start" }),
};

function run(op: string, body: unknown) {
  const spec = ops[op]!;
  return validate(spec.body!, body, spec.secretFields);
}

describe("valid bases", () => {
  it.each(Object.keys(bases))("%s base body validates", (op) => {
    const r = run(op, bases[op]!());
    expect(r.success ? [] : r.issues).toEqual([]);
  });
});

/** [title, operation, mutation of the base body, field, rule pattern]. */
type Case = readonly [string, string, (b: Body) => void, string, RegExp];

const rep = (c: string, n: number) => c.repeat(n);

const CASES: readonly Case[] = [
  // §12.1 passwords
  [
    "password shorter than 8",
    "createVpnUser",
    (b) => (b.user.password = "Ab1"),
    "user.password",
    /8-32 characters.*P2C-PWD-1/,
  ],
  [
    "password longer than 32",
    "createVpnUser",
    (b) => (b.user.password = "Ab1" + rep("x", 30)),
    "user.password",
    /8-32 characters/,
  ],
  [
    "password with a tab",
    "createVpnUser",
    (b) => (b.user.password = "Abcdefg1\t"),
    "user.password",
    /special characters.*P2C-PWD-2/,
  ],
  [
    "password with a non-ASCII letter",
    "createVpnUser",
    (b) => (b.user.password = "Abcdefgé1"),
    "user.password",
    /P2C-PWD-2.*VPN\.1310/,
  ],
  [
    "password of one class",
    "createVpnUser",
    (b) => (b.user.password = "abcdefghij"),
    "user.password",
    /at least two of.*P2C-PWD-3/,
  ],
  [
    "password = username",
    "createVpnUser",
    (b) => ((b.user.name = "User.0001"), (b.user.password = "User.0001")),
    "user.password",
    /username or the username reversed.*P2C-PWD-4/,
  ],
  [
    "password = reversed username",
    "createVpnUser",
    (b) => ((b.user.name = "User.0001"), (b.user.password = "1000.resU")),
    "user.password",
    /P2C-PWD-4/,
  ],
  [
    "batch password too short",
    "batchCreateVpnUsers",
    (b) => (b.users[1].password = "Ab1"),
    "users[1].password",
    /P2C-PWD-1/,
  ],
  [
    "batch password = username",
    "batchCreateVpnUsers",
    (b) => ((b.users[0].name = "Batch.User1"), (b.users[0].password = "Batch.User1")),
    "users[0].password",
    /P2C-PWD-4/,
  ],
  [
    "new password = old",
    "updateVpnUserPassword",
    (b) => (b.new_password = b.old_password),
    "new_password",
    /same as the old one.*P2C-PWD-7.*VPN\.1311/,
  ],
  [
    "new password of one class",
    "updateVpnUserPassword",
    (b) => (b.new_password = "12345678901"),
    "new_password",
    /P2C-PWD-3/,
  ],
  [
    "old password empty",
    "updateVpnUserPassword",
    (b) => (b.old_password = ""),
    "old_password",
    /old password is mandatory/,
  ],
  ["reset password too short", "resetVpnUserPassword", (b) => (b.new_password = "Ab1!"), "new_password", /P2C-PWD-1/],
  // §12.2 usernames, descriptions, static IPs
  [
    "username of 3 characters",
    "createVpnUser",
    (b) => (b.user.name = "abc"),
    "user.name",
    /4-32 characters.*P2C-USR-1/,
  ],
  [
    "username with a space",
    "createVpnUser",
    (b) => (b.user.name = "user one"),
    "user.name",
    /periods \(\.\), underscores.*P2C-USR-1/,
  ],
  ["username of 33 characters", "createVpnUser", (b) => (b.user.name = rep("u", 33)), "user.name", /P2C-USR-1/],
  [
    "user description with !",
    "createVpnUser",
    (b) => (b.user.description = "hello!"),
    "user.description",
    /0-64 characters.*P2C-USR-2/,
  ],
  [
    "user description of 65",
    "updateVpnUser",
    (b) => (b.user.description = rep("d", 65)),
    "user.description",
    /P2C-USR-2/,
  ],
  [
    "user_group_id not a UUID",
    "createVpnUser",
    (b) => (b.user.user_group_id = "group-1"),
    "user.user_group_id",
    /36-character UUID/,
  ],
  [
    "static_ip not an address",
    "createVpnUser",
    (b) => (b.user.static_ip = "192.168.0.300"),
    "user.static_ip",
    /"disable" or an IPv4 address.*P2C-SIP-1/,
  ],
  [
    "static_ip not the first host of a /30",
    "createVpnUser",
    (b) => (b.user.static_ip = "192.168.10.6"),
    "user.static_ip",
    /first host address.*30-bit mask.*P2C-SIP-2/,
  ],
  ["static_ip on update", "updateVpnUser", (b) => (b.user.static_ip = "192.168.10.4"), "user.static_ip", /P2C-SIP-2/],
  [
    "batch static_ip",
    "batchCreateVpnUsers",
    (b) => (b.users[0].static_ip = "enable"),
    "users[0].static_ip",
    /P2C-SIP-1/,
  ],
  [
    "batch user_group_name with a period",
    "batchCreateVpnUsers",
    (b) => (b.users[0].user_group_name = "group.1"),
    "users[0].user_group_name",
    /P2C-GRP-1/,
  ],
  [
    "batch duplicate usernames",
    "batchCreateVpnUsers",
    (b) => (b.users[1].name = "user1"),
    "users[1].name",
    /each username once.*P2C-USR-3.*VPN\.1315/,
  ],
  ["batch without users", "batchCreateVpnUsers", (b) => (b.users = []), "users", /at least one user.*P2C-USR-3/],
  [
    "batch with an unknown field",
    "batchCreateVpnUsers",
    (b) => (b.users[0].user_group_id = UUID),
    "users[0].user_group_id",
    /not a documented field/,
  ],
  ["update renames the user", "updateVpnUser", (b) => (b.user.name = "user002"), "user.name", /not a documented field/],
  // §12.3 groups and membership
  [
    "empty group name",
    "createVpnUserGroup",
    (b) => (b.user_group.name = ""),
    "user_group.name",
    /1-64 characters.*P2C-GRP-1/,
  ],
  [
    "group name with a period",
    "createVpnUserGroup",
    (b) => (b.user_group.name = "group.1"),
    "user_group.name",
    /P2C-GRP-1/,
  ],
  ["group name of 65", "updateVpnUserGroup", (b) => (b.user_group.name = rep("g", 65)), "user_group.name", /P2C-GRP-1/],
  [
    "group description with a tab (spaces are allowed: ZH 4.2.3.10, EN 4.2.3.11 \"Default user group\")",
    "createVpnUserGroup",
    (b) => (b.user_group.description = "two\twords"),
    "user_group.description",
    /0-64 characters.*P2C-GRP-2/,
  ],
  [
    "group description of 65",
    "updateVpnUserGroup",
    (b) => (b.user_group.description = rep("d", 65)),
    "user_group.description",
    /P2C-GRP-2/,
  ],
  ["add no users", "addVpnUsersToGroup", (b) => (b.users = []), "users", /at least one user.*P2C-GRP-4/],
  ["add a user twice", "addVpnUsersToGroup", (b) => (b.users[1].id = UUID), "users[1].id", /each user once.*VPN\.1315/],
  [
    "remove a user by bad id",
    "removeVpnUsersFromGroup",
    (b) => (b.users[0].id = "u1"),
    "users[0].id",
    /36-character UUID/,
  ],
  ["batch delete nobody", "batchDeleteVpnUsers", (b) => (b.users = []), "users", /VPN\.1318/],
  // §12.5 client CIDR
  [
    "client_cidr without mask",
    "createVpnServer",
    (b) => (b.vpn_server.client_cidr = "192.168.100.0"),
    "vpn_server.client_cidr",
    /IPv4 CIDR block.*P2C-CIDR-1/,
  ],
  [
    "client_cidr /27",
    "createVpnServer",
    (b) => (b.vpn_server.client_cidr = "192.168.100.0/27"),
    "vpn_server.client_cidr",
    /16 to 26.*P2C-CIDR-2/,
  ],
  [
    "client_cidr /15",
    "updateVpnServer",
    (b) => (b.vpn_server.client_cidr = "10.0.0.0/15"),
    "vpn_server.client_cidr",
    /P2C-CIDR-2/,
  ],
  [
    "client_cidr in 127.0.0.0/8",
    "createVpnServer",
    (b) => (b.vpn_server.client_cidr = "127.0.0.0/24"),
    "vpn_server.client_cidr",
    /cannot use.*overlaps 127\.0\.0\.0\/8.*P2C-CIDR-3/,
  ],
  [
    "client_cidr in 169.254.0.0/16",
    "createVpnServer",
    (b) => (b.vpn_server.client_cidr = "169.254.10.0/24"),
    "vpn_server.client_cidr",
    /169\.254\.0\.0\/16.*P2C-CIDR-3/,
  ],
  [
    "client_cidr over a local subnet",
    "createVpnServer",
    (b) => (b.vpn_server.client_cidr = "10.0.0.0/16"),
    "vpn_server.client_cidr",
    /conflict with any local CIDR block.*10\.0\.0\.0\/24.*P2C-CIDR-4/,
  ],
  [
    "client_cidr over a local subnet on update",
    "updateVpnServer",
    (b) => (b.vpn_server.client_cidr = "172.16.0.0/22"),
    "vpn_server.client_cidr",
    /P2C-CIDR-4/,
  ],
  // §12.6 local subnets
  [
    "no local subnets",
    "createVpnServer",
    (b) => (b.vpn_server.local_subnets = []),
    "vpn_server.local_subnets",
    /at least one.*at most 20.*P2C-LSN-1/,
  ],
  [
    "21 local subnets",
    "updateVpnServer",
    (b) => (b.vpn_server.local_subnets = Array.from({ length: 21 }, (_, i) => `10.1.${i}.0/24`)),
    "vpn_server.local_subnets",
    /P2C-LSN-1/,
  ],
  [
    "local subnet without mask",
    "createVpnServer",
    (b) => (b.vpn_server.local_subnets[1] = "10.0.1.0"),
    "vpn_server.local_subnets[1]",
    /P2C-LSN-2/,
  ],
  [
    "local subnet in 224.0.0.0/4",
    "createVpnServer",
    (b) => (b.vpn_server.local_subnets[0] = "224.0.0.0/24"),
    "vpn_server.local_subnets[0]",
    /overlaps 224\.0\.0\.0\/4.*P2C-LSN-3/,
  ],
  [
    "duplicate local subnets",
    "createVpnServer",
    (b) => (b.vpn_server.local_subnets[1] = "10.0.0.0/24"),
    "vpn_server.local_subnets[1]",
    /duplicated.*P2C-LSN-4/,
  ],
  // §12.7 certificates, auth, SSL options, DNS
  [
    "no server certificate",
    "createVpnServer",
    (b) => delete b.vpn_server.server_certificate,
    "vpn_server.server_certificate",
    /mandatory when SSL.*P2C-CERT-1/,
  ],
  [
    "empty server certificate id",
    "updateVpnServer",
    (b) => (b.vpn_server.server_certificate = { id: "" }),
    "vpn_server.server_certificate.id",
    /Cloud Certificate Manager/,
  ],
  [
    "CERT without CA certificates",
    "createVpnServer",
    (b) => delete b.vpn_server.client_ca_certificates,
    "vpn_server.client_ca_certificates",
    /at least one and at most 10.*P2C-CERT-2/,
  ],
  [
    "11 CA certificates",
    "createVpnServer",
    (b) =>
      (b.vpn_server.client_ca_certificates = Array.from({ length: 11 }, (_, i) => ({
        content: PEM.replace("MII", `MII${i}`),
      }))),
    "vpn_server.client_ca_certificates",
    /P2C-CERT-2/,
  ],
  [
    "CA content not PEM",
    "createVpnServer",
    (b) => (b.vpn_server.client_ca_certificates[0].content = "MIIBszCCAVmgAwIBAgIU"),
    "vpn_server.client_ca_certificates[0].content",
    /PEM.*P2C-CA-1.*VPN\.0074/,
  ],
  [
    "CA name with a space",
    "createVpnServer",
    (b) => (b.vpn_server.client_ca_certificates[0].name = "client ca"),
    "vpn_server.client_ca_certificates[0].name",
    /1-64 characters.*P2C-CA-2/,
  ],
  [
    "duplicate CA certificates",
    "createVpnServer",
    (b) => b.vpn_server.client_ca_certificates.push({ content: PEM }),
    "vpn_server.client_ca_certificates[1].content",
    /duplicated.*P2C-CERT-5/,
  ],
  [
    "no ssl_options",
    "createVpnServer",
    (b) => delete b.vpn_server.ssl_options,
    "vpn_server.ssl_options",
    /ssl_options is mandatory.*P2C-SSL-1/,
  ],
  [
    "ssl port 8443",
    "createVpnServer",
    (b) => (b.vpn_server.ssl_options.port = 8443),
    "vpn_server.ssl_options.port",
    /443 or 1194/,
  ],
  [
    "ssl cipher AES-128-CBC",
    "updateVpnServer",
    (b) => (b.vpn_server.ssl_options = { encryption_algorithm: "AES-128-CBC" }),
    "vpn_server.ssl_options.encryption_algorithm",
    /AES-128-GCM or AES-256-GCM/,
  ],
  [
    "ssl protocol UDP",
    "createVpnServer",
    (b) => (b.vpn_server.ssl_options.protocol = "UDP"),
    "vpn_server.ssl_options.protocol",
    /must be TCP/,
  ],
  [
    "is_compressed on update",
    "updateVpnServer",
    (b) => (b.vpn_server.ssl_options = { is_compressed: true }),
    "vpn_server.ssl_options.is_compressed",
    /not a documented field/,
  ],
  [
    "tunnel protocol IPSEC",
    "createVpnServer",
    (b) => (b.vpn_server.tunnel_protocol = "IPSEC"),
    "vpn_server.tunnel_protocol",
    /must be SSL/,
  ],
  [
    "auth type IAM",
    "createVpnServer",
    (b) => (b.vpn_server.client_auth_type = "IAM"),
    "vpn_server.client_auth_type",
    /CERT.*or LOCAL_PASSWORD/,
  ],
  [
    "three DNS servers",
    "createVpnServer",
    (b) => (b.vpn_server.dns_servers = ["1.1.1.1", "8.8.8.8", "9.9.9.9"]),
    "vpn_server.dns_servers",
    /maximum of 2 DNS servers.*P2C-DNS-1/,
  ],
  [
    "DNS server by name",
    "updateVpnServer",
    (b) => (b.vpn_server.dns_servers = ["dns.example.com"]),
    "vpn_server.dns_servers[0]",
    /dotted decimal.*P2C-DNS-1/,
  ],
  [
    "export for Solaris",
    "exportClientConfig",
    (b) => (b.os_type = "Solaris"),
    "os_type",
    /Windows, Linux, MacOS, Android or iOS/,
  ],
  [
    "check CA not PEM",
    "checkClientCaCertificate",
    (b) => (b.client_ca_certificate.content = "-----BEGIN CERTIFICATE-----"),
    "client_ca_certificate.content",
    /P2C-CA-1/,
  ],
  [
    "import CA without content",
    "importClientCa",
    (b) => delete b.client_ca_certificate.content,
    "client_ca_certificate.content",
    /expected string/,
  ],
  [
    "rename CA with a period",
    "updateClientCa",
    (b) => (b.client_ca_certificate.name = "ca.v2"),
    "client_ca_certificate.name",
    /P2C-CA-2/,
  ],
  [
    "change CA content",
    "updateClientCa",
    (b) => (b.client_ca_certificate.content = PEM),
    "client_ca_certificate.content",
    /not a documented field/,
  ],
  // §12.8 access policies
  [
    "no destinations",
    "createVpnAccessPolicy",
    (b) => (b.access_policy.dest_ip_cidrs = []),
    "access_policy.dest_ip_cidrs",
    /at least one destination.*at most 10.*P2C-POL-1/,
  ],
  [
    "11 destinations",
    "updateVpnAccessPolicy",
    (b) => (b.access_policy.dest_ip_cidrs = Array.from({ length: 11 }, (_, i) => `10.${i}.0.0/16`)),
    "access_policy.dest_ip_cidrs",
    /P2C-POL-1.*VPN\.1402/,
  ],
  [
    "destination 300.1.1.0/24",
    "createVpnAccessPolicy",
    (b) => (b.access_policy.dest_ip_cidrs = ["300.1.1.0/24"]),
    "access_policy.dest_ip_cidrs[0]",
    /P2C-POL-2.*VPN\.1403/,
  ],
  [
    "duplicate destinations",
    "createVpnAccessPolicy",
    (b) => b.access_policy.dest_ip_cidrs.push("172.16.0.0/24"),
    "access_policy.dest_ip_cidrs[1]",
    /duplicated.*P2C-POL-3/,
  ],
  [
    "empty policy name",
    "createVpnAccessPolicy",
    (b) => (b.access_policy.name = ""),
    "access_policy.name",
    /name is mandatory/,
  ],
  [
    "policy without group",
    "createVpnAccessPolicy",
    (b) => delete b.access_policy.user_group_id,
    "access_policy.user_group_id",
    /expected string/,
  ],
  // §12.9 gateway (update documented; create from the official SDK)
  [
    "gateway name with a period",
    "updateP2cVgw",
    (b) => (b.p2c_vpn_gateway.name = "gw.1"),
    "p2c_vpn_gateway.name",
    /1-64 characters.*P2C-GW-1/,
  ],
  [
    "gateway name of 65",
    "updateP2cVgw",
    (b) => (b.p2c_vpn_gateway.name = rep("g", 65)),
    "p2c_vpn_gateway.name",
    /P2C-GW-1/,
  ],
  [
    "eip_id not a UUID",
    "updateP2cVgw",
    (b) => (b.p2c_vpn_gateway.eip_id = "eip-1"),
    "p2c_vpn_gateway.eip_id",
    /36-character UUID/,
  ],
  [
    "update max connections",
    "updateP2cVgw",
    (b) => (b.p2c_vpn_gateway.max_connection_number = 20),
    "p2c_vpn_gateway.max_connection_number",
    /not a documented field/,
  ],
  [
    "max connections 501",
    "createP2cVgw",
    (b) => (b.p2c_vpn_gateway.max_connection_number = 501),
    "p2c_vpn_gateway.max_connection_number",
    /1 to 500.*P2C-GW-2/,
  ],
  [
    "EIP id and new EIP",
    "createP2cVgw",
    (b) => (b.p2c_vpn_gateway.eip.id = UUID),
    "p2c_vpn_gateway.eip",
    /either an existing EIP id.*not both.*P2C-GW-3/,
  ],
  [
    "new EIP without bandwidth",
    "createP2cVgw",
    (b) => delete b.p2c_vpn_gateway.eip.bandwidth_size,
    "p2c_vpn_gateway.eip",
    /missing bandwidth_size.*P2C-GW-3/,
  ],
  [
    "EIP bandwidth 1001",
    "createP2cVgw",
    (b) => (b.p2c_vpn_gateway.eip.bandwidth_size = 1001),
    "p2c_vpn_gateway.eip.bandwidth_size",
    /1 to 1000.*P2C-GW-5/,
  ],
  [
    "EIP charge mode",
    "createP2cVgw",
    (b) => (b.p2c_vpn_gateway.eip.charge_mode = "95peak"),
    "p2c_vpn_gateway.eip.charge_mode",
    /bandwidth or traffic/,
  ],
  [
    "one AZ",
    "createP2cVgw",
    (b) => b.p2c_vpn_gateway.availability_zone_ids.pop(),
    "p2c_vpn_gateway.availability_zone_ids",
    /two different availability zones.*P2C-GW-4/,
  ],
  [
    "the same AZ twice",
    "createP2cVgw",
    (b) => (b.p2c_vpn_gateway.availability_zone_ids[1] = "cn-south-1f"),
    "p2c_vpn_gateway.availability_zone_ids[1]",
    /VPN\.0515/,
  ],
  [
    "flavor Professional2",
    "createP2cVgw",
    (b) => (b.p2c_vpn_gateway.flavor = "Professional2"),
    "p2c_vpn_gateway.flavor",
    /must be Professional1/,
  ],
  // log config, upgrade
  [
    "log config without stream",
    "updateVpnConnectionsLogConfig",
    (b) => (b.log_config.log_stream_id = ""),
    "log_config.log_stream_id",
    /Log Tank Service/,
  ],
  ["upgrade action", "upgradeP2cVpnGateway", (b) => (b.action = "restart"), "action", /start, finish or rollback/],
];

const SECRET_FIELDS = /password/;

describe("rejected P2C requests name the field and the rule", () => {
  it.each(CASES.map((c) => [c[0], c] as const))("%s", (_t, [, op, mutate, field, rule]) => {
    const body = bases[op]!();
    mutate(body);
    const r = run(op, body);
    expect(r.success).toBe(false);
    if (r.success) return;
    const hit: FieldIssue | undefined = r.issues.find((i) => i.field === field && rule.test(i.rule));
    expect(hit, JSON.stringify(r.issues, null, 1)).toMatchObject({ field });
    if (SECRET_FIELDS.test(field)) expect(hit!.value).toBe("<redacted>");
  });

  it("never puts a rejected password into a message or a value", () => {
    const secrets = ["Ab1", "abcdefghij", "User.0001", "Abcdefg1\t"];
    for (const pwd of secrets) {
      const r = run("createVpnUser", { user: { name: "User.0001", password: pwd } });
      expect(r.success).toBe(false);
      if (r.success) continue;
      for (const i of r.issues.filter((x) => x.field === "user.password")) {
        expect(i.value).toBe("<redacted>");
        expect(i.rule).not.toContain(pwd);
      }
    }
  });
});

describe("accepted edge cases", () => {
  const ok = (op: string, mutate: (b: Body) => void) => {
    const body = bases[op]!();
    mutate(body);
    const r = run(op, body);
    expect(r.success ? [] : r.issues).toEqual([]);
  };
  it("passwords of exactly 8 and 32 characters, with a space as the special class", () => {
    ok("createVpnUser", (b) => (b.user.password = "abcdefg "));
    ok("createVpnUser", (b) => (b.user.password = "A" + rep("b", 31)));
  });
  it("usernames of 4 and 32 characters with . _ -", () => {
    ok("createVpnUser", (b) => (b.user.name = "a.b_"));
    ok("createVpnUser", (b) => (b.user.name = "a-" + rep("b", 30)));
  });
  it("the docs' descriptions: Chinese characters and the update example's hyphen", () => {
    ok("createVpnUser", (b) => (b.user.description = "用户描述1"));
    ok("updateVpnUser", (b) => (b.user.description = "用户描述-update"));
    ok("createVpnUserGroup", (b) => (b.user_group = { name: "用户组A", description: "用户组1-update" }));
  });
  it("a static IP that is the first host of a /30, and disable", () => {
    ok("createVpnUser", (b) => (b.user.static_ip = "192.168.10.5"));
    ok("updateVpnUser", (b) => (b.user.static_ip = "disable"));
  });
  it("client CIDRs /16 and /26, with host bits set as in the docs' examples", () => {
    ok("createVpnServer", (b) => (b.vpn_server.client_cidr = "172.20.0.0/16"));
    ok("createVpnServer", (b) => (b.vpn_server.client_cidr = "172.16.0.1/26"));
  });
  it("20 local subnets (EN limit) and 169.254.0.0/16 as a local subnet (only client CIDRs exclude it)", () => {
    ok("updateVpnServer", (b) => (b.vpn_server.local_subnets = Array.from({ length: 20 }, (_, i) => `10.1.${i}.0/24`)));
    ok("createVpnServer", (b) => (b.vpn_server.local_subnets = ["169.254.1.0/24"]));
  });
  it("LOCAL_PASSWORD servers need no CA certificates; ten are accepted for CERT", () => {
    ok("createVpnServer", (b) => {
      b.vpn_server.client_auth_type = "LOCAL_PASSWORD";
      delete b.vpn_server.client_ca_certificates;
    });
    ok(
      "createVpnServer",
      (b) =>
        (b.vpn_server.client_ca_certificates = Array.from({ length: 10 }, (_, i) => ({
          content: PEM.replace("MII", `MII${i}`),
        }))),
    );
    ok("createVpnServer", (b) => b.vpn_server.client_ca_certificates.push({ content: PEM2 }));
  });
  it("an existing EIP by id, and unknown fields in the undocumented gateway create", () => {
    ok("createP2cVgw", (b) => (b.p2c_vpn_gateway.eip = { id: UUID }));
    ok("createP2cVgw", (b) => (b.p2c_vpn_gateway.order_mode = "prepaid"));
  });
  it("an export request without a body", () => {
    expect(run("exportClientConfig", undefined).success).toBe(true);
  });
});

describe("documented defaults", () => {
  const parse = (op: string, body: unknown) => ops[op]!.body!.parse(body) as Body;
  it("create server: tunnel SSL, LOCAL_PASSWORD, ssl_options TCP/443/AES-128-GCM/uncompressed", () => {
    const out = parse("createVpnServer", {
      vpn_server: {
        client_cidr: "192.168.100.0/24",
        local_subnets: ["10.0.0.0/24"],
        server_certificate: { id: "scs1" },
        ssl_options: {},
      },
    });
    expect(out.vpn_server).toMatchObject({
      tunnel_protocol: "SSL",
      client_auth_type: "LOCAL_PASSWORD",
      ssl_options: { protocol: "TCP", port: 443, encryption_algorithm: "AES-128-GCM", is_compressed: false },
    });
  });
  it("update server: ssl_options defaults without is_compressed", () => {
    expect(parse("updateVpnServer", { vpn_server: { ssl_options: { port: 1194 } } }).vpn_server.ssl_options).toEqual({
      protocol: "TCP",
      port: 1194,
      encryption_algorithm: "AES-128-GCM",
    });
  });
  it("users: static_ip disable on create and batch create, none on update", () => {
    expect(parse("createVpnUser", user()).user.static_ip).toBe("disable");
    expect(parse("batchCreateVpnUsers", batch()).users.map((u: Body) => u.static_ip)).toEqual(["disable", "disable"]);
    expect(parse("updateVpnUser", { user: { description: "d" } }).user).toEqual({ description: "d" });
  });
  it("export: os_type Windows", () => {
    expect(parse("exportClientConfig", {})).toEqual({ os_type: "Windows" });
  });
});

describe("P2C queries", () => {
  const q = (op: string, query: unknown) => validate(ops[op]!.query!, query);
  it("marker needs limit, limit is a non-negative integer", () => {
    const r = q("listVpnUsers", { marker: "2024-06-17T06:53:46.302Z" });
    expect(r.success ? [] : r.issues.map((i) => [i.field, i.rule])).toEqual([
      ["marker", expect.stringMatching(/used together with limit/)],
    ]);
    const l = q("listVpnUserGroups", { limit: "-1" });
    expect(l.success ? [] : l.issues.map((i) => i.field)).toEqual(["limit"]);
    expect(q("listVpnAccessPolicies", { limit: "10", marker: "x" })).toEqual({
      success: true,
      data: { limit: 10, marker: "x" },
    });
  });
  it("connections take limit and offset; availability zones take flavor Professional1", () => {
    expect(q("listP2cVgwConnections", { limit: "10", offset: "0" })).toEqual({
      success: true,
      data: { limit: 10, offset: 0 },
    });
    const o = q("listP2cVgwConnections", { offset: "1.5" });
    expect(o.success ? [] : o.issues.map((i) => i.field)).toEqual(["offset"]);
    const f = q("listP2cVgwAvailabilityZones", { flavor: "Basic" });
    expect(f.success ? [] : f.issues.map((i) => i.rule)).toEqual([expect.stringMatching(/Professional1/)]);
  });
});
