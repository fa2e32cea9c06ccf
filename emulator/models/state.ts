/**
 * The emulator's in-memory state, partitioned by project (moto's BackendDict, STYLE.md moto 8): each project has
 * one collection per resource kind, an optional inventory of external resources, quota overrides and tags.
 * Everything here is plain JSON so the store can persist it.
 *
 * Collections keep their records sorted by creation time (unique per collection), so marker paging (newest
 * first, `next_marker` = `created_at` of the last item) is a binary search plus a slice: O(log n + page).
 */
import type { LifeState } from "../lifecycle";

export interface ResourceRecord {
  kind: string;
  id: string;
  /** Values of the kind's parent path parameters (`p2c_vgw_id`, `vpn_server_id`), when it has parents. */
  parents: Record<string, string>;
  /** Creation time in ms; unique within the collection. */
  createdAt: number;
  updatedAt: number;
  /** Wire fields inside the wrapper object, server-filled values included; no `status`, no secrets. */
  data: Record<string, unknown>;
  /** Current lifecycle phase, when one is running or has left a failure status. */
  life?: LifeState;
  /** Status when no phase is running (the end of the last phase, or set through the admin API). */
  status?: string;
  /** Salted digests of secret inputs (PSK, passwords); never a secret in clear. */
  secrets?: Record<string, string | string[]>;
  /** Kind-specific internal state (peer up, EIP bookkeeping, …). */
  ext: Record<string, unknown>;
}

export class Collection {
  readonly byId = new Map<string, ResourceRecord>();
  /** Ascending by `createdAt`. */
  private order: ResourceRecord[] = [];
  private lastCreated = 0;
  /** Records with a running lifecycle phase (their visibility may change on the next read). */
  readonly phased = new Set<ResourceRecord>();
  /** Secondary indexes: field → value → records (e.g. connections by `vgw_id`). */
  private readonly indexes = new Map<string, Map<string, Set<ResourceRecord>>>();

  /** Maintains an index on a wire field from now on (built from the current records). */
  indexOn(field: string): void {
    if (this.indexes.has(field)) return;
    const idx = new Map<string, Set<ResourceRecord>>();
    this.indexes.set(field, idx);
    for (const r of this.order) this.addToIndex(idx, field, r);
  }

  private addToIndex(idx: Map<string, Set<ResourceRecord>>, field: string, rec: ResourceRecord): void {
    const v = rec.data[field];
    if (typeof v !== "string") return;
    let set = idx.get(v);
    if (!set) idx.set(v, (set = new Set()));
    set.add(rec);
  }

  private dropFromIndexes(rec: ResourceRecord): void {
    for (const idx of this.indexes.values()) for (const [k, set] of idx) if (set.delete(rec) && set.size === 0) idx.delete(k);
  }

  /** Re-files a record whose indexed fields may have changed. */
  reindex(rec: ResourceRecord): void {
    if (!this.byId.has(rec.id)) return;
    this.dropFromIndexes(rec);
    for (const [field, idx] of this.indexes) this.addToIndex(idx, field, rec);
  }

  /** The records whose indexed `field` equals `value`, without copying (do not mutate). */
  indexed(field: string, value: string): ReadonlySet<ResourceRecord> | undefined {
    return this.indexes.get(field)?.get(value);
  }

  /** Records whose indexed `field` equals `value` (the field must be indexed). */
  lookup(field: string, value: string): ResourceRecord[] {
    const idx = this.indexes.get(field);
    if (!idx) return this.order.filter((r) => r.data[field] === value);
    return [...(idx.get(value) ?? [])];
  }

  get size(): number {
    return this.byId.size;
  }

  /** A creation time strictly after every existing one (so `created_at` markers are unambiguous). */
  nextCreatedAt(now: number): number {
    const t = Math.max(now, this.lastCreated + 1);
    this.lastCreated = t;
    return t;
  }

  insert(rec: ResourceRecord): void {
    this.byId.set(rec.id, rec);
    if (rec.life) this.phased.add(rec);
    for (const [field, idx] of this.indexes) this.addToIndex(idx, field, rec);
    this.lastCreated = Math.max(this.lastCreated, rec.createdAt);
    const last = this.order[this.order.length - 1];
    if (!last || last.createdAt < rec.createdAt) {
      this.order.push(rec);
      return;
    }
    // Out of order only when loading a state file written in another order.
    const i = this.lowerBound(rec.createdAt);
    this.order.splice(i, 0, rec);
  }

  remove(id: string): ResourceRecord | undefined {
    const rec = this.byId.get(id);
    if (!rec) return undefined;
    this.byId.delete(id);
    this.phased.delete(rec);
    this.dropFromIndexes(rec);
    const i = this.lowerBound(rec.createdAt);
    for (let j = i; j < this.order.length && this.order[j]!.createdAt === rec.createdAt; j++) {
      if (this.order[j] === rec) {
        this.order.splice(j, 1);
        break;
      }
    }
    return rec;
  }

  get(id: string): ResourceRecord | undefined {
    return this.byId.get(id);
  }

  /** Index of the first record with `createdAt >= t`. */
  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order[mid]!.createdAt < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Newest first, starting strictly before `beforeMs` (exclusive) when given. `accept` filters; scanning stops
   * once `limit` records were accepted, so an unfiltered page costs O(log n + limit).
   */
  *newestFirst(beforeMs?: number): Generator<ResourceRecord> {
    let i = (beforeMs === undefined ? this.order.length : this.lowerBound(beforeMs)) - 1;
    for (; i >= 0; i--) {
      const rec = this.order[i];
      if (rec) yield rec;
    }
  }

  all(): ResourceRecord[] {
    return [...this.order];
  }
}

/** External resources the VPN API refers to. When a list is absent, any well-formed id is accepted. */
export interface Inventory {
  vpcs?: Array<{
    id: string;
    cidr?: string;
    subnets?: Array<{ id: string; cidr?: string; freeIps?: number }>;
    /** Destinations of the VPC's default route table (a P2C client CIDR must not conflict with one: VPN.1109). */
    routes?: string[];
  }>;
  eips?: Array<{
    id: string;
    ip_address?: string;
    type?: string;
    bandwidth_size?: number;
    bandwidth_name?: string;
    bandwidth_id?: string;
    charge_mode?: string;
    /** Shared bandwidth (VPN.0554). */
    shared?: boolean;
    frozen?: boolean;
    /** Bound to an instance outside the emulator (VPN.0553). */
    bound?: boolean;
  }>;
  enterpriseRouters?: string[];
  enterpriseProjects?: string[];
  /** CCM certificate ids usable as a P2C server certificate (VPN.1112 when unknown). */
  serverCertificates?: Array<{ id: string; name?: string; status?: string }>;
}

export class ProjectState {
  readonly collections = new Map<string, Collection>();
  inventory: Inventory = {};
  /** Quota overrides by quota type. */
  quotas: Record<string, number> = {};
  /** EIP id → id of the gateway it is bound to. */
  boundEips = new Map<string, string>();
  /** Project-wide records that are not resources of a kind (upgrade jobs). */
  extra: Record<string, unknown> = {};

  constructor(readonly id: string) {}

  collection(kind: string): Collection {
    let c = this.collections.get(kind);
    if (!c) this.collections.set(kind, (c = new Collection()));
    return c;
  }

  /** Nothing was ever written to it: no resource, inventory, quota, bound EIP or job. */
  isEmpty(): boolean {
    for (const c of this.collections.values()) if (c.size > 0) return false;
    return (
      Object.keys(this.inventory).length === 0 &&
      Object.keys(this.quotas).length === 0 &&
      this.boundEips.size === 0 &&
      Object.keys(this.extra).length === 0
    );
  }

  toJSON(): unknown {
    const resources: Record<string, ResourceRecord[]> = {};
    for (const [kind, c] of this.collections) if (c.size > 0) resources[kind] = c.all();
    return {
      id: this.id,
      inventory: this.inventory,
      quotas: this.quotas,
      boundEips: Object.fromEntries(this.boundEips),
      extra: this.extra,
      resources,
    };
  }

  static fromJSON(v: any): ProjectState {
    const p = new ProjectState(String(v.id));
    p.inventory = v.inventory ?? {};
    p.quotas = v.quotas ?? {};
    p.boundEips = new Map(Object.entries(v.boundEips ?? {}) as Array<[string, string]>);
    p.extra = v.extra ?? {};
    for (const [kind, recs] of Object.entries((v.resources ?? {}) as Record<string, ResourceRecord[]>)) {
      const c = p.collection(kind);
      for (const r of recs) c.insert({ ...r, parents: r.parents ?? {}, ext: r.ext ?? {} });
    }
    return p;
  }
}

export class EmulatorState {
  readonly projects = new Map<string, ProjectState>();

  project(id: string): ProjectState {
    let p = this.projects.get(id);
    if (!p) this.projects.set(id, (p = new ProjectState(id)));
    return p;
  }

  reset(projectId?: string): void {
    if (projectId) this.projects.delete(projectId);
    else this.projects.clear();
  }

  toJSON(): unknown {
    return { projects: [...this.projects.values()].map((p) => p.toJSON()) };
  }

  load(v: any): void {
    this.projects.clear();
    for (const p of (v?.projects ?? []) as unknown[]) {
      const ps = ProjectState.fromJSON(p);
      this.projects.set(ps.id, ps);
    }
  }
}
