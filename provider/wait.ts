import { isDefinitelyNotProcessed, isRetryable, WaitTimeoutError } from "../sdk/errors";
import { typicalPhaseMs, type Phase } from "../sdk/spec/durations";
import { cancellableSleep, throwIfCancelled } from "./cancel";
import { defaultMemory, isLocalEndpoint, type DurationMemory, type Observation } from "./remembered";

/**
 * Waiting on real status under a deadline the user sets per resource (`timeouts`), since Pulumi's customTimeouts
 * do not reach dynamic providers.
 *
 * A wait that knows what it waits for (a kind and a phase: a gateway's create) schedules its polls from the
 * duration it expects, best source first: a duration the API announced (a job's `expected_time_seconds`), the
 * durations already observed in this process for the same kind and phase (or, against a cloud endpoint, by an
 * earlier process: ./remembered), the typical duration of
 * sdk/spec/durations scaled by how fast other kinds have been in this process, and last the typical duration
 * itself, which it does not trust: before anything has been observed the polls grow geometrically from a second,
 * so a phase much faster than typical is seen late by at most a fraction of the time waited. Around the expected
 * completion the polls are dense; past it, each interval is a fraction of the time waited, capped in seconds.
 * The plan is recomputed before every sleep, so a wait in flight profits from another one that just ended.
 *
 * A poll that fails transiently (429, `VPN.0030`, 5xx, a reset connection, after the SDK's own retries) does not
 * end the wait: the next poll is scheduled as usual; only the deadline, a terminal status (the probe throws) or a
 * cancellation ends it.
 */

export interface PollOptions {
  /** Absolute deadline, ms since epoch. */
  deadline: number;
  /**
   * What is awaited: schedules the polls around the expected completion (see the module comment). `scope` is the
   * endpoint's origin: durations observed against a cloud endpoint are remembered for later processes
   * (./remembered).
   */
  expect?: { kind: string; phase: Phase; scope?: string };
  /**
   * A duration the API announced for this wait (ms), e.g. a job's `expected_time_seconds`. A probe that learns
   * it only from what it reads passes it in its pending result instead (`expectMs`).
   */
  expectedMs?: number;
  /** Shortest interval between two polls (default 250 ms). */
  floorMs?: number;
  /** Longest interval between two polls once the expected completion has passed (default 10 s). */
  maxMs?: number;
  /** Past the expected completion, each interval is this fraction of the time waited (default 0.1). */
  lateFraction?: number;
  /**
   * The probe only reads (a status show): a transient failure of any kind is retried. Otherwise (a change that
   * is retried while "not ready") only failures that prove the request was not processed (429, `VPN.0030`,
   * connection refused) are.
   */
  reads?: boolean;
  /** Observations shared by the waits of this process (default: the process-wide one). */
  learner?: DurationLearner;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Called with each poll's outcome (benchmarks count them). */
  onPoll?: (p: { elapsedMs: number; outcome: "done" | "pending" | "transient" }) => void;
}

/** The default sleep ends early when the operation is cancelled (./cancel). */
export const defaultSleep = cancellableSleep;

export interface Expectation {
  /** Expected duration of the phase, ms. */
  ms: number;
  /** Relative uncertainty: completion is expected within ms × (1 ± spread). */
  spread: number;
  /** Where the expectation comes from; `typical` is not trusted (polls grow geometrically up to it). */
  source: "announced" | "observed" | "scaled" | "typical" | "none";
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Durations observed by the waits of one process, by kind and phase; with a memory, also those an earlier process
 * observed against the same cloud endpoint (recalled once per endpoint, before the first wait on it).
 */
export class DurationLearner {
  private readonly seen = new Map<string, Observation[]>();
  private readonly recalled = new Set<string>();

  constructor(private readonly memory?: DurationMemory) {}

  /** Adds what the memory holds for this endpoint (once; nothing for an endpoint on this machine). */
  recall(scope: string): void {
    if (!this.memory || this.recalled.has(scope) || isLocalEndpoint(scope)) return;
    this.recalled.add(scope);
    for (const [key, list] of Object.entries(this.memory.recall(scope))) {
      const merged = [...list, ...(this.seen.get(key) ?? [])];
      this.seen.set(key, merged.slice(-50));
    }
  }

  /** The longest phase observed in this process (ms): what a wait's lateness is weighed against. */
  longestMs(): number {
    let longest = 0;
    for (const list of this.seen.values()) for (const o of list) longest = Math.max(longest, (o.lowMs + o.highMs) / 2);
    return longest;
  }

  /** Records how long a phase took; with a cloud endpoint's `scope`, a timed one is remembered too. */
  record(kind: string, phase: Phase, lowMs: number, highMs: number, scope?: string): void {
    const key = `${kind}:${phase}`;
    const list = this.seen.get(key) ?? [];
    const o = { lowMs: Math.max(0, lowMs), highMs: Math.max(lowMs, highMs) };
    list.push(o);
    if (list.length > 50) list.shift();
    this.seen.set(key, list);
    if (this.memory && scope && o.highMs > 0 && !isLocalEndpoint(scope)) this.memory.remember(scope, key, o);
  }

  /** Forgets what this process observed and recalled (the memory's file is left as it is). */
  clear(): void {
    this.seen.clear();
    this.recalled.clear();
  }

  /** How much faster (< 1) or slower than typical the phases that took time have been, or undefined. */
  speedFactor(): number | undefined {
    const ratios: number[] = [];
    for (const [key, list] of this.seen) {
      const [kind, phase] = key.split(":") as [string, Phase];
      const typical = typicalPhaseMs(kind, phase);
      if (typical <= 0) continue;
      for (const o of list) if (o.lowMs > 0) ratios.push((o.lowMs + o.highMs) / 2 / typical);
    }
    return ratios.length > 0 ? median(ratios) : undefined;
  }

  /**
   * The expected duration of a kind and phase. From observations: when every bracket (pending at `low`, done at
   * `high`) overlaps the others, the phase may take one fixed time and the window is their intersection; else the
   * durations vary, and the window is the spread of the brackets' midpoints, widened for how few there are (the
   * range of n draws covers about (n − 1)/(n + 1) of the true one). One observation alone says nothing about the
   * variation: ±30 % around it.
   */
  expect(kind: string, phase: Phase): Expectation {
    const list = this.seen.get(`${kind}:${phase}`);
    if (list && list.length > 0) {
      const n = list.length;
      const lowMax = Math.max(...list.map((o) => o.lowMs));
      const highMin = Math.min(...list.map((o) => o.highMs));
      // Every one immediate (an emulator at delay scale 0, a phase without a status): poll at once.
      if (list.every((o) => o.highMs <= 0)) return { ms: 0, spread: 0, source: "observed" };
      if (n >= 2 && lowMax <= highMin) {
        const lo = 0.97 * lowMax;
        const hi = 1.03 * highMin;
        return { ms: (lo + hi) / 2, spread: (hi - lo) / (hi + lo), source: "observed" };
      }
      const mids = list.map((o) => (o.lowMs + o.highMs) / 2);
      const ms = median(mids);
      const bracket = median(list.map((o) => (o.highMs - o.lowMs) / 2));
      const range = n >= 2 ? ((Math.max(...mids) - Math.min(...mids)) / 2) * ((n + 1) / (n - 1)) : 0.3 * ms;
      return { ms, spread: Math.min(0.6, Math.max(0.05, (range + bracket) / ms)), source: "observed" };
    }
    const typical = typicalPhaseMs(kind, phase);
    if (typical <= 0) return { ms: 0, spread: 0, source: "none" };
    const f = this.speedFactor();
    if (f !== undefined) return { ms: typical * f, spread: 0.6, source: "scaled" };
    return { ms: typical, spread: 0.5, source: "typical" };
  }
}

/** The waits of this process share what they observe, and remember it for later processes (./remembered). */
export const processLearner = new DurationLearner(defaultMemory());

/**
 * How many polls to spread across a trusted window: a poll costs one API call, seeing the end late costs wall
 * time, weighed against the longest phase this process has seen (`refMs`, at least the expected duration: what a
 * dependency chain's critical path is made of), so that the same rule holds at any speed: k = √(μ · window /
 * refMs), between 1 and 8 (this minimises the expected polls + μ × lateness / refMs for a completion anywhere in
 * the window). A wait short next to what came before (a monitor after its gateway) gets one poll, at its window's
 * end; a long uncertain one (a gateway whose durations vary by ±50 %) eight. μ trades calls for lateness
 * (bench/waits.ts prints both).
 */
export const POLL_COST_MU = 64;

export function windowPolls(windowMs: number, refMs: number): number {
  if (windowMs <= 0 || refMs <= 0) return 1;
  return Math.min(8, Math.max(1, Math.round(Math.sqrt((POLL_COST_MU * windowMs) / refMs))));
}

/**
 * Milliseconds from `elapsedMs` (time since the wait started) to the next poll.
 *
 * - a trusted expectation (announced, observed, scaled): the window `ms × (1 ± spread)` is cut into k equal steps
 *   (`windowPolls`) and the polls fall on the step ends: the first one step into the window, the last at its end;
 * - the untrusted typical one: polls that grow by a quarter of the time waited (from 1 s) up to the window, so a
 *   phase faster than typical is seen late by ≤ 25 %, then across the window as a trusted one;
 * - past the window: `lateFraction` of the time waited, between `floorMs` and `maxMs`.
 */
export function nextPollDelay(
  elapsedMs: number,
  e: Expectation,
  o: Pick<PollOptions, "floorMs" | "maxMs" | "lateFraction" | "random"> & { refMs?: number } = {},
): number {
  const floor = o.floorMs ?? 250;
  const max = o.maxMs ?? 10_000;
  const random = o.random ?? Math.random;
  const late = Math.min(max, Math.max(floor, (o.lateFraction ?? 0.1) * elapsedMs));
  // ±10 % jitter, so parallel waits of the same kind do not poll in lockstep.
  const jitter = (ms: number) => Math.max(floor, Math.round(ms * (0.9 + 0.2 * random())));
  if (e.ms <= 0) return jitter(Math.min(max, Math.max(floor, 0.5 * elapsedMs, 2 * floor)));
  const start = e.ms * (1 - e.spread);
  const end = e.ms * (1 + e.spread);
  if (e.source === "typical") {
    if (elapsedMs < start - floor) return jitter(Math.min(start - elapsedMs, Math.max(1000, 0.25 * elapsedMs)));
  }
  if (elapsedMs < end - floor / 2) {
    const k = windowPolls(end - start, Math.max(e.ms, o.refMs ?? 0));
    const step = (end - start) / k;
    const i = Math.max(1, Math.floor((elapsedMs - start) / step + 1e-9) + 1);
    // Up to 3 % later, never earlier: parallel waits spread out, and a poll does not land just before the end.
    return Math.max(floor, Math.round((start + Math.min(k, i) * step - elapsedMs) * (1 + 0.03 * random())));
  }
  return jitter(late);
}

/** The n-th delay (n from 0) of a wait that knows nothing about what it waits for: 250 ms × 1.6ⁿ, capped, ±20 %. */
export function pollDelay(n: number, o: { initialMs?: number; maxMs?: number; factor?: number; random?: () => number } = {}): number {
  const initial = o.initialMs ?? 250;
  const max = o.maxMs ?? 10_000;
  const base = Math.min(max, initial * Math.pow(o.factor ?? 1.6, n));
  const jitter = 0.8 + 0.4 * (o.random ?? Math.random)();
  return Math.round(base * jitter);
}

function transient(err: unknown, reads: boolean): boolean {
  return reads ? isRetryable(err) : isDefinitelyNotProcessed(err);
}

/**
 * What a probe saw. Pending, it may carry `expectMs`: the duration the API announces for what is awaited (ms from
 * the wait's start, e.g. a job's `expected_time_seconds` × 1000); the polls that follow are then scheduled
 * around it, as with `PollOptions.expectedMs` (the last announcement counts).
 */
export type ProbeResult<T> = { done: true; value: T } | { done: false; seen: string; expectMs?: number };

/**
 * Calls `probe` until it returns `{ done: true }`; `seen` names the last observation for the timeout error. A
 * probe that throws ends the wait (a terminal status), unless the failure is transient (see `reads`).
 *
 * The first probe runs at once unless this process has seen the same kind and phase take time (or a duration was
 * announced up front); a wait that ends records how long it took, unless it followed an announcement.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<ProbeResult<T>>,
  o: PollOptions,
): Promise<T> {
  const sleep = o.sleep ?? defaultSleep;
  const now = o.now ?? Date.now;
  const learner = o.learner ?? processLearner;
  const started = now();
  if (o.expect?.scope) learner.recall(o.expect.scope);
  // The announced duration: the options' one, then the latest a probe reported.
  let announced = o.expectedMs;
  const expectation = (): Expectation =>
    announced !== undefined && announced > 0
      ? { ms: announced, spread: 0.5, source: "announced" }
      : o.expect
        ? learner.expect(o.expect.kind, o.expect.phase)
        : { ms: 0, spread: 0, source: "none" };
  let last = "nothing yet";
  let pendingAt = -1;
  let n = 0;
  const first = expectation();
  const slept = first.source !== "typical" && first.source !== "none" && first.ms > 0;
  if (slept) {
    await sleep(Math.min(nextPollDelay(0, first, { ...o, refMs: learner.longestMs() }), Math.max(0, o.deadline - now())));
  }
  for (; ; n++) {
    throwIfCancelled(what);
    let r: Awaited<ReturnType<typeof probe>> | undefined;
    try {
      r = await probe();
    } catch (e) {
      if (!transient(e, o.reads === true)) throw e;
      last = `a transient error (${(e as Error).message})`;
      o.onPoll?.({ elapsedMs: now() - started, outcome: "transient" });
    }
    const elapsed = now() - started;
    if (r?.done) {
      o.onPoll?.({ elapsedMs: elapsed, outcome: "done" });
      if (o.expect && announced === undefined) {
        // Done at an immediate first poll: as good as instant (the emulator at delay scale 0, a phase without a
        // status). Done at a scheduled first poll: it took at most that long (the bracket pulls the estimate
        // down a little, so the next wait looks a bit earlier).
        const { kind, phase, scope } = o.expect;
        if (pendingAt >= 0) learner.record(kind, phase, pendingAt, elapsed, scope);
        else if (slept) learner.record(kind, phase, 0.8 * elapsed, elapsed, scope);
        else learner.record(kind, phase, 0, 0);
      }
      return r.value;
    }
    if (r) {
      last = r.seen;
      pendingAt = elapsed;
      if (r.expectMs !== undefined && r.expectMs > 0) announced = r.expectMs;
      o.onPoll?.({ elapsedMs: elapsed, outcome: "pending" });
    }
    const remaining = o.deadline - now();
    if (remaining <= 0) {
      throw new WaitTimeoutError(`timed out waiting for ${what} (last seen: ${last})`, { lastStatus: last, waitedMs: elapsed });
    }
    const delay = o.expect || announced ? nextPollDelay(elapsed, expectation(), { ...o, refMs: learner.longestMs() }) : pollDelay(n, { ...(o.maxMs ? { maxMs: o.maxMs } : {}), ...(o.random ? { random: o.random } : {}) });
    await sleep(Math.min(delay, remaining));
    throwIfCancelled(what);
  }
}

/** Parses `timeouts` values: a number of minutes, or a duration such as "90s", "10m", "1h30m". */
export function parseDuration(v: unknown, fallbackMs: number): number {
  if (typeof v === "number" && v > 0) return v * 60_000;
  if (typeof v !== "string" || v.trim() === "") return fallbackMs;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let matched = "";
  for (const m of v.matchAll(re)) {
    const n = Number(m[1]);
    total += m[2] === "ms" ? n : m[2] === "s" ? n * 1000 : m[2] === "m" ? n * 60_000 : n * 3_600_000;
    matched += m[0];
  }
  if (matched !== v.replace(/\s+/g, "") || total <= 0) {
    throw new Error(`timeouts: ${JSON.stringify(v)} — must be minutes (a number) or a duration like "90s", "10m", "1h30m"`);
  }
  return total;
}
