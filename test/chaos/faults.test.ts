/**
 * Chaos: the documented HA example created, updated and destroyed while 30 % of the API's answers are faults —
 * throttling (429 with Retry-After), server errors (500, 503), "system busy" (VPN.0030), added latency, and
 * connections dropped before the request is processed or after its change was committed. Each phase must
 * converge by itself (at most one more run of the same command, as a user would): exactly the declared
 * resources, no duplicate, no orphan, a preview with no changes; none after destroy. Each run has its own
 * emulator, so what one leaves behind cannot fail the other.
 */
import { describe, expect, it } from "vitest";
import { documentedSettings, haVpn } from "../../examples/ha-vpn/program";
import type { ProgramRun } from "../engine/harness";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { emulatorStack, remaining } from "../provider/helpers";
const DECLARED = { vpnGateway: 1, customerGateway: 1, vpnConnection: 2, connectionMonitor: 2 };

/** About 30 % of requests to the API fail, spread over the kinds of fault (probabilities add up). */
async function faultMix(emu: RunningEmulator): Promise<void> {
  const mix: [Record<string, unknown>, number][] = [
    [{ status: 429, retryAfter: 1 }, 0.07],
    [{ status: 500 }, 0.04],
    [{ status: 503 }, 0.04],
    [{ status: 400, errorCode: "VPN.0030" }, 0.05],
    [{ latencyMs: 300 }, 0.04],
    [{ drop: "before" }, 0.03],
    [{ drop: "after" }, 0.03],
  ];
  for (const [fault, probability] of mix) await emu.admin.injectFault({ path: "/v5/", ...fault, probability });
}

function changes(summary: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([k, n]) => k !== "same" && n > 0));
}

/** A command, and once more if it failed (what a user does after a transient failure). */
async function converge(run: () => Promise<ProgramRun>): Promise<{ runs: number; last: ProgramRun }> {
  const first = await run();
  if (first.ok) return { runs: 1, last: first };
  return { runs: 2, last: await run() };
}

describe("30 % injected faults over create, update and destroy", () => {
  it.each([1, 2])(
    "run %i converges with exactly the declared resources",
    async () => {
      const emu = await startEmulator({ delayScale: 0.005 });
      let peerSubnets = documentedSettings.peerSubnets;
      const s = await emulatorStack(emu, async () => haVpn({ ...documentedSettings, peerSubnets }));
      try {
        await faultMix(emu);
        const created = await converge(() => s.up());
        expect(created.last.error, created.last.stdout).toBeUndefined();
        peerSubnets = ["192.168.44.0/24", "192.168.45.0/24"];
        const updated = await converge(() => s.up());
        expect(updated.last.error, updated.last.stdout).toBeUndefined();

        await emu.admin.clearFaults();
        expect(await remaining(emu)).toEqual(DECLARED);
        const p = await s.preview({ diff: true });
        expect(changes(p.summary), p.stdout).toEqual({});
        const history = await emu.admin.requests({ projectId: emu.projectId });
        const faulted = history.filter((h) => (h.faults?.length ?? 0) > 0).length;
        console.log(
          `faults: ${history.length} requests, ${faulted} faulted; create ${created.runs} run(s), update ${updated.runs} run(s)`,
        );

        await faultMix(emu);
        const destroyed = await converge(() => s.destroy());
        expect(destroyed.last.error, destroyed.last.stdout).toBeUndefined();
        await emu.admin.clearFaults();
        expect(await remaining(emu)).toEqual({});
        const all = await emu.admin.requests({ projectId: emu.projectId });
        const faultedAll = all.filter((h) => (h.faults?.length ?? 0) > 0).length;
        console.log(
          `faults over create, update, destroy: ${all.length} requests, ${faultedAll} faulted; destroy ${destroyed.runs} run(s)`,
        );
      } finally {
        await emu.admin.clearFaults();
        await s.cleanup();
        await emu.close();
      }
    },
    900_000,
  );
});
