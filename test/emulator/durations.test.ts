/**
 * The emulator's phase durations come from sdk/spec/durations (the provider's waiter reads the same table), and
 * `durationSeed` randomises them reproducibly around it.
 */
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { parseArgs } from "../../emulator/cli";
import { TransitionRegistry } from "../../emulator/lifecycle";
import { typicalPhaseMs, typicalStepMs } from "../../sdk/spec/durations";

const msOf = (r: TransitionRegistry, kind: string, phase: "create" | "update" | "delete") => {
  const p = r.get(kind, phase).progression;
  return p.mode === "time" ? p.ms : -1;
};

describe("phase durations", () => {
  it("without a seed every phase takes its typical duration × delayScale", () => {
    const r = new TransitionRegistry(0.5);
    expect(msOf(r, "vpnGateway", "create")).toBe(90_000);
    expect(msOf(r, "vpnGateway", "create")).toBe(90_000);
    expect(typicalStepMs("vpnGateway", "create")).toBe(180_000);
    // PENDING_CREATE → ACTIVE is one transitional status; a delete's PENDING_DELETE is followed by the 404.
    expect(typicalPhaseMs("vpnGateway", "create")).toBe(180_000);
    expect(typicalPhaseMs("vpnConnection", "delete")).toBe(10_000);
    expect(new TransitionRegistry(0).get("vpnGateway", "create").progression).toEqual({ mode: "immediate" });
  });

  it("with a seed, each phase draws 0.5–1.5 × typical, the same draws for the same seed whatever the order of kinds", () => {
    const a = new TransitionRegistry(1);
    const b = new TransitionRegistry(1);
    a.setDurationSeed(42);
    b.setDurationSeed(42);
    const gwA = Array.from({ length: 20 }, () => msOf(a, "vpnGateway", "create"));
    msOf(b, "vpnConnection", "create"); // another kind in between changes nothing for gateways
    const gwB = Array.from({ length: 20 }, () => msOf(b, "vpnGateway", "create"));
    expect(gwA).toEqual(gwB);
    expect(new Set(gwA).size).toBe(20);
    for (const ms of gwA) {
      expect(ms).toBeGreaterThanOrEqual(90_000);
      expect(ms).toBeLessThan(270_000);
    }
    expect(Math.min(...gwA)).toBeLessThan(135_000);
    expect(Math.max(...gwA)).toBeGreaterThan(225_000);
    const c = new TransitionRegistry(1);
    c.setDurationSeed(43);
    expect(Array.from({ length: 20 }, () => msOf(c, "vpnGateway", "create"))).not.toEqual(gwA);
    // What admin shows as the default stays the typical duration.
    expect(a.defaultFor("vpnGateway", "create").progression).toEqual({ mode: "time", ms: 180_000 });
  });

  it("an override is not randomised, and delayScale 0 stays immediate with a seed", () => {
    const r = new TransitionRegistry(1);
    r.setDurationSeed(1);
    r.set("vpnGateway", { progression: { mode: "reads", reads: 2 } });
    expect(r.get("vpnGateway", "create").progression).toEqual({ mode: "reads", reads: 2 });
    const z = new TransitionRegistry(0);
    z.setDurationSeed(1);
    expect(z.get("vpnConnection", "create").progression).toEqual({ mode: "immediate" });
  });

  it("is an option of startEmulator and of the CLI (--duration-seed)", async () => {
    expect(parseArgs(["--duration-seed", "7"])).toMatchObject({ durationSeed: 7 });
    expect(() => parseArgs(["--duration-seed", "x"])).toThrow(/--duration-seed must be an integer/);
    const emu = await startEmulator({ delayScale: 0.01, durationSeed: 7 });
    try {
      expect(emu.context.transitions.seed).toBe(7);
    } finally {
      await emu.close();
    }
  });
});
