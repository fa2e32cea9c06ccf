import { WaitTimeoutError } from "../sdk/errors";
import { cancellableSleep, throwIfCancelled } from "./cancel";

/**
 * Waiting on real status: adaptive polling (short first interval, growing with jitter to a cap) under a deadline
 * the user sets per resource (`timeouts`), since Pulumi's customTimeouts do not reach dynamic providers.
 */

export interface PollOptions {
  /** Absolute deadline, ms since epoch. */
  deadline: number;
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The default sleep ends early when the operation is cancelled (./cancel). */
export const defaultSleep = cancellableSleep;

/** The n-th delay (n from 0): initial × factor^n, capped, with ±20% jitter. */
export function pollDelay(n: number, o: Pick<PollOptions, "initialMs" | "maxMs" | "factor" | "random"> = {}): number {
  const initial = o.initialMs ?? 250;
  const max = o.maxMs ?? 10_000;
  const base = Math.min(max, initial * Math.pow(o.factor ?? 1.6, n));
  const jitter = 0.8 + 0.4 * (o.random ?? Math.random)();
  return Math.round(base * jitter);
}


/**
 * Calls `probe` until it returns `{ done: true }`; `describe` names the last observation for the timeout error.
 * The first probe runs at once.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<{ done: true; value: T } | { done: false; seen: string }>,
  o: PollOptions,
): Promise<T> {
  const sleep = o.sleep ?? defaultSleep;
  const started = Date.now();
  let last = "nothing yet";
  for (let n = 0; ; n++) {
    throwIfCancelled(what);
    const r = await probe();
    if (r.done) return r.value;
    last = r.seen;
    const remaining = o.deadline - Date.now();
    if (remaining <= 0) {
      throw new WaitTimeoutError(`timed out waiting for ${what} (last seen: ${last})`, { lastStatus: last, waitedMs: Date.now() - started });
    }
    await sleep(Math.min(pollDelay(n, o), remaining));
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
