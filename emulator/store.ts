/**
 * Persistence of the emulator state (`--state FILE`): loaded at start, written atomically (temporary file, then
 * rename) after every change. Writes are coalesced within one turn of the event loop and flushed synchronously
 * on close, so a restart keeps every resource. The file never holds a secret: records keep only digests.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";

export const STATE_FORMAT = "pulumi-huaweicloud-vpn-emulator/1";

export interface PersistedState {
  format: string;
  savedAt: string;
  clockOffsetMs: number;
  /** The default project id handed to clients, reused at restart when none is given. */
  projectId?: string;
  state: unknown;
  transitions: unknown;
}

export class StateStore {
  private scheduled = false;
  private writes = 0;

  constructor(
    readonly file: string,
    private readonly snapshot: () => Omit<PersistedState, "format" | "savedAt">,
  ) {}

  /** Reads the state file; undefined when it does not exist. Throws on a corrupt or foreign file. */
  load(): PersistedState | undefined {
    if (!existsSync(this.file)) return undefined;
    const text = readFileSync(this.file, "utf8");
    let v: PersistedState;
    try {
      v = JSON.parse(text) as PersistedState;
    } catch (e) {
      throw new Error(`emulator state file ${this.file} is not valid JSON: ${(e as Error).message}`);
    }
    if (v?.format !== STATE_FORMAT) throw new Error(`emulator state file ${this.file} has an unknown format`);
    return v;
  }

  /**
   * Schedules a write at the end of the current event-loop turn. A write that fails there (disk full, a file
   * made read-only) is reported on stderr and retried with the next change; it never ends the process.
   */
  markDirty(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      if (!this.scheduled) return;
      try {
        this.flush();
      } catch (e) {
        this.failures += 1;
        this.lastError = (e as Error)?.message ?? String(e);
        process.stderr.write(`emulator: could not write the state file ${this.file}: ${this.lastError}\n`);
      }
    });
  }

  /** Scheduled writes that failed, and the last failure's message. */
  failures = 0;
  lastError: string | undefined;

  /** Writes now (temporary file + rename, so a reader never sees half a file). */
  flush(): void {
    this.scheduled = false;
    const data: PersistedState = { format: STATE_FORMAT, savedAt: new Date().toISOString(), ...this.snapshot() };
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
      renameSync(tmp, this.file);
      this.writes += 1;
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  }

  get pending(): boolean {
    return this.scheduled;
  }

  get writeCount(): number {
    return this.writes;
  }
}
