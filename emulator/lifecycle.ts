/**
 * ManagedStatus: asynchronous status transitions, after moto's ManagedState (STYLE.md moto 5–6, item 9).
 *
 * A resource in a phase (`create`, `update`, `delete`) walks through the statuses its kind declares in
 * `status.transitions` (sdk/spec), e.g. `PENDING_CREATE → ACTIVE`. A delete phase ends with the resource gone.
 * Progress is evaluated lazily whenever the resource is read (GET or list), like moto's `.status` property:
 *
 * - `immediate`: the final status at once;
 * - `reads`: the first N reads of the resource see each transitional status (deterministic tests);
 * - `time`: each transitional status lasts `ms` of emulator time (the typical durations of sdk/spec/durations,
 *   which the provider's waiter reads too, × `delayScale`).
 *
 * A transition can be configured to fail (`failWith: "FAULT"`), so waits that end in an error can be tested.
 * Kinds without a status field (users, groups, access policies) use the pseudo-status `HIDDEN`: they exist but
 * are not visible until the phase ends ("appear after a delay").
 *
 * The lifecycle state is plain JSON, stored in the resource record, so it survives a restart (`--state`).
 */

import { typicalStepMs, type Phase } from "../sdk/spec/durations";

export type { Phase };

export type Progression =
  | { readonly mode: "immediate" }
  | { readonly mode: "reads"; readonly reads: number }
  | { readonly mode: "time"; readonly ms: number };

export interface TransitionConfig {
  readonly progression: Progression;
  /** End the phase in this status instead of the normal final one (e.g. `FAULT`, `ERROR`). */
  readonly failWith?: string;
}

/** Pseudo-status of a resource that exists but is not visible yet. */
export const HIDDEN = "__HIDDEN__";
/** Pseudo-status after the last step of a delete phase. */
export const GONE = "__GONE__";

export interface LifeState {
  phase: Phase;
  /** Statuses of the phase in order; the last one is final (for `delete`, `GONE` follows it). */
  steps: string[];
  index: number;
  /** Emulator time when the current step was entered. */
  since: number;
  /** Reads seen in the current step. */
  reads: number;
  progression: Progression;
  failWith?: string;
}

/** A number in [0, 1) from a seed and a key (FNV-1a of the key, mixed with the seed by mulberry32). */
export function seededUnit(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function validProgression(p: unknown): p is Progression {
  if (!p || typeof p !== "object") return false;
  const o = p as Record<string, unknown>;
  if (o.mode === "immediate") return true;
  if (o.mode === "reads") return Number.isInteger(o.reads) && (o.reads as number) >= 0;
  if (o.mode === "time") return typeof o.ms === "number" && Number.isFinite(o.ms) && o.ms >= 0;
  return false;
}

export function parseTransitionConfig(v: unknown): TransitionConfig | undefined {
  if (!v || typeof v !== "object") return undefined;
  const o = v as Record<string, unknown>;
  if (!validProgression(o.progression)) return undefined;
  if (o.failWith !== undefined && typeof o.failWith !== "string") return undefined;
  return { progression: o.progression, ...(o.failWith ? { failWith: o.failWith } : {}) };
}

/**
 * Default and overridden transition configs. The default is time-based with realistic durations scaled by
 * `delayScale` (0 means immediate); overrides are per kind, optionally per phase.
 */
export class TransitionRegistry {
  private readonly overrides = new Map<string, TransitionConfig>();
  private durationSeed: number | undefined;
  /** Phases started per kind and phase, numbering the random draws. */
  private readonly drawn = new Map<string, number>();

  constructor(private delayScale: number) {}

  get scale(): number {
    return this.delayScale;
  }

  setDelayScale(scale: number): void {
    this.delayScale = scale;
  }

  /** The seed of the randomised durations, or undefined when every phase takes its typical duration. */
  get seed(): number | undefined {
    return this.durationSeed;
  }

  /**
   * With a seed, each phase started takes its typical duration × a factor drawn in [0.5, 1.5): the n-th create
   * of a gateway draws from (seed, kind, phase, n), so a run is reproducible whatever the order of the kinds.
   */
  setDurationSeed(seed: number | undefined): void {
    this.durationSeed = seed;
    this.drawn.clear();
  }

  defaultFor(kind: string, phase: Phase): TransitionConfig {
    if (this.delayScale <= 0) return { progression: { mode: "immediate" } };
    const ms = typicalStepMs(kind, phase);
    return { progression: { mode: "time", ms: Math.round(ms * this.delayScale) } };
  }

  /** The config of a phase that starts now (draws its duration when randomised). */
  get(kind: string, phase: Phase): TransitionConfig {
    const own = this.overrides.get(`${kind}:${phase}`) ?? this.overrides.get(kind);
    if (own) return own;
    const d = this.defaultFor(kind, phase);
    if (this.durationSeed === undefined || d.progression.mode !== "time") return d;
    return { progression: { mode: "time", ms: this.drawMs(`${kind}:${phase}`, d.progression.ms) } };
  }

  /**
   * A duration that starts now: `ms` itself, or with a seed `ms` × a factor drawn in [0.5, 1.5), the n-th draw
   * of `key` from (seed, key, n). Phases draw under `kind:phase`; other timed things (upgrade jobs) under their
   * own keys.
   */
  drawMs(key: string, ms: number): number {
    if (this.durationSeed === undefined) return ms;
    const n = this.drawn.get(key) ?? 0;
    this.drawn.set(key, n + 1);
    return Math.round(ms * (0.5 + seededUnit(this.durationSeed, `${key}:${n}`)));
  }

  set(kind: string, config: TransitionConfig, phase?: Phase): void {
    this.overrides.set(phase ? `${kind}:${phase}` : kind, config);
  }

  unset(kind?: string, phase?: Phase): void {
    if (!kind) {
      this.overrides.clear();
      return;
    }
    if (phase) this.overrides.delete(`${kind}:${phase}`);
    else for (const k of [...this.overrides.keys()]) if (k === kind || k.startsWith(`${kind}:`)) this.overrides.delete(k);
  }

  list(): Record<string, TransitionConfig> {
    return Object.fromEntries(this.overrides);
  }

  toJSON(): { delayScale: number; overrides: Record<string, TransitionConfig> } {
    return { delayScale: this.delayScale, overrides: this.list() };
  }

  load(v: { overrides?: Record<string, unknown> } | undefined): void {
    this.overrides.clear();
    for (const [k, c] of Object.entries(v?.overrides ?? {})) {
      const cfg = parseTransitionConfig(c);
      if (cfg) this.overrides.set(k, cfg);
    }
  }
}

/**
 * Starts a phase. `steps` are the kind's transition statuses for the phase (at least one). Returns the life
 * state; with an immediate progression it is already at its end.
 */
export function startPhase(phase: Phase, steps: readonly string[], config: TransitionConfig, now: number): LifeState {
  if (steps.length === 0) throw new Error("emulator bug: a phase needs at least one status");
  const life: LifeState = {
    phase,
    steps: phase === "delete" ? [...steps, GONE] : [...steps],
    index: 0,
    since: now,
    reads: 0,
    progression: config.progression,
    ...(config.failWith ? { failWith: config.failWith } : {}),
  };
  settle(life, now, false);
  return life;
}

/** True when the phase has reached its last step (final status, or gone for a delete). */
export function isFinished(life: LifeState): boolean {
  return life.index >= life.steps.length - 1;
}

/** The status the resource shows now (the failure status when a failing phase has finished). */
export function currentStatus(life: LifeState): string {
  const s = life.steps[life.index]!;
  if (isFinished(life) && life.failWith) return life.failWith;
  return s;
}

function step(life: LifeState, now: number): void {
  life.index += 1;
  life.since = now;
  life.reads = 0;
}

/**
 * Moves the phase forward as far as its progression allows. `read` counts one observation (GET or list item).
 * Returns true when the status changed.
 */
export function settle(life: LifeState, now: number, read: boolean): boolean {
  const before = life.index;
  const p = life.progression;
  if (p.mode === "immediate") {
    while (!isFinished(life)) step(life, now);
  } else if (p.mode === "time") {
    while (!isFinished(life) && now - life.since >= p.ms) {
      const entered = life.since + p.ms;
      step(life, entered);
    }
  } else if (read && !isFinished(life)) {
    if (life.reads >= p.reads) {
      step(life, now);
      // A zero-read progression runs to the end on the first read.
      while (p.reads === 0 && !isFinished(life)) step(life, now);
    }
    if (!isFinished(life)) life.reads += 1;
  }
  return life.index !== before;
}
