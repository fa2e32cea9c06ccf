/**
 * One adaptive rate limiter per process, shared by every client (and so by every resource and function of a
 * provider process): parallel workers that are throttled together slow down together, and their requests are
 * paced into distinct slots instead of retrying in lockstep.
 *
 * AIMD per origin: unlimited until the service throttles (429, `APIGW.0308`, `VPN.0030`); then the rate is set
 * to `decrease` × the rate actually sent over the last second, and multiplied again by `decrease` at most once per
 * `cooldownMs` while throttling goes on — as long as slowing down helps: when the share of throttled answers did
 * not fall after the last decrease (throttling that does not depend on our rate), that decrease is undone. Every second without a throttle adds `increase` requests per second;
 * once the rate is back above what was sent when throttling began, the limiter lets go (unlimited again). The
 * rate never drops below `minRate`, nor below `floorFraction` of the most that was sent when throttling began, so
 * throttling that does not depend on the rate (a fault injected at random, a noisy neighbour) slows a run down
 * but cannot stall it.
 */

export interface RateLimiterOptions {
  /** Requests per second the limiter never goes below (default 10). */
  minRate?: number;
  /** Nor below this fraction of the rate sent when throttling began (default 0.25). */
  floorFraction?: number;
  /** Factor applied on throttling (default 0.5). */
  decrease?: number;
  /** Requests per second regained per second without throttling (default 5). */
  increase?: number;
  /** Throttles within this long of a decrease count as the same episode (default 1000 ms). */
  cooldownMs?: number;
  now?: () => number;
}

interface Bucket {
  /** Requests per second; Infinity = not limiting. */
  rate: number;
  /** Earliest time of the next slot. */
  nextAt: number;
  /** Send times in the last second. */
  recent: number[];
  lastDecrease: number;
  lastIncrease: number;
  /** The send rate when throttling began: above it, stop limiting. */
  releaseAt: number;
  /** The lowest rate of this episode. */
  floor: number;
  /** The highest rate sent unlimited when throttling began, over the bucket's life. */
  peak: number;
  /** Answers since the last decrease: throttled, and not. */
  windowThrottled: number;
  windowOk: number;
  /** Throttled share of the answers before the last decrease (undefined before the first). */
  lastShare: number | undefined;
  throttles: number;
  sent: number;
  pacedMs: number;
}

export interface RateLimiterStats {
  rate: number;
  throttles: number;
  sent: number;
  /** Total time requests waited for their slot, ms. */
  pacedMs: number;
}

export class AdaptiveRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly o: Required<Omit<RateLimiterOptions, "now">>;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions = {}) {
    this.o = {
      minRate: options.minRate ?? 10,
      floorFraction: options.floorFraction ?? 0.25,
      decrease: options.decrease ?? 0.5,
      increase: options.increase ?? 5,
      cooldownMs: options.cooldownMs ?? 1000,
    };
    this.now = options.now ?? Date.now;
  }

  private bucket(key: string): Bucket {
    let b = this.buckets.get(key);
    if (!b) {
      b = { rate: Infinity, nextAt: 0, recent: [], lastDecrease: -Infinity, lastIncrease: 0, releaseAt: Infinity, floor: this.o.minRate, peak: 0, windowThrottled: 0, windowOk: 0, lastShare: undefined, throttles: 0, sent: 0, pacedMs: 0 };
      this.buckets.set(key, b);
    }
    return b;
  }

  /**
   * Milliseconds the next request to `key` must wait for its slot (0 when not limiting); reserves the slot.
   * The caller sleeps that long, then sends.
   */
  reserve(key: string): number {
    const b = this.bucket(key);
    const now = this.now();
    b.sent += 1;
    b.recent.push(now);
    while (b.recent.length > 0 && b.recent[0]! <= now - 1000) b.recent.shift();
    if (!Number.isFinite(b.rate)) return 0;
    const slot = Math.max(now, b.nextAt);
    b.nextAt = slot + 1000 / b.rate;
    b.pacedMs += slot - now;
    return slot - now;
  }

  /** The service throttled a request to `key`. */
  onThrottle(key: string): void {
    const b = this.bucket(key);
    const now = this.now();
    b.throttles += 1;
    b.windowThrottled += 1;
    if (now - b.lastDecrease < this.o.cooldownMs) return;
    const answers = b.windowThrottled + b.windowOk;
    // Too few answers since the last decrease to tell whether it helped: look again with more.
    if (Number.isFinite(b.rate) && answers < 5) return;
    const share = b.windowThrottled / answers;
    if (Number.isFinite(b.rate) && b.lastShare !== undefined && share >= 0.8 * b.lastShare) {
      // The last decrease did not make throttling rarer: undo it (throttling that does not depend on our rate is
      // only made worse by queueing), and look again later.
      b.rate /= this.o.decrease;
      b.windowThrottled = 0;
      b.windowOk = 0;
      b.lastDecrease = now;
      if (b.rate >= b.releaseAt) this.release(b);
      return;
    }
    const sending = b.recent.filter((t) => t > now - 1000).length;
    if (!Number.isFinite(b.rate)) {
      // A rate sent unlimited is one the service once took: the floor follows the best of them, so that episodes
      // begun while sending little (just after a release) do not ratchet the floor down.
      b.peak = Math.max(b.peak, sending);
      b.releaseAt = Math.max(this.o.minRate * 2, sending);
      b.floor = Math.max(this.o.minRate, this.o.floorFraction * b.peak);
    }
    const base = Number.isFinite(b.rate) ? b.rate : Math.max(sending, this.o.minRate);
    b.rate = Math.max(b.floor, base * this.o.decrease);
    b.lastShare = share;
    b.windowThrottled = 0;
    b.windowOk = 0;
    b.lastDecrease = now;
    b.lastIncrease = now;
  }

  /** A request to `key` was answered without throttling. */
  onSuccess(key: string): void {
    const b = this.buckets.get(key);
    if (!b || !Number.isFinite(b.rate)) return;
    b.windowOk += 1;
    const now = this.now();
    const dt = Math.min(1000, now - b.lastIncrease);
    if (dt <= 0) return;
    b.rate += (this.o.increase * dt) / 1000;
    b.lastIncrease = now;
    if (b.rate >= b.releaseAt) this.release(b);
  }

  private release(b: Bucket): void {
    b.rate = Infinity;
    b.nextAt = 0;
    b.lastShare = undefined;
  }

  stats(key: string): RateLimiterStats {
    const b = this.bucket(key);
    return { rate: b.rate, throttles: b.throttles, sent: b.sent, pacedMs: b.pacedMs };
  }

  reset(): void {
    this.buckets.clear();
  }
}

/** The process's limiter, the default of every client. */
export const sharedRateLimiter = new AdaptiveRateLimiter();
