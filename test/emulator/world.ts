/**
 * "The docs' world": resources seeded (through the admin API) with the ids the documented request examples
 * refer to, so that every example can be sent verbatim. One project per use.
 */
import { randomBytes } from "node:crypto";
import type { RunningEmulator } from "../../emulator";

export const DOC = {
  // S2C: the connection examples' gateway, EIP and customer gateway (ZH 4.1.3.1)
  gw: "b32d91a4-demo-a8df-va86-e907174eb11d",
  gwEip1: "0c464dad-demo-a8df-va86-c22bb0eb0bde",
  gwEip2: "0c464dad-demo-a8df-va86-c22bb0eb0bdf",
  cgw: "5247ae10-demo-a8df-va86-dd36659a7f5d",
  // EN batch examples
  batchGw: "8030f6d6-32a8-4d20-a7f8-50a7a826e2f8",
  batchEips: ["0d0f4af1-42b9-41eb-97b9-b4d41a0bf9c4", "1fb97767-d780-4d8b-83bb-6f878f662005"],
  batchCgw: "12f3577a-cbd8-4602-b68c-ecbf792fcec5",
  batchGw2: "8030f6d6-demo-4d20-a7f8-50a7a826e2f8",
  batchEips2: ["1fb97767-demo-4d8b-83bb-6f878f662005", "e4d7930f-demo-4cbf-b78a-b004416c7485"],
  batchCgw2: "8916effb-demo-42d8-83d7-4517567d3d26",
  // the monitor examples' connection
  conn: "cae286f2-demo-a8df-va86-e22416ca1220",
  gmGw: "c7f1d3e3-0476-4a71-95a7-3ce8cbb969de",
  gmGw2: "b1e94931-demo-a8df-va86-ec906c458ba7",
  nfipGw: "66ddeacb-demo-a8df-va86-9a414b5bd7d5",
  // P2C
  p2cGw: "3b5b64e4-2927-4062-acf6-05b0b842bbfe",
  p2cSpare: "6d526e5f-a0c6-44b6-a785-000000000000",
  p2cNoEip: "10d176c7-aed8-4766-9180-a47e536c64d0",
  p2cFree: "6d526e5f-a0c6-44b6-a785-000000000001",
  staticConn: "98c5af8a-6ee2-4482-99a2-ae2280a6f4c3",
  erGw: "80ac167b-demo-a8df-va86-a9a2a23223b8",
  privateGw: "91a74241-demo-a8df-va86-9b5f98c66c8c",
  privateErGw: "91a74241-demo-a8df-va86-9b5f98c66c8d",
  p2cScenarioA: "595210dc-7998-4ba3-aeb9-516fbcf7853c",
  p2cScenarioB: "dea8c4fb-be5c-4d50-be9a-f9a5f3a9afc6",
  server: "2407a20d-0bf7-4530-ba9a-7ffa0cedfa3b",
  groups: ["7625fd92-2e20-4e4d-8c56-66f110fbfaa8", "yWYnJt0R-Q0a7-R4QW-tFXX-QfundEqrR27W", "PTnsQAbZ-KOgW-mCzt-C9Sk-rMM3TcNjQ8wY", "efb92c43-c2e9-44c0-b2e5-5b980f0ca90a"],
  users: ["41ad472e-d3e4-482b-8f00-7b2c1bfc4b7d", "a609eecb-3fa6-4d6d-a8c3-256a12d02b6c", "30ad347e-e36e-42bd-a36b-c38f8ecc8bda", "cc975b1d-ede5-448d-a47d-9dbf11f5d842"],
  policy: "4f746482-a575-4e1f-9e80-5f6f69ff8588",
  ca: "ab80b8f6-6d67-4bdb-ba39-e8dd9419e64e",
};

/** A real self-signed CA certificate would be parsed; the docs' masked PEM is accepted and described. */
export const MASKED_PEM = "-----BEGIN CERTIFICATE-----*****-----END CERTIFICATE-----";
export const MASKED_KEY = "-----BEGIN EC PRIVATE KEY-----*****-----END EC PRIVATE KEY-----";

export interface World {
  projectId: string;
  /** Path parameters to use when an example does not give them. */
  params: Record<string, string>;
  /** The CERT server that holds the client CA certificate. */
  caServerId: string;
  monitorId: string;
  certificateId: string;
  clientConnectionId: string;
  jobIds: { gw: string; p2c: string };
}

export function newProjectId(): string {
  return randomBytes(16).toString("hex");
}

const gatewayBody = (eip1: string, eip2: string, extra: Record<string, unknown> = {}) => ({
  network_type: "public",
  attachment_type: "vpc",
  vpc_id: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
  local_subnets: ["192.168.0.0/24"],
  connect_subnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
  bgp_asn: 64512,
  flavor: "Professional1",
  enterprise_project_id: "0",
  ha_mode: "active-active",
  eip1: { id: eip1 },
  eip2: { id: eip2 },
  ...extra,
});

export async function seedWorld(emu: RunningEmulator, projectId = newProjectId()): Promise<World> {
  const a = emu.admin;
  const o = (id: string) => ({ projectId, id, ready: true });
  await a.createResource("vpnGateway", gatewayBody(DOC.gwEip1, DOC.gwEip2, { name: "resource1" }), o(DOC.gw));
  await a.createResource(
    "vpnGateway",
    { attachment_type: "er", er_id: "c62fad0d-demo-a8df-va86-e06c4c351b9f", vpc_id: "0cf79a3f-demo-a8df-va86-d7ace626b0fa", connect_subnet: "f5741286-demo-a8df-va86-2c82bd9ee114", network_type: "public", bgp_asn: 64512, flavor: "Professional1", enterprise_project_id: "0", ha_mode: "active-active", eip1: { type: "5_bgp", bandwidth_size: 300 }, eip2: { type: "5_bgp", bandwidth_size: 300 } },
    o(DOC.erGw),
  );
  await a.createResource(
    "vpnGateway",
    { network_type: "private", attachment_type: "vpc", vpc_id: "91a74241-demo-a8df-va86-9b5f98c66c8c", local_subnets: ["192.168.0.0/24"], connect_subnet: "f5741286-demo-a8df-va86-2c82bd9ee114", bgp_asn: 64512, flavor: "Professional1", enterprise_project_id: "0", ha_mode: "active-active" },
    o(DOC.privateGw),
  );
  await a.createResource(
    "vpnGateway",
    { network_type: "private", attachment_type: "er", er_id: "c62fad0d-demo-a8df-va86-e06c4c351b9f", vpc_id: "0cf79a3f-demo-a8df-va86-d7ace626b0fa", connect_subnet: "f5741286-demo-a8df-va86-2c82bd9ee114", flavor: "Professional1" },
    o(DOC.privateErGw),
  );
  await a.createResource("vpnGateway", gatewayBody(DOC.batchEips[0]!, DOC.batchEips[1]!), o(DOC.batchGw));
  await a.createResource("vpnGateway", gatewayBody(DOC.batchEips2[0]!, DOC.batchEips2[1]!), o(DOC.batchGw2));
  await a.createResource("vpnGateway", gatewayBody("aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002", { flavor: "GM" }), o(DOC.gmGw));
  await a.createResource("vpnGateway", gatewayBody("aaaaaaaa-0000-4000-8000-000000000005", "aaaaaaaa-0000-4000-8000-000000000006", { flavor: "GM" }), o(DOC.gmGw2));
  await a.createResource(
    "vpnGateway",
    gatewayBody("aaaaaaaa-0000-4000-8000-000000000003", "aaaaaaaa-0000-4000-8000-000000000004", { flavor: "Professional1-NonFixedIP", ha_mode: "active-standby" }),
    o(DOC.nfipGw),
  );
  for (const id of [DOC.cgw, DOC.batchCgw, DOC.batchCgw2])
    await a.createResource("customerGateway", { name: "cgw-doc", id_type: "ip", id_value: "10.1.1.21", bgp_asn: 65000, ca_certificate: { content: MASKED_PEM }, tags: [] }, o(id));
  const cert = await a.createResource<{ id: string }>(
    "gatewayCertificate",
    { name: "cert-dce7", certificate: MASKED_PEM, certificate_chain: MASKED_PEM, enc_certificate: MASKED_PEM, private_key: MASKED_KEY, enc_private_key: MASKED_KEY },
    { projectId, parents: { vgw_id: DOC.gmGw }, ready: true },
  );
  await a.createResource(
    "vpnConnection",
    {
      vgw_id: DOC.gw,
      vgw_ip: DOC.gwEip1,
      cgw_id: DOC.cgw,
      style: "policy",
      peer_subnets: ["192.168.44.0/24"],
      psk: "Abcd@1234",
      policy_rules: [{ rule_index: 1, source: "10.0.0.0/24", destination: ["192.168.0.0/24"] }],
      ikepolicy: { ike_version: "v2", authentication_algorithm: "sha2-256", encryption_algorithm: "aes-128", dh_group: "group15", authentication_method: "pre-share", lifetime_seconds: 86400, local_id_type: "ip", peer_id_type: "ip", dpd: { timeout: 15, interval: 30, msg: "seq-hash-notify" } },
      ipsecpolicy: { authentication_algorithm: "sha2-256", encryption_algorithm: "aes-128", pfs: "group15", transform_protocol: "esp", lifetime_seconds: 3600, encapsulation_mode: "tunnel" },
      ha_role: "master",
    },
    o(DOC.conn),
  );
  await a.createResource(
    "vpnConnection",
    { vgw_id: DOC.gw, vgw_ip: DOC.gwEip2, cgw_id: DOC.cgw, style: "static", peer_subnets: ["192.168.44.0/24"], psk: "Abcd@1234", enable_nqa: true },
    o(DOC.staticConn),
  );
  const monitor = await a.createResource<{ id: string }>("connectionMonitor", { vpn_connection_id: DOC.conn }, { projectId, ready: true });

  // P2C
  const p2c = (eip?: string) => ({
    name: "p2c-vpngw-0000",
    vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a",
    connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51",
    flavor: "Professional1",
    ...(eip ? { eip: { id: eip } } : {}),
    max_connection_number: 10,
  });
  await a.createResource("p2cVpnGateway", p2c("f0bac06a-88a7-4d37-8e2e-c37691ee4ba2"), o(DOC.p2cGw));
  await a.createResource("p2cVpnGateway", p2c("f0bac06a-88a7-4d37-8e2e-c37691ee4ba3"), o(DOC.p2cSpare));
  await a.createResource("p2cVpnGateway", p2c("f0bac06a-88a7-4d37-8e2e-c37691ee4ba4"), o(DOC.p2cScenarioA));
  await a.createResource("p2cVpnGateway", p2c("f0bac06a-88a7-4d37-8e2e-c37691ee4ba5"), o(DOC.p2cScenarioB));
  await a.createResource("p2cVpnGateway", p2c(), o(DOC.p2cNoEip));
  await a.createResource("p2cVpnGateway", p2c("f0bac06a-88a7-4d37-8e2e-c37691ee4ba6"), o(DOC.p2cFree));
  await a.createResource(
    "vpnServer",
    {
      tunnel_protocol: "SSL",
      client_cidr: "172.16.0.0/16",
      local_subnets: ["192.168.12.0/24", "192.168.1.0/24"],
      client_auth_type: "LOCAL_PASSWORD",
      server_certificate: { id: "scs1716171403922" },
      ssl_options: { protocol: "TCP", port: 443, encryption_algorithm: "AES-128-GCM", is_compressed: false },
    },
    { ...o(DOC.server), parents: { p2c_vgw_id: DOC.p2cGw } },
  );
  const server = { vpn_server_id: DOC.server };
  const names = ["seed-group-1", "seed-group-y", "seed-group-2", "seed-group-a"];
  for (const [i, id] of DOC.groups.entries())
    await a.createResource("vpnUserGroup", { name: names[i], description: "group" }, { ...o(id), parents: server });
  const userNames = ["seeduser1", "seeduser2", "seeduser3", "seeduser4"];
  // users 3 and 4 are in the first group (users 1 and 2 are free for the add-users examples)
  for (const [i, id] of DOC.users.entries())
    await a.createResource(
      "vpnUser",
      { name: userNames[i], password: "stringst-old", description: "user", ...(i >= 2 ? { user_group_id: DOC.groups[0] } : {}) },
      { ...o(id), parents: server },
    );
  await a.createResource("vpnAccessPolicy", { name: "policy-001", user_group_id: DOC.groups[3], description: "p", dest_ip_cidrs: ["172.16.0.0/24"] }, { ...o(DOC.policy), parents: server });
  // a CA certificate on a second (CERT) server
  await a.createResource(
    "vpnServer",
    {
      tunnel_protocol: "SSL",
      client_cidr: "172.17.0.0/16",
      local_subnets: ["192.168.13.0/24"],
      client_auth_type: "CERT",
      server_certificate: { id: "scs1716171403923" },
      client_ca_certificates: [{ name: "ca-cert-55f7", content: MASKED_PEM }],
      ssl_options: { protocol: "TCP", port: 443, encryption_algorithm: "AES-128-GCM", is_compressed: false },
    },
    { projectId, ready: true, parents: { p2c_vgw_id: DOC.p2cSpare } },
  );
  const state = await a.state(projectId);
  const cas = (state.projects[0]?.resources.clientCaCertificate ?? []) as Array<{ id: string; parents: { vpn_server_id: string } }>;
  const ca = cas[0]!;
  const conn = { connection: await a.connectClient(DOC.p2cGw, { projectId, userName: "user001" }) };
  return {
    projectId,
    caServerId: ca.parents.vpn_server_id,
    monitorId: monitor.id,
    certificateId: cert.id,
    clientConnectionId: conn.connection.connection_id,
    jobIds: { gw: "", p2c: "" },
    params: {
      vgw_id: DOC.gw,
      customer_gateway_id: DOC.cgw,
      vpn_connection_id: DOC.conn,
      connection_monitor_id: monitor.id,
      certificate_id: cert.id,
      p2c_vgw_id: DOC.p2cGw,
      vpn_server_id: DOC.server,
      user_id: DOC.users[0]!,
      group_id: DOC.groups[0]!,
      policy_id: DOC.policy,
      client_ca_certificate_id: ca.id,
      connection_id: conn.connection.connection_id,
      resource_type: "vpn-gateway",
      resource_id: DOC.gw,
    },
  };
}

/**
 * A ready P2C gateway (as bought in the console: the provider adopts P2C gateways) with a ready SSL VPN server in
 * password mode under it, seeded through the admin API: the parent of the VPN user, group and policy tests.
 */
export async function seedP2cServer(
  emu: RunningEmulator,
  options: { maxConnectionNumber?: number } = {},
): Promise<{ gatewayId: string; serverId: string }> {
  const ready = { projectId: emu.projectId, ready: true };
  const gw = await emu.admin.createResource<{ id: string }>(
    "p2cVpnGateway",
    {
      name: "p2c-gw",
      vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a",
      connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51",
      flavor: "Professional1",
      eip: { id: "f0bac06a-88a7-4d37-8e2e-c37691ee4ba2" },
      max_connection_number: options.maxConnectionNumber ?? 10,
    },
    ready,
  );
  const server = await emu.admin.createResource<{ id: string }>(
    "vpnServer",
    {
      tunnel_protocol: "SSL",
      client_cidr: "172.16.0.0/16",
      local_subnets: ["192.168.12.0/24"],
      client_auth_type: "LOCAL_PASSWORD",
      server_certificate: { id: "scs1716171403922" },
      ssl_options: { protocol: "TCP", port: 443, encryption_algorithm: "AES-128-GCM", is_compressed: false },
    },
    { ...ready, parents: { p2c_vgw_id: gw.id } },
  );
  return { gatewayId: gw.id, serverId: server.id };
}
