/** Durations remembered across provider processes (provider/remembered.ts), through the waiter's public surface. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DurationLearner, pollUntil } from "../../provider/wait";
import { FileDurationMemory, isLocalEndpoint, KEPT_PER_KEY, KEPT_SCOPES, MAX_AGE_MS, memoryPath } from "../../provider/remembered";

const CLOUD = "https://vpn.cn-north-4.myhuaweicloud.com";
const fresh = () => join(mkdtempSync(join(tmpdir(), "hwvpn-durations-")), "durations.json");

/** A wait for a phase that ends `durationMs` after it starts, on a virtual clock; counts the polls. */
async function wait(learner: DurationLearner, durationMs: number, scope?: string) {
  let t = 0;
  let polls = 0;
  await pollUntil("gateway create", async () => (++polls, t >= durationMs ? { done: true, value: 0 } : { done: false, seen: "status PENDING_CREATE" }), {
    deadline: Number.MAX_SAFE_INTEGER,
    expect: { kind: "vpnGateway", phase: "create", ...(scope ? { scope } : {}) },
    learner,
    now: () => t,
    sleep: async (ms) => void (t += ms),
    random: () => 0.5,
  });
  return { polls, lateMs: t - durationMs };
}

describe("durations remembered across processes", () => {
  it("a later process's first wait against the same cloud endpoint lands on the completion an earlier one saw", async () => {
    const path = fresh();
    const first = await wait(new DurationLearner(new FileDurationMemory(path)), 150_000, CLOUD);
    // The first process knows only the typical duration.
    expect(first.polls).toBeGreaterThan(8);
    const next = new DurationLearner(new FileDurationMemory(path)); // a new `pulumi up`
    const second = await wait(next, 150_000, CLOUD);
    expect(second.polls).toBeLessThanOrEqual(5);
    expect(second.lateMs).toBeLessThanOrEqual(0.1 * 150_000);
    expect(next.expect("vpnGateway", "create").source).toBe("observed");
    // Another endpoint (another region) recalls nothing of it.
    const other = new DurationLearner(new FileDurationMemory(path));
    other.recall("https://vpn.ap-southeast-1.myhuaweicloud.com");
    expect(other.expect("vpnGateway", "create").source).toBe("typical");
    // Only the origin, the kind and phase and the durations are written.
    const text = readFileSync(path, "utf8");
    expect(Object.keys(JSON.parse(text).scopes)).toEqual([CLOUD]);
    expect(Object.keys(JSON.parse(text).scopes[CLOUD])).toEqual(["vpnGateway:create"]);
  });

  it("an endpoint on this machine (an emulator) is never remembered, and nothing is written for it", async () => {
    const path = fresh();
    for (const local of ["http://127.0.0.1:8787", "http://localhost:9000", "http://[::1]:8787"]) {
      expect(isLocalEndpoint(local)).toBe(true);
      await wait(new DurationLearner(new FileDurationMemory(path)), 27_000, local);
    }
    expect(existsSync(path)).toBe(false);
    expect(isLocalEndpoint(CLOUD)).toBe(false);
    expect(isLocalEndpoint("http://192.0.2.10:8787")).toBe(false);
  });

  it("keeps the newest observations per kind and phase, forgets old ones and the least recently used endpoints", () => {
    const path = fresh();
    let now = 1_000_000_000_000;
    const mem = new FileDurationMemory(path, () => now);
    for (let i = 0; i < KEPT_PER_KEY + 5; i++) mem.remember(CLOUD, "vpnGateway:create", { lowMs: 1000 * i, highMs: 1000 * i + 500 });
    const kept = mem.recall(CLOUD)["vpnGateway:create"]!;
    expect(kept).toHaveLength(KEPT_PER_KEY);
    expect(kept[0]!.lowMs).toBe(5_000);
    now += MAX_AGE_MS + 1;
    expect(mem.recall(CLOUD)).toEqual({});
    for (let i = 0; i <= KEPT_SCOPES; i++) {
      now += 1;
      mem.remember(`https://vpn.r${i}.example.com`, "vpnConnection:create", { lowMs: 1, highMs: 2 });
    }
    const scopes = Object.keys(JSON.parse(readFileSync(path, "utf8")).scopes);
    expect(scopes).toHaveLength(KEPT_SCOPES);
    expect(scopes).not.toContain("https://vpn.r0.example.com");
  });

  it("a file that is not ours or cannot be written never fails a wait", async () => {
    const path = fresh();
    writeFileSync(path, "{not json");
    const r = await wait(new DurationLearner(new FileDurationMemory(path)), 20_000, CLOUD);
    expect(r.lateMs).toBeLessThanOrEqual(0.3 * 20_000);
    expect(JSON.parse(readFileSync(path, "utf8")).version).toBe(1);
    // A path under a regular file: unwritable.
    const blocked = join(path, "sub", "durations.json");
    const unwritable = await wait(new DurationLearner(new FileDurationMemory(blocked)), 20_000, CLOUD);
    expect(unwritable.lateMs).toBeLessThanOrEqual(0.3 * 20_000);
    expect(existsSync(blocked)).toBe(false);
  });

  it("the file is $HWVPN_DURATIONS_FILE, else under the XDG cache; `off` turns the memory off", () => {
    expect(memoryPath({ HWVPN_DURATIONS_FILE: "/x/d.json" })).toBe("/x/d.json");
    expect(memoryPath({ HWVPN_DURATIONS_FILE: "off" })).toBeUndefined();
    expect(memoryPath({ XDG_CACHE_HOME: "/c" })).toBe("/c/pulumi-huaweicloud-vpn/durations.json");
  });
});
