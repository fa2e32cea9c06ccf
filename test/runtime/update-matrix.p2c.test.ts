/**
 * The update matrix of the point-to-cloud kinds that live under a VPN server (./matrix): user groups, users,
 * access policies, client CA certificates.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll } from "vitest";
import { matrixSuite, type Base, type Path } from "./matrix";
import { SimResource, useRuntime } from "./sim";
import { seedP2cServer } from "../emulator/world";

const env = useRuntime();
const cert = (name: string) => readFileSync(path.join(__dirname, "../policies/certs", name), "utf8");
const fx: { server?: string; group1?: SimResource; group2?: SimResource } = {};

beforeAll(async () => {
  const emu = env.emu;
  const seeded = await seedP2cServer(emu, { maxConnectionNumber: 200 });
  const server = { id: seeded.serverId };
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
