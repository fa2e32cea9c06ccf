/**
 * End-to-end: point-to-cloud users, groups and access policies of a VPN server on the real engine against the
 * emulator — create, no-change preview, in-place update, password reset, destroy. The user's password is secret.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ClientCaCertificate, VpnAccessPolicy, VpnUser, VpnUserGroup } from "../../provider";
import { apiClient, emulatorStack, remaining, useEmulator } from "./helpers";
import { seedP2cServer } from "../emulator/world";

const env = useEmulator();
let serverId: string;
beforeAll(async () => {
  const emu = env.emu;
  const seeded = await seedP2cServer(emu);
  const server = { id: seeded.serverId };
  serverId = server.id;
});

describe("point-to-cloud users, groups and policies", () => {
  it("create, no-change preview, update in place, password reset, destroy; the password stays secret", async () => {
    let description = "first";
    let password = "Qwer-asdf-12";
    const s = await emulatorStack(env.emu, async () => {
      const group = new VpnUserGroup("ops", { vpnServerId: serverId, name: "ops", description });
      const user = new VpnUser("alice", {
        vpnServerId: serverId,
        name: "alice",
        password,
        userGroupId: group.id,
        description,
      });
      const policy = new VpnAccessPolicy("ops-net", {
        vpnServerId: serverId,
        name: "ops-net",
        userGroupId: group.id,
        destIpCidrs: ["192.168.12.0/24"],
      });
      return { group: group.id, user: user.id, policy: policy.id, userDescription: user.description };
    });
    const api = apiClient(env.emu);
    const before = await remaining(env.emu); // the server comes with its built-in "default" user group
    const added = async () => {
      const now = await remaining(env.emu);
      return Object.fromEntries(
        Object.entries(now)
          .map(([k, n]) => [k, n - (before[k] ?? 0)])
          .filter(([, n]) => n !== 0),
      );
    };
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(up.summary?.create).toBe(4);
      expect(await added()).toEqual({ vpnUserGroup: 1, vpnUser: 1, vpnAccessPolicy: 1 });
      const same = await s.preview({ diff: true });
      expect(
        Object.entries(same.summary ?? {}).filter(([k, n]) => k !== "same" && n > 0),
        same.stdout,
      ).toEqual([]);

      description = "second";
      const upd = await s.up();
      expect(upd.error, upd.stdout).toBeUndefined();
      expect(upd.summary?.update).toBe(2);
      const shown = await api.showVpnUser({ vpn_server_id: serverId, user_id: upd.outputs?.user.value });
      expect(shown.user.description).toBe("second");

      password = "Zxcv-qwer-34";
      const reset = await s.up();
      expect(reset.error, reset.stdout).toBeUndefined();
      expect(reset.summary?.update).toBe(1);
      expect(reset.outputs?.user.value).toBe(upd.outputs?.user.value);
      const resets = await env.emu.admin.requests({ operation: "resetVpnUserPassword", projectId: env.emu.projectId });
      expect(resets).toHaveLength(1);

      const raw = s.rawState();
      for (const p of ["Qwer-asdf-12", "Zxcv-qwer-34"]) {
        expect(raw).not.toContain(p);
        expect(reset.stdout + upd.stdout + up.stdout).not.toContain(p);
      }
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      expect(await added()).toEqual({});
    } finally {
      await s.cleanup();
    }
  }, 300_000);

  it("a client CA certificate: import, rename in place, delete", async () => {
    let name = "ca-a";
    const s = await emulatorStack(env.emu, async () => {
      const ca = new ClientCaCertificate("ca", {
        vpnServerId: serverId,
        name,
        content: "-----BEGIN CERTIFICATE-----*****-----END CERTIFICATE-----",
      });
      return { id: ca.id, name: ca.name };
    });
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      name = "ca-b";
      const upd = await s.up();
      expect(upd.error, upd.stdout).toBeUndefined();
      expect(upd.summary?.update).toBe(1);
      expect(upd.outputs?.name.value).toBe("ca-b");
      expect(upd.outputs?.id.value).toBe(up.outputs?.id.value);
      const down = await s.destroy();
      expect(down.error, down.stdout).toBeUndefined();
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
