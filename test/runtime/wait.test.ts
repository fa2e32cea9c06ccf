/** The provider's waiting primitives: delays, durations, and the deadline. */
import { describe, expect, it } from "vitest";
import { WaitTimeoutError } from "../../sdk/errors";
import { parseDuration, pollDelay, pollUntil } from "../../provider/wait";

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
