/**
 * Benchmark of the emulator: signed GET requests per second on loopback with several concurrent clients, and
 * list-page latency (p50/p99) with 10,000 resources in one project.
 *
 * Run: `npm run bench` (both benchmarks, after the build), or one of them:
 *
 *   bash scripts/with-node22.sh node dist/bench/emulator.js [seconds=5] [concurrency=32]
 *
 * The emulator runs in a worker thread (its own core on a two-core machine); the main thread is the clients:
 * `concurrency` requests in flight over an undici keep-alive pool, each one signed (SDK-HMAC-SHA256) and verified
 * by the emulator like any other. The 10,000 resources are created through the models in the worker (not over
 * HTTP) to keep set-up short; paging then goes over HTTP, signed, one request at a time, at several depths.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { signRequest } from "../sdk/signing";

const AK = "EMUBENCHAK0000000001";
const SK = "EmulatorBenchSecretKey000000000000000001";
const PROJECT = "0123456789abcdef0123456789abcdef";
const RESOURCES = 10_000;

interface Ready {
  url: string;
  gatewayId: string;
  cgwId: string;
}

async function worker(): Promise<void> {
  const { startEmulator } = await import("../emulator");
  const emu = await startEmulator({ accessKey: AK, secretKey: SK, projectId: PROJECT, delayScale: 0 });
  const ctx = emu.context;
  const project = ctx.state.project(PROJECT);
  project.quotas = { customer_gateway: RESOURCES + 10, vpn_connection: RESOURCES + 10, vpn_gateway: 100 };
  const gwModel = ctx.models.get("vpnGateway");
  const cgwModel = ctx.models.get("customerGateway");
  const connModel = ctx.models.get("vpnConnection");
  const gateways = [];
  let eip = 0;
  const eipId = () => `e1e1e1e1-0000-4000-8000-${(++eip).toString(16).padStart(12, "0")}`;
  for (let i = 0; i < 50; i++) {
    const body = {
      network_type: "public",
      attachment_type: "vpc",
      vpc_id: "cb4a631d-0000-4a8d-8a86-ca3fa348c36c",
      connect_subnet: "f5741286-0000-4a8d-8a86-2c82bd9ee114",
      local_subnets: ["192.168.0.0/24"],
      flavor: "Professional2",
      bgp_asn: 64512,
      enterprise_project_id: "0",
      ha_mode: "active-active",
      eip1: { id: eipId() },
      eip2: { id: eipId() },
    };
    gateways.push(gwModel.create(project, body, body, {}, { ready: true }));
  }
  const cgws = [];
  for (let i = 0; i < RESOURCES; i++) {
    const body = { name: `cgw-${i}`, id_type: "ip", id_value: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, bgp_asn: 65000 };
    cgws.push(cgwModel.create(project, body, body, {}, { ready: true }));
  }
  const ike = { ike_version: "v2", authentication_algorithm: "sha2-256", encryption_algorithm: "aes-128", dh_group: "group15", authentication_method: "pre-share", lifetime_seconds: 86400, local_id_type: "ip", peer_id_type: "ip", dpd: { timeout: 15, interval: 30, msg: "seq-hash-notify" } };
  const ipsec = { authentication_algorithm: "sha2-256", encryption_algorithm: "aes-128", pfs: "group15", transform_protocol: "esp", lifetime_seconds: 3600, encapsulation_mode: "tunnel" };
  for (let i = 0; i < RESOURCES; i++) {
    const g = gateways[i % gateways.length]!;
    const body = {
      vgw_id: g.id,
      vgw_ip: (g.data.eip1 as { id: string }).id,
      cgw_id: cgws[i]!.id,
      style: "static",
      peer_subnets: [`172.16.${i % 250}.0/24`],
      psk: "Bench-Key.2024",
      enable_nqa: false,
      ikepolicy: ike,
      ipsecpolicy: ipsec,
      ha_role: "master",
    };
    connModel.create(project, body, body, {}, { ready: true });
  }
  // Event-loop utilisation of the emulator thread between "start" and "stop": how busy the server was.
  let mark = performance.eventLoopUtilization();
  parentPort!.on("message", (m: string) => {
    if (m === "start") mark = performance.eventLoopUtilization();
    if (m === "stop") parentPort!.postMessage({ elu: performance.eventLoopUtilization(mark).utilization });
  });
  parentPort!.postMessage({ url: emu.url, gatewayId: gateways[0]!.id, cgwId: cgws[0]!.id } satisfies Ready);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const concurrency = Number(process.argv[3] ?? 32);
  const w = new Worker(__filename, { workerData: { role: "emulator" }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const ready = await new Promise<Ready>((resolve, reject) => {
    w.once("message", resolve);
    w.once("error", reject);
  });
  const origin = ready.url;
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });

  const get = async (path: string): Promise<{ status: number; body: string }> => {
    const headers = signRequest(
      { method: "GET", url: origin + path, headers: { "content-type": "application/json", "x-project-id": PROJECT } },
      { accessKey: AK, secretKey: SK },
    );
    const res = await pool.request({ method: "GET", path, headers });
    const body = await res.body.text();
    return { status: res.statusCode, body };
  };

  // ---- throughput: signed GETs, `concurrency` requests in flight, best of 3 rounds
  const elu = (): Promise<number> =>
    new Promise((resolve) => {
      w.once("message", (m: { elu: number }) => resolve(m.elu));
      w.postMessage("stop");
    });
  const throughput = async (label: string, path: string) => {
    for (let i = 0; i < 200; i++) await get(path); // warm-up
    const rounds: Array<{ rps: number; elu: number }> = [];
    for (let round = 0; round < 3; round++) {
      let done = 0;
      let failed = 0;
      w.postMessage("start");
      const deadline = performance.now() + seconds * 1000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < deadline) {
            const r = await get(path);
            if (r.status === 200) done++;
            else failed++;
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      const utilisation = await elu();
      if (failed > 0) throw new Error(`${failed} requests failed`);
      rounds.push({ rps: done / elapsed, elu: utilisation });
    }
    const best = rounds.reduce((a, b) => (b.rps > a.rps ? b : a));
    console.log(
      `${label}: ${Math.round(best.rps)} req/s (best of ${rounds.length} rounds of ${seconds} s: ${rounds.map((r) => Math.round(r.rps)).join(", ")}; ` +
        `${concurrency} concurrent clients; emulator thread busy ${(best.elu * 100).toFixed(0)}%, i.e. ~${Math.round(best.rps / Math.max(best.elu, 0.01))} req/s per fully used core)`,
    );
  };
  await throughput("signed GET showVgw (gateway with 200 connections)", `/v5/${PROJECT}/vpn-gateways/${ready.gatewayId}`);
  await throughput("signed GET showCgw", `/v5/${PROJECT}/customer-gateways/${ready.cgwId}`);

  // ---- list pages with 10,000 resources in the project
  const pageLatency = async (label: string, listPath: string, listKey: string, limit: number) => {
    // markers at several depths: first page, then pages deeper and deeper into the list
    const first = JSON.parse((await get(`${listPath}?limit=${limit}`)).body) as { page_info: { next_marker: string }; total_count: number };
    const markers: Array<string | undefined> = [undefined];
    let marker: string | undefined = first.page_info.next_marker;
    for (let i = 0; i < 40 && marker; i++) {
      markers.push(marker);
      const page = JSON.parse((await get(`${listPath}?limit=${limit}&marker=${encodeURIComponent(marker)}`)).body) as { page_info: { next_marker: string } };
      marker = page.page_info.next_marker;
    }
    const samples: number[] = [];
    let items = 0;
    for (let round = 0; round < 10; round++)
      for (const m of markers) {
        const path = m ? `${listPath}?limit=${limit}&marker=${encodeURIComponent(m)}` : `${listPath}?limit=${limit}`;
        const s = performance.now();
        const r = await get(path);
        samples.push(performance.now() - s);
        if (r.status !== 200) throw new Error(`list failed: ${r.status} ${r.body.slice(0, 200)}`);
        items = (JSON.parse(r.body) as Record<string, unknown[]>)[listKey]!.length;
      }
    samples.sort((a, b) => a - b);
    console.log(
      `${label} (limit ${limit}, total_count ${first.total_count}, ${samples.length} pages at ${markers.length} depths, ${items} items/page): ` +
        `p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms`,
    );
  };
  await pageLatency("list customer gateways", `/v5/${PROJECT}/customer-gateways`, "customer_gateways", 50);
  await pageLatency("list customer gateways", `/v5/${PROJECT}/customer-gateways`, "customer_gateways", 200);
  await pageLatency("list VPN connections", `/v5/${PROJECT}/vpn-connection`, "vpn_connections", 50);
  await pageLatency("list VPN connections", `/v5/${PROJECT}/vpn-connection`, "vpn_connections", 200);

  await pool.close();
  await w.terminate();
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else if ((workerData as { role?: string } | undefined)?.role === "emulator") {
  worker().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
