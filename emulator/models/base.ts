/**
 * One generic resource model driven by a `ResourceKindSpec` (STYLE.md items 1, 8, 9): ids, timestamps, storage
 * per project, lifecycle phases from `status.transitions`, not-found and not-ready errors, quotas, tags and
 * paging. Per-kind rules (cross-references, server-filled fields, invariants) are small hooks in
 * `models/<kind>.ts`. Models know nothing about HTTP.
 */
import type { ResourceKindSpec } from "../../sdk/spec/types";
import { apiError, EmulatorError, invalid, notReady } from "../errors";
import {
  currentStatus,
  GONE,
  HIDDEN,
  isFinished,
  settle,
  startPhase,
  type Phase,
} from "../lifecycle";
import { deepClone, isoTime, newId } from "../util";

/** Pseudo-status at the end of an "appears after a delay" create phase. */
const VISIBLE = "__VISIBLE__";
import type { EmulatorContext } from "../context";
import type { Collection, ProjectState, ResourceRecord } from "./state";

export type Wire = Record<string, unknown>;

/** What a hook sees: the emulator, the project, the time of the request and the other models. */
export interface HookContext {
  readonly emu: EmulatorContext;
  readonly project: ProjectState;
  readonly now: number;
}

export interface Prepared {
  /** Wire fields to store (server-filled values included). */
  data: Wire;
  ext?: Record<string, unknown>;
  secrets?: Record<string, string | string[]>;
  /** Use this id instead of a new UUID (batch operations). */
  id?: string;
  /** Ready at once, without a create phase (resources the system creates itself, e.g. the default user group). */
  immediate?: boolean;
}

/** Why a view is built: the response of which kind of operation. */
export type ViewPurpose = "create" | "show" | "update" | "list" | "internal";

export interface KindHooks {
  /** Type name used in VPN.0003 "resource (type=…, ID=…) is not ready" messages. */
  readonly resourceType?: string;
  /** Quota type (quota table) counted against this kind. */
  readonly quotaType?: string;
  /** Kinds without a status that become visible only when their create phase ends (users, groups, policies). */
  readonly appearsAfterDelay?: boolean;
  /** Wire fields to index for cross-reference lookups (connections by `vgw_id`, monitors by connection). */
  readonly indexes?: readonly string[];
  /** Error for an unknown id (default VPN.0004). */
  notFound?(id: string): EmulatorError;
  /** Error for a change while a phase runs (default VPN.0003 "resource (type=…) is not ready, currently …"). */
  notReady?(rec: ResourceRecord, phase: Phase): EmulatorError;
  /** Extra request fields: `raw` is the request object before schema defaults were applied. */
  prepareCreate?(h: HookContext, input: Wire, raw: Wire, parents: Record<string, string>): Prepared;
  afterCreate?(h: HookContext, rec: ResourceRecord): void;
  /** Checks that a change is allowed now (beyond the generic PENDING_* check). */
  guard?(h: HookContext, rec: ResourceRecord, action: "update" | "delete" | string): void;
  /** Applies an update in place (validate cross references first). Default: shallow merge of `input`. */
  applyUpdate?(h: HookContext, rec: ResourceRecord, input: Wire, raw: Wire): void;
  /** Referential checks before a delete starts. */
  beforeDelete?(h: HookContext, rec: ResourceRecord): void;
  /** Clean-up once the record is gone (after the delete phase). */
  afterRemove?(h: HookContext, rec: ResourceRecord): void;
  /** Adds computed fields and hides fields by status. `wire` is a copy of the stored data plus `status`. */
  view?(h: HookContext, rec: ResourceRecord, wire: Wire, status: string | undefined, purpose: ViewPurpose): Wire;
  /** The value a list filter compares for query parameter `key` (default: the wire field of that name). */
  filterValue?(rec: ResourceRecord, key: string): unknown;
  /** The status shown when the lifecycle status is `s` (connections show ACTIVE when the peer is up). */
  effectiveStatus?(h: HookContext, rec: ResourceRecord, s: string | undefined): string | undefined;
}

export interface ListOptions {
  parents?: Record<string, string>;
  filter?: (rec: ResourceRecord) => boolean;
  /** Marker: `created_at` of the last item of the previous page (or, P2C, that item's id). */
  marker?: string;
  limit?: number;
}

export interface Page {
  items: ResourceRecord[];
  /** More visible items follow this page. */
  more: boolean;
  /** `created_at` of the page's last item (the documented `next_marker`), when the page is not empty. */
  lastMarker?: string;
}

export class ResourceModel {
  constructor(
    readonly spec: ResourceKindSpec,
    readonly hooks: KindHooks,
    private readonly emu: EmulatorContext,
  ) {}

  get kind(): string {
    return this.spec.kind;
  }

  hookContext(project: ProjectState): HookContext {
    return { emu: this.emu, project, now: this.emu.clock.now() };
  }

  coll(project: ProjectState): Collection {
    const c = project.collection(this.spec.kind);
    for (const f of this.hooks.indexes ?? []) c.indexOn(f);
    return c;
  }

  /** Visible records whose indexed field `field` equals `value` (O(matches)). */
  lookup(project: ProjectState, field: string, value: string): ResourceRecord[] {
    return this.coll(project)
      .lookup(field, value)
      .filter((r) => this.visible(project, r));
  }

  /** Keeps the collection's set of records with a running phase in step with `rec.life`. */
  private trackPhase(project: ProjectState | undefined, rec: ResourceRecord): void {
    if (!project) return;
    const c = this.coll(project);
    if (rec.life) {
      if (c.byId.get(rec.id) === rec) c.phased.add(rec);
    } else c.phased.delete(rec);
  }

  // ---- status ----

  /** Lifecycle status (settled), the pseudo-statuses `HIDDEN`/`GONE` included. */
  rawStatus(project: ProjectState, rec: ResourceRecord, read: boolean): string | undefined {
    if (rec.life) {
      const changed = settle(rec.life, this.emu.clock.now(), read);
      const s = currentStatus(rec.life);
      if (changed) {
        rec.updatedAt = Math.max(rec.updatedAt, rec.life.since);
        this.emu.changed();
      }
      if (isFinished(rec.life)) {
        if (s === GONE) {
          this.removeNow(project, rec);
          return GONE;
        }
        // The phase is over: keep its final status (or the failure status) and drop the phase.
        if (!rec.life.failWith) this.markReady(rec, rec.life.since);
        rec.status = s === HIDDEN || s === VISIBLE ? undefined : s;
        delete rec.life;
        this.trackPhase(project, rec);
        this.emu.changed();
        return rec.status;
      }
      return s;
    }
    return rec.status;
  }

  /** Remembers that the resource has been ready once (fields "returned only when ACTIVE"), and when. */
  private markReady(rec: ResourceRecord, at: number): void {
    if (rec.ext.everReady === true) return;
    rec.ext.everReady = true;
    rec.ext.readyAt = at;
  }

  /** The status a client sees. */
  status(project: ProjectState, rec: ResourceRecord, read = false): string | undefined {
    const s = this.rawStatus(project, rec, read);
    if (s === GONE || s === HIDDEN) return s;
    return this.hooks.effectiveStatus ? this.hooks.effectiveStatus(this.hookContext(project), rec, s) : s;
  }

  /** True while the resource exists and is visible (not hidden, not gone). */
  visible(project: ProjectState, rec: ResourceRecord, read = false): boolean {
    const s = this.rawStatus(project, rec, read);
    return s !== GONE && s !== HIDDEN;
  }

  /** Removes a record at once, with its kind's after-remove hook: for children that go with their parent. */
  removeWithParent(project: ProjectState, rec: ResourceRecord): void {
    this.removeNow(project, rec);
  }

  private removeNow(project: ProjectState, rec: ResourceRecord): void {
    if (!this.coll(project).remove(rec.id)) return;
    this.hooks.afterRemove?.(this.hookContext(project), rec);
    this.emu.changed();
  }

  // ---- lookup ----

  notFound(id: string): EmulatorError {
    return this.hooks.notFound ? this.hooks.notFound(id) : apiError("VPN.0004");
  }

  /** A visible record, or undefined. `read` counts an observation for read-based lifecycles. */
  find(project: ProjectState, id: string, opts: { read?: boolean; parents?: Record<string, string> } = {}): ResourceRecord | undefined {
    const rec = this.coll(project).get(id);
    if (!rec) return undefined;
    if (!this.visible(project, rec, opts.read ?? false)) return undefined;
    if (opts.parents) for (const [k, v] of Object.entries(opts.parents)) if (rec.parents[k] !== v) return undefined;
    return rec;
  }

  require(project: ProjectState, id: string, opts: { read?: boolean; parents?: Record<string, string> } = {}): ResourceRecord {
    const rec = this.find(project, id, opts);
    if (!rec) throw this.notFound(id);
    return rec;
  }

  /** Every visible record (settling lifecycles on the way), optionally under the given parents. */
  records(project: ProjectState, parents?: Record<string, string>): ResourceRecord[] {
    const out: ResourceRecord[] = [];
    for (const rec of this.coll(project).all()) {
      if (parents && Object.entries(parents).some(([k, v]) => rec.parents[k] !== v)) continue;
      if (this.visible(project, rec)) out.push(rec);
    }
    return out;
  }

  /**
   * Visible records. Without parents this is O(records in a phase): only those can be hidden or about to be
   * gone, everything else in the collection is visible.
   */
  count(project: ProjectState, parents?: Record<string, string>): number {
    if (parents && Object.keys(parents).length > 0) return this.records(project, parents).length;
    const c = this.coll(project);
    let hidden = 0;
    for (const rec of [...c.phased]) if (!this.visible(project, rec)) hidden += c.byId.has(rec.id) ? 1 : 0;
    return c.size - hidden;
  }

  // ---- lifecycle phases ----

  private transitionsFor(phase: Phase): readonly string[] | undefined {
    const t = this.spec.status?.transitions;
    if (t) return phase === "create" ? t.create : phase === "update" ? t.update : t.delete;
    if (this.hooks.appearsAfterDelay && phase === "create") return [HIDDEN, VISIBLE];
    return undefined;
  }

  startPhase(rec: ResourceRecord, phase: Phase, project?: ProjectState): void {
    const steps = this.transitionsFor(phase);
    const now = this.emu.clock.now();
    if (!steps || steps.length === 0) {
      delete rec.life;
      this.trackPhase(project, rec);
      return;
    }
    const cfg = this.emu.transitions.get(this.spec.kind, phase);
    rec.life = startPhase(phase, steps, cfg, now);
    if (isFinished(rec.life) && phase !== "delete") {
      const s = currentStatus(rec.life);
      rec.status = s === VISIBLE ? undefined : s;
      if (!rec.life.failWith) this.markReady(rec, now);
      delete rec.life;
    } else if (rec.life && !isFinished(rec.life)) {
      rec.status = undefined;
    }
    this.trackPhase(project, rec);
  }

  /**
   * The generic not-ready guard: a change to a resource whose phase has not ended is refused with the documented
   * VPN.0003 "resource (type=…, ID=…) is not ready, currently CREATING|UPDATING|DELETING".
   */
  guardNotPending(project: ProjectState, rec: ResourceRecord, action: string): void {
    this.rawStatus(project, rec, false);
    if (rec.life && !isFinished(rec.life)) {
      if (this.hooks.notReady) throw this.hooks.notReady(rec, rec.life.phase);
      const currently = rec.life.phase === "create" ? "CREATING" : rec.life.phase === "update" ? "UPDATING" : "DELETING";
      throw notReady(this.hooks.resourceType ?? this.spec.kind.toUpperCase(), rec.id, currently);
    }
    this.hooks.guard?.(this.hookContext(project), rec, action);
  }

  // ---- CRUD ----

  checkQuota(project: ProjectState, adding = 1): void {
    const type = this.hooks.quotaType;
    if (!type) return;
    const limit = this.emu.models.quotaLimit(project, type);
    if (limit === undefined) return;
    if (this.count(project) + adding > limit) throw this.emu.models.quotaError(type);
  }

  /** `opts.id` and `opts.ready` are for seeding (admin API): a chosen id, and ready without a create phase. */
  create(
    project: ProjectState,
    input: Wire,
    raw: Wire,
    parents: Record<string, string> = {},
    opts: { id?: string; ready?: boolean } = {},
  ): ResourceRecord {
    this.checkQuota(project);
    const h = this.hookContext(project);
    const prepared: Prepared = this.hooks.prepareCreate ? this.hooks.prepareCreate(h, input, raw, parents) : { data: { ...input } };
    if (opts.id) prepared.id = opts.id;
    if (opts.ready) prepared.immediate = true;
    return this.insert(project, prepared, parents);
  }

  /** Stores a prepared record and starts its create phase (used by `create` and batch operations). */
  insert(project: ProjectState, prepared: Prepared, parents: Record<string, string> = {}): ResourceRecord {
    const coll = this.coll(project);
    const now = this.emu.clock.now();
    const createdAt = coll.nextCreatedAt(now);
    const id = prepared.id ?? newId();
    if (coll.get(id)) throw invalid(`${this.spec.kind} ${id} already exists`);
    const data = { ...prepared.data, [this.spec.idField]: id };
    const rec: ResourceRecord = {
      kind: this.spec.kind,
      id,
      parents: { ...parents },
      createdAt,
      updatedAt: createdAt,
      data,
      ext: { ...(prepared.ext ?? {}) },
      ...(prepared.secrets ? { secrets: prepared.secrets } : {}),
    };
    if (prepared.immediate) {
      const final = this.transitionsFor("create");
      const last = final?.[final.length - 1];
      if (last && last !== VISIBLE) rec.status = last;
      this.markReady(rec, createdAt);
    } else this.startPhase(rec, "create");
    coll.insert(rec);
    this.hooks.afterCreate?.(this.hookContext(project), rec);
    this.emu.changed();
    return rec;
  }

  update(project: ProjectState, rec: ResourceRecord, input: Wire, raw: Wire): ResourceRecord {
    return this.mutate(project, rec, "update", (h) => {
      if (this.hooks.applyUpdate) this.hooks.applyUpdate(h, rec, input, raw);
      else Object.assign(rec.data, deepClone(input));
    });
  }

  /**
   * Any in-place change (update, flavor change, certificate import…): the not-ready guard, the change, a new
   * `updated_at`, and the kind's update phase (PENDING_UPDATE → …).
   */
  mutate(project: ProjectState, rec: ResourceRecord, action: string, apply: (h: HookContext) => void): ResourceRecord {
    this.guardNotPending(project, rec, action);
    const h = this.hookContext(project);
    apply(h);
    this.coll(project).reindex(rec);
    rec.updatedAt = Math.max(h.now, rec.createdAt);
    this.startPhase(rec, "update", project);
    this.emu.changed();
    return rec;
  }

  delete(project: ProjectState, rec: ResourceRecord): void {
    this.guardNotPending(project, rec, "delete");
    this.hooks.beforeDelete?.(this.hookContext(project), rec);
    if (this.transitionsFor("delete")) {
      this.startPhase(rec, "delete", project);
      if (rec.life && isFinished(rec.life) && currentStatus(rec.life) === GONE) this.removeNow(project, rec);
    } else {
      this.removeNow(project, rec);
    }
    this.emu.changed();
  }

  /** Sets a status directly (admin API): FREEZED, FAULT, ERROR… Ends any running phase. */
  forceStatus(rec: ResourceRecord, status: string, project?: ProjectState): void {
    delete rec.life;
    this.trackPhase(project, rec);
    rec.status = status;
    this.emu.changed();
  }

  // ---- views ----

  view(project: ProjectState, rec: ResourceRecord, purpose: ViewPurpose, read = false): Wire {
    const status = this.spec.status ? this.status(project, rec, read) : undefined;
    const wire: Wire = deepClone(rec.data);
    // Create responses carry no status (every create-response table); GET, list and the rest do.
    if (this.spec.status && status !== undefined && status !== GONE && purpose !== "create") wire[this.spec.status.field] = status;
    return this.hooks.view ? this.hooks.view(this.hookContext(project), rec, wire, status, purpose) : wire;
  }

  timestamps(rec: ResourceRecord): { created_at: string; updated_at: string } {
    return { created_at: isoTime(rec.createdAt), updated_at: isoTime(rec.updatedAt) };
  }

  // ---- paging ----

  /**
   * Newest first. The marker is the `created_at` of the previous page's last item (`page_info.next_marker`);
   * an id of an existing record is accepted too (the ZH P2C wording). O(log n + limit) without a filter.
   */
  page(project: ProjectState, opts: ListOptions): Page {
    const coll = this.coll(project);
    let before: number | undefined;
    if (opts.marker !== undefined && opts.marker !== "") {
      const byId = coll.get(opts.marker);
      if (byId) before = byId.createdAt;
      else {
        const t = Date.parse(opts.marker);
        if (Number.isNaN(t)) throw invalid(`marker ${JSON.stringify(opts.marker)} is not a next_marker of this list`);
        before = t;
      }
    }
    const limit = opts.limit;
    const items: ResourceRecord[] = [];
    let more = false;
    for (const rec of coll.newestFirst(before)) {
      if (opts.parents && Object.entries(opts.parents).some(([k, v]) => rec.parents[k] !== v)) continue;
      if (!this.visible(project, rec, true)) continue;
      if (opts.filter && !opts.filter(rec)) continue;
      if (limit !== undefined && items.length >= limit) {
        more = true;
        break;
      }
      items.push(rec);
    }
    const last = items[items.length - 1];
    return { items, more, ...(last ? { lastMarker: isoTime(last.createdAt) } : {}) };
  }
}
