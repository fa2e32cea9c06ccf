/**
 * Day 2 on the real engine: the changes that used to break after a successful first `up` — rotating an IKE
 * setting of a connection, a customer gateway with a CA certificate settling (after up, refresh and adoption),
 * taking a user out of its group, and a flavor change the specification API refuses, caught at preview.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import * as vpn from "../../provider";
import { GW, apiClient, emulatorStack, useEmulator } from "./helpers";
import type { EngineStack } from "../engine/harness";
import { seedP2cServer } from "../emulator/world";

const env = useEmulator();
const cert = (name: string) => readFileSync(path.join(__dirname, "../policies/certs", name), "utf8");

function changes(summary: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([k, n]) => k !== "same" && n > 0));
}

async function expectNoChanges(s: EngineStack, when: string): Promise<void> {
  const p = await s.preview({ diff: true });
  expect(changes(p.summary), `${when}: ${p.stdout}${p.stderr}`).toEqual({});
}

describe("day 2", () => {
  it("rotates a connection's DH group in place; a customer gateway with a CA certificate settles; a flavor the specification API refuses fails at preview", async () => {
    let dhGroup: "group19" | "group20" = "group19";
    let flavor: "Professional1" | "GM" = "Professional1";
    const s = await emulatorStack(env.emu, async () => {
      const gw = new vpn.VpnGateway("gw", { ...GW, flavor });
      const cgw = new vpn.CustomerGateway("cgw", { idType: "ip", idValue: "203.0.113.41", caCertificate: { content: cert("ca-rsa3072.pem") } });
      const conn = new vpn.VpnConnection("conn", {
        vgwId: gw.id,
        vgwIp: GW.eip1.id,
        cgwId: cgw.id,
        peerSubnets: ["192.168.44.0/24"],
        psk: new pulumi.Config().requireSecret("psk"),
        ikepolicy: { dhGroup },
      });
      return { conn: conn.id, cgw: cgw.id };
    });
    const api = apiClient(env.emu);
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      await expectNoChanges(s, "after up");
      const refreshed = await s.refresh();
      expect(refreshed.error).toBeUndefined();
      await expectNoChanges(s, "after refresh");

      dhGroup = "group20";
      const since = (await env.emu.admin.requests({ projectId: env.emu.projectId })).length;
      const upd = await s.up();
      expect(upd.error, upd.stdout).toBeUndefined();
      expect(changes(upd.summary)).toEqual({ update: 1 });
      const shown = await api.showVpnConnection({ vpn_connection_id: upd.outputs?.conn.value });
      expect(shown.vpn_connection.ikepolicy.dh_group).toBe("group20");
      const calls = (await env.emu.admin.requests({ projectId: env.emu.projectId })).slice(since).filter((r) => r.method !== "GET");
      expect(calls.map((c) => `${c.operation} ${c.status}`)).toEqual(["updateVpnConnection 200"]);
      await expectNoChanges(s, "after the DH group change");

      flavor = "GM";
      const p = await s.preview();
      expect(p.ok).toBe(false);
      expect(p.stdout + p.stderr).toMatch(/flavor: "GM" — .*GW-21/);
      expect((await env.emu.admin.requests({ projectId: env.emu.projectId, operation: "updatePostpaidVgwSpecification" })).length).toBe(0);
      flavor = "Professional1";
    } finally {
      await s.destroy();
      await s.cleanup();
    }

    // Adoption of a customer gateway with a CA certificate sends no update (its content cannot be read back).
    const made = await api.createCgw({
      body: { customer_gateway: { name: "cgw-ca-adopted", id_type: "ip", id_value: "203.0.113.42", ca_certificate: { content: cert("ca-rsa3072.pem") } } },
    });
    const adopted = await emulatorStack(env.emu, async () => {
      new vpn.CustomerGateway("adopted", {
        name: "cgw-ca-adopted",
        idType: "ip",
        idValue: "203.0.113.42",
        caCertificate: { content: cert("ca-rsa3072.pem") },
        importId: made.customer_gateway.id,
      });
    });
    try {
      const before = (await env.emu.admin.requests({ projectId: env.emu.projectId, operation: "updateCgw" })).length;
      const up = await adopted.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect((await env.emu.admin.requests({ projectId: env.emu.projectId, operation: "updateCgw" })).length).toBe(before);
      await expectNoChanges(adopted, "after adoption");
    } finally {
      await adopted.destroy();
      await adopted.cleanup();
    }
  }, 600_000);

  it("takes a user out of its group when the program stops setting userGroupId", async () => {
    const emu = env.emu;
    const seeded = await seedP2cServer(emu);
    const server = { id: seeded.serverId };
    let inGroup = true;
    const s = await emulatorStack(emu, async () => {
      const group = new vpn.VpnUserGroup("ops", { vpnServerId: server.id, name: "ops" });
      const user = new vpn.VpnUser("bobby", {
        vpnServerId: server.id,
        name: "bobby",
        password: "Qwer-asdf-12",
        ...(inGroup ? { userGroupId: group.id } : {}),
      });
      return { user: user.id, group: group.id };
    });
    const api = apiClient(emu);
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      const userId = up.outputs?.user.value;
      const show = () => api.showVpnUser({ vpn_server_id: server.id, user_id: userId });
      expect((await show()).user.user_group_id).toBe(up.outputs?.group.value);

      inGroup = false;
      const p = await s.preview();
      expect(changes(p.summary)).toEqual({ update: 1 });
      const upd = await s.up();
      expect(upd.error, upd.stdout).toBeUndefined();
      expect((await show()).user.user_group_id ?? null).not.toBe(up.outputs?.group.value);
      await expectNoChanges(s, "after leaving the group");
    } finally {
      await s.destroy();
      await s.cleanup();
    }
  }, 600_000);
});
