/**
 * End-to-end on the real engine against the emulator: the P2C gateway (created through the official SDK's
 * undocumented create/delete, or adopted by id and kept on destroy unless asked), its VPN server (no delete API:
 * kept with a warning; one per gateway; client CA certificates changed one by one) and its connection-log
 * configuration.
 */
import { describe, expect, it } from "vitest";
import { ConnectionLogConfig, P2cVpnGateway, VpnServer } from "../../provider";
import { apiClient, emulatorStack, remaining, useEmulator } from "./helpers";

const env = useEmulator();

const VPC = "05b9d7de-9acd-4a05-b497-1a3c75afaa0a";
const SUBNET = "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51";
const pem = (body: string) => `-----BEGIN CERTIFICATE-----${body}-----END CERTIFICATE-----`;

const changes = (summary: Record<string, number> | undefined) =>
  Object.fromEntries(Object.entries(summary ?? {}).filter(([k, n]) => k !== "same" && n > 0));

async function seedGateway(eip: string): Promise<string> {
  const gw = await env.emu.admin.createResource<{ id: string }>(
    "p2cVpnGateway",
    { name: "bought-monthly", vpc_id: VPC, connect_subnet: SUBNET, flavor: "Professional1", eip: { id: eip }, max_connection_number: 10 },
    { projectId: env.emu.projectId, ready: true },
  );
  return gw.id;
}

describe("P2C gateway", () => {
  it("create (undocumented CreateP2cVgw), rename in place, tags, destroy deletes it (DeleteP2cVgw)", async () => {
    let name = "p2c-a";
    let tags: Record<string, string> = { env: "test" };
    const s = await emulatorStack(env.emu, async () => {
      const gw = new P2cVpnGateway("gw", {
        name,
        vpcId: VPC,
        connectSubnet: SUBNET,
        flavor: "Professional1",
        eip: { type: "5_bgp", chargeMode: "bandwidth", bandwidthSize: 10 },
        maxConnectionNumber: 10,
        tags,
      });
      return { id: gw.id, status: gw.status, name: gw.name, eip: gw.eip };
    });
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(up.outputs?.status.value).toBe("ACTIVE");
      expect(typeof up.outputs?.eip.value.ipAddress).toBe("string");
      expect(changes((await s.preview({ diff: true })).summary)).toEqual({});
      name = "p2c-b";
      tags = { env: "prod" };
      const upd = await s.up();
      expect(upd.error, upd.stdout).toBeUndefined();
      expect(upd.summary?.update).toBe(1);
      expect(upd.outputs?.id.value).toBe(up.outputs?.id.value);
      const api = apiClient(env.emu);
      const shown = await api.showP2cVgw({ p2c_vgw_id: up.outputs?.id.value });
      expect(shown.p2c_vpn_gateway.name).toBe("p2c-b");
      // The user's tags, plus the marker tag a user-named resource carries (crash recovery, see the README).
      const tagged = (await api.showResourceTags({ resource_type: "p2c-vpn-gateways", resource_id: up.outputs?.id.value })).tags as { key: string }[];
      expect(tagged.filter((t) => t.key !== "pulumi-hwvpn-id")).toEqual([{ key: "env", value: "prod" }]);
      expect(tagged.map((t) => t.key)).toContain("pulumi-hwvpn-id");
      const down = await s.destroy();
      expect(down.error, down.stdout).toBeUndefined();
      expect((await env.emu.admin.requests({ operation: "deleteP2cVgw", projectId: env.emu.projectId })).length).toBe(1);
      expect((await remaining(env.emu)).p2cVpnGateway ?? 0).toBe(0);
    } finally {
      await s.cleanup();
    }
  }, 300_000);

  it("an adopted gateway needs only the fields to manage, is renamed in place, and is kept on destroy unless asked", async () => {
    const id = await seedGateway("f0bac06a-88a7-4d37-8e2e-c37691ee1001");
    let deleteOnDestroy: boolean | undefined;
    const s = await emulatorStack(env.emu, async () => {
      const gw = new P2cVpnGateway("gw", { importId: id, name: "renamed", ...(deleteOnDestroy !== undefined ? { deleteOnDestroy } : {}) });
      return { id: gw.id, vpcId: gw.vpcId };
    });
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(up.outputs?.id.value).toBe(id);
      expect(up.outputs?.vpcId.value).toBe(VPC);
      const api = apiClient(env.emu);
      expect((await api.showP2cVgw({ p2c_vgw_id: id })).p2c_vpn_gateway.name).toBe("renamed");
      const down = await s.destroy();
      expect(down.error, down.stdout).toBeUndefined();
      expect(down.stdout + down.stderr).toContain(`P2cVpnGateway ${id} is removed from the stack but not deleted: it was adopted (importId)`);
      expect((await api.showP2cVgw({ p2c_vgw_id: id })).p2c_vpn_gateway.id).toBe(id);

      deleteOnDestroy = true;
      expect((await s.up()).error).toBeUndefined();
      const gone = await s.destroy();
      expect(gone.error, gone.stdout).toBeUndefined();
      await expect(api.showP2cVgw({ p2c_vgw_id: id })).rejects.toMatchObject({ errorCode: "VPN.0509" });
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});

describe("VPN server and connection-log configuration", () => {
  it("password-mode server: create, no-change preview, update in place, log config, kept with a warning on destroy", async () => {
    const gwId = await seedGateway("f0bac06a-88a7-4d37-8e2e-c37691ee1002");
    let dnsServers = ["100.125.1.250"];
    let logStream = "d9d85143-e1e1-427a-9994-d8b8fd9ebe3f";
    const s = await emulatorStack(env.emu, async () => {
      const server = new VpnServer("server", {
        p2cVgwId: gwId,
        clientCidr: "100.10.2.0/24",
        localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
        clientAuthType: "LOCAL_PASSWORD",
        serverCertificate: { id: "scs1717051012106" },
        sslOptions: { protocol: "TCP", port: 443, encryptionAlgorithm: "AES-128-GCM", isCompressed: false },
        dnsServers,
      });
      const logs = new ConnectionLogConfig("logs", { p2cVgwId: gwId, logGroupId: "05c4052d-8d14-488f-aa00-19fea5a25fdd", logStreamId: logStream });
      return { id: server.id, status: server.status, dns: server.dnsServers, cert: server.serverCertificate, logs: logs.id, stream: logs.logStreamId };
    });
    const api = apiClient(env.emu);
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(up.outputs?.status.value).toBe("ACTIVE");
      expect(up.outputs?.cert.value.name).toMatch(/^cert-/);
      expect(up.outputs?.logs.value).toBe(gwId);
      expect(changes((await s.preview({ diff: true })).summary)).toEqual({});

      dnsServers = ["100.125.1.250", "100.125.21.250"];
      logStream = "d9d85143-e1e1-427a-9994-d8b8fd9ebe40";
      const upd = await s.up();
      expect(upd.error, upd.stdout).toBeUndefined();
      expect(upd.summary?.update).toBe(2);
      expect(upd.outputs?.id.value).toBe(up.outputs?.id.value);
      const servers = (await api.listVpnServersByVgw({ p2c_vgw_id: gwId })).vpn_servers;
      expect(servers.map((x: any) => x.dns_servers)).toEqual([["100.125.1.250", "100.125.21.250"]]);
      expect((await api.showVpnConnectionsLogConfig({ p2c_vgw_id: gwId })).log_config).toEqual({
        log_group_id: "05c4052d-8d14-488f-aa00-19fea5a25fdd",
        log_stream_id: "d9d85143-e1e1-427a-9994-d8b8fd9ebe40",
      });
      const refreshed = await s.refresh();
      expect(refreshed.error).toBeUndefined();
      expect(changes(refreshed.summary)).toEqual({});

      const down = await s.destroy();
      expect(down.error, down.stdout).toBeUndefined();
      expect(down.stdout + down.stderr).toContain(
        `VpnServer ${up.outputs?.id.value} is removed from the stack but not deleted: the API has no delete operation for a VPN server: it stays with its P2C gateway.`,
      );
      expect((await api.listVpnServersByVgw({ p2c_vgw_id: gwId })).vpn_servers).toHaveLength(1);
      await expect(api.showVpnConnectionsLogConfig({ p2c_vgw_id: gwId })).rejects.toMatchObject({ errorCode: "VPN.0004" });

      // The gateway keeps its server: a second one fails naming it; importId adopts it.
      const existing = up.outputs?.id.value;
      let adopt = false;
      const again = await emulatorStack(env.emu, async () => {
        const server = new VpnServer("server", {
          p2cVgwId: gwId,
          clientCidr: "100.10.2.0/24",
          localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
          serverCertificate: { id: "scs1717051012106" },
          sslOptions: { port: 443 },
          ...(adopt ? { importId: existing } : {}),
        });
        return { id: server.id };
      });
      try {
        const fail = await again.up();
        expect(fail.error).toContain(`the P2C gateway already has VPN server ${existing} (one server per gateway, VPN.1102); adopt it with importId: "${existing}"`);
        adopt = true;
        const adopted = await again.up();
        expect(adopted.error, adopted.stdout).toBeUndefined();
        expect(adopted.outputs?.id.value).toBe(existing);
        expect((await again.destroy()).error).toBeUndefined();
      } finally {
        await again.cleanup();
      }
    } finally {
      await s.cleanup();
    }
  }, 300_000);

  it("certificate-mode server: client CA certificates are imported and deleted one by one, the server is never replaced", async () => {
    const gwId = await seedGateway("f0bac06a-88a7-4d37-8e2e-c37691ee1003");
    let cas = [{ name: "ca-one", content: pem("*****1") }];
    const s = await emulatorStack(env.emu, async () => {
      const server = new VpnServer("server", {
        p2cVgwId: gwId,
        clientCidr: "100.10.1.0/24",
        localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
        clientAuthType: "CERT",
        serverCertificate: { id: "scs1717051012106" },
        clientCaCertificates: cas,
        sslOptions: { port: 443, encryptionAlgorithm: "AES-128-GCM", isCompressed: false },
      });
      return { id: server.id };
    });
    const api = apiClient(env.emu);
    const names = async () =>
      ((await api.listVpnServersByVgw({ p2c_vgw_id: gwId })).vpn_servers[0].client_ca_certificates as any[]).map((c) => c.name).sort();
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(await names()).toEqual(["ca-one"]);
      cas = [{ name: "ca-two", content: pem("*****2") }, { content: pem("*****3") } as never];
      const upd = await s.up();
      expect(upd.error, upd.stdout).toBeUndefined();
      expect(upd.summary?.update).toBe(1);
      expect(upd.outputs?.id.value).toBe(up.outputs?.id.value);
      const now = await names();
      expect(now).toHaveLength(2);
      expect(now).toContain("ca-two");
      expect(now.find((n) => n !== "ca-two")).toMatch(/^ca-[0-9a-f]{8}$/);
      expect((await env.emu.admin.requests({ operation: "importClientCa", projectId: env.emu.projectId })).length).toBe(2);
      expect((await env.emu.admin.requests({ operation: "deleteClientCa", projectId: env.emu.projectId })).length).toBe(1);
      expect(changes((await s.preview({ diff: true })).summary)).toEqual({});
      expect((await s.destroy()).error).toBeUndefined();
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
