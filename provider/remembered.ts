/**
 * Durations remembered across provider processes. Every `pulumi up` starts a new provider process, so without
 * memory the first wait of each kind in every `up` knows nothing but the typical duration (a gateway's create
 * against the real cloud: polls growing from a second to minutes). What the waits of one `up` observed against a
 * cloud endpoint is written to a small JSON file and read by the next `up` against the same endpoint, which then
 * polls around the completion it expects from the first wait on.
 *
 * Only cloud endpoints are remembered: an endpoint on this machine (an emulator, a proxy) takes whatever time its
 * configuration makes it take, which can change from one run to the next. Nothing but the endpoint's origin,
 * kinds, phases and durations is written. The file is `$HWVPN_DURATIONS_FILE`, else
 * `$XDG_CACHE_HOME/pulumi-huaweicloud-vpn/durations.json` (`~/.cache/…`); `HWVPN_DURATIONS_FILE=off` turns the memory
 * off. A file that cannot be read or written is ignored: memory only ever saves polls, it never fails a wait.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { isLoopbackHostname } from "../sdk/util/loopback";

/** A bracket on how long one phase took: pending at `lowMs`, done at `highMs` (from the wait's start). */
export interface Observation {
  lowMs: number;
  highMs: number;
}

/** Where observations are kept between processes, by scope (an endpoint's origin) and `kind:phase`. */
export interface DurationMemory {
  recall(scope: string): Record<string, Observation[]>;
  remember(scope: string, key: string, o: Observation): void;
}

/** Per `kind:phase`, the newest observations kept; older than `MAX_AGE_MS` they are forgotten. */
export const KEPT_PER_KEY = 20;
export const MAX_AGE_MS = 30 * 24 * 3600_000;
/** Endpoints kept (the least recently used is forgotten first). */
export const KEPT_SCOPES = 32;

interface Stored {
  lowMs: number;
  highMs: number;
  /** When it was observed, ms since epoch. */
  at: number;
}
type FileShape = { version: 1; scopes: Record<string, Record<string, Stored[]>> };

/** Whether an endpoint is on this machine (never remembered). */
export function isLocalEndpoint(origin: string): boolean {
  try {
    return isLoopbackHostname(new URL(origin).hostname);
  } catch {
    return true;
  }
}

/** The memory file this process uses, or undefined when turned off. */
export function memoryPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.HWVPN_DURATIONS_FILE;
  if (set !== undefined && set !== "") return set === "off" ? undefined : set;
  const base = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "pulumi-huaweicloud-vpn", "durations.json");
}

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0;

/** A JSON file of observations; every write re-reads it, so parallel processes lose little of each other's. */
export class FileDurationMemory implements DurationMemory {
  constructor(
    private readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  private read(): FileShape {
    try {
      const raw = JSON.parse(readFileSync(this.path, "utf8")) as Partial<FileShape>;
      if (raw && raw.version === 1 && raw.scopes && typeof raw.scopes === "object") return raw as FileShape;
    } catch {
      // missing or unreadable: start afresh
    }
    return { version: 1, scopes: {} };
  }

  recall(scope: string): Record<string, Observation[]> {
    const out: Record<string, Observation[]> = {};
    const oldest = this.now() - MAX_AGE_MS;
    for (const [key, list] of Object.entries(this.read().scopes[scope] ?? {})) {
      if (!Array.isArray(list)) continue;
      const kept = list.filter((o) => o && finite(o.lowMs) && finite(o.highMs) && finite(o.at) && o.at >= oldest && o.highMs >= o.lowMs);
      if (kept.length > 0) out[key] = kept.map(({ lowMs, highMs }) => ({ lowMs, highMs }));
    }
    return out;
  }

  remember(scope: string, key: string, o: Observation): void {
    try {
      const file = this.read();
      const at = this.now();
      const keys = (file.scopes[scope] ??= {});
      const list = (Array.isArray(keys[key]) ? keys[key] : []).filter((s) => finite(s?.at) && s.at >= at - MAX_AGE_MS);
      list.push({ lowMs: Math.round(o.lowMs), highMs: Math.round(o.highMs), at });
      keys[key] = list.slice(-KEPT_PER_KEY);
      const newest = (s: Record<string, Stored[]>) => Math.max(0, ...Object.values(s).flatMap((l) => (Array.isArray(l) ? l.map((x) => x?.at ?? 0) : [])));
      const scopes = Object.entries(file.scopes).sort((a, b) => newest(b[1]) - newest(a[1]));
      file.scopes = Object.fromEntries(scopes.slice(0, KEPT_SCOPES));
      mkdirSync(dirname(this.path), { recursive: true });
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(file));
      renameSync(tmp, this.path);
    } catch {
      // a read-only or full disk: the next process simply knows less
    }
  }
}

/**
 * The memory of this process: the file `memoryPath()` names when it is used (so the environment is read then, not
 * at import), or nothing when it is turned off.
 */
export function defaultMemory(env: NodeJS.ProcessEnv = process.env): DurationMemory {
  const file = () => {
    const path = memoryPath(env);
    return path ? new FileDurationMemory(path) : undefined;
  };
  return {
    recall: (scope) => file()?.recall(scope) ?? {},
    remember: (scope, key, o) => file()?.remember(scope, key, o),
  };
}
