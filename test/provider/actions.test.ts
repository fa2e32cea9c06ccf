/**
 * End-to-end on the real engine against the emulator: the seven actions (connection reset, gateway upgrade and
 * job delete, P2C gateway upgrade and job delete, P2C client disconnect, user password reset). Nothing runs
 * during a preview; `up` performs each once and waits for its job or status; a second `up` runs nothing; a
 * changed `triggers` runs the action again; destroy leaves the cloud as it is; the new password stays secret.
 */
import { describe, expect, it } from "vitest";
import {
  P2cVpnGatewayConnectionDisconnect,
  P2cVpnGatewayJobDelete,
  P2cVpnGatewayUpgrade,
  VpnConnectionReset,
  VpnGatewayJobDelete,
  VpnGatewayUpgrade,
  VpnUserPasswordReset,
} from "../../provider";
import { GW, TEST_PSK, apiClient, emulatorStack, useEmulator } from "./helpers";

const env = useEmulator();
const OLD_PASSWORD = "Qwer-asdf-12";
const NEW_PASSWORD = "Reset-Passw0rd-99";
const ACTION_OPS = [
  "resetVpnConnection",
  "upgradeVpnGateway",
  "deleteVpnGatewayJob",
  "upgradeP2cVpnGateway",
  "deleteP2cVpnGatewayJob",
  "deleteP2cVgwConnection",
  "resetVpnUserPassword",
];

async function world() {
  const a = env.emu.admin;
  const o = { projectId: env.emu.projectId, ready: true };
  const vgw = await a.createResource<{ id: string }>("vpnGateway", { vpc_id: GW.vpcId, local_subnets: GW.localSubnets, connect_subnet: GW.connectSubnet, eip1: GW.eip1, eip2: GW.eip2 }, o);
  const cgw = await a.createResource<{ id: string }>("customerGateway", { id_type: "ip", id_value: "10.12.13.21" }, o);
  const conn = await a.createResource<{ id: string }>("vpnConnection", { vgw_id: vgw.id, vgw_ip: GW.eip1.id, cgw_id: cgw.id, peer_subnets: ["192.168.44.0/24"], psk: TEST_PSK }, o);
  await a.setPeer(conn.id, true, env.emu.projectId);
  const p2c = await a.createResource<{ id: string }>(
    "p2cVpnGateway",
    { vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", eip: { id: "f0bac06a-88a7-4d37-8e2e-c37691ee2001" } },
    o,
  );
  const server = await a.createResource<{ id: string }>(
    "vpnServer",
    { client_cidr: "172.16.0.0/16", local_subnets: ["192.168.12.0/24"], client_auth_type: "LOCAL_PASSWORD", server_certificate: { id: "scs1716171403922" }, ssl_options: { port: 443 } },
    { ...o, parents: { p2c_vgw_id: p2c.id } },
  );
  const user = await a.createResource<{ id: string }>("vpnUser", { name: "alice01", password: OLD_PASSWORD }, { ...o, parents: { vpn_server_id: server.id } });
  const client = { connection: await a.connectClient(p2c.id, { projectId: env.emu.projectId, userName: "alice01" }) };
  return { vgw: vgw.id, conn: conn.id, p2c: p2c.id, server: server.id, user: user.id, client: client.connection.connection_id };
}

describe("actions", () => {
  it("run once on up (never on preview), wait for their outcome, run again on a new trigger, and leave the cloud on destroy", async () => {
    const w = await world();
    let resetTrigger = "first";
    const s = await emulatorStack(env.emu, async () => {
      const reset = new VpnConnectionReset("reset", { vpnConnectionId: w.conn, triggers: [resetTrigger] });
      const start = new VpnGatewayUpgrade("upgrade-start", { vgwId: w.vgw, action: "start" });
      const finish = new VpnGatewayUpgrade("upgrade-finish", { vgwId: w.vgw, action: "finish" }, { dependsOn: [start] });
      const jobGone = new VpnGatewayJobDelete("job-delete", { jobId: finish.jobId.apply((j) => j!) });
      const p2cStart = new P2cVpnGatewayUpgrade("p2c-upgrade", { p2cVgwId: w.p2c, action: "start" });
      const p2cJobGone = new P2cVpnGatewayJobDelete("p2c-job-delete", { jobId: p2cStart.jobId.apply((j) => j!) });
      const kick = new P2cVpnGatewayConnectionDisconnect("disconnect", { p2cVgwId: w.p2c, connectionId: w.client });
      const password = new VpnUserPasswordReset("password", { vpnServerId: w.server, userId: w.user, newPassword: NEW_PASSWORD });
      return {
        reset: reset.performedAt,
        start: start.jobStatus,
        finish: finish.jobStatus,
        sameJob: finish.jobId.apply((f) => start.jobId.apply((st) => f === st)),
        jobGone: jobGone.jobId,
        p2cStart: p2cStart.jobStatus,
        p2cJobGone: p2cJobGone.id,
        kick: kick.connectionId,
        password: password.newPassword,
      };
    });
    const api = apiClient(env.emu);
    const calls = async (op: string) => (await env.emu.admin.requests({ operation: op, projectId: env.emu.projectId })).length;
    try {
      const preview = await s.preview();
      expect(preview.error, preview.stdout).toBeUndefined();
      expect(preview.summary?.create).toBe(9);
      for (const op of ACTION_OPS) expect(await calls(op), op).toBe(0);

      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      for (const op of ACTION_OPS) expect(await calls(op), op).toBe(op === "upgradeVpnGateway" ? 2 : 1);
      expect(up.outputs?.start.value).toBe("pending_upgrade_confirm");
      expect(up.outputs?.finish.value).toBe("success");
      expect(up.outputs?.p2cStart.value).toBe("pending_upgrade_confirm");
      expect(up.outputs?.sameJob.value).toBe(true);
      expect((await api.listVpnGatewayJobs({ resource_id: w.vgw })).jobs).toEqual([]);
      expect((await api.listP2cVpnGatewayJobs({ resource_id: w.p2c })).jobs).toEqual([]);
      expect((await api.listP2cVgwConnections({ p2c_vgw_id: w.p2c })).connections).toEqual([]);
      // the reset renegotiated the tunnel: the connection is ready again, its peer has to come up anew
      expect((await api.showVpnConnection({ vpn_connection_id: w.conn })).vpn_connection.status).toBe("DOWN");
      // the new password is the user's: changing it needs it as the old one
      await api.updateVpnUserPassword({ vpn_server_id: w.server, user_id: w.user, body: { old_password: NEW_PASSWORD, new_password: "Third-Passw0rd-77" } });
      expect(up.outputs?.password.secret).toBe(true);
      expect(s.rawState()).not.toContain(NEW_PASSWORD);
      expect(up.stdout + up.stderr).not.toContain(NEW_PASSWORD);

      const again = await s.up();
      expect(again.error, again.stdout).toBeUndefined();
      expect(again.summary?.same).toBe(9);
      for (const op of ACTION_OPS) expect(await calls(op), op).toBe(op === "upgradeVpnGateway" ? 2 : 1);

      resetTrigger = "second";
      const rerun = await s.up();
      expect(rerun.error, rerun.stdout).toBeUndefined();
      expect(rerun.summary?.replace).toBe(1);
      expect(await calls("resetVpnConnection")).toBe(2);
      expect(rerun.outputs?.reset.value).not.toBe(up.outputs?.reset.value);

      const down = await s.destroy();
      expect(down.error, down.stdout).toBeUndefined();
      expect(await calls("resetVpnConnection")).toBe(2);
      expect((await api.showVpnConnection({ vpn_connection_id: w.conn })).vpn_connection.id).toBe(w.conn);
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
