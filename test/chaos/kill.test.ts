/**
 * Chaos: the Pulumi CLI killed hard (SIGKILL — a CI timeout, an OOM kill, a second Ctrl-C) at points of create,
 * update and destroy of the documented HA example, then the documented recovery (run the same command again).
 * Every run must end with the emulator holding exactly the declared resources (none after destroy), no
 * duplicate, no orphan, and a preview with no changes; and the killed CLI's dynamic-provider host must exit with
 * it (scripts/shims/pulumi-resource-pulumi-nodejs watches its parent).
 *
 * Each kill point has its own emulator and its own backend, so what one point leaves behind (a bound EIP, a
 * lock) cannot fail another.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { documentedSettings, haVpn } from "../../examples/ha-vpn/program";
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { HistoryEntry } from "../../emulator/history";
import { CustomerGateway, VpnUserGroup } from "../../provider";
import { emulatorStack, p2cGatewayServerUser, remaining } from "../provider/helpers";
import type { EngineStack, ProgramRun } from "../engine/harness";
import type { PulumiFn } from "@pulumi/pulumi/automation";

/** Realistic durations scaled down: a gateway takes a few seconds, so kills land inside its wait too. */
const DELAY_SCALE = 0.02;

/** A program of the suite: what it declares, in the emulator's kinds, and its two stages (b: the update). */
interface Example {
  declared: Record<string, number>;
  program(stage: "a" | "b"): ReturnType<PulumiFn>;
}

/** The documented HA example; stage b gives both connections a second peer subnet. */
const HA: Example = {
  declared: { vpnGateway: 1, customerGateway: 1, vpnConnection: 2, connectionMonitor: 2 },
  program: async (stage) =>
    haVpn(
      stage === "a"
        ? documentedSettings
        : { ...documentedSettings, peerSubnets: ["192.168.44.0/24", "192.168.45.0/24"] },
    ),
};

/**
 * Remote access: a pay-per-use P2C gateway made by the program, a VPN server in password mode, a user and a
 * user group listing it (the server also has its default group).
 */
const P2C: Example = {
  declared: { p2cVpnGateway: 1, vpnServer: 1, vpnUser: 1, vpnUserGroup: 2 },
  program: async () => {
    const { server, user } = p2cGatewayServerUser("chaos-p2c");
    new VpnUserGroup("group", { vpnServerId: server.id, name: "chaos-group", users: [user.id] });
  },
};

/** The CLI processes of a stack (the Automation API runs `pulumi … --stack <name>`). */
function cliPids(stackName: string): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    let cmd: string[];
    try {
      cmd = fs.readFileSync(`/proc/${d}/cmdline`, "utf8").split("\0");
    } catch {
      continue;
    }
    if (!cmd[0]?.endsWith("/pulumi")) continue;
    const i = cmd.indexOf("--stack");
    if (i >= 0 && cmd[i + 1] === stackName) out.push(Number(d));
  }
  return out;
}

/** The Node.js dynamic-provider hosts started by these CLI processes (the shim execs node, so they are children). */
function providerHostPids(parents: readonly number[]): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)$/m.exec(fs.readFileSync(`/proc/${d}/status`, "utf8"))?.[1]);
      if (parents.includes(ppid) && fs.readFileSync(`/proc/${d}/cmdline`, "utf8").includes("dynamic-provider"))
        out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    // a zombie has exited: only its parent's wait is missing
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

/** The pids still alive after up to `ms`. */
async function survivors(pids: readonly number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let left = pids.filter(alive);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = left.filter(alive);
  }
  return left;
}

/**
 * Runs `op` and SIGKILLs the CLI as soon as the emulator has seen a request matching `when`; returns the
 * provider hosts that CLI had started, so the test can check they went with it.
 */
async function killDuring(
  emu: RunningEmulator,
  s: EngineStack,
  op: () => Promise<ProgramRun>,
  when: (r: HistoryEntry) => boolean,
): Promise<{ killed: boolean; run: ProgramRun; hosts: number[] }> {
  const name = s.stack.name;
  const since = (await emu.admin.requests({ projectId: emu.projectId })).reduce((m, r) => Math.max(m, r.seq), 0);
  let killed = false;
  let done = false;
  let hosts: number[] = [];
  const watcher = (async () => {
    while (!done) {
      const seen = (await emu.admin.requests({ projectId: emu.projectId })).filter((r) => r.seq > since);
      if (seen.some(when)) {
        const clis = cliPids(name);
        hosts = providerHostPids(clis);
        for (const pid of clis) {
          try {
            process.kill(pid, "SIGKILL");
            killed = true;
          } catch {
            // already gone
          }
        }
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const run = await op();
  done = true;
  await watcher;
  return { killed, run, hosts };
}

const committed = (operation: string) => (r: HistoryEntry) => r.operation === operation && r.status < 300;
const received = (operation: string) => (r: HistoryEntry) => r.operation === operation;

interface KillPoint {
  name: string;
  example: Example;
  phase: "create" | "update" | "destroy";
  when: (r: HistoryEntry) => boolean;
}

const POINTS: KillPoint[] = [
  {
    name: "HA create: the gateway's create request is in flight",
    example: HA,
    phase: "create",
    when: received("createVgw"),
  },
  {
    name: "HA create: the gateway exists, its wait has begun",
    example: HA,
    phase: "create",
    when: committed("createVgw"),
  },
  { name: "HA create: the customer gateway was just made", example: HA, phase: "create", when: committed("createCgw") },
  {
    name: "HA create: the first connection's create is in flight",
    example: HA,
    phase: "create",
    when: received("createVpnConnection"),
  },
  {
    name: "HA create: a monitor was just made",
    example: HA,
    phase: "create",
    when: committed("createConnectionMonitor"),
  },
  {
    name: "HA update: the first connection update is in flight",
    example: HA,
    phase: "update",
    when: received("updateVpnConnection"),
  },
  {
    name: "HA update: a connection update was applied, its wait has begun",
    example: HA,
    phase: "update",
    when: committed("updateVpnConnection"),
  },
  {
    name: "HA destroy: a monitor was just deleted",
    example: HA,
    phase: "destroy",
    when: committed("deleteConnectionMonitor"),
  },
  { name: "HA destroy: the gateway's delete is in flight", example: HA, phase: "destroy", when: received("deleteVgw") },
  {
    name: "P2C create: the gateway exists, its wait has begun",
    example: P2C,
    phase: "create",
    when: committed("createP2cVgw"),
  },
  {
    name: "P2C create: the user group's create is in flight",
    example: P2C,
    phase: "create",
    when: received("createVpnUserGroup"),
  },
  {
    name: "P2C destroy: the user group was just deleted",
    example: P2C,
    phase: "destroy",
    when: committed("deleteVpnUserGroup"),
  },
];

function changes(summary: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([k, n]) => k !== "same" && n > 0));
}

/**
 * The metadata sidecars of the file backend (`<file>.attrs`: content type and MD5) that do not hold JSON. The
 * backend replaces a checkpoint atomically (a temporary file next to it, then a rename), but it writes the
 * checkpoint's sidecar in place (truncate, then write), so a CLI killed between the two leaves it empty, and
 * every later command fails with "failed to load checkpoint: EOF" although the checkpoint itself is intact.
 */
function brokenSidecars(stateDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith(".attrs")) {
        try {
          JSON.parse(fs.readFileSync(f, "utf8"));
        } catch {
          out.push(f);
        }
      }
    }
  };
  walk(path.join(stateDir, "backend", ".pulumi"));
  return out;
}

/**
 * The documented recovery after a killed CLI (README, "After a crash"), as a user does it: `pulumi cancel`
 * releases the lock the killed CLI left; if the CLI says "failed to load checkpoint: EOF", delete the empty
 * `.attrs` sidecar it names and cancel again. Returns the steps taken.
 */
async function recover(s: EngineStack): Promise<string[]> {
  try {
    await s.stack.cancel();
    return ["cancel"];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const broken = brokenSidecars(s.stateDir);
    if (!/failed to load checkpoint: EOF/.test(message) || broken.length === 0) throw e;
    for (const f of broken) fs.rmSync(f);
    await s.stack.cancel();
    return [`cancel failed (checkpoint: EOF)`, `removed ${broken.map((f) => path.basename(f)).join(", ")}`, "cancel"];
  }
}

async function pendingOperations(s: EngineStack): Promise<{ type: string; urn: string }[]> {
  const ops: any[] = ((await s.exportState()).deployment as any).pending_operations ?? [];
  return ops.map((op) => ({ type: String(op.type), urn: String(op.resource?.urn) }));
}

const timings: string[] = [];
afterAll(() => {
  if (timings.length > 0) console.log(`kill points:\n${timings.join("\n")}`);
});

/**
 * Points run two at a time (each has its own emulator, backend and CLI, so they cannot meet): the suite's wall
 * time stays bounded on two cores.
 */
const CONCURRENCY = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  while (running >= CONCURRENCY) await new Promise<void>((r) => waiting.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

describe("SIGKILL of the CLI, then the documented recovery and the same command again", () => {
  it.concurrent.each(POINTS.map((p) => [p.name, p] as const))(
    "%s",
    (name, point) =>
      inTurn(async () => {
        const t0 = Date.now();
        // Its own emulator: what this point leaves behind cannot fail another.
        const emu = await startEmulator({ delayScale: DELAY_SCALE });
        let stage: "a" | "b" = "a";
        const s = await emulatorStack(emu, () => point.example.program(stage));
        let steps: string[] = [];
        try {
          if (point.phase !== "create") {
            const first = await s.up();
            expect(first.error, first.stdout).toBeUndefined();
          }
          if (point.phase === "update") stage = "b";
          const op = point.phase === "destroy" ? () => s.destroy() : () => s.up();
          const { killed, run, hosts } = await killDuring(emu, s, op, point.when);
          expect(killed, `the kill point was reached (${run.error ?? "run finished"})`).toBe(true);
          // No process outlives the engine: the provider host that made the request exits with its CLI.
          expect(hosts.length, "the killed CLI had a provider host").toBeGreaterThan(0);
          expect(await survivors(hosts, 5_000), "provider hosts alive 5 s after the CLI was killed").toEqual([]);

          steps = await recover(s);
          const again = await op();
          expect(again.error, again.stdout + again.stderr).toBeUndefined();
          if (point.phase === "destroy") {
            expect(await remaining(emu)).toEqual({});
          } else {
            // Pulumi keeps a pending create in the state (and warns on every `up`) until the user clears it; the
            // provider already adopted what the killed run created, so clearing it is safe (README, "After a crash").
            if ((await pendingOperations(s)).some((op) => op.type === "creating")) {
              await s.stack.refresh({ clearPendingCreates: true });
              steps.push("refresh --clear-pending-creates");
            }
            expect(await pendingOperations(s)).toEqual([]);
            expect(await remaining(emu)).toEqual(point.example.declared);
            const p = await s.preview({ diff: true });
            expect(changes(p.summary), p.stdout).toEqual({});
            const down = await s.destroy();
            expect(down.error).toBeUndefined();
            expect(await remaining(emu)).toEqual({});
          }
        } finally {
          timings.push(`  ${((Date.now() - t0) / 1000).toFixed(1)} s  ${name}  [${steps.join("; ")}]`);
          await s.cleanup();
          await emu.close();
        }
      }),
    600_000,
  );
});

describe("a checkpoint sidecar left empty by a killed CLI", () => {
  it("fails every command with 'failed to load checkpoint: EOF' until it is deleted; the checkpoint is intact", async () => {
    const emu = await startEmulator();
    const s = await emulatorStack(emu, async () => {
      new CustomerGateway("cgw", { idType: "ip", idValue: "203.0.113.10" });
    });
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      const checkpoint = s.rawState();
      const stacks = path.join(s.stateDir, "backend", ".pulumi", "stacks", "hwvpn-test");
      const sidecar = path.join(stacks, `${s.stack.name}.json.attrs`);
      expect(JSON.parse(fs.readFileSync(sidecar, "utf8"))).toHaveProperty("md5");
      // What a SIGKILL between the sidecar's truncate and its write leaves.
      fs.truncateSync(sidecar, 0);
      await expect(s.stack.cancel()).rejects.toThrow(/failed to load checkpoint: EOF/);
      const blocked = await s.preview();
      expect(blocked.error).toMatch(/failed to load checkpoint: EOF/);
      expect(s.rawState()).toBe(checkpoint);

      expect(await recover(s)).toEqual([
        "cancel failed (checkpoint: EOF)",
        `removed ${s.stack.name}.json.attrs`,
        "cancel",
      ]);
      const p = await s.preview({ diff: true });
      expect(p.error, p.stdout).toBeUndefined();
      expect(changes(p.summary)).toEqual({});
      expect(await remaining(emu)).toEqual({ customerGateway: 1 });
      const down = await s.destroy();
      expect(down.error, down.stdout).toBeUndefined();
      expect(await remaining(emu)).toEqual({});
    } finally {
      await s.cleanup();
      await emu.close();
    }
  }, 120_000);
});
