/**
 * Every documented constraint, table-driven over the rule registries (sdk/rules: `s2cRules`, `p2cRules`): each
 * mandatory rule has a request here that violates it, sent to the emulator (raw and signed, so no client-side
 * check intervenes), and the answer carries the documented HTTP status and code — the specific code where the
 * rule cites one (VPN.0514, VPN.1107, …), VPN.0001 otherwise — with a message naming the rule.
 */
import { describe, expect, it } from "vitest";
import { s2cRules } from "../../sdk/rules";
import { p2cRules } from "../../sdk/rules/p2c";
import { ERROR_TABLE } from "../../emulator/errors";
import { useEmulator, signed, UNLISTED_REGION, type Env } from "./helpers";
import { DOC, seedWorld, type World } from "./world";

interface Case {
  /** Operation path and method. */
  method: string;
  path: string | ((w: World) => string);
  body?: unknown;
  /** Expected code when the rule's citation names several (or none that applies). */
  code?: string;
  /** Text the message must contain (default: the rule id). */
  mentions?: string;
  before?: (env: Env, w: World) => Promise<void>;
  /** Run in an emulator whose region lists its flavors (GW-09). */
  listedRegion?: boolean;
}

let eip = 0;
const E = () => `cccccccc-0000-4000-8000-${(++eip).toString(16).padStart(12, "0")}`;
const VPC = "cb4a631d-demo-a8df-va86-ca3fa348c36c";
const SUBNET = "f5741286-demo-a8df-va86-2c82bd9ee114";
const gw = (o: Record<string, unknown> = {}) => ({ vpn_gateway: { vpc_id: VPC, connect_subnet: SUBNET, local_subnets: ["192.168.0.0/24"], eip1: { id: E() }, eip2: { id: E() }, ...o } });
const er = (o: Record<string, unknown> = {}) => ({ vpn_gateway: { attachment_type: "er", er_id: VPC, eip1: { id: E() }, eip2: { id: E() }, ...o } });
const priv = (o: Record<string, unknown> = {}) => ({ vpn_gateway: { network_type: "private", vpc_id: VPC, connect_subnet: SUBNET, local_subnets: ["192.168.0.0/24"], ...o } });
const cgw = (o: Record<string, unknown> = {}) => ({ customer_gateway: { id_value: "192.168.45.7", ...o } });
const conn = (o: Record<string, unknown> = {}) => ({ vpn_connection: { vgw_id: DOC.gw, vgw_ip: DOC.gwEip1, cgw_id: DOC.cgw, peer_subnets: ["172.16.0.0/16"], psk: "Vpn-Key.2024", ...o } });
const ike = (p: Record<string, unknown>) => conn({ ikepolicy: p });
const range = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const PEM = "-----BEGIN CERTIFICATE-----*****-----END CERTIFICATE-----";
const KEY = "-----BEGIN EC PRIVATE KEY-----*****-----END EC PRIVATE KEY-----";

const GWS = "/v5/{project_id}/vpn-gateways";
const CGWS = "/v5/{project_id}/customer-gateways";
const CONNS = "/v5/{project_id}/vpn-connection";
const SRV = (id: string) => `/v5/{project_id}/p2c-vpn-gateways/vpn-servers/${id}`;
const P2C_SERVERS = `/v5/{project_id}/p2c-vpn-gateways/${DOC.p2cFree}/vpn-servers`;
const server = (o: Record<string, unknown> = {}) => ({
  vpn_server: { client_cidr: "172.20.0.0/16", local_subnets: ["10.16.0.0/24"], server_certificate: { id: "scs1716171403922" }, ssl_options: {}, ...o },
});
const user = (o: Record<string, unknown> = {}) => ({ user: { name: "user0001", password: "Passw0rd-1", ...o } });
const group = (o: Record<string, unknown> = {}) => ({ user_group: { name: "grp-new", ...o } });
const policy = (o: Record<string, unknown> = {}) => ({ access_policy: { name: "pol-new", user_group_id: DOC.groups[0], dest_ip_cidrs: ["10.0.0.0/24"], ...o } });
const p2cGw = (o: Record<string, unknown> = {}) => ({
  p2c_vpn_gateway: { vpc_id: VPC, connect_subnet: SUBNET, eip: { type: "5_bgp", charge_mode: "bandwidth", bandwidth_size: 10 }, ...o },
});

const CASES: Record<string, Case> = {
  // ---- common
  "COM-01": { method: "POST", path: GWS, body: gw({ name: "gw name!" }) },
  "COM-02": { method: "POST", path: CGWS, body: cgw({ tags: range(21, (i) => ({ key: `k${i}`, value: "v" })) }) },
  "COM-03": { method: "POST", path: CGWS, body: cgw({ tags: [{ key: "a#b", value: "v" }] }) },
  "COM-04": { method: "POST", path: GWS, body: gw({ vpc_id: "vpc-1" }) },
  "COM-05": { method: "POST", path: GWS, body: gw({ enterprise_project_id: "1" }) },
  "COM-06": { method: "PUT", path: `${GWS}/${DOC.gw}`, body: { vpn_gateway: { tags: [] } }, mentions: "vpn_gateway.tags" },
  // ---- gateway
  "GW-01": { method: "POST", path: GWS, body: gw({ network_type: "internet" }) },
  "GW-02": { method: "POST", path: GWS, body: gw({ vpc_id: undefined }) },
  "GW-03": { method: "POST", path: GWS, body: er({ er_id: undefined }) },
  // GW-04 is implied by GW-02/GW-03 (sdk/rules/s2c.ts): the schema reports the missing er_id under GW-03
  "GW-04": { method: "POST", path: GWS, body: er({ er_id: undefined }), mentions: "vpn_gateway.er_id" },
  "GW-05": { method: "POST", path: GWS, body: gw({ local_subnets: range(51, (i) => `10.0.${i}.0/24`) }) },
  "GW-06": { method: "POST", path: GWS, body: gw({ bgp_asn: 0 }) },
  "GW-07": { method: "POST", path: GWS, body: gw({ flavor: "Huge" }) },
  "GW-08": { method: "POST", path: GWS, body: priv({ flavor: "Basic" }) },
  "GW-09": { method: "POST", path: GWS, body: gw({ flavor: "GM" }), listedRegion: true },
  "GW-10": { method: "POST", path: GWS, body: priv({ eip1: { id: E() } }) },
  "GW-11": { method: "POST", path: GWS, body: gw({ eip1: { id: E(), type: "5_bgp" } }) },
  "GW-12": { method: "POST", path: GWS, body: gw({ eip1: { type: "5_bgp", charge_mode: "monthly", bandwidth_size: 10 } }) },
  "GW-13": { method: "POST", path: GWS, body: gw({ eip1: { type: "5_bgp", bandwidth_size: 500 } }) },
  "GW-14": {
    method: "POST",
    path: GWS,
    body: gw({ eip1: { id: "dddddddd-0000-4000-8000-000000000001" }, eip2: { id: "dddddddd-0000-4000-8000-000000000002" } }),
    before: (env, w) => env.emu.admin.seed({ projectId: w.projectId, inventory: { eips: [{ id: "dddddddd-0000-4000-8000-000000000001", frozen: true }, { id: "dddddddd-0000-4000-8000-000000000002" }] } }),
  },
  "GW-15": { method: "POST", path: GWS, body: gw({ availability_zone_ids: ["cn-south-1f", "cn-south-1f"] }) },
  "GW-16": { method: "POST", path: GWS, body: priv({ access_private_ip_1: "192.168.0.10" }) },
  "GW-17": {
    method: "POST",
    path: GWS,
    body: gw(),
    before: (env, w) => env.emu.admin.seed({ projectId: w.projectId, inventory: { vpcs: [{ id: VPC, subnets: [{ id: SUBNET, cidr: "192.168.1.0/24", freeIps: 1 }] }] } }),
  },
  "GW-19": { method: "PUT", path: `${GWS}/${DOC.privateGw}`, body: { vpn_gateway: { eip_id_1: E() } } },
  "GW-20": {
    method: "PUT",
    path: `${GWS}/${DOC.nfipGw}`,
    body: { vpn_gateway: { policy_template: { ike_policy: { encryption_algorithm: "3des" } } } },
  },
  "GW-21": { method: "POST", path: `${GWS}/${DOC.gw}/update-specification`, body: { vpn_gateway: { flavor: "Professional1-NonFixedIP" } } },
  "GW-24": {
    method: "POST",
    path: `${GWS}/${DOC.gmGw2}/certificate`,
    body: { certificate: { name: "ab", certificate: PEM, private_key: KEY, certificate_chain: PEM, enc_certificate: PEM, enc_private_key: KEY } },
  },
  // ---- customer gateway
  "CGW-01": { method: "POST", path: CGWS, body: cgw({ id_type: "dns" }) },
  "CGW-02": { method: "POST", path: CGWS, body: cgw({ id_value: "not-an-ip" }) },
  "CGW-03": { method: "POST", path: CGWS, body: cgw({ id_type: "fqdn", id_value: "a b" }) },
  "CGW-04": { method: "POST", path: CGWS, body: cgw({ id_type: "fqdn", id_value: "vpn.example.com", bgp_asn: 65000 }) },
  "CGW-05": { method: "POST", path: CGWS, body: cgw({ ca_certificate: { content: "x".repeat(8193) } }) },
  "CGW-06": { method: "PUT", path: `${CGWS}/${DOC.cgw}`, body: { customer_gateway: { id_value: "1.2.3.4" } }, mentions: "customer_gateway.id_value" },
  // ---- connection
  "CONN-01": { method: "POST", path: CONNS, body: conn({ vgw_ip: undefined }), mentions: "vpn_connection.vgw_ip" },
  "CONN-02": { method: "POST", path: CONNS, body: conn({ vgw_ip: E() }) },
  "CONN-03": { method: "POST", path: CONNS, body: conn({ style: "ipsec" }) },
  "CONN-04": { method: "POST", path: CONNS, body: conn({ peer_subnets: undefined }) },
  "CONN-05": { method: "POST", path: CONNS, body: conn({ peer_subnets: range(51, (i) => `172.16.${i}.0/24`) }) },
  "CONN-06": { method: "POST", path: CONNS, body: conn({ peer_subnets: ["100.64.0.0/16"] }) },
  "CONN-07": { method: "POST", path: CONNS, body: conn({ tunnel_local_address: "10.0.0.1/30", tunnel_peer_address: "10.0.0.2/30" }) },
  "CONN-08": { method: "POST", path: CONNS, body: conn({ tunnel_local_address: "169.254.195.1/30", tunnel_peer_address: "169.254.195.2/30" }) },
  "CONN-09": { method: "POST", path: CONNS, body: conn({ tunnel_local_address: "169.254.1.1/29", tunnel_peer_address: "169.254.1.2/29" }) },
  "CONN-10": { method: "POST", path: CONNS, body: conn({ tunnel_local_address: "169.254.1.1/30", tunnel_peer_address: "169.254.1.6/30" }) },
  "CONN-11": { method: "POST", path: CONNS, body: conn({ tunnel_local_address: "169.254.1.0/30", tunnel_peer_address: "169.254.1.2/30" }) },
  "CONN-13": { method: "POST", path: CONNS, body: conn({ style: "bgp", enable_nqa: true }) },
  "CONN-14": { method: "POST", path: CONNS, body: conn({ enable_hub: true }) },
  "CONN-15": { method: "POST", path: CONNS, body: conn({ psk: "Ab1!" }) },
  "CONN-16": { method: "POST", path: CONNS, body: conn({ psk: "abcdefghij" }) },
  "CONN-17": { method: "POST", path: CONNS, body: conn({ psk: undefined }) },
  "CONN-19": { method: "POST", path: CONNS, body: conn({ policy_rules: [{ source: "10.0.0.0/24", destination: ["192.168.0.0/24"] }] }) },
  "CONN-20": {
    method: "POST",
    path: CONNS,
    body: conn({ style: "policy", policy_rules: [{ source: "10.0.0.0/24", destination: ["192.168.0.0/24"] }, { source: "10.0.0.0/24", destination: ["192.168.1.0/24"] }] }),
  },
  "CONN-22": { method: "POST", path: CONNS, body: ike({ ike_version: "v3" }) },
  "CONN-23": { method: "POST", path: CONNS, body: ike({ ike_version: "v1", phase1_negotiation_mode: "fast" }) },
  "CONN-24": { method: "POST", path: CONNS, body: ike({ authentication_algorithm: "sm3" }) },
  "CONN-25": { method: "POST", path: CONNS, body: ike({ dh_group: "disable" }) },
  "CONN-27": { method: "POST", path: CONNS, body: ike({ authentication_method: "cert" }) },
  "CONN-28": { method: "POST", path: CONNS, body: ike({ lifetime_seconds: 10 }) },
  "CONN-29": { method: "POST", path: CONNS, body: ike({ dpd: { timeout: 1 } }) },
  "CONN-30": { method: "POST", path: CONNS, body: conn({ ipsecpolicy: { transform_protocol: "ah" } }) },
  "CONN-31": { method: "POST", path: CONNS, body: ike({ local_id_type: "fqdn", local_id: "a b" }) },
  "CONN-32": { method: "POST", path: CONNS, body: conn({ ha_role: "slave" }) },
  "CONN-33": {
    method: "POST",
    path: CONNS,
    body: { vpn_connection: { vgw_id: DOC.gmGw2, vgw_ip: "aaaaaaaa-0000-4000-8000-000000000005", cgw_id: DOC.cgw, peer_subnets: ["172.16.0.0/16"] } },
  },
  "CONN-34": {
    method: "POST",
    path: "/v5/{project_id}/vpn-connections/batch-create",
    body: { vpn_connections: [conn().vpn_connection, conn({ vgw_id: DOC.batchGw, vgw_ip: DOC.batchEips[0] }).vpn_connection] },
  },
  "CONN-35": {
    method: "PUT",
    path: (w) => `${CONNS}/${w.params.gm_connection_id}`,
    body: { vpn_connection: { psk: "Vpn-Key.2025" } },
    before: async (env, w) => {
      const r = await signed(env.emu, "POST", CONNS, { vpn_connection: { vgw_id: DOC.gmGw, vgw_ip: "aaaaaaaa-0000-4000-8000-000000000001", cgw_id: DOC.cgw, peer_subnets: ["172.16.0.0/16"] } }, { project: w.projectId });
      expect(r.status, r.text).toBe(201);
      w.params.gm_connection_id = r.json.vpn_connection.id;
    },
  },
  "CONN-37": { method: "PUT", path: `${CONNS}/${DOC.conn}`, body: { vpn_connection: { style: "bgp" } }, mentions: "vpn_connection.style" },
  "CONN-38": {
    method: "POST",
    path: CONNS,
    body: { vpn_connection: { vgw_id: "ffffffff-0000-4000-8000-000000000001", vgw_ip: "ffffffff-0000-4000-8000-0000000000e1", cgw_id: DOC.cgw, peer_subnets: ["172.16.0.0/16"], psk: "Vpn-Key.2024" } },
    before: async (env, w) => {
      await env.emu.admin.createResource(
        "vpnGateway",
        { vpc_id: VPC, connect_subnet: SUBNET, local_subnets: ["192.168.0.0/24"], flavor: "Basic", eip1: { id: "ffffffff-0000-4000-8000-0000000000e1" }, eip2: { id: "ffffffff-0000-4000-8000-0000000000e2" } },
        { projectId: w.projectId, id: "ffffffff-0000-4000-8000-000000000001", ready: true },
      );
      for (let i = 0; i < 100; i++)
        await env.emu.admin.createResource(
          "vpnConnection",
          { vgw_id: "ffffffff-0000-4000-8000-000000000001", vgw_ip: "ffffffff-0000-4000-8000-0000000000e1", cgw_id: DOC.cgw, peer_subnets: ["172.16.0.0/16"], psk: "Vpn-Key.2024" },
          { projectId: w.projectId, ready: true },
        );
    },
  },
  "MON-01": { method: "POST", path: "/v5/{project_id}/connection-monitors", body: { connection_monitor: {} }, mentions: "connection_monitor.vpn_connection_id" },

  // ---- P2C users and groups
  "P2C-PWD-1": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ password: "Ab1!" }) },
  "P2C-PWD-2": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ password: "Passw0rd-é" }) },
  "P2C-PWD-3": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ password: "abcdefghij" }) },
  "P2C-PWD-4": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ name: "user0001", password: "user0001" }) },
  "P2C-PWD-7": { method: "PUT", path: `${SRV(DOC.server)}/users/${DOC.users[0]}/password`, body: { old_password: "Passw0rd-9", new_password: "Passw0rd-9" } },
  "P2C-USR-1": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ name: "ab" }) },
  "P2C-USR-2": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ description: "bad!desc" }) },
  "P2C-USR-3": { method: "POST", path: `${SRV(DOC.server)}/users/batch-create`, body: { users: [{ name: "user0001", password: "Passw0rd-1" }, { name: "user0001", password: "Passw0rd-2" }] } },
  "P2C-SIP-1": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ static_ip: "abc" }) },
  "P2C-SIP-2": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ static_ip: "172.16.0.6" }) },
  "P2C-SIP-3": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ static_ip: "10.99.0.5" }) },
  "P2C-SIP-4": { method: "POST", path: `${SRV(DOC.server)}/users`, body: user({ static_ip: "172.16.0.1" }) },
  "P2C-SIP-5": {
    method: "POST",
    path: `${SRV(DOC.server)}/users`,
    body: user({ static_ip: "172.16.0.5" }),
    before: async (env, w) => {
      const r = await signed(env.emu, "POST", `${SRV(DOC.server)}/users`, user({ name: "user0002", static_ip: "172.16.0.5" }), { project: w.projectId });
      expect(r.status, r.text).toBe(201);
    },
  },
  "P2C-GRP-1": { method: "POST", path: `${SRV(DOC.server)}/groups`, body: group({ name: "" }) },
  "P2C-GRP-2": { method: "POST", path: `${SRV(DOC.server)}/groups`, body: group({ description: "d".repeat(65) }) },
  "P2C-GRP-4": { method: "POST", path: `${SRV(DOC.server)}/groups/${DOC.groups[2]}/add-users`, body: { users: [] } },
  // ---- P2C server
  "P2C-CIDR-1": { method: "POST", path: P2C_SERVERS, body: server({ client_cidr: "abc" }) },
  "P2C-CIDR-2": { method: "POST", path: P2C_SERVERS, body: server({ client_cidr: "172.0.0.0/8" }) },
  "P2C-CIDR-3": { method: "POST", path: P2C_SERVERS, body: server({ client_cidr: "127.0.0.0/24" }) },
  "P2C-CIDR-4": { method: "POST", path: P2C_SERVERS, body: server({ client_cidr: "10.16.0.0/24" }) },
  "P2C-CIDR-5": {
    method: "POST",
    path: `/v5/{project_id}/p2c-vpn-gateways/eeeeeeee-0000-4000-8000-000000000500/vpn-servers`,
    body: server({ client_cidr: "172.20.0.0/26" }),
    before: async (env, w) => {
      await env.emu.admin.createResource("p2cVpnGateway", { vpc_id: VPC, connect_subnet: SUBNET, eip: { type: "5_bgp", bandwidth_size: 10 }, max_connection_number: 100 }, { projectId: w.projectId, id: "eeeeeeee-0000-4000-8000-000000000500", ready: true });
    },
  },
  "P2C-LSN-1": { method: "POST", path: P2C_SERVERS, body: server({ local_subnets: [] }) },
  "P2C-LSN-2": { method: "POST", path: P2C_SERVERS, body: server({ local_subnets: ["abc"] }) },
  "P2C-LSN-3": { method: "POST", path: P2C_SERVERS, body: server({ local_subnets: ["127.0.0.0/24"] }) },
  "P2C-LSN-4": { method: "POST", path: P2C_SERVERS, body: server({ local_subnets: ["10.16.0.0/24", "10.16.0.0/24"] }) },
  "P2C-CERT-1": { method: "POST", path: P2C_SERVERS, body: server({ server_certificate: undefined }) },
  "P2C-CERT-2": { method: "POST", path: P2C_SERVERS, body: server({ client_auth_type: "CERT" }) },
  "P2C-CERT-3": { method: "POST", path: P2C_SERVERS, body: server({ client_auth_type: "CERT", client_ca_certificates: [{ content: "abc" }] }), mentions: "client_ca_certificates[0].content" },
  "P2C-CERT-4": { method: "POST", path: P2C_SERVERS, body: server({ client_auth_type: "CERT", client_ca_certificates: [{ name: "bad name!", content: PEM }] }), mentions: "client_ca_certificates[0].name" },
  "P2C-CERT-5": { method: "POST", path: P2C_SERVERS, body: server({ client_auth_type: "CERT", client_ca_certificates: [{ content: PEM }, { content: PEM }] }) },
  "P2C-SSL-1": { method: "POST", path: P2C_SERVERS, body: server({ ssl_options: undefined }) },
  "P2C-DNS-1": { method: "POST", path: P2C_SERVERS, body: server({ dns_servers: ["1.1.1.1", "8.8.8.8", "9.9.9.9"] }) },
  "P2C-CA-1": { method: "POST", path: `${SRV(DOC.server)}/client-ca-certificates`, body: { client_ca_certificate: { content: "abc" } } },
  "P2C-CA-2": { method: "POST", path: `${SRV(DOC.server)}/client-ca-certificates`, body: { client_ca_certificate: { name: "bad name!", content: PEM } } },
  // ---- access policies
  "P2C-POL-1": { method: "POST", path: `${SRV(DOC.server)}/access-policies`, body: policy({ dest_ip_cidrs: range(11, (i) => `10.0.${i}.0/24`) }) },
  "P2C-POL-2": { method: "POST", path: `${SRV(DOC.server)}/access-policies`, body: policy({ dest_ip_cidrs: ["abc"] }) },
  "P2C-POL-3": { method: "POST", path: `${SRV(DOC.server)}/access-policies`, body: policy({ dest_ip_cidrs: ["10.0.0.0/24", "10.0.0.0/24"] }) },
  // ---- P2C gateway
  "P2C-GW-1": { method: "PUT", path: `/v5/{project_id}/p2c-vpn-gateways/${DOC.p2cGw}`, body: { p2c_vpn_gateway: { name: "bad name!" } } },
  "P2C-GW-2": { method: "POST", path: "/v5/{project_id}/p2c-vpn-gateways", body: p2cGw({ max_connection_number: 501 }) },
  "P2C-GW-3": { method: "POST", path: "/v5/{project_id}/p2c-vpn-gateways", body: p2cGw({ eip: { id: E(), type: "5_bgp" } }) },
  "P2C-GW-4": { method: "POST", path: "/v5/{project_id}/p2c-vpn-gateways", body: p2cGw({ availability_zone_ids: ["cn-south-1f", "cn-south-1f"] }), code: "VPN.0515" },
  "P2C-GW-5": { method: "POST", path: "/v5/{project_id}/p2c-vpn-gateways", body: p2cGw({ eip: { type: "5_bgp", charge_mode: "bandwidth", bandwidth_size: 2000 } }) },
};

const MULTI: Record<string, string> = {
  "GW-11": "VPN.0559",
  "P2C-GW-3": "VPN.0559",
  "GW-14": "VPN.0552",
  "GW-15": "VPN.0515",
  "P2C-LSN-1": "VPN.1118",
  "P2C-CERT-2": "VPN.1101",
  "P2C-GRP-4": "VPN.1318",
  "P2C-USR-3": "VPN.1315",
};

/** The code a violation must get: the rule's own code when its citation names exactly one, else VPN.0001. */
function expectedCode(id: string, doc: string, c: Case): string {
  if (c.code) return c.code;
  if (MULTI[id]) return MULTI[id]!;
  const codes = [...new Set(doc.match(/VPN\.\d{4}/g) ?? [])].filter((x) => x !== "VPN.0001");
  return codes.length === 1 ? codes[0]! : id === "GW-17" ? "VPN.0502" : "VPN.0001";
}

const MANDATORY = [
  ...s2cRules.filter((r) => r.severity === "mandatory").map((r) => ({ id: r.id, doc: r.doc })),
  ...p2cRules.filter((r) => r.severity === "mandatory").map((r) => ({ id: r.id, doc: r.doc })),
];

const env = useEmulator(UNLISTED_REGION);
const listed = useEmulator({ region: "cn-north-4" });

describe("every documented constraint is refused with the documented code", () => {
  it("every mandatory rule of the registries has a case", () => {
    expect(MANDATORY.length).toBeGreaterThan(90);
    const missing = MANDATORY.map((r) => r.id).filter((id) => !CASES[id]);
    expect(missing).toEqual([]);
  });

  for (const rule of MANDATORY) {
    const c = CASES[rule.id];
    if (!c) continue;
    const code = expectedCode(rule.id, rule.doc, c);
    it(`${rule.id} → ${ERROR_TABLE[code]?.status} ${code}`, async () => {
      const target = c.listedRegion ? listed : env;
      const w: World = c.listedRegion
        ? { projectId: target.emu.projectId, params: {}, caServerId: "", monitorId: "", certificateId: "", clientConnectionId: "", jobIds: { gw: "", p2c: "" } }
        : await seedWorld(target.emu);
      await c.before?.(target, w);
      const path = typeof c.path === "function" ? c.path(w) : c.path;
      const res = await signed(target.emu, c.method, path, c.body, { project: w.projectId });
      expect(res.json?.error_code, res.text).toBe(code);
      expect(res.status).toBe(ERROR_TABLE[code]!.status);
      expect(res.json.error_msg).toContain(c.mentions ?? rule.id);
      expect(res.text).not.toMatch(/Passw0rd|Vpn-Key\.20/);
    });
  }
});
