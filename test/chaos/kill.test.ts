/**
 * Chaos: the Pulumi CLI killed hard (SIGKILL — a CI timeout, an OOM kill, a second Ctrl-C) at points of create,
 * update and destroy of the documented HA example, then the documented recovery (run the same command again).
 * Every run must end with the emulator holding exactly the declared resources (none after destroy), no
 * duplicate, no orphan, and a preview with no changes; and the killed CLI's dynamic-provider host must exit with
 * it (scripts/shims/pulumi-resource-pulumi-nodejs watches its parent).
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { documentedSettings, haVpn } from "../../examples/ha-vpn/program";
import type { HistoryEntry } from "../../emulator/history";
import { emulatorStack, remaining, useEmulator } from "../provider/helpers";
import type { EngineStack, ProgramRun } from "../engine/harness";

// Realistic durations scaled down: a gateway takes a few seconds, so kills land inside its wait too.
const env = useEmulator({ delayScale: 0.02 });

const DECLARED = { vpnGateway: 1, customerGateway: 1, vpnConnection: 2, connectionMonitor: 2 };

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
      if (parents.includes(ppid) && fs.readFileSync(`/proc/${d}/cmdline`, "utf8").includes("dynamic-provider")) out.push(Number(d));
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
  s: EngineStack,
  op: () => Promise<ProgramRun>,
  when: (r: HistoryEntry) => boolean,
): Promise<{ killed: boolean; run: ProgramRun; hosts: number[] }> {
  const name = s.stack.name;
  const since = (await env.emu.admin.requests({ projectId: env.emu.projectId })).reduce((m, r) => Math.max(m, r.seq), 0);
  let killed = false;
  let done = false;
  let hosts: number[] = [];
  const watcher = (async () => {
    while (!done) {
      const seen = (await env.emu.admin.requests({ projectId: env.emu.projectId })).filter((r) => r.seq > since);
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
  phase: "create" | "update" | "destroy";
  when: (r: HistoryEntry) => boolean;
}

const POINTS: KillPoint[] = [
  { name: "create: the gateway's create request is in flight", phase: "create", when: received("createVgw") },
  { name: "create: the gateway exists, its wait has begun", phase: "create", when: committed("createVgw") },
  { name: "create: the customer gateway was just made", phase: "create", when: committed("createCgw") },
  { name: "create: the first connection's create is in flight", phase: "create", when: received("createVpnConnection") },
  { name: "create: a monitor was just made", phase: "create", when: committed("createConnectionMonitor") },
  { name: "update: the first connection update is in flight", phase: "update", when: received("updateVpnConnection") },
  { name: "update: a connection update was applied, its wait has begun", phase: "update", when: committed("updateVpnConnection") },
  { name: "destroy: a monitor was just deleted", phase: "destroy", when: committed("deleteConnectionMonitor") },
  { name: "destroy: the gateway's delete is in flight", phase: "destroy", when: received("deleteVgw") },
];

function changes(summary: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([k, n]) => k !== "same" && n > 0));
}

describe("SIGKILL of the CLI, then the same command again", () => {
  it.each(POINTS.map((p) => [p.name, p] as const))("%s", async (_name, point) => {
    let stage: "a" | "b" = "a";
    // Stage b is the update: both connections get a second peer subnet.
    const s = await emulatorStack(env.emu, async () =>
      haVpn(stage === "a" ? documentedSettings : { ...documentedSettings, peerSubnets: ["192.168.44.0/24", "192.168.45.0/24"] }),
    );
    try {
      if (point.phase !== "create") {
        const first = await s.up();
        expect(first.error, first.stdout).toBeUndefined();
      }
      if (point.phase === "update") stage = "b";
      const op = point.phase === "destroy" ? () => s.destroy() : () => s.up();
      const { killed, run, hosts } = await killDuring(s, op, point.when);
      expect(killed, `the kill point was reached (${run.error ?? "run finished"})`).toBe(true);
      // No process outlives the engine: the provider host that made the request exits with its CLI.
      expect(hosts.length, "the killed CLI had a provider host").toBeGreaterThan(0);
      expect(await survivors(hosts, 5_000), "provider hosts alive 5 s after the CLI was killed").toEqual([]);

      // The documented recovery (README): `pulumi cancel` releases the lock the killed CLI left on the
      // backend, then the same command again.
      await s.stack.cancel();
      const again = await op();
      expect(again.error, again.stdout + again.stderr).toBeUndefined();
      if (point.phase === "destroy") {
        expect(await remaining(env.emu)).toEqual({});
      } else {
        expect(await remaining(env.emu)).toEqual(DECLARED);
        const p = await s.preview({ diff: true });
        expect(changes(p.summary), p.stdout).toEqual({});
        const down = await s.destroy();
        expect(down.error).toBeUndefined();
        expect(await remaining(env.emu)).toEqual({});
      }
    } finally {
      await s.cleanup();
    }
  }, 600_000);
});
