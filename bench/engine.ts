/**
 * The scale run through the real Pulumi engine (issue 13, item 5) and the state's size (P3).
 *
 * The user's path: a Pulumi project directory (made in a temporary directory) with a JavaScript program that
 * requires the built package by name (`node_modules/pulumi-huaweicloud-vpn` and `@pulumi/pulumi` are links to this
 * checkout and its dependency, as `npm link` makes them; JS rather than TS so that ts-node's type-check, measured in
 * README "Examples as projects", is not counted as the engine's), driven by the plain CLI (scripts/lib/cli.ts)
 * against the emulator in this process at delay scale 0.02 with raised quotas, as bench/scale.ts. The stack: N VPN
 * connections, each with its own customer gateway, on ⌈N/50⌉ gateways. Each configuration gets a fresh stack:
 * `preview`, `up`, a second `up` (must change nothing), `stack export`, `destroy`, `stack rm`. Throttled
 * configurations answer that share of every API request 429 with `Retry-After: 1` (emulator fault injection) for
 * all four commands.
 *
 * Printed per configuration (one line): wall time of each command; the API calls of the `up` (the emulator's
 * request history, read every second with `since` so that its 2000-entry ring cannot drop any), per resource and
 * by operation; failed resources (expected resources missing from the exported state); CPU seconds and peak RSS of
 * the CLI, the dynamic-provider host (`pulumi-resource-pulumi-nodejs`, the Node process running
 * @pulumi/pulumi/cmd/dynamic-provider) and the program, per command; P3: bytes of each resource in the exported
 * state (compact JSON) and of its `__provider` (inputs + outputs), median and total; `os.loadavg()`.
 *
 * How processes are measured: every 250 ms the CLI's descendants are found from /proc/<pid>/stat (parent pids) and
 * each one's utime + stime (/proc/<pid>/stat) and VmHWM (/proc/<pid>/status, the kernel's own peak of the
 * resident set, so no peak between samples is missed) are kept, classified by the command line. A process's CPU
 * after its last sample (< 250 ms) is missed, so the per-process CPU is a slight undercount; the `tree` figure is
 * exact: the growth of this process's cutime + cstime over the command, i.e. the CPU of the CLI and every
 * descendant waited for (not the emulator, which runs in this process).
 *
 * The whole output of a command that fails is kept in the system temporary directory (the line names the file).
 *
 * Run: `bash scripts/with-node22.sh node dist/bench/engine.js [N...] [--parallel P] [--throttle F] [--quick]`
 * (defaults: N = 50 and 200 with the CLI's default parallelism — 4 × cores, 8 here — and 64; N = 200 throttled
 * 30 % and 50 %; `--quick`: N = 50 only). HWVPN_BENCH_DEBUG=1 lists the sampled processes of each command.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type HistoryEntry, type RunningEmulator } from "../emulator";
import { CONFIG_NAMESPACE, secretSettingKeys, stackConfig } from "../provider/settings";
import { cliFor, type Cli, type CliResult } from "../scripts/lib/cli";
import { repoRoot } from "../scripts/lib/engine";
import { scaleArgs } from "./args";
import { median } from "./stats";

const PROJECT = "hwvpn-engine-bench";
const DELAY_SCALE = 0.02;

/** The stack of bench/scale.ts as a program: `n` connections with their customer gateways on ⌈n/50⌉ gateways. */
const PROGRAM = `const pulumi = require("@pulumi/pulumi");
const vpn = require("pulumi-huaweicloud-vpn");
const config = new pulumi.Config();
const n = config.requireNumber("n");
const run = config.requireNumber("run");
const hex = (i, w = 12) => i.toString(16).padStart(w, "0");
const eip = (k) => \`e1e1e1e1-\${hex(run, 4)}-4000-8000-\${hex(k)}\`;
const gateways = Array.from({ length: Math.ceil(n / 50) }, (_, g) =>
  new vpn.VpnGateway(\`gw-\${g}\`, {
    vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
    connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
    localSubnets: ["192.168.0.0/24"],
    eip1: { id: eip(2 * g) },
    eip2: { id: eip(2 * g + 1) },
  }),
);
for (let i = 0; i < n; i++) {
  const g = Math.floor(i / 50);
  const cgw = new vpn.CustomerGateway(\`cgw-\${i}\`, { idType: "ip", idValue: \`10.\${run}.\${i >> 8}.\${i & 255}\`, bgpAsn: 65000 });
  new vpn.VpnConnection(\`conn-\${i}\`, {
    vgwId: gateways[g].id,
    vgwIp: eip(2 * g),
    cgwId: cgw.id,
    peerSubnets: [\`172.\${16 + (i >> 8)}.\${i & 255}.0/24\`],
    psk: "Bench-Key.2024",
  });
}
`;

/** A project directory using the built package (dist/) by name. */
function makeProject(dir: string): void {
  fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
  fs.symlinkSync(repoRoot, path.join(dir, "node_modules", "pulumi-huaweicloud-vpn"));
  fs.symlinkSync(path.join(repoRoot, "node_modules", "@pulumi", "pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: PROJECT, private: true, main: "index.js" }));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${PROJECT}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n`);
  fs.writeFileSync(path.join(dir, "index.js"), PROGRAM);
}

const TICK = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
type Role = "cli" | "provider" | "program" | "other";
interface ProcUse {
  cpu: number; // seconds
  hwmMb: number;
}

/** utime + stime + cutime + cstime fields of /proc/<pid>/stat, after the command name. */
function statFields(pid: number | "self"): string[] | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return s.slice(s.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // gone
  }
}

function childrenCpu(): number {
  const f = statFields("self")!;
  return (Number(f[13]) + Number(f[14])) / TICK;
}

/** Samples the CLI's process tree (see the top comment). */
class TreeSampler {
  private readonly procs = new Map<number, ProcUse & { role: Role }>();
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly root: number) {
    this.timer = setInterval(() => this.sample(), 250);
    this.sample();
  }
  private samples = 0;
  private sample(): void {
    this.samples++;
    const parent = new Map<number, number>();
    for (const d of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      const f = statFields(Number(d));
      if (f) parent.set(Number(d), Number(f[1]));
    }
    const tree = new Set([this.root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of parent) {
        if (tree.has(pid) || !tree.has(ppid)) continue;
        tree.add(pid);
        grew = true;
      }
    }
    for (const pid of tree) {
      try {
        const f = statFields(pid);
        if (!f) continue;
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
        const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        const prev = this.procs.get(pid);
        // An exiting process (a zombie) has an empty command line: it keeps the role it had.
        const role: Role =
          pid === this.root ? "cli" : cmd.includes("dynamic-provider") ? "provider" : cmd.includes("cmd/run") ? "program" : (prev?.role ?? "other");
        this.procs.set(pid, {
          role,
          cpu: Math.max(prev?.cpu ?? 0, (Number(f[11]) + Number(f[12])) / TICK),
          hwmMb: Math.max(prev?.hwmMb ?? 0, hwm ? Number(hwm[1]) / 1024 : 0),
        });
      } catch {
        // exited between the reads
      }
    }
  }
  /** Per role: CPU summed over its processes, the largest peak RSS. */
  stop(): Record<Role, ProcUse> {
    clearInterval(this.timer);
    if (process.env.HWVPN_BENCH_DEBUG) console.error(`sampler ${this.root} (${this.samples} samples):`, [...this.procs].map(([pid, p]) => `${pid} ${p.role} ${p.cpu} ${p.hwmMb.toFixed(0)}`).join(", "));
    const out = {} as Record<Role, ProcUse>;
    for (const r of ["cli", "provider", "program", "other"] as Role[]) out[r] = { cpu: 0, hwmMb: 0 };
    for (const p of this.procs.values()) {
      out[p.role].cpu += p.cpu;
      out[p.role].hwmMb = Math.max(out[p.role].hwmMb, p.hwmMb);
    }
    return out;
  }
}

interface Measured {
  r: CliResult;
  wall: number;
  use: Record<Role, ProcUse>;
  treeCpu: number;
}

async function measured(cli: Cli, args: string[]): Promise<Measured> {
  const cpu0 = childrenCpu();
  const t0 = Date.now();
  const running = cli.start([...args, "--color", "never"]);
  const sampler = new TreeSampler(running.child.pid!);
  const r = await running.done;
  return { r, wall: (Date.now() - t0) / 1000, use: sampler.stop(), treeCpu: childrenCpu() - cpu0 };
}

/** Every API call the emulator records while `fn` runs (the history read with `since`, so none is lost). */
async function recording<T>(emu: RunningEmulator, fn: () => Promise<T>): Promise<{ value: T; calls: HistoryEntry[]; lost: boolean }> {
  const calls: HistoryEntry[] = [];
  let since = (await emu.admin.requests({ limit: 1 }))[0]?.seq ?? 0;
  let lost = false;
  const drain = async () => {
    const got = await emu.admin.requests({ since });
    if (got.length && got[0]!.seq !== since + 1) lost = true;
    calls.push(...got);
    since = got.at(-1)?.seq ?? since;
  };
  let done = false;
  const loop = (async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, 1000));
      await drain();
    }
  })();
  try {
    const value = await fn();
    return { value, calls, lost };
  } finally {
    done = true;
    await loop;
    await drain();
  }
}

/** Changes in the summary of an `up` ("+ 3 created", "~ 1 updated", …; "N unchanged" does not count). */
function summary(output: string): { changes: number; unchanged: number } {
  const block = output.slice(output.lastIndexOf("Resources:"));
  let changes = 0;
  let unchanged = 0;
  for (const m of block.matchAll(/^\s+[-+~±<>]*\s*(\d+) ([a-z ]+?)\s*$/gm)) {
    if (m[2] === "unchanged") unchanged += Number(m[1]);
    else changes += Number(m[1]);
  }
  return { changes, unchanged };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const firstError = (output: string) => /^\s*error: .*$/m.exec(output)?.[0].trim().slice(0, 200) ?? "(no error line)";

let seq = 0;

async function configuration(emu: RunningEmulator, cli: Cli, n: number, parallel: number | undefined, throttle: number): Promise<string> {
  const run = ++seq;
  const stack = `c${run}`;
  const par = parallel ? ["--parallel", String(parallel)] : [];
  const expected = n * 2 + Math.ceil(n / 50);
  await cli.ok(["stack", "init", stack]);
  const secret = new Set(secretSettingKeys.map((k) => `${CONFIG_NAMESPACE}:${k}`));
  const pairs = Object.entries({ ...stackConfig(emu.settings), n: String(n), run: String(run) });
  await cli.ok(["config", "set-all", ...pairs.flatMap(([k, v]) => [secret.has(k) ? "--secret" : "--plaintext", `${k}=${v}`])]);
  const inEmulator = async () => (await emu.admin.state(emu.projectId)).projects.flatMap((p) => Object.values(p.resources).flat()).length;
  const before = await inEmulator();
  await emu.admin.clearFaults();
  if (throttle > 0) await emu.admin.injectFault({ path: "^/v5/", status: 429, retryAfter: 1, probability: throttle });
  const problems: string[] = [];
  const step = async (name: string, args: string[]) => {
    const m = await measured(cli, args);
    if (m.r.code !== 0) {
      const log = path.join(os.tmpdir(), `hwvpn-enginebench-${stack}-${name.replace(/\W+/g, "-")}.log`);
      fs.writeFileSync(log, m.r.output);
      problems.push(`${name} exited ${m.r.code}: ${firstError(m.r.output)} (whole output: ${log})`);
    }
    return m;
  };

  const preview = await step("preview", ["preview", ...par]);
  const rec = await recording(emu, () => step("up", ["up", "--yes", "--skip-preview", ...par]));
  const up = rec.value;
  const again = await step("no-change up", ["up", "--yes", "--skip-preview", ...par]);
  const noop = summary(again.r.output);

  // P3 and the failed resources: what the state holds after the two ups.
  const exported = JSON.parse((await cli.ok(["stack", "export"])).stdout) as { deployment: { resources?: any[] } };
  const resources = (exported.deployment.resources ?? []).filter((r) => String(r.type).startsWith("pulumi-nodejs:dynamic/"));
  const sizes = resources.map((r) => Buffer.byteLength(JSON.stringify(r)));
  const providerSizes = resources.map(
    (r) => Buffer.byteLength(JSON.stringify(r.inputs?.__provider ?? "")) + Buffer.byteLength(JSON.stringify(r.outputs?.__provider ?? "")),
  );
  const stateFile = path.join(cli.env.PULUMI_BACKEND_URL!.slice("file://".length), ".pulumi", "stacks", PROJECT, `${stack}.json`);
  const stateFileBytes = fs.existsSync(stateFile) ? fs.statSync(stateFile).size : NaN;

  const destroy = await step("destroy", ["destroy", "--yes", "--skip-preview", ...par]);
  await emu.admin.clearFaults();
  const left = (await inEmulator()) - before;
  if (left > 0) problems.push(`destroy left ${left} resources in the emulator`);
  await cli.ok(["stack", "rm", "--yes", "--force", stack]);

  const calls = rec.calls.filter((c) => c.path.startsWith("/v5/"));
  const by = { create: 0, show: 0, other: 0 };
  for (const c of calls) by[/^create/.test(c.operation ?? "") ? "create" : /^show/.test(c.operation ?? "") ? "show" : "other"]++;
  const per = (x: number) => (x / expected).toFixed(2);
  const use = (m: Measured, r: Role) => `${m.use[r].cpu.toFixed(1)}`;
  const steps = [preview, up, again, destroy];
  const peak = (r: Role) => Math.max(...steps.map((m) => m.use[r].hwmMb)).toFixed(0);
  const cpus = (r: Role) => steps.map((m) => use(m, r)).join("/");
  return (
    `  N=${String(n).padEnd(3)} parallel ${String(parallel ?? "default").padEnd(7)} throttle ${String(Math.round(throttle * 100)).padStart(2)} %: ` +
    `preview ${preview.wall.toFixed(1)} s, up ${up.wall.toFixed(1)} s, no-change up ${again.wall.toFixed(1)} s (${noop.changes} changes, ${noop.unchanged} unchanged), destroy ${destroy.wall.toFixed(1)} s; ` +
    `up: ${calls.length} API calls (${per(calls.length)}/resource: create ${per(by.create)}, show ${per(by.show)}, other ${per(by.other)}; ${calls.filter((c) => c.status === 429).length} answered 429${rec.lost ? "; HISTORY LOST ENTRIES" : ""}), ` +
    `${expected - resources.length} failed of ${expected} resources; ` +
    `CPU s preview/up/no-change/destroy: CLI ${cpus("cli")}, provider host ${cpus("provider")}, program ${cpus("program")}, other ${cpus("other")}, tree ${steps.map((m) => m.treeCpu.toFixed(1)).join("/")}; ` +
    `peak RSS CLI ${peak("cli")} MB, provider host ${peak("provider")} MB, program ${peak("program")} MB; ` +
    `P3 state/resource median ${kb(median(sizes))} (total ${kb(sizes.reduce((a, b) => a + b, 0))}, state file ${kb(stateFileBytes)}), ` +
    `__provider/resource median ${kb(median(providerSizes))} (total ${kb(providerSizes.reduce((a, b) => a + b, 0))}); ` +
    `load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}` +
    problems.map((p) => `\n      ${p}`).join("")
  );
}

async function main(): Promise<void> {
  const { ns, parallel: parallelFlag, throttle: throttleFlag, quick, given } = scaleArgs();
  const plan: [number, number | undefined, number][] = [];
  if (quick) plan.push([50, undefined, 0]);
  else if (given) {
    for (const n of ns.length ? ns : [50]) plan.push([n, parallelFlag, throttleFlag ?? 0]);
  } else {
    plan.push([50, undefined, 0], [50, 64, 0], [200, undefined, 0], [200, 64, 0], [200, undefined, 0.3], [200, undefined, 0.5]);
  }

  const emu = await startEmulator({ delayScale: DELAY_SCALE });
  await emu.admin.seed({ projectId: emu.projectId, quotas: { customer_gateway: 10_000, vpn_connection: 10_000, vpn_gateway: 1_000 } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-enginebench-"));
  try {
    const project = path.join(tmp, "project");
    makeProject(project);
    const cli = cliFor(path.join(tmp, "state"), { cwd: project });
    console.log(
      `\nEngine (plain CLI, JS program, emulator in-process at delay scale ${DELAY_SCALE}; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}, ${new Date().toISOString()}):`,
    );
    for (const [n, p, t] of plan) {
      const t0 = Date.now();
      console.log(await configuration(emu, cli, n, p, t));
      console.log(`      (configuration took ${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    await emu.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
