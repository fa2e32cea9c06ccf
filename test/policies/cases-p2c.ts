/** Pass/fail cases of the P2C policies (policies/p2c.ts). */
import * as fs from "node:fs";
import * as path from "node:path";
import { IDS, PEM, happy, p2cStack, with_ } from "./fixtures";
import type { PolicyCase } from "./cases";
import type { KindName } from "../../policies/kinds";

/** A single-resource case: happy path passes, one change fails. */
function res(policy: string, kind: KindName, change: Record<string, unknown>, ...expect: string[]): PolicyCase {
  return { policy, pass: { kind, props: happy[kind]() }, fail: { kind, props: with_(kind, change) }, expect };
}

/** A stack case: the P2C happy stack passes, the changed one fails on resource `on`. */
function stack(policy: string, on: string, change: Parameters<typeof p2cStack>[0], ...expect: string[]): PolicyCase {
  return { policy, pass: { stack: p2cStack() }, fail: { stack: p2cStack(change) }, expect, on };
}

const sslOptions = happy.vpnServer().sslOptions as Record<string, unknown>;

/** Real certificates made with openssl for these tests (test/policies/certs). */
export const cert = (name: string) => fs.readFileSync(path.join(__dirname, "certs", `${name}.pem`), "utf8");

export const p2cCases: PolicyCase[] = [
  res("vpn-user-password-length", "vpnUser", { password: "Ab1-x" }, "password: <secret>", "must be 8-32 characters", "[P2C-PWD-1;"),
  res("vpn-user-password-characters", "vpnUser", { password: "Qwer-asdf-2024€" }, "password: <secret>", "[P2C-PWD-2;"),
  res("vpn-user-password-complexity", "vpnUser", { password: "qwerasdfzxcv" }, "at least two of", "[P2C-PWD-3;"),
  res("vpn-user-password-not-username", "vpnUser", { name: "alice2024", password: "4202ecila" }, "username reversed", "[P2C-PWD-4;"),
  res("vpn-user-password-without-username", "vpnUser", { name: "alice", password: "My-ALICE-2024" }, "should not contain the username", "[P2C-PWD-5;"),
  res("vpn-user-password-strength", "vpnUser", { password: "Qwerasd1" }, "at least 12 characters", "[P2C-PWD-6;"),
  res("vpn-user-name", "vpnUser", { name: "ab" }, 'name: "ab"', "[P2C-USR-1;"),
  res("vpn-user-description", "vpnUser", { description: "has space" }, 'description: "has space"', "[P2C-USR-2;"),
  res("vpn-user-static-ip-format", "vpnUser", { staticIp: "300.1.1.1" }, 'staticIp (static_ip): "300.1.1.1"', "[P2C-SIP-1;"),
  res("vpn-user-static-ip-first-host", "vpnUser", { staticIp: "172.16.0.6" }, '"172.16.0.6"', "first host address", "[P2C-SIP-2;"),
  stack("vpn-user-static-ip-in-client-cidr", "alice", { alice: { staticIp: "10.99.0.5" } }, '"10.99.0.5"', "within the client CIDR", "[P2C-SIP-3;"),
  stack("vpn-user-static-ip-not-gateway-address", "alice", { alice: { staticIp: "172.16.0.1" } }, '"172.16.0.1"', "gateway address", "[P2C-SIP-4;"),
  {
    ...stack("vpn-user-static-ip-unique", "bob", { bob: { staticIp: "172.16.0.5" } }, '"172.16.0.5"', "another user", "[P2C-SIP-5;"),
    // both users hold the address; each is reported against the other, so expect the one on bob
  },
  res("vpn-user-group-name", "vpnUserGroup", { name: "g".repeat(65) }, "[P2C-GRP-1;"),
  res("vpn-user-group-description", "vpnUserGroup", { description: "tab\tseparated" }, '"tab\\tseparated"', "[P2C-GRP-2;"),
  res("vpn-user-group-name-strict", "vpnUserGroup", { name: "group!1" }, '"group!1"', "[P2C-GRP-3;"),
  res("vpn-server-client-cidr-format", "vpnServer", { clientCidr: "172.16.0.0" }, 'clientCidr (client_cidr): "172.16.0.0"', "[P2C-CIDR-1;"),
  res("vpn-server-client-cidr-prefix", "vpnServer", { clientCidr: "172.16.0.0/27" }, '"172.16.0.0/27"', "[P2C-CIDR-2;"),
  res("vpn-server-client-cidr-reserved", "vpnServer", { clientCidr: "127.0.0.0/24" }, '"127.0.0.0/24"', "overlaps 127.0.0.0/8", "[P2C-CIDR-3;"),
  res("vpn-server-client-cidr-local-subnet-conflict", "vpnServer", { clientCidr: "10.16.0.0/16" }, "conflicts with 10.16.0.0/24", "[P2C-CIDR-4;"),
  {
    policy: "vpn-server-client-cidr-size",
    pass: { stack: p2cStack() },
    fail: { stack: p2cStack({ "p2c-gw": { maxConnectionNumber: 100 } }) },
    expect: ['"172.16.0.0/24"', "256 addresses, 100 connections", "[P2C-CIDR-5;"],
    on: "server",
  },
  res("vpn-server-client-cidr-network-address", "vpnServer", { clientCidr: "172.16.0.1/24" }, "network form is 172.16.0.0/24", "[P2C-CIDR-6;"),
  res("vpn-server-local-subnets-count", "vpnServer", { localSubnets: [] }, "localSubnets (local_subnets): []", "[P2C-LSN-1;"),
  res("vpn-server-local-subnets-format", "vpnServer", { localSubnets: ["10.16.0.0/24", "nope"] }, 'localSubnets[1] (local_subnets[1]): "nope"', "[P2C-LSN-2;"),
  res("vpn-server-local-subnets-reserved", "vpnServer", { localSubnets: ["224.0.0.0/24"] }, "overlaps 224.0.0.0/4", "[P2C-LSN-3;"),
  res("vpn-server-local-subnets-unique", "vpnServer", { localSubnets: ["10.16.0.0/24", "10.16.0.0/24"] }, "same as item 0", "[P2C-LSN-4;"),
  res(
    "vpn-server-local-subnets-zh-limit",
    "vpnServer",
    { localSubnets: Array.from({ length: 11 }, (_, i) => `10.${i}.0.0/24`) },
    "at most 10",
    "[P2C-LSN-5;",
  ),
  res("vpn-server-certificate-required", "vpnServer", { serverCertificate: undefined }, "serverCertificate (server_certificate): <missing>", "[P2C-CERT-1;"),
  res("vpn-server-client-ca-count", "vpnServer", { clientCaCertificates: undefined }, "at least one and at most 10", "[P2C-CERT-2;"),
  res("vpn-server-client-ca-pem", "vpnServer", { clientCaCertificates: [{ name: "ca_1", content: "not a pem" }] }, "clientCaCertificates[0].content", "[P2C-CERT-3;"),
  res("vpn-server-client-ca-names", "vpnServer", { clientCaCertificates: [{ name: "bad name", content: PEM }] }, '"bad name"', "[P2C-CERT-4;"),
  res(
    "vpn-server-client-ca-unique",
    "vpnServer",
    { clientCaCertificates: [{ name: "a", content: PEM }, { name: "b", content: PEM }] },
    "clientCaCertificates[1].content",
    "[P2C-CERT-5;",
  ),
  res("vpn-server-client-ca-only-for-cert", "vpnServer", { clientAuthType: "LOCAL_PASSWORD" }, "only with certificate authentication", "[P2C-CERT-6;"),
  res("vpn-server-ssl-options-required", "vpnServer", { sslOptions: undefined }, "sslOptions (ssl_options): <missing>", "[P2C-SSL-1;"),
  res("vpn-server-ssl-aes-256-gcm", "vpnServer", { sslOptions: { ...sslOptions, encryptionAlgorithm: "AES-128-GCM" } }, '"AES-128-GCM"', "[P2C-SSL-2;"),
  res("vpn-server-ssl-no-compression", "vpnServer", { sslOptions: { ...sslOptions, isCompressed: true } }, "isCompressed (ssl_options.is_compressed): true", "[P2C-SSL-3;"),
  res(
    "vpn-server-certificate-authentication",
    "vpnServer",
    { clientAuthType: "LOCAL_PASSWORD", clientCaCertificates: undefined },
    '"LOCAL_PASSWORD"',
    "[P2C-AUTH-1;",
  ),
  res("vpn-server-dns-servers", "vpnServer", { dnsServers: ["1.1.1.1", "8.8.8.8", "9.9.9.9"] }, "3 given", "[P2C-DNS-1;"),
  res("client-ca-certificate-pem", "clientCaCertificate", { content: "abc" }, "content: \"abc\"", "[P2C-CA-1;"),
  res("client-ca-certificate-name", "clientCaCertificate", { name: "bad name" }, '"bad name"', "[P2C-CA-2;"),
  res("vpn-access-policy-destination-count", "vpnAccessPolicy", { destIpCidrs: [] }, "destIpCidrs (dest_ip_cidrs): []", "[P2C-POL-1;"),
  res("vpn-access-policy-destination-format", "vpnAccessPolicy", { destIpCidrs: ["10.16.0.0"] }, '"10.16.0.0"', "[P2C-POL-2;"),
  res("vpn-access-policy-destination-unique", "vpnAccessPolicy", { destIpCidrs: ["10.16.0.0/24", "10.16.0.0/24"] }, "[P2C-POL-3;"),
  res("vpn-access-policy-destination-not-too-broad", "vpnAccessPolicy", { destIpCidrs: ["0.0.0.0/0"] }, '"0.0.0.0/0"', "[P2C-POL-4;"),
  stack("vpn-access-policy-destination-in-local-subnets", "policy", { policy: { destIpCidrs: ["10.99.0.0/24"] } }, '"10.99.0.0/24"', "[P2C-POL-5;"),
  res("p2c-gateway-name", "p2cVpnGateway", { name: "p2c.gw" }, '"p2c.gw"', "[P2C-GW-1;"),
  res("p2c-gateway-max-connections", "p2cVpnGateway", { maxConnectionNumber: 501 }, "maxConnectionNumber (max_connection_number): 501", "[P2C-GW-2;"),
  res("p2c-gateway-eip-choice", "p2cVpnGateway", { eip: { id: IDS.eip1, type: "5_bgp" } }, "id given with type", "[P2C-GW-3;"),
  res("p2c-gateway-availability-zones", "p2cVpnGateway", { availabilityZoneIds: ["cn-south-1f", "cn-south-1f"] }, "same as item 0", "[P2C-GW-4;"),
  res(
    "p2c-gateway-eip-bandwidth",
    "p2cVpnGateway",
    { eip: { type: "5_bgp", chargeMode: "bandwidth", bandwidthSize: 2000 } },
    "eip.bandwidthSize (eip.bandwidth_size): 2000",
    "[P2C-GW-5;",
  ),
  stack("p2c-gateway-single-server", "p2c-gw", {}, "has 2 VPN servers", "VPN.1102"),
  {
    policy: "vpn-server-user-count",
    pass: { stack: p2cStack() },
    fail: { stack: p2cStack({ "p2c-gw": { maxConnectionNumber: 1 }, server: { clientCidr: "172.16.0.0/24" } }) },
    expect: ["2 users", "max_connection_number 1", "VPN.1307"],
    on: "server",
  },
  stack("vpn-server-unique-user-names", "bob", { bob: { name: "user001" } }, 'name: "user001"', "VPN.1302"),
  stack("vpn-server-client-ca-total", "server", {}, "10 inline and 1 separate", "VPN.1111"),
];

// Scenarios that need more than one changed field.
const single = p2cCases.find((c) => c.policy === "p2c-gateway-single-server")!;
(single as { fail: unknown }).fail = {
  stack: [...p2cStack(), { kind: "vpnServer", name: "server-2", props: happy.vpnServer(), deps: { p2cVgwId: ["p2c-gw"] } }],
};
const caTotal = p2cCases.find((c) => c.policy === "vpn-server-client-ca-total")!;
(caTotal as { fail: unknown }).fail = {
  stack: p2cStack({
    server: { clientCaCertificates: Array.from({ length: 10 }, (_, i) => ({ name: `ca_${i}`, content: PEM.replace("aGVsbG8", `aGVsbG${i}`) })) },
  }),
};

function withExtra(kind: KindName, count: number, base: string, props: (i: number) => Record<string, unknown>) {
  return Array.from({ length: count }, (_, i) => ({
    kind,
    name: `${base}-${i}`,
    props: { ...happy[kind](), ...props(i) },
    deps: { vpnServerId: ["server"] },
  }));
}

p2cCases.push(
  {
    policy: "client-ca-certificate-strength",
    pass: { kind: "clientCaCertificate", props: with_("clientCaCertificate", { content: cert("ca-rsa3072") }) },
    fail: { kind: "clientCaCertificate", props: with_("clientCaCertificate", { content: cert("ca-rsa2048") }) },
    expect: ['ClientCaCertificate "test": content: <certificate> — RSA 2048-bit key, below 3072 bits', "RSA3072/4096"],
  },
  {
    policy: "vpn-server-user-group-count",
    pass: { stack: p2cStack() },
    fail: { stack: [...p2cStack(), ...withExtra("vpnUserGroup", 50, "g", (i) => ({ name: `group-${i}` }))] },
    expect: ["51 user groups", "at most 50", "VPN.1306"],
    on: "server",
  },
  {
    policy: "vpn-server-access-policy-count",
    pass: { stack: p2cStack() },
    fail: { stack: [...p2cStack(), ...withExtra("vpnAccessPolicy", 100, "p", (i) => ({ name: `policy-${i}` }))] },
    expect: ["101 access policies", "at most 100", "VPN.1400"],
    on: "server",
  },
  {
    policy: "vpn-server-unique-user-group-names",
    pass: { stack: p2cStack() },
    fail: { stack: [...p2cStack(), ...withExtra("vpnUserGroup", 1, "dup", () => ({ name: "user-group1" }))] },
    expect: ['name: "user-group1"', "already used by VpnUserGroup \"group\""],
    on: "dup-0",
  },
  {
    policy: "vpn-user-group-same-server",
    pass: { stack: p2cStack() },
    fail: {
      stack: [
        ...p2cStack(),
        { kind: "vpnServer", name: "server-2", props: happy.vpnServer(), deps: { p2cVgwId: ["p2c-gw"] } },
        { kind: "vpnUserGroup", name: "group-2", props: happy.vpnUserGroup(), deps: { vpnServerId: ["server-2"] } },
        { kind: "vpnUser", name: "carol", props: { ...happy.vpnUser(), name: "carol01", staticIp: "disable" }, deps: { vpnServerId: ["server"], userGroupId: ["group-2"] } },
      ],
    },
    expect: ['VpnUser "carol"', 'VpnUserGroup "group-2" belongs to VpnServer "server-2"'],
    on: "carol",
  },
);
