/**
 * The update matrix of the point-to-cloud kinds that live under a VPN server (./matrix): user groups, users,
 * access policies, client CA certificates.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll } from "vitest";
import { matrixSuite, type Base, type Path } from "./matrix";
import { SimResource, useRuntime } from "./sim";

const env = useRuntime();
const cert = (name: string) => readFileSync(path.join(__dirname, "../policies/certs", name), "utf8");
const fx: { server?: string; group1?: SimResource; group2?: SimResource } = {};

beforeAll(async () => {
  const emu = env.emu;
  const ready = { projectId: emu.projectId, ready: true };
  const gw = await emu.admin.createResource<{ id: string }>(
    "p2cVpnGateway",
    {
      name: "p2c-gw",
      vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a",
      connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51",
      flavor: "Professional1",
      eip: { id: "f0bac06a-88a7-4d37-8e2e-c37691ee4ba2" },
      max_connection_number: 200,
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
  fx.server = server.id;
  fx.group1 = await new SimResource(env.rt, "vpnUserGroup", "fx-g1").create({ vpnServerId: fx.server, name: "fx-g1" });
  fx.group2 = await new SimResource(env.rt, "vpnUserGroup", "fx-g2").create({ vpnServerId: fx.server, name: "fx-g2" });
});

let userSeq = 0;
const bases: Record<string, () => Base[]> = {
  vpnUserGroup: () => [{ label: "group", args: { vpnServerId: fx.server, name: `grp-${++userSeq}`, description: "first" } }],
  vpnUser: () => [
    {
      label: "in-group",
      args: {
        vpnServerId: fx.server,
        name: `user${++userSeq}`,
        password: "Qwer-asdf-12",
        description: "first",
        userGroupId: fx.group1!.id,
        staticIp: `172.16.${userSeq}.5`,
      },
    },
  ],
  vpnAccessPolicy: () => [
    { label: "policy", args: { vpnServerId: fx.server, name: `pol-${++userSeq}`, userGroupId: fx.group1!.id, description: "first", destIpCidrs: ["192.168.12.0/24"] } },
  ],
  clientCaCertificate: () => [{ label: "ca", args: { vpnServerId: fx.server, name: `ca-${++userSeq}`, content: cert("ca-rsa3072.pem") } }],
};

function references(p: Path): unknown[] {
  const k = p.join(".");
  if (k === "user_group_id") return [fx.group2!.id];
  // A static IP is the first host of a /30 inside the client CIDR (ZH/EN 4.2.3.1).
  if (k === "static_ip") return [`172.16.${200 + (++userSeq % 50)}.9`];
  return [];
}

matrixSuite({
  env,
  kinds: ["vpnUserGroup", "vpnUser", "vpnAccessPolicy", "clientCaCertificate"],
  bases,
  references,
  replacements: (field) => (field === "content" ? [cert("ca-rsa2048.pem")] : field === "name" ? [`renamed${++userSeq}`] : []),
});
