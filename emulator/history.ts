/**
 * The request history served at `/__emulator/requests` (undici MockAgent's call history, moto's recorder): a
 * bounded ring of recent API calls with their outcome. Secret values are redacted before a body is recorded —
 * by the operation's `secretFields`, and by name for any field that looks secret — so the history can be dumped
 * and logged safely.
 */
import { isSecretPath } from "../sdk/schemas/validate";
import { isPlainObject } from "./util";

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

export function redact(value: unknown, secretPaths: readonly string[] = [], path: PropertyKey[] = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => redact(v, secretPaths, [...path, i]));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = [...path, k];
      out[k] = SECRET_NAME_RE.test(k) || isSecretPath(p, secretPaths) ? REDACTED : redact(v, secretPaths, p);
    }
    return out;
  }
  return value;
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
