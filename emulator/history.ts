/**
 * The request history served at `/__emulator/requests` (undici MockAgent's call history, moto's recorder): a
 * bounded ring of recent API calls with their outcome. A body is recorded as a bounded summary (`summarize`), with
 * secret values redacted — by the operation's `secretFields`, and by name for any field that looks secret — so
 * the history can be dumped and logged safely and its memory stays flat whatever the bodies weigh.
 */
import { isSecretPath } from "../sdk/schemas/validate";

export interface HistoryEntry {
  readonly seq: number;
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly operation?: string;
  readonly projectId?: string;
  readonly accessKey?: string;
  readonly requestId: string;
  status: number;
  errorCode?: string;
  readonly body?: unknown;
  durationMs: number;
  faults?: string[];
  dropped?: "before" | "after";
}

/** Field names that are secret wherever they appear (defence in depth beside `secretFields`). */
const SECRET_NAME_RE = /(^|_)(psk|password|private_key|secret|token)(_|$)|^(old|new)_password$|^enc_private_key$/i;

export const REDACTED = "<redacted>";

/** Bounds of a recorded body: each entry stays a few kilobytes whatever was sent. */
export const SUMMARY_LIMITS = { depth: 8, arrayItems: 20, keys: 50, stringChars: 256, nodes: 400 } as const;

/**
 * A redacted, bounded copy of a request body for the history: secret fields become `<redacted>`; long strings,
 * long arrays, wide objects and deep nesting are cut, with a marker saying how much was left out. The work is
 * bounded by the summary's size, not the body's, so an 11 MB body costs what a small one does.
 */
export function summarize(value: unknown, secretPaths: readonly string[] = []): unknown {
  let nodes = 0;
  const walk = (v: unknown, path: PropertyKey[]): unknown => {
    nodes += 1;
    // A copy, not a slice: V8 keeps a sliced string's whole parent alive (an 11 MB value for 256 characters).
    if (typeof v === "string")
      return v.length > SUMMARY_LIMITS.stringChars
        ? `${Array.from(v.slice(0, SUMMARY_LIMITS.stringChars)).join("")}…<${v.length} chars>`
        : v;
    if (v === null || typeof v !== "object") return v;
    if (path.length >= SUMMARY_LIMITS.depth || nodes > SUMMARY_LIMITS.nodes)
      return Array.isArray(v) ? "<array…>" : "<object…>";
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (let i = 0; i < v.length && i < SUMMARY_LIMITS.arrayItems; i++) out.push(walk(v[i], [...path, i]));
      if (v.length > SUMMARY_LIMITS.arrayItems) out.push(`…<${v.length - SUMMARY_LIMITS.arrayItems} more items>`);
      return out;
    }
    const out: Record<string, unknown> = {};
    let n = 0;
    for (const k in v as Record<string, unknown>) {
      if (n++ >= SUMMARY_LIMITS.keys) {
        out["…"] = `<${Object.keys(v).length - SUMMARY_LIMITS.keys} more keys>`;
        break;
      }
      const p = [...path, k];
      out[k] =
        SECRET_NAME_RE.test(k) || isSecretPath(p, secretPaths) ? REDACTED : walk((v as Record<string, unknown>)[k], p);
    }
    return out;
  };
  return walk(value, []);
}

export class RequestHistory {
  private entries: HistoryEntry[] = [];
  private seq = 0;

  constructor(private readonly capacity = 2000) {}

  record(e: Omit<HistoryEntry, "seq">): HistoryEntry {
    const entry = { ...e, seq: ++this.seq } as HistoryEntry;
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  list(filter: { operation?: string; projectId?: string; since?: number; limit?: number } = {}): HistoryEntry[] {
    let out = this.entries.filter(
      (e) =>
        (filter.operation === undefined || e.operation === filter.operation) &&
        (filter.projectId === undefined || e.projectId === filter.projectId) &&
        (filter.since === undefined || e.seq > filter.since),
    );
    if (filter.limit !== undefined && out.length > filter.limit) out = out.slice(out.length - filter.limit);
    return out;
  }

  clear(): void {
    this.entries = [];
  }
}
