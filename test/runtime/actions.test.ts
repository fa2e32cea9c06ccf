/**
 * The action runtime driven in-process (the provider's methods, as the engine calls them) against the emulator:
 * preview-time checks name field, value and rule and never show a secret; what re-runs an action; the waits
 * (job status, a resource's status under a deadline, an item leaving a list).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { methods } from "../../provider/runtime";
import { stackConfig } from "../../provider/settings";
import { actionSpecs, type ActionSpec } from "../../sdk/spec/actions";
import { getOperation } from "../../sdk/spec/operations";

let emu: RunningEmulator;
let m: ReturnType<typeof methods>;
beforeAll(async () => {
  emu = await startEmulator({ delayScale: 0 });
  const cfg = stackConfig(emu.settings);
  m = methods({ get: (k) => cfg[k] });
});
afterAll(() => emu.close());

const ID = "3e9b8c9a-2a4c-4a83-8e41-1b2a0f4c2d11";
const ready = () => ({ projectId: emu.projectId, ready: true });

async function gateway(): Promise<string> {
  const eip = () => `e1e1e1e1-0000-4000-8000-${Math.floor(Math.random() * 1e12).toString(16).padStart(12, "0")}`;
  const gw = await emu.admin.createResource<{ id: string }>(
    "vpnGateway",
    { vpc_id: "cb4a631d-0000-4a8d-8a86-ca3fa348c36c", local_subnets: ["192.168.0.0/24"], connect_subnet: "f5741286-0000-4a8d-8a86-2c82bd9ee114", eip1: { id: eip() }, eip2: { id: eip() } },
    ready(),
  );
  return gw.id;
}

describe("the action table", () => {
  it.each(Object.values(actionSpecs) as ActionSpec[])("$className calls an operation of the table and waits on operations of the table", (spec) => {
    expect(getOperation(spec.operation).name.toLowerCase()).toBe(spec.operation.toLowerCase());
    if (spec.wait && spec.wait.kind !== "status") expect(getOperation(spec.wait.listOperation).method).toBe("GET");
  });
});

describe("check", () => {
  it("names a missing path parameter and a value outside the rule", async () => {
    const r = await m.check({}, { __action: "vpnGatewayUpgrade", action: "restart" });
    expect(r.failures).toEqual([
      { property: "vgwId", reason: "vgwId: <missing> — required: the vgw_id of the upgradeVpnGateway call" },
      { property: "action", reason: 'action: "restart" — action must be start, finish or rollback (official SDK UpgradeRequestBody)' },
    ]);
  });

  it("never shows a secret: the failure names the field and the rule, with the value redacted", async () => {
    const r = await m.check({}, { __action: "vpnUserPasswordReset", vpnServerId: ID, userId: ID, newPassword: "sh0rt" });
    expect(r.failures!.length).toBeGreaterThan(0);
    for (const f of r.failures!) {
      expect(f.property).toBe("");
      expect(f.reason).toMatch(/^newPassword: <redacted> — /);
      expect(f.reason).not.toContain("sh0rt");
    }
  });

  it("lets values that are not known yet through (preview)", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect((await m.check({}, { __action: "vpnGatewayJobDelete", jobId: unknown })).failures).toEqual([]);
    expect((await m.check({}, { __action: "vpnGatewayUpgrade", vgwId: unknown, action: unknown })).failures).toEqual([]);
  });
});

describe("diff", () => {
  const olds = { __action: "vpnConnectionReset", vpnConnectionId: ID, triggers: ["a"], performedAt: "2026-01-01T00:00:00.000Z" };
  it.each([
    ["nothing changed", { vpnConnectionId: ID, triggers: ["a"] }, { changes: false, replaces: [] }],
    ["a new trigger runs it again", { vpnConnectionId: ID, triggers: ["b"] }, { changes: true, replaces: ["triggers"] }],
    ["another target runs it again", { vpnConnectionId: ID.replace("11", "12"), triggers: ["a"] }, { changes: true, replaces: ["vpnConnectionId"] }],
    ["new timeouts only apply next time", { vpnConnectionId: ID, triggers: ["a"], timeouts: { create: "5m" } }, { changes: true, replaces: [] }],
  ])("%s", async (_what, news, want) => {
    expect(await m.diff("id", olds, { __action: "vpnConnectionReset", ...news })).toEqual(want);
  });
});

describe("create waits for the outcome", () => {
  it("an upgrade waits until its job reaches the status its action ends in, and returns the job", async () => {
    const vgwId = await gateway();
    const start = await m.create({ __action: "vpnGatewayUpgrade", vgwId, action: "start" });
    expect(start.outs).toMatchObject({ jobId: start.id, jobStatus: "pending_upgrade_confirm" });
    const rollback = await m.create({ __action: "vpnGatewayUpgrade", vgwId, action: "rollback" });
    expect(rollback).toMatchObject({ id: start.id, outs: { jobStatus: "rollback_success" } });
    // read and delete change nothing
    expect(await m.read(start.id, start.outs)).toEqual({ id: start.id, props: start.outs });
    await m.delete(start.id, start.outs);
    expect((await emu.admin.requests({ operation: "deleteVpnGatewayJob", projectId: emu.projectId })).length).toBe(0);
  });

  it("an upgrade's wait follows the job's expected_time_seconds: after the first list, nothing before half of it", async () => {
    const vgwId = await gateway();
    // start takes 600 s × 0.0025 = 1.5 s of emulator time and announces 2 s: the polls fall in 1–3 s.
    await emu.admin.setDelayScale(0.0025);
    try {
      const since = (await emu.admin.requests({ projectId: emu.projectId })).at(-1)?.seq ?? 0;
      const t0 = Date.now();
      const start = await m.create({ __action: "vpnGatewayUpgrade", vgwId, action: "start" });
      const took = Date.now() - t0;
      expect(start.outs.jobStatus).toBe("pending_upgrade_confirm");
      const lists = (await emu.admin.requests({ operation: "listVpnGatewayJobs", projectId: emu.projectId }))
        .filter((r) => r.seq > since && r.query.includes(vgwId))
        .map((r) => Date.parse(r.time));
      expect(lists.length).toBeGreaterThanOrEqual(2);
      expect(lists.length).toBeLessThanOrEqual(5);
      // The first list at once (the upgrade answers only the job id); the next ones in the announced window.
      expect(lists[1]! - lists[0]!).toBeGreaterThanOrEqual(900);
      expect(took).toBeGreaterThanOrEqual(1500);
      expect(took).toBeLessThan(3500);
    } finally {
      await emu.admin.setDelayScale(0);
    }
  });

  it("a connection reset waits for the connection, under the action's deadline", async () => {
    const vgwId = await gateway();
    const cgw = await emu.admin.createResource<{ id: string }>("customerGateway", { id_type: "ip", id_value: "10.9.9.9" }, ready());
    const gw = (await emu.admin.state(emu.projectId)).projects[0]!.resources.vpnGateway!.find((g) => (g as { id: string }).id === vgwId) as unknown as { data: { eip1: { id: string } } };
    const conn = await emu.admin.createResource<{ id: string }>(
      "vpnConnection",
      { vgw_id: vgwId, vgw_ip: gw.data.eip1.id, cgw_id: cgw.id, peer_subnets: ["10.1.0.0/16"], psk: "Abcd@1234x" },
      ready(),
    );
    const done = await m.create({ __action: "vpnConnectionReset", vpnConnectionId: conn.id });
    expect(typeof done.outs.performedAt).toBe("string");
    await emu.admin.setStatus("vpnConnection", conn.id, "PENDING_UPDATE", emu.projectId);
    await expect(m.create({ __action: "vpnConnectionReset", vpnConnectionId: conn.id, timeouts: { create: "2s" } })).rejects.toThrow(
      /timed out waiting for VpnConnection .* to be DOWN or ACTIVE after VpnConnectionReset \(last seen: status PENDING_UPDATE\)/,
    );
  });

  it("a job delete waits until the list no longer shows the job; deleting it again fails naming the code", async () => {
    const vgwId = await gateway();
    const start = await m.create({ __action: "vpnGatewayUpgrade", vgwId, action: "start" });
    const gone = await m.create({ __action: "vpnGatewayJobDelete", jobId: start.id });
    expect(gone.outs.jobId).toBe(start.id);
    await expect(m.create({ __action: "vpnGatewayJobDelete", jobId: start.id })).rejects.toMatchObject({ errorCode: "VPN.0004" });
  });
});
