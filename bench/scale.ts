/**
 * Scale benchmark (issue 13): N VPN connections, each with its own customer gateway, on ⌈N/50⌉ gateways, created
 * in parallel by the provider runtime in this process (as one provider process serves a whole `pulumi up`) against
 * the emulator in a worker thread, with realistic durations scaled down (delay scale 0.02: a gateway 3.6 s, a
 * connection 0.4 s). Parallelism as `pulumi up --parallel P` would allow (a semaphore over resources, a
 * connection waiting for its gateways and customer gateway). Optionally throttled: a share of every API request
 * answered 429 with `Retry-After: 1` (emulator fault injection).
 *
 * Prints wall time, resources/s, API calls in total and per resource (attempts, retries included, as counted by
 * the process's shared rate limiter), the limiter's slowest rate and time paced, p50/p95 create latency, failed
 * resources, the inputs + outputs JSON the state keeps per resource, peak RSS and CPU time of this process (the provider side; the engine is not in this benchmark).
 *
 * Run: `npm run bench`, or `bash scripts/with-node22.sh node dist/bench/scale.js [N...] [--parallel P] [--throttle F]`
 * (defaults: N = 50 and 200, P = unbounded and 64, throttle 0, 0.3, 0.5 at N = 200).
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { methods } from "../provider/runtime";
import { stackConfig } from "../provider/settings";
import { processLearner } from "../provider/wait";
import { sharedRateLimiter } from "../sdk/http/limiter";
import { scaleArgs } from "./args";
import { pct } from "./stats";

const AK = "EMUSCALEAK0000000001";
const SK = "EmulatorScaleSecretKey00000000000000001";
const PROJECT = "0123456789abcdef0123456789abcdef";

async function worker(): Promise<void> {
  const { startEmulator } = await import("../emulator");
  const emu = await startEmulator({ accessKey: AK, secretKey: SK, projectId: PROJECT, delayScale: (workerData as { scale: number }).scale });
  emu.context.state.project(PROJECT).quotas = { customer_gateway: 10_000, vpn_connection: 10_000, vpn_gateway: 1_000 };
  parentPort!.postMessage({ url: emu.url, adminToken: emu.adminToken });
}


class Semaphore {
  private queue: (() => void)[] = [];
  private active = 0;
  constructor(private readonly limit: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.queue.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

let runSeq = 0;

async function scaleRun(url: string, adminToken: string, n: number, parallel: number, throttle: number): Promise<string> {
  const admin = new (await import("../emulator/admin-client")).EmulatorAdmin(url, adminToken);
  await admin.clearFaults();
  if (throttle > 0) await admin.injectFault({ path: "^/v5/", status: 429, retryAfter: 1, probability: throttle });
    const cfg = stackConfig({ endpoint: url, region: "cn-north-4", projectId: PROJECT, accessKey: AK, secretKey: SK });
  const rt = methods({ get: (k) => cfg[k] });
  const run = ++runSeq;
  const sem = new Semaphore(parallel);
  const latencies: number[] = [];
  let failed = 0;
  let stateBytes = 0;
  let slowest = { name: "", ms: 0 };
  const errors = new Map<string, number>();
  const make = (kind: string, name: string, a: Record<string, unknown>) =>
    sem.run(async () => {
      const t0 = Date.now();
      try {
        const news = { ...a, __kind: kind, __logicalName: name, __urn: `urn:pulumi:scale${run}::bench::${kind}::${name}`, __provider: "bench" };
        const checked = await rt.check({}, news);
        if (checked.failures?.length) throw new Error(`${kind}: ${JSON.stringify(checked.failures)}`);
        const r = await rt.create(checked.inputs);
        latencies.push(Date.now() - t0);
        if (Date.now() - t0 > slowest.ms) slowest = { name, ms: Date.now() - t0 };
        // What the state keeps of the resource besides its URN and provider reference: inputs and outputs.
        stateBytes += JSON.stringify(checked.inputs).length + JSON.stringify(r.outs).length;
        return r;
      } catch (e) {
        failed++;
        const m = String((e as Error).message).slice(0, 120);
        errors.set(m, (errors.get(m) ?? 0) + 1);
        throw e;
      }
    });
  const hex = (i: number, w = 12) => i.toString(16).padStart(w, "0");
  // Each run as a new provider process: nothing learned, the limiter unlimited.
  sharedRateLimiter.reset();
  processLearner.clear();
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  const gateways = Array.from({ length: Math.ceil(n / 50) }, (_, g) =>
    make("vpnGateway", `gw-${g}`, {
      vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
      connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
      localSubnets: ["192.168.0.0/24"],
      eip1: { id: `e1e1e1e1-${hex(run, 4)}-4000-8000-${hex(2 * g)}` },
      eip2: { id: `e1e1e1e1-${hex(run, 4)}-4000-8000-${hex(2 * g + 1)}` },
    }),
  );
  const results = await Promise.allSettled(
    Array.from({ length: n }, async (_, i) => {
      const g = Math.floor(i / 50);
      const cgw = make("customerGateway", `cgw-${i}`, { idType: "ip", idValue: `10.${run}.${i >> 8}.${i & 255}`, bgpAsn: 65000 });
      const [gw, c] = await Promise.all([gateways[g]!, cgw]);
      return make("vpnConnection", `conn-${i}`, {
        vgwId: gw.id,
        vgwIp: `e1e1e1e1-${hex(run, 4)}-4000-8000-${hex(2 * g)}`,
        cgwId: c.id,
        peerSubnets: [`172.${16 + (i >> 8)}.${i & 255}.0/24`],
        psk: "Bench-Key.2024",
      });
    }),
  );
  await Promise.allSettled(gateways);
  const wall = (Date.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const st = sharedRateLimiter.stats(url);
  await admin.clearFaults();
  const resources = n * 2 + Math.ceil(n / 50);
  const ok = results.filter((r) => r.status === "fulfilled").length;
  const firstError = [...errors.entries()].sort((a, b) => b[1] - a[1])[0];
  return (
    `  N=${String(n).padEnd(4)} parallel ${String(Number.isFinite(parallel) ? parallel : "∞").padEnd(3)} throttle ${String(Math.round(throttle * 100)).padStart(2)} %: ` +
    `wall ${wall.toFixed(1)} s, ${(resources / wall).toFixed(1)} resources/s, ${st.sent} API calls (${(st.sent / resources).toFixed(2)}/resource, ${(st.sent / wall).toFixed(0)} req/s), ` +
    `${st.throttles} throttled, limiter paced ${(st.pacedMs / 1000).toFixed(1)} s; create p50 ${(pct(latencies, 50) / 1000).toFixed(2)} s p95 ${(pct(latencies, 95) / 1000).toFixed(2)} s, slowest ${slowest.name} ${(slowest.ms / 1000).toFixed(1)} s; ` +
    `${ok}/${n} connections, ${failed} failed resources; ${(stateBytes / Math.max(1, latencies.length)).toFixed(0)} state bytes/resource (inputs + outputs JSON); CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB` +
    (firstError ? `\n      most frequent failure (${firstError[1]}×): ${firstError[0]}` : "")
  );
}

async function main(): Promise<void> {
  const { ns, parallel: parallelFlag, throttle: throttleFlag, given } = scaleArgs();
  const scale = 0.02;
  const w = new Worker(__filename, { workerData: { role: "emulator", scale } });
  const { url, adminToken } = await new Promise<{ url: string; adminToken: string }>((resolve, reject) => {
    w.once("message", resolve);
    w.once("error", reject);
  });
  console.log(`\nScale (provider runtime in-process, emulator in a worker at delay scale ${scale}, ${require("node:os").cpus().length} cores, load ${require("node:os").loadavg()[0].toFixed(2)}):`);
  const plan: [number, number, number][] = [];
  if (given) {
    for (const n of ns.length ? ns : [50]) plan.push([n, parallelFlag ?? Infinity, throttleFlag ?? 0]);
  } else {
    plan.push([50, Infinity, 0], [50, 64, 0], [200, Infinity, 0], [200, 64, 0], [200, Infinity, 0.3], [200, Infinity, 0.5]);
  }
  for (const [n, p, t] of plan) console.log(await scaleRun(url, adminToken, n, p, t));
  await w.terminate();
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  void worker();
}
