/** The provider's waiting primitives: delays, durations, and the deadline. */
import { describe, expect, it } from "vitest";
import { ApiError, NetworkError, ResourceFailedError, WaitTimeoutError } from "../../sdk/errors";
import { typicalPhaseMs } from "../../sdk/spec/durations";
import { DurationLearner, nextPollDelay, windowPolls, parseDuration, pollDelay, pollUntil } from "../../provider/wait";

describe("pollDelay", () => {
  it("starts short, grows by the factor and stops at the cap, within ±20% jitter", () => {
    const mid = { random: () => 0.5 };
    expect(pollDelay(0, mid)).toBe(250);
    expect(pollDelay(1, mid)).toBe(400);
    expect(pollDelay(20, mid)).toBe(10_000);
    expect(pollDelay(0, { random: () => 0 })).toBe(200);
    expect(pollDelay(0, { random: () => 0.999999 })).toBe(300);
  });
});

describe("parseDuration", () => {
  it.each([
    [15, 15 * 60_000],
    ["90s", 90_000],
    ["10m", 600_000],
    ["1h30m", 5_400_000],
    ["500ms", 500],
    [undefined, 1234],
  ])("%s → %i ms", (v, ms) => {
    expect(parseDuration(v, 1234)).toBe(ms);
  });

  it("names the value and the rule when it cannot read a duration", () => {
    expect(() => parseDuration("ten minutes", 1)).toThrow(
      'timeouts: "ten minutes" — must be minutes (a number) or a duration like "90s", "10m", "1h30m"',
    );
  });
});

describe("pollUntil", () => {
  it("returns as soon as the probe is done, sleeping the growing delays in between", async () => {
    const slept: number[] = [];
    let n = 0;
    const v = await pollUntil(
      "thing",
      async () => (++n < 4 ? { done: false, seen: `status ${n}` } : { done: true, value: "ok" }),
      { deadline: Date.now() + 60_000, random: () => 0.5, sleep: async (ms) => void slept.push(ms) },
    );
    expect(v).toBe("ok");
    expect(slept).toEqual([250, 400, 640]);
  });

  it("gives up at the deadline with the last status seen", async () => {
    const err = (await pollUntil(
      "gateway X to become ACTIVE",
      async () => ({ done: false, seen: "status PENDING_CREATE" }),
      {
        deadline: Date.now() - 1,
        sleep: async () => {},
      },
    ).then(
      () => undefined,
      (e: unknown) => e,
    )) as WaitTimeoutError;
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect(err.code).toBe("HWC_ERR_WAIT_TIMEOUT");
    expect(err.message).toBe("timed out waiting for gateway X to become ACTIVE (last seen: status PENDING_CREATE)");
  });
});

describe("a duration the probe announces (expectMs)", () => {
  /**
   * A job that ends `durationMs` after the wait starts and whose list announces `announcedMs` (or nothing), on a
   * simulated clock: the times of the polls.
   */
  async function job(durationMs: number, announcedMs: number | undefined) {
    let t = 0;
    const polls: number[] = [];
    const status = await pollUntil(
      "upgrade job J to be pending_upgrade_confirm",
      async () => {
        polls.push(t);
        if (t >= durationMs) return { done: true, value: "pending_upgrade_confirm" };
        return { done: false, seen: "status upgrading", ...(announcedMs !== undefined ? { expectMs: announcedMs } : {}) };
      },
      { deadline: 3_600_000, learner: new DurationLearner(), now: () => t, sleep: async (ms) => void (t += ms), random: () => 0.5 },
    );
    expect(status).toBe("pending_upgrade_confirm");
    return polls;
  }

  it("the first poll is at once; the next ones fall in the announced window ms × (1 ± 0.5), a few apart", async () => {
    const announced = 60_000;
    for (const took of [0.6 * announced, announced, 1.45 * announced]) {
      const polls = await job(took, announced);
      expect(polls[0]).toBe(0);
      for (const at of polls.slice(1)) {
        expect(at).toBeGreaterThanOrEqual(0.5 * announced);
        expect(at).toBeLessThanOrEqual(1.5 * announced * 1.03);
      }
      // One window of eight steps (windowPolls): the end is seen at most a step (+3 %) late.
      expect(polls.at(-1)! - took).toBeLessThanOrEqual((announced / windowPolls(announced, announced)) * 1.03);
      expect(polls.length).toBeLessThanOrEqual(1 + windowPolls(announced, announced));
    }
  });

  it("without an announcement the same wait polls on the growing schedule from 250 ms", async () => {
    const polls = await job(60_000, undefined);
    expect(polls.slice(0, 3)).toEqual([0, 250, 650]);
    expect(polls.length).toBeGreaterThan(10);
  });

  it("the latest announcement counts (a job whose action changed announces anew)", async () => {
    let t = 0;
    const polls: number[] = [];
    await pollUntil(
      "job",
      async () => {
        polls.push(t);
        if (t >= 400_000) return { done: true, value: undefined };
        return { done: false, seen: "status upgrading", expectMs: polls.length === 1 ? 20_000 : 600_000 };
      },
      { deadline: 3_600_000, learner: new DurationLearner(), now: () => t, sleep: async (ms) => void (t += ms), random: () => 0.5 },
    );
    // 20 s announced first: one poll in its window; then 600 s: nothing until that window (300–900 s), whereas
    // the first announcement alone would have polled every few seconds past 30 s.
    expect(polls).toHaveLength(4);
    expect(polls[1]).toBeGreaterThanOrEqual(10_000);
    expect(polls[1]).toBeLessThanOrEqual(30_000);
    expect(polls[2]).toBeGreaterThanOrEqual(300_000);
    expect(polls[3]! - 400_000).toBeLessThanOrEqual((600_000 / 8) * 1.03);
  });
});

/** A phase that ends `durationMs` after the wait starts, on a simulated clock; counts the polls. */
async function simulate(learner: DurationLearner, kind: string, phase: "create" | "update" | "delete", durationMs: number) {
  let t = 0;
  let polls = 0;
  await pollUntil(
    `${kind} ${phase}`,
    async () => (++polls, t >= durationMs ? { done: true, value: undefined } : { done: false, seen: "status PENDING" }),
    { deadline: Date.now() + 3_600_000, expect: { kind, phase }, learner, now: () => t, sleep: async (ms) => void (t += ms), random: () => 0.5 },
  );
  return { polls, lateMs: t - durationMs };
}

describe("predictive polling", () => {
  it("a phase much faster than typical is seen late by at most ~a quarter of the time waited, the first time", async () => {
    const learner = new DurationLearner();
    const typical = typicalPhaseMs("vpnGateway", "create");
    expect(typical).toBe(180_000);
    for (const ms of [27_000, 4_000, 90_000]) {
      const r = await simulate(new DurationLearner(), "vpnGateway", "create", ms);
      expect(r.lateMs).toBeLessThanOrEqual(0.3 * ms);
      expect(r.polls).toBeLessThanOrEqual(20);
    }
    // At the typical duration itself, the window around it is polled, not the growing schedule's 10 s cap.
    const atTypical = await simulate(learner, "vpnGateway", "create", typical);
    expect(atTypical.lateMs).toBeLessThanOrEqual(0.25 * typical);
  });

  it("once a kind and phase has been observed, the next waits land within 20 % in about four polls", async () => {
    const learner = new DurationLearner();
    await simulate(learner, "vpnGateway", "create", 27_000);
    let polls = 0;
    for (let i = 0; i < 4; i++) {
      const r = await simulate(learner, "vpnGateway", "create", 27_000);
      expect(r.polls).toBeLessThanOrEqual(5);
      expect(r.lateMs).toBeLessThanOrEqual(0.2 * 27_000);
      polls += r.polls;
    }
    expect(polls / 4).toBeLessThanOrEqual(4.25);
    expect(learner.expect("vpnGateway", "create").source).toBe("observed");
  });

  it("what other kinds showed (here: 0.15 × typical) sets the first wait of a kind not seen yet", async () => {
    const learner = new DurationLearner();
    await simulate(learner, "vpnGateway", "create", 27_000);
    const e = learner.expect("vpnConnection", "create");
    expect(e.source).toBe("scaled");
    expect(e.ms).toBeGreaterThan(0.1 * typicalPhaseMs("vpnConnection", "create"));
    expect(e.ms).toBeLessThan(0.2 * typicalPhaseMs("vpnConnection", "create"));
    const r = await simulate(learner, "vpnConnection", "create", 3_000);
    expect(r.polls).toBeLessThanOrEqual(4);
    expect(r.lateMs).toBeLessThanOrEqual(1_000);
  });

  it("an immediate phase keeps the first poll immediate (no sleep), so instant emulators stay instant", async () => {
    const learner = new DurationLearner();
    for (let i = 0; i < 3; i++) {
      const slept: number[] = [];
      let polls = 0;
      await pollUntil("gateway", async () => (++polls, { done: true, value: 1 }), {
        deadline: Date.now() + 60_000,
        expect: { kind: "vpnGateway", phase: "create" },
        learner,
        sleep: async (ms) => void slept.push(ms),
      });
      expect({ polls, slept }).toEqual({ polls: 1, slept: [] });
    }
  });

  it("late past the expected window, each interval is a fraction of the time waited, capped in seconds", () => {
    const e = { ms: 10_000, spread: 0.2, source: "observed" as const };
    expect(nextPollDelay(20_000, e, { random: () => 0.5 })).toBe(2_000);
    expect(nextPollDelay(500_000, e, { random: () => 0.5 })).toBe(10_000);
    expect(nextPollDelay(500_000, e, { random: () => 0.5, maxMs: 4_000 })).toBe(4_000);
    // Trusted: the window 8–12 s is cut into √(64 · 4 s / 10 s) ≈ 5 steps; the first poll falls one step in (8.8 s,
    // up to 3 % later), the next ones on the following step ends, the last at the window's end.
    expect(nextPollDelay(1_000, e, { random: () => 0 })).toBe(7_800);
    expect(nextPollDelay(9_000, e, { random: () => 0 })).toBe(600);
    expect(nextPollDelay(11_500, e, { random: () => 0 })).toBe(500);
    expect(nextPollDelay(1_000, e, { random: () => 1 })).toBe(8_034);
    // Weighed against a much longer phase seen before (a gateway of 400 s), the same window gets one poll, at its end.
    expect(nextPollDelay(1_000, e, { random: () => 0, refMs: 400_000 })).toBe(11_000);
  });

  it("the number of polls across a window does not depend on the speed: the same at any scale", () => {
    for (const scale of [0.01, 0.15, 1, 10]) {
      expect(windowPolls(4_000 * scale, 10_000 * scale)).toBe(5);
      // Short next to what this process has waited already: one poll, at the window's end.
      expect(windowPolls(1_000 * scale, 200_000 * scale)).toBe(1);
    }
    expect(windowPolls(180_000, 180_000)).toBe(8);
    expect(windowPolls(10_000_000, 1)).toBe(8);
  });

  it("brackets that overlap are taken as one fixed duration: the window narrows to their intersection", () => {
    const learner = new DurationLearner();
    learner.record("vpnGateway", "create", 25_000, 31_000);
    // One alone: ±30 % around its midpoint, plus its own half-width.
    expect(learner.expect("vpnGateway", "create").spread).toBeCloseTo(0.3 + 3_000 / 28_000, 3);
    learner.record("vpnGateway", "create", 26_000, 28_000);
    const e = learner.expect("vpnGateway", "create");
    expect(e.ms * (1 - e.spread)).toBeCloseTo(0.97 * 26_000, -1);
    expect(e.ms * (1 + e.spread)).toBeCloseTo(1.03 * 28_000, -1);
    // A third that does not overlap: durations vary; the window is their midpoints' spread, widened.
    learner.record("vpnGateway", "create", 38_000, 40_000);
    const v = learner.expect("vpnGateway", "create");
    expect(v.ms).toBe(28_000);
    expect(v.spread).toBeGreaterThan(0.4);
    expect(v.spread).toBeLessThanOrEqual(0.6);

    // An immediate one among them (the phase took no time once) does not make the others immediate.
    const mixed = new DurationLearner();
    mixed.record("vpnConnection", "create", 0, 0);
    mixed.record("vpnConnection", "create", 2_000, 2_500);
    mixed.record("vpnConnection", "create", 2_200, 2_600);
    expect(mixed.expect("vpnConnection", "create").ms).toBe(2_250);
  });
});

describe("transient poll failures", () => {
  const opts = (extra = {}) => ({ deadline: Date.now() + 60_000, sleep: async () => {}, ...extra });

  it("a read that fails with 503, 429, VPN.0030 or a reset connection is polled again, not fatal", async () => {
    const failures = [
      new ApiError({ httpStatus: 503, operation: "showVgw" }),
      new ApiError({ httpStatus: 429, operation: "showVgw", retryAfterMs: 1000 }),
      new ApiError({ httpStatus: 400, errorCode: "VPN.0030", errorMsg: "The system is busy, please try later.", operation: "showVgw" }),
      new NetworkError("socket hang up", { syscallCode: "ECONNRESET" }),
    ];
    let n = 0;
    const v = await pollUntil(
      "gateway",
      async () => {
        const f = failures[n++];
        if (f) throw f;
        return { done: true, value: "ACTIVE" };
      },
      opts({ reads: true }),
    );
    expect({ v, n }).toEqual({ v: "ACTIVE", n: 5 });
  });

  it("a change (not a read) is repeated only after a failure that proves it was not processed", async () => {
    let n = 0;
    const throttled = await pollUntil(
      "create",
      async () => {
        if (n++ === 0) throw new ApiError({ httpStatus: 429, operation: "createCgw" });
        return { done: true, value: "made" };
      },
      opts(),
    );
    expect(throttled).toBe("made");
    const unknown = new ApiError({ httpStatus: 503, operation: "createCgw" });
    await expect(pollUntil("create", async () => Promise.reject(unknown), opts())).rejects.toBe(unknown);
  });

  it("a terminal status ends the wait at the first poll that sees it, and the deadline still ends a flaky one", async () => {
    let n = 0;
    const failed = new ResourceFailedError("VpnGateway g1 entered status FREEZED: unfreeze it", { status: "FREEZED", resourceId: "g1" });
    await expect(pollUntil("gateway", async () => (n++, Promise.reject(failed)), opts({ reads: true }))).rejects.toBe(failed);
    expect(n).toBe(1);
    let t = 0;
    const err = await pollUntil("gateway g2 to become ACTIVE", async () => Promise.reject(new ApiError({ httpStatus: 503, operation: "showVgw" })), {
      deadline: 30_000,
      reads: true,
      now: () => t,
      sleep: async (ms: number) => void (t += ms),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    expect((err as Error).message).toMatch(/^timed out waiting for gateway g2 to become ACTIVE \(last seen: a transient error \(showVgw: HTTP 503/);
  });
});
