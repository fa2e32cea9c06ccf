/**
 * What the official Node SDK 3.1.202 added, through our SDK against the emulator: a connection's IPsec SAs, its
 * exported peer configuration (built from the connection's real parameters, PSK included, and redacted in the
 * SDK's debug log), the supported devices, the project's gateway certificates, `enable_health_check`, and the
 * upgrade jobs (statuses step by step at delay scale 0, by emulator time at a delay scale > 0, `expected_time_seconds`,
 * persistence, paging, delete).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { VpnClient } from "../../sdk/client";
import { UPGRADE_JOB_FLOWS } from "../../sdk/spec/jobs";
import { activeGateway, apiErrorOf, clientFor, createConnection, createCustomerGateway, useEmulator } from "./helpers";
import { MASKED_KEY, MASKED_PEM } from "./world";

const env = useEmulator({ region: "cn-north-9" });
const PSK = "Peer-Config-Psk-7731";
const HUAWEI = { vendor: "Huawei", type: "Firewall", model: "USG6000", version: "V500R005" };

async function connection(extra: Record<string, unknown> = {}) {
  const gw = await activeGateway(env.vpn, { local_subnets: ["192.168.10.0/24", "192.168.11.0/24"] });
  const cgw = await createCustomerGateway(env.vpn);
  const conn = await createConnection(env.vpn, gw, cgw, {
    psk: PSK,
    peer_subnets: ["172.16.20.0/24"],
    ikepolicy: { ike_version: "v2", encryption_algorithm: "aes-256", dh_group: "group20", lifetime_seconds: 28800 },
    ipsecpolicy: { encryption_algorithm: "aes-256-gcm-16", pfs: "group19", lifetime_seconds: 1800 },
    ...extra,
  });
  return { gw, cgw, conn };
}

describe("peer configuration export", () => {
  it("holds the connection's addresses, subnets, IKE/IPsec policy and PSK, for each supported device", async () => {
    const { gw, cgw, conn } = await connection();
    const devices = (await env.vpn.listPeerConfigurationSupportedDevices()).supported_devices;
    expect(devices.map((d) => d.vendor)).toEqual(expect.arrayContaining(["Huawei", "Cisco", "strongSwan"]));
    for (const d of devices) {
      const body = { vendor: d.vendor!, type: d.type!, model: d.model!, version: d.version! };
      const text = (await env.vpn.exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body })).peer_config;
      expect(text, d.vendor!).toContain(PSK);
      expect(text).toContain(gw.eip1.ip_address);
      expect(text).toContain(cgw.id_value);
      for (const s of ["192.168.10.0", "192.168.11.0", "172.16.20.0"]) expect(text).toContain(s);
      expect(text).toContain("28800");
      expect(text).toContain("1800");
    }
    const huawei = (await env.vpn.exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body: HUAWEI })).peer_config;
    expect(huawei).toContain(" encryption-algorithm aes-256");
    expect(huawei).toContain(" dh group20");
    expect(huawei).toContain(" esp encryption-algorithm aes-256-gcm-16");
    expect(huawei).toContain(" pfs dh-group19");
  });

  it("a changed PSK is the one exported; an unsupported device is refused naming the supported ones", async () => {
    const { conn } = await connection();
    await env.vpn.updateVpnConnection({ vpn_connection_id: conn.id, body: { vpn_connection: { psk: "Second-Psk-88231" } } });
    const text = (await env.vpn.exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body: HUAWEI })).peer_config;
    expect(text).toContain("Second-Psk-88231");
    expect(text).not.toContain(PSK);
    const err = await apiErrorOf(
      env.vpn.exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body: { ...HUAWEI, model: "NE40E" } }),
    );
    expect(err.errorCode).toBe("VPN.0001");
    expect(err.errorMsg).toContain("Huawei/Firewall/NE40E/V500R005 is not supported");
    expect(err.errorMsg).toContain("Huawei/Firewall/USG6000/V500R005");
  });

  it("the SDK validates the body before sending and redacts peer_config in its debug log", async () => {
    const { conn } = await connection();
    await expect(
      env.vpn.exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body: { vendor: "Huawei" } as never }),
    ).rejects.toThrow(/body\.type: .*must name a device of ListPeerConfigurationSupportedDevices/);
    const lines: string[] = [];
    const logged = new VpnClient({
      endpoint: env.emu.url,
      region: env.emu.region,
      projectId: env.emu.projectId,
      accessKey: env.emu.accessKey,
      secretKey: env.emu.secretKey,
      logger: (l) => lines.push(l),
      env: {},
    });
    const r = await logged.exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body: HUAWEI });
    expect(r.peer_config).toContain(PSK);
    expect(lines.join("\n")).toContain("<redacted>");
    expect(lines.join("\n")).not.toContain(PSK);
    await logged.close();
  });

  it("neither the state file nor the dump holds the PSK; after a restart the export says it is not available", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hwvpn-psk-"));
    const file = join(dir, "state.json");
    try {
      const emu = await startEmulator({ delayScale: 0, stateFile: file, region: "cn-north-9" });
      const vpn = clientFor(emu);
      const gw = await activeGateway(vpn);
      const conn = await createConnection(vpn, gw, await createCustomerGateway(vpn), { psk: PSK });
      expect((await vpn.exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body: HUAWEI })).peer_config).toContain(PSK);
      expect(JSON.stringify(await emu.admin.state(emu.projectId))).not.toContain(PSK);
      const projectId = emu.projectId;
      await emu.close();
      expect(readFileSync(file, "utf8")).not.toContain(PSK);
      const again = await startEmulator({ delayScale: 0, stateFile: file, region: "cn-north-9", projectId, accessKey: emu.accessKey, secretKey: emu.secretKey });
      const text = (await clientFor(again).exportVpnConnectionPeerConfiguration({ vpn_connection_id: conn.id, body: HUAWEI })).peer_config;
      expect(text).not.toContain(PSK);
      expect(text).toContain("the emulator keeps PSKs in memory only");
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("IPsec SAs", () => {
  it("none while the tunnel is down; one per subnet pair with growing counters while it is up", async () => {
    const { conn } = await connection();
    expect((await env.vpn.listConnectionIpsecSa({ vpn_connection_id: conn.id })).sa_infos).toEqual([]);
    await env.emu.admin.setPeer(conn.id, true, env.emu.projectId);
    const sas = (await env.vpn.listConnectionIpsecSa({ vpn_connection_id: conn.id })).sa_infos;
    expect(sas.map((s) => [s.source_ip_cidr, s.dest_ip_cidr]).sort()).toEqual([
      ["192.168.10.0/24", "172.16.20.0/24"],
      ["192.168.11.0/24", "172.16.20.0/24"],
    ]);
    await env.emu.admin.advanceClock(60_000);
    const later = (await env.vpn.listConnectionIpsecSa({ vpn_connection_id: conn.id })).sa_infos;
    expect(later[0]!.packets_sent!).toBeGreaterThan(sas[0]!.packets_sent!);
    expect(later[0]!.id).toBe(sas[0]!.id);
    await env.emu.admin.setPeer(conn.id, false, env.emu.projectId);
    expect((await env.vpn.listConnectionIpsecSa({ vpn_connection_id: conn.id })).sa_infos).toEqual([]);
  });

  it("enable_health_check is accepted on create and read back", async () => {
    const { conn } = await connection({ enable_health_check: true });
    expect(conn.enable_health_check).toBe(true);
    expect((await env.vpn.showVpnConnection({ vpn_connection_id: conn.id })).vpn_connection.enable_health_check).toBe(true);
  });
});

describe("gateway certificates of the project", () => {
  it("lists every GM gateway's certificate, marker-paged, and filters by pre_expire_days", async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const gw = await activeGateway(env.vpn, { flavor: "GM" });
      const c = await env.vpn.createVgwCertificate({
        vgw_id: gw.id,
        body: { certificate: { name: `gm-${i}`, certificate: MASKED_PEM, private_key: MASKED_KEY, certificate_chain: MASKED_PEM, enc_certificate: MASKED_PEM, enc_private_key: MASKED_KEY } },
      });
      made.push(c.certificate.id);
    }
    const all = await env.vpn.listAll("listVpnGatewayCertificates", { limit: 2 });
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(made));
    const first = await env.vpn.listVpnGatewayCertificates({ limit: 2 });
    expect(first.vpn_gateway_certificates).toHaveLength(2);
    expect(typeof first.page_info?.next_marker).toBe("string");
    const expiry = Date.parse(String(all[0]!.certificate_expire_time));
    const days = Math.ceil((expiry - Date.now()) / 86_400_000);
    expect((await env.vpn.listVpnGatewayCertificates({ pre_expire_days: days + 1 })).vpn_gateway_certificates.length).toBeGreaterThanOrEqual(3);
    expect((await env.vpn.listVpnGatewayCertificates({ pre_expire_days: Math.max(0, days - 2) })).vpn_gateway_certificates).toEqual([]);
    await expect(env.vpn.listVpnGatewayCertificates({ pre_expire_days: -1 })).rejects.toThrow(/pre_expire_days/);
  });
});

describe("upgrade jobs", () => {
  const statusesOf = async (vgwId: string, jobId: string, reads: number) => {
    const seen: string[] = [];
    for (let i = 0; i < reads; i++) {
      const r = await env.vpn.listVpnGatewayJobs({ resource_id: vgwId });
      seen.push(String(r.jobs?.find((j) => j.id === jobId)?.status));
    }
    return seen;
  };

  it("start, finish and rollback move the job through the statuses of the job flow", async () => {
    const gw = await activeGateway(env.vpn);
    const start = await env.vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "start" } });
    const id = String(start.job_id);
    expect(await statusesOf(gw.id, id, 4)).toEqual([...UPGRADE_JOB_FLOWS.start.passes, UPGRADE_JOB_FLOWS.start.ends, UPGRADE_JOB_FLOWS.start.ends]);
    const listed = (await env.vpn.listVpnGatewayJobs({ resource_id: gw.id })).jobs![0]!;
    expect(listed.job_type).toBe("upgrade");
    // At delay scale 0 a job moves per read and announces no duration.
    expect(listed.expected_time_seconds).toBe(0);
    expect(listed.sub_jobs?.map((s) => s.expected_time_seconds)).toEqual([0, 0]);
    expect(listed.sub_jobs?.map((s) => s.job_type)).toEqual(["prepare_resource", "upgrade_worker_1"]);
    const again = await apiErrorOf(env.vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "start" } }));
    expect(again.errorMsg).toContain(`already has upgrade job ${id}`);
    const finish = await env.vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "finish" } });
    expect(finish.job_id).toBe(id);
    expect(await statusesOf(gw.id, id, 2)).toEqual(["upgrading", "success"]);
    const none = await apiErrorOf(env.vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "rollback" } }));
    expect(none.errorMsg).toContain("no upgrade job waiting for confirmation");

    const p2c = await env.emu.admin.createResource<{ id: string }>(
      "p2cVpnGateway",
      { vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", eip: { id: "f0bac06a-88a7-4d37-8e2e-c37691ee0001" } },
      { projectId: env.emu.projectId, ready: true },
    );
    const s = await env.vpn.upgradeP2cVpnGateway({ p2c_vgw_id: p2c.id, body: { action: "start" } });
    for (let i = 0; i < 3; i++) await env.vpn.listP2cVpnGatewayJobs({ resource_id: p2c.id });
    const back = await env.vpn.upgradeP2cVpnGateway({ p2c_vgw_id: p2c.id, body: { action: "rollback" } });
    expect(back.job_id).toBe(s.job_id);
    const jobs = async () => (await env.vpn.listP2cVpnGatewayJobs({ resource_id: p2c.id })).jobs!;
    expect((await jobs())[0]).toMatchObject({ job_type: "rollback", status: "rolling_back" });
    expect((await jobs())[0]).toMatchObject({ job_type: "rollback", status: "rollback_success" });
    await expect(env.vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "restart" } as never })).rejects.toThrow(/action must be start, finish or rollback/);
  });

  it("the job lists page with limit/marker, and a job can be deleted", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const gw = await activeGateway(env.vpn);
      ids.push(String((await env.vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "start" } })).job_id));
    }
    const page = await env.vpn.listVpnGatewayJobs({ limit: 2 });
    expect(page.jobs).toHaveLength(2);
    expect(page.page_info?.next_marker).toBe(page.jobs![1]!.id);
    const all = await env.vpn.listAll("listVpnGatewayJobs", { limit: 2 });
    expect(all.map((j) => j.id)).toEqual(expect.arrayContaining(ids));
    expect(new Set(all.map((j) => j.id)).size).toBe(all.length);
    await env.vpn.deleteVpnGatewayJob({ job_id: ids[0]! });
    expect((await env.vpn.listAll("listVpnGatewayJobs", {})).map((j) => j.id)).not.toContain(ids[0]);
    expect((await apiErrorOf(env.vpn.deleteVpnGatewayJob({ job_id: ids[0]! }))).errorCode).toBe("VPN.0004");
  });
});

describe("upgrade jobs by emulator time (delay scale > 0)", () => {
  const SCALE = 0.5;
  const START_MS = UPGRADE_JOB_FLOWS.start.expectedSeconds * 1000 * SCALE;
  const FINISH_MS = UPGRADE_JOB_FLOWS.finish.expectedSeconds * 1000 * SCALE;

  /** An emulator with an ACTIVE gateway (made at delay scale 0), then switched to `scale`. */
  async function timed(options: Parameters<typeof startEmulator>[0] = {}, scale = SCALE) {
    const emu = await startEmulator({ delayScale: 0, region: "cn-north-9", ...options });
    const vpn = clientFor(emu);
    const gw = await activeGateway(vpn);
    await emu.admin.setDelayScale(scale);
    const job = async (id: string) => (await vpn.listVpnGatewayJobs({ resource_id: gw.id })).jobs!.find((j) => j.id === id)!;
    const close = async () => {
      await vpn.close();
      await emu.close();
    };
    return { emu, vpn, gw, job, close };
  }

  it("a job reaches each status only when its share of the scaled time has passed, and announces that time", async () => {
    const { emu, vpn, gw, job, close } = await timed();
    try {
      const id = String((await vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "start" } })).job_id);
      const first = await job(id);
      expect(first).toMatchObject({ status: "init", expected_time_seconds: START_MS / 1000 });
      expect(first.sub_jobs?.map((s) => s.expected_time_seconds)).toEqual([START_MS / 2000, START_MS / 2000]);
      // Reads alone do not move it.
      for (let i = 0; i < 4; i++) expect((await job(id)).status).toBe("init");
      // start passes two statuses before its end: each lasts half of the action's time.
      await emu.admin.advanceClock(START_MS / 2 - 1000);
      expect((await job(id)).status).toBe("init");
      await emu.admin.advanceClock(1000);
      expect((await job(id)).status).toBe("upgrading");
      await emu.admin.advanceClock(START_MS / 2 - 1000);
      expect((await job(id)).status).toBe("upgrading");
      // finish is refused until the job waits for confirmation.
      expect((await apiErrorOf(vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "finish" } }))).errorMsg).toContain("no upgrade job waiting");
      await emu.admin.advanceClock(1000);
      const waiting = await job(id);
      expect(waiting.status).toBe(UPGRADE_JOB_FLOWS.start.ends);
      // Entered at its own time, not at the read's.
      expect(Date.parse(String(waiting.updated_at)) - Date.parse(String(waiting.created_at))).toBe(START_MS);

      // finish, without a list in between the clock moving and the action: the job is found where time put it.
      expect((await vpn.upgradeVpnGateway({ vgw_id: gw.id, body: { action: "finish" } })).job_id).toBe(id);
      const finishing = await job(id);
      expect(finishing).toMatchObject({ status: "upgrading", expected_time_seconds: FINISH_MS / 1000 });
      await emu.admin.advanceClock(FINISH_MS - 1000);
      expect((await job(id)).status).toBe("upgrading");
      await emu.admin.advanceClock(1000);
      const done = await job(id);
      expect(done.status).toBe("success");
      expect(done.finished_at).toBe(done.updated_at);
      expect(done.sub_jobs?.every((s) => s.status === "success")).toBe(true);
    } finally {
      await close();
    }
  });

  it("the announced time is at least a second and nominal; with a duration seed the real one is drawn ±50 %, reproducibly", async () => {
    const tiny = await timed({}, 0.0001);
    try {
      const id = String((await tiny.vpn.upgradeVpnGateway({ vgw_id: tiny.gw.id, body: { action: "start" } })).job_id);
      expect((await tiny.job(id)).expected_time_seconds).toBe(1);
    } finally {
      await tiny.close();
    }
    /** How long the start action really took: the job's end status is entered at its own time. */
    const took = async (seed: number) => {
      const t = await timed({ durationSeed: seed });
      try {
        const id = String((await t.vpn.upgradeVpnGateway({ vgw_id: t.gw.id, body: { action: "start" } })).job_id);
        expect((await t.job(id)).expected_time_seconds).toBe(START_MS / 1000);
        // (The SDK signs with the wall clock: the emulator refuses more than 900 s of skew, so at most 450 s here.)
        await t.emu.admin.advanceClock(1.5 * START_MS);
        const j = await t.job(id);
        expect(j.status).toBe(UPGRADE_JOB_FLOWS.start.ends);
        expect(j.expected_time_seconds).toBe(START_MS / 1000);
        return Date.parse(String(j.updated_at)) - Date.parse(String(j.created_at));
      } finally {
        await t.close();
      }
    };
    const nominal = START_MS;
    const drawn = await Promise.all([11, 12, 13].map(took));
    for (const ms of drawn) {
      expect(ms).toBeGreaterThanOrEqual(0.5 * nominal);
      expect(ms).toBeLessThan(1.5 * nominal);
    }
    expect(new Set(drawn).size).toBeGreaterThan(1);
    expect(await took(12)).toBe(drawn[1]);
  });

  it("a timed job survives a restart from the state file; a job stored without times still moves per read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hwvpn-jobs-"));
    const file = join(dir, "state.json");
    try {
      const a = await timed({ stateFile: file });
      const id = String((await a.vpn.upgradeVpnGateway({ vgw_id: a.gw.id, body: { action: "start" } })).job_id);
      await a.emu.admin.advanceClock(START_MS / 2);
      expect((await a.job(id)).status).toBe("upgrading");
      const keep = { projectId: a.emu.projectId, accessKey: a.emu.accessKey, secretKey: a.emu.secretKey, stateFile: file, region: "cn-north-9" };
      await a.close();

      const b = await startEmulator({ ...keep, delayScale: 0 });
      const vpnB = clientFor(b);
      const jobB = async () => (await vpnB.listVpnGatewayJobs({ resource_id: a.gw.id })).jobs!.find((j) => j.id === id)!;
      try {
        // Timed when it started, so timed still, whatever the delay scale now.
        expect((await jobB()).status).toBe("upgrading");
        expect((await jobB()).status).toBe("upgrading");
        await b.admin.advanceClock(START_MS / 2);
        expect((await jobB()).status).toBe(UPGRADE_JOB_FLOWS.start.ends);
        // An action started at delay scale 0 moves per read again, and announces no duration.
        await vpnB.upgradeVpnGateway({ vgw_id: a.gw.id, body: { action: "finish" } });
        const first = await jobB();
        expect(first).toMatchObject({ status: "upgrading", expected_time_seconds: 0 });
        expect((await jobB()).status).toBe("success");
      } finally {
        await vpnB.close();
        await b.close();
      }

      // An older emulator stored no times: take them out and roll the job back to the middle of its start.
      const saved = JSON.parse(readFileSync(file, "utf8"));
      const strip = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(strip);
        else if (v && typeof v === "object") {
          const o = v as Record<string, any>;
          if (o.job?.id === id) {
            delete o.startedAt;
            delete o.aheadAt;
            o.job.status = "init";
            o.job.finished_at = null;
            o.ahead = ["upgrading", UPGRADE_JOB_FLOWS.start.ends];
          }
          Object.values(o).forEach(strip);
        }
      };
      strip(saved);
      writeFileSync(file, JSON.stringify(saved));
      const c = await startEmulator({ ...keep, delayScale: SCALE });
      const vpnC = clientFor(c);
      try {
        const seen: string[] = [];
        for (let i = 0; i < 4; i++) seen.push(String((await vpnC.listVpnGatewayJobs({ resource_id: a.gw.id })).jobs!.find((j) => j.id === id)!.status));
        expect(seen).toEqual(["init", "upgrading", UPGRADE_JOB_FLOWS.start.ends, UPGRADE_JOB_FLOWS.start.ends]);
      } finally {
        await vpnC.close();
        await c.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
