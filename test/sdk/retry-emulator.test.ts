/**
 * Throttling against the emulator's fault injection (emulator/faults.ts): a throttled burst converges with every
 * request answered, each retry waits at least the server's `Retry-After` plus jitter (so parallel clients do not
 * come back together), the retry budget is time rather than a count of attempts, and the shared adaptive rate
 * limiter slows down while the service throttles and lets go once it stops. The limiter's own arithmetic is
 * checked on an injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { VpnClient } from "../../sdk/client";
import { ApiError } from "../../sdk/errors";
import { AdaptiveRateLimiter } from "../../sdk/http/limiter";
import { recordingSleep } from "./helpers";

let emu: RunningEmulator;
let cgwId: string;

beforeAll(async () => {
  emu = await startEmulator({ delayScale: 0 });
  const c = clientWith(new AdaptiveRateLimiter()).client;
  const made = await c.createCgw({ body: { customer_gateway: { name: "throttle-cgw", id_type: "ip", id_value: "192.0.2.90", bgp_asn: 65010 } } });
  cgwId = made.customer_gateway!.id!;
  await c.close();
});
afterAll(async () => {
  await emu?.close();
});

function clientWith(limiter: AdaptiveRateLimiter, retry: Record<string, unknown> = {}) {
  const s = recordingSleep();
  const client = new VpnClient({
    endpoint: emu.url,
    region: emu.region,
    projectId: emu.projectId,
    accessKey: emu.accessKey,
    secretKey: emu.secretKey,
    sleep: s.sleep,
    retry: { rateLimiter: limiter, ...retry },
  });
  return { client, delays: s.delays };
}

describe("throttling (emulator fault injection)", () => {
  it("half of a 40-request burst answered 429 + Retry-After: 1 still ends with every request answered", async () => {
    const limiter = new AdaptiveRateLimiter({ minRate: 100 });
    const { client, delays } = clientWith(limiter);
    const rule = await emu.admin.injectFault({ operation: "showCgw", status: 429, retryAfter: 1, probability: 0.5 });
    try {
      const got = await Promise.all(Array.from({ length: 40 }, () => client.showCgw({ customer_gateway_id: cgwId })));
      expect(got.every((g) => g.customer_gateway?.id === cgwId)).toBe(true);
      const hits = (await emu.admin.faults()).find((f) => f.id === rule.id)!.hits;
      expect(hits).toBeGreaterThan(5);
      // One back-off per throttled answer, each at least Retry-After, and spread (not all exactly 1 s).
      expect(delays).toHaveLength(hits);
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(1000);
      expect(new Set(delays).size).toBeGreaterThan(hits / 2);
      const st = limiter.stats(emu.url);
      expect(st.throttles).toBe(hits);
      expect(st.sent).toBe(40 + hits);
    } finally {
      await emu.admin.clearFaults();
      await client.close();
    }
  });

  it("the budget is time: a request throttled every time is retried past five attempts, then fails at maxTotalMs", async () => {
    const { client, delays } = clientWith(new AdaptiveRateLimiter({ minRate: 1000 }), { maxTotalMs: 20_000, random: () => 0 });
    await emu.admin.injectFault({ operation: "showCgw", status: 429, retryAfter: 2 });
    try {
      const err = (await client.showCgw({ customer_gateway_id: cgwId }).catch((e: unknown) => e)) as ApiError;
      expect(err).toBeInstanceOf(ApiError);
      expect(err.httpStatus).toBe(429);
      // Retry-After 2 s (no jitter at random() = 0): ten back-offs fit in 20 s, the eleventh would not.
      expect(delays).toEqual(Array(10).fill(2000));
      expect(err.attempts).toBe(11);
      expect(err.totalRetryDelayMs).toBe(20_000);
    } finally {
      await emu.admin.clearFaults();
      await client.close();
    }
  });

  it("VPN.0030 (busy) slows the shared limiter down too; without throttling it stays out of the way", async () => {
    const limiter = new AdaptiveRateLimiter({ minRate: 200 });
    const { client } = clientWith(limiter);
    try {
      await Promise.all(Array.from({ length: 10 }, () => client.showCgw({ customer_gateway_id: cgwId })));
      expect(limiter.stats(emu.url)).toMatchObject({ rate: Infinity, throttles: 0, pacedMs: 0 });
      await emu.admin.injectFault({ operation: "showCgw", status: 400, errorCode: "VPN.0030", times: 3 });
      await Promise.all(Array.from({ length: 10 }, () => client.showCgw({ customer_gateway_id: cgwId })));
      const st = limiter.stats(emu.url);
      expect(st.throttles).toBe(3);
      expect(st.rate).toBeGreaterThanOrEqual(200);
      expect(Number.isFinite(st.rate)).toBe(true);
    } finally {
      await emu.admin.clearFaults();
      await client.close();
    }
  });
});

describe("AdaptiveRateLimiter (injected clock)", () => {
  const answers = (lim: AdaptiveRateLimiter, ok: number, throttled: number) => {
    for (let i = 0; i < ok; i++) lim.onSuccess("k");
    for (let i = 0; i < throttled; i++) lim.onThrottle("k");
  };

  it("halves the rate sent on throttling, once per episode, and paces the queued requests into distinct slots", () => {
    let t = 10_000;
    const lim = new AdaptiveRateLimiter({ now: () => t, minRate: 5, floorFraction: 0.1, increase: 0 });
    for (let i = 0; i < 40; i++) expect(lim.reserve("k")).toBe(0); // 40 requests in the last second, unlimited
    lim.onThrottle("k");
    lim.onThrottle("k"); // same episode (within the cooldown): counted, not applied twice
    expect(lim.stats("k")).toMatchObject({ rate: 20, throttles: 2 });
    expect([lim.reserve("k"), lim.reserve("k"), lim.reserve("k")]).toEqual([0, 50, 100]);
    t += 1500;
    answers(lim, 9, 1); // slowing down helped (throttled share 1 → 0.2): half again
    expect(lim.stats("k").rate).toBe(10);
    t += 1500;
    answers(lim, 19, 1); // 0.2 → 0.05
    expect(lim.stats("k").rate).toBe(5); // the floor (minRate, above a tenth of the 40/s sent at the start)
    expect(lim.stats("other").rate).toBe(Infinity); // per origin
  });

  it("undoes a decrease that did not make throttling rarer (throttling that does not depend on us)", () => {
    let t = 0;
    const lim = new AdaptiveRateLimiter({ now: () => t, minRate: 1, floorFraction: 0.01, increase: 0 });
    for (let i = 0; i < 200; i++) lim.reserve("k");
    lim.onThrottle("k");
    t += 1100;
    answers(lim, 7, 3); // share 1 → 0.3: helped
    expect(lim.stats("k").rate).toBe(50);
    t += 1100;
    answers(lim, 7, 3); // 0.3 → 0.3: did not help, back to 100
    expect(lim.stats("k").rate).toBe(100);
    t += 1100;
    answers(lim, 7, 3); // still not: 200, the rate that was throttled, so unlimited again
    expect(lim.stats("k").rate).toBe(Infinity);
  });

  it("recovers by `increase` per second without throttling and lets go above the rate that was throttled", () => {
    let t = 0;
    const lim = new AdaptiveRateLimiter({ now: () => t, minRate: 5, increase: 10 });
    for (let i = 0; i < 40; i++) lim.reserve("k");
    lim.onThrottle("k");
    expect(lim.stats("k").rate).toBe(20);
    t += 1000;
    lim.onSuccess("k");
    expect(lim.stats("k").rate).toBe(30);
    t += 1000;
    lim.onSuccess("k"); // 40: the 40/s sent when throttling began
    expect(lim.stats("k").rate).toBe(Infinity);
    expect(lim.reserve("k")).toBe(0);
  });

  it("never goes below a quarter of the rate sent when throttling began, so a run slows down but never stalls", () => {
    let t = 0;
    const lim = new AdaptiveRateLimiter({ now: () => t, increase: 0 });
    for (let i = 0; i < 200; i++) lim.reserve("k");
    lim.onThrottle("k");
    for (let w = 1; w <= 10; w++) {
      t += 1100;
      answers(lim, 5 * 2 ** w, 1); // throttling ever rarer: every decrease "helps"
    }
    expect(lim.stats("k").rate).toBe(50);
  });
});
