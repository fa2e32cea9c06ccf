/**
 * Happy-path inputs for every kind (camelCase, as a program passes them). Each test changes one thing.
 * Values follow the API reference's examples (api-s2c.md §2–5, api-p2c-common.md §5–7, §9).
 */
import type { KindName } from "../../policies/kinds";
import type { TestResource } from "./util";

export const IDS = {
  vpc: "cb4a631d-0000-4a8d-8a86-ca3fa348c36c",
  subnet: "f5741286-0000-4a8d-8a86-2c82bd9ee114",
  eip1: "cff40e5e-0000-4a8d-8a86-7366077bf097",
  eip2: "d290f1ee-0000-4a8d-8a86-d701748f0851",
  gateway: "b32d91a4-0000-4a8d-8a86-e907174eb11d",
  customerGateway: "5247ae10-0000-4a8d-8a86-dd36659a7f5d",
  connection: "cae286f2-0000-4a8d-8a86-e22416ca1220",
  er: "c62fad0d-0000-4a8d-8a86-e06c4c351b9f",
  p2cGateway: "595210dc-7998-4ba3-aeb9-516fbcf7853c",
  server: "0e325fb6-83b9-4004-a343-8b6fc714a5d9",
  group: "7625fd92-2e20-4e4d-8c56-66f110fbfaa8",
};

/** A syntactically complete (not real) PEM certificate. */
export const PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUaGVsbG8td29ybGQtY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----";

export const happy: Record<KindName, () => Record<string, unknown>> = {
  vpnGateway: () => ({
    name: "vpngw-ha",
    vpcId: IDS.vpc,
    localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
    connectSubnet: IDS.subnet,
    haMode: "active-active",
    flavor: "Professional1",
    eip1: { id: IDS.eip1 },
    eip2: { id: IDS.eip2 },
    tags: { app: "vpn" },
  }),
  customerGateway: () => ({ name: "cgw-3ebf", idType: "ip", idValue: "10.12.13.21", bgpAsn: 65000, tags: { app: "vpn" } }),
  vpnConnection: () => ({
    name: "vpn-1",
    vgwId: IDS.gateway,
    vgwIp: IDS.eip1,
    cgwId: IDS.customerGateway,
    style: "static",
    peerSubnets: ["192.168.44.0/24"],
    tunnelLocalAddress: "169.254.56.225/30",
    tunnelPeerAddress: "169.254.56.226/30",
    psk: "Abcd1234!x",
    ikepolicy: {
      ikeVersion: "v2",
      authenticationAlgorithm: "sha2-256",
      encryptionAlgorithm: "aes-256-gcm-16",
      dhGroup: "group20",
      lifetimeSeconds: 86400,
      dpd: { timeout: 15, interval: 30, msg: "seq-hash-notify" },
    },
    ipsecpolicy: {
      authenticationAlgorithm: "sha2-256",
      encryptionAlgorithm: "aes-256-gcm-16",
      pfs: "group20",
      lifetimeSeconds: 3600,
    },
    tags: { app: "vpn" },
  }),
  connectionMonitor: () => ({ vpnConnectionId: IDS.connection }),
  gatewayCertificate: () => ({
    vgwId: IDS.gateway,
    name: "cert-a45b",
    certificate: PEM,
    privateKey: "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIDummyKeyMaterialForTests\n-----END EC PRIVATE KEY-----",
    certificateChain: PEM,
    encCertificate: PEM,
    encPrivateKey: "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIDummyEncKeyMaterial\n-----END EC PRIVATE KEY-----",
  }),
  p2cVpnGateway: () => ({
    name: "p2c-vpngw-1",
    vpcId: IDS.vpc,
    connectSubnet: IDS.subnet,
    flavor: "Professional1",
    availabilityZoneIds: ["cn-south-1f", "cn-south-1e"],
    eip: { type: "5_bgp", chargeMode: "bandwidth", bandwidthSize: 100 },
    maxConnectionNumber: 50,
    tags: { app: "vpn" },
  }),
  vpnServer: () => ({
    p2cVgwId: IDS.p2cGateway,
    tunnelProtocol: "SSL",
    clientCidr: "172.16.0.0/24",
    localSubnets: ["10.16.0.0/24", "10.16.1.0/24"],
    clientAuthType: "CERT",
    serverCertificate: { id: "scs1716171403922" },
    clientCaCertificates: [{ name: "client_ca_1", content: PEM }],
    sslOptions: { protocol: "TCP", port: 443, encryptionAlgorithm: "AES-256-GCM", isCompressed: false },
    dnsServers: ["172.16.1.1"],
  }),
  vpnUser: () => ({
    vpnServerId: IDS.server,
    name: "user001",
    password: "Qwer-asdf-2024",
    description: "user_1",
    userGroupId: IDS.group,
    staticIp: "172.16.0.5",
  }),
  vpnUserGroup: () => ({ vpnServerId: IDS.server, name: "user-group1", description: "group_1" }),
  vpnAccessPolicy: () => ({ vpnServerId: IDS.server, name: "AccessPolicy1", userGroupId: IDS.group, destIpCidrs: ["10.16.0.0/24"] }),
  clientCaCertificate: () => ({ vpnServerId: IDS.server, name: "ca-cert-1", content: PEM }),
};

/** Happy input with a change: `with_("vpnUser", { password: "x" })`; `undefined` removes a field. */
export function with_(kind: KindName, change: Record<string, unknown>): Record<string, unknown> {
  const p = { ...happy[kind](), ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete p[k];
  return p;
}

/** A P2C stack: gateway, server, group, two users, a policy, a CA certificate. */
export function p2cStack(change: Partial<Record<string, Record<string, unknown>>> = {}): TestResource[] {
  const r = (kind: KindName, name: string, deps: Record<string, string[]> = {}): TestResource => ({
    kind,
    name,
    props: { ...happy[kind](), ...(change[name] ?? {}) },
    deps,
  });
  return [
    r("p2cVpnGateway", "p2c-gw"),
    r("vpnServer", "server", { p2cVgwId: ["p2c-gw"] }),
    r("vpnUserGroup", "group", { vpnServerId: ["server"] }),
    r("vpnUser", "alice", { vpnServerId: ["server"], userGroupId: ["group"] }),
    { ...r("vpnUser", "bob", { vpnServerId: ["server"], userGroupId: ["group"] }), props: { ...happy.vpnUser(), name: "bob001", staticIp: "172.16.0.9", ...(change.bob ?? {}) } },
    r("vpnAccessPolicy", "policy", { vpnServerId: ["server"], userGroupId: ["group"] }),
    r("clientCaCertificate", "ca", { vpnServerId: ["server"] }),
  ];
}

/**
 * The documented HA example as a stack (seeds chapter 5, examples 1-4): an active-active gateway with two EIPs,
 * a customer gateway, a connection on each EIP, a monitor on each connection. `change` patches by name.
 */
export function haStack(change: Partial<Record<string, Record<string, unknown>>> = {}): TestResource[] {
  const r = (kind: KindName, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}): TestResource => {
    const p = { ...props, ...(change[name] ?? {}) };
    for (const [k, v] of Object.entries(change[name] ?? {})) if (v === undefined) delete p[k];
    return { kind, name, props: p, deps, secretPaths: kind === "vpnConnection" ? ["psk"] : [] };
  };
  return [
    r("vpnGateway", "vpngw", happy.vpnGateway()),
    r("customerGateway", "cgw", happy.customerGateway()),
    r("vpnConnection", "vpn-1", { ...happy.vpnConnection(), name: "vpn-1", vgwIp: IDS.eip1 }, { vgwId: ["vpngw"], cgwId: ["cgw"] }),
    r("vpnConnection", "vpn-2", { ...happy.vpnConnection(), name: "vpn-2", vgwIp: IDS.eip2 }, { vgwId: ["vpngw"], cgwId: ["cgw"] }),
    r("connectionMonitor", "monitor-1", { vpnConnectionId: IDS.connection }, { vpnConnectionId: ["vpn-1"] }),
    r("connectionMonitor", "monitor-2", { vpnConnectionId: "0a2b3c4d-0000-4a8d-8a86-e22416ca1221" }, { vpnConnectionId: ["vpn-2"] }),
  ];
}
