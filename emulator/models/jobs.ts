/**
 * Upgrade jobs of VPN gateways and P2C VPN gateways (undocumented; the official SDK's upgrade and job
 * operations). Each upgrade action moves its job through the statuses of `UPGRADE_JOB_FLOWS` (sdk/spec/jobs.ts):
 *
 * - at a delay scale > 0, by emulator time, like a resource's lifecycle phase: the action takes the flow's
 *   `expectedSeconds` × 1000 × scale ms (with a duration seed, that × a factor drawn in [0.5, 1.5), as phases
 *   draw theirs), split evenly over the statuses it passes before its end status. The job and its sub-jobs
 *   announce the nominal scaled duration in `expected_time_seconds` (an estimate, as a real API gives, not the
 *   drawn truth). Progress is evaluated lazily whenever the jobs are read or acted on;
 * - at delay scale 0: one status further every time a job list shows the job, so a client that polls the list
 *   sees every step; `expected_time_seconds` is 0.
 *
 * The delay scale when an action starts decides how that action progresses. Jobs are project-wide records kept in
 * `ProjectState.extra` (plain JSON, persisted with the state); a job stored by an older emulator (no times) moves
 * one status per read.
 */
import type { Job, UpgradeAction } from "../../sdk/schemas/common/jobs";
import { SETTLED_JOB_STATUSES, UPGRADE_JOB_FLOWS } from "../../sdk/spec/jobs";
import { apiError, invalid } from "../errors";
import { isoTime, newId } from "../util";
import type { HookContext } from "./base";

/** The stored job: the wire object plus the statuses still ahead of it. */
interface StoredJob {
  job: Job & { id: string; resource_id: string; status: string; sub_jobs: Array<Record<string, unknown>> };
  ahead: string[];
  /** Emulator time (ms) the current action started, when it progresses by time. */
  startedAt?: number;
  /**
   * Emulator times (ms) at which the statuses of `ahead` are entered, one each, when the action progresses by
   * time; absent (delay scale 0, or a job of an older emulator), the job moves one status per read.
   */
  aheadAt?: number[];
}

/** `ProjectState.extra` keys of the two job lists. */
export const JOB_LISTS = { vpnGateway: "vpnGatewayJobs", p2cVpnGateway: "p2cVpnGatewayJobs" } as const;
export type JobList = (typeof JOB_LISTS)[keyof typeof JOB_LISTS];

/** The jobs of a list, each timed one moved to where the emulator clock says it is. */
function stored(h: HookContext, list: JobList): StoredJob[] {
  const raw = h.project.extra[list];
  // Jobs written by an older emulator were bare job objects: keep them, settled.
  const all = Array.isArray(raw) ? (raw as unknown[]).map((j) => (j && typeof j === "object" && "job" in j ? (j as StoredJob) : { job: j as StoredJob["job"], ahead: [] })) : [];
  h.project.extra[list] = all;
  let moved = false;
  for (const j of all) moved = settleTimed(j, h.now) || moved;
  if (moved) h.emu.changed();
  return all;
}

/** True when the job's current action progresses by time (see `aheadAt`). */
function isTimed(j: StoredJob): j is StoredJob & { aheadAt: number[] } {
  return Array.isArray(j.aheadAt) && j.aheadAt.length === j.ahead.length && j.aheadAt.every((t) => typeof t === "number");
}

/** Enters every status of a timed job whose time has come (each at its own time). Returns true when it moved. */
function settleTimed(j: StoredJob, now: number): boolean {
  if (!isTimed(j)) return false;
  let moved = false;
  while (j.aheadAt.length > 0 && j.aheadAt[0]! <= now) {
    step(j, isoTime(j.aheadAt.shift()!));
    moved = true;
  }
  return moved;
}

/** `expected_time_seconds` of `seconds` of typical work at this delay scale (0 at scale 0). */
function scaledSeconds(seconds: number, scale: number): number {
  return scale > 0 ? Math.max(1, Math.round(seconds * scale)) : 0;
}

/**
 * Times the statuses still ahead of a job whose action starts now (`h.now`), the job in the action's first
 * status: the statuses the flow passes before its end one last an equal share of the action's duration each. At
 * delay scale 0 nothing is timed and the job moves per read instead.
 */
function schedule(h: HookContext, list: JobList, action: UpgradeAction, j: StoredJob): void {
  const scale = h.emu.transitions.scale;
  delete j.startedAt;
  delete j.aheadAt;
  if (!(scale > 0)) return;
  const flow = UPGRADE_JOB_FLOWS[action];
  const ms = h.emu.transitions.drawMs(`${list}:${action}`, flow.expectedSeconds * 1000 * scale);
  const stepMs = ms / Math.max(1, flow.passes.length);
  const entered = flow.passes.length + 1 - j.ahead.length;
  j.startedAt = h.now;
  j.aheadAt = j.ahead.map((_, i) => h.now + Math.round((entered + i) * stepMs));
}

function isOpen(j: StoredJob): boolean {
  return !SETTLED_JOB_STATUSES.includes(j.job.status as never);
}

function subJob(type: string, status: string, now: string, seconds: number): Record<string, unknown> {
  return { id: newId(), job_type: type, status, expected_time_seconds: seconds, created_at: now, finished_at: null, error_message: null };
}

/** Moves a job one status forward (and its sub-jobs with it). */
function step(j: StoredJob, now: string): void {
  const next = j.ahead.shift();
  if (next === undefined) return;
  j.job.status = next;
  j.job.updated_at = now;
  const done = j.ahead.length === 0;
  for (const s of j.job.sub_jobs) {
    if (s.status === "success") continue;
    s.status = done ? (next === "fail" ? "fail" : "success") : "upgrading";
    if (done) s.finished_at = now;
  }
  if (done) j.job.finished_at = now;
}

/**
 * Runs an upgrade action on a gateway: `start` opens a job (refused while another one is open); `finish` and
 * `rollback` continue the gateway's job that waits for confirmation. Returns the job id.
 */
export function runUpgrade(h: HookContext, list: JobList, resourceId: string, action: UpgradeAction): string {
  const flow = UPGRADE_JOB_FLOWS[action];
  const jobs = stored(h, list);
  const mine = jobs.filter((j) => j.job.resource_id === resourceId);
  const now = isoTime(h.now);
  const scale = h.emu.transitions.scale;
  if (action === "start") {
    const open = mine.find(isOpen);
    if (open) throw invalid(`gateway ${resourceId} already has upgrade job ${open.job.id} (${open.job.status}); finish or roll it back first`);
    const [first, ...rest] = [...flow.passes, flow.ends];
    const j: StoredJob = {
      job: {
        id: newId(),
        resource_id: resourceId,
        job_type: flow.jobType,
        status: first!,
        created_at: now,
        updated_at: now,
        expected_time_seconds: scaledSeconds(flow.expectedSeconds, scale),
        finished_at: null,
        error_message: null,
        sub_jobs: flow.subJobs.map((t) => subJob(t, "init", now, scaledSeconds(flow.expectedSeconds / flow.subJobs.length, scale))),
      },
      ahead: rest,
    };
    schedule(h, list, action, j);
    jobs.push(j);
    h.emu.changed();
    return j.job.id;
  }
  const waiting = mine.filter((j) => j.job.status === UPGRADE_JOB_FLOWS.start.ends).at(-1);
  if (!waiting) throw invalid(`gateway ${resourceId} has no upgrade job waiting for confirmation (${UPGRADE_JOB_FLOWS.start.ends}); start one first`);
  waiting.job.job_type = flow.jobType;
  waiting.job.expected_time_seconds = scaledSeconds(flow.expectedSeconds, scale);
  waiting.job.finished_at = null;
  waiting.job.sub_jobs.push(...flow.subJobs.map((t) => subJob(t, "init", now, scaledSeconds(flow.expectedSeconds, scale))));
  waiting.ahead = [...flow.passes, flow.ends];
  step(waiting, now);
  schedule(h, list, action, waiting);
  h.emu.changed();
  return waiting.job.id;
}

/**
 * One page of a job list, newest first: `resource_id` filters, `marker` is the id of the previous page's last
 * job. A timed job shows where the emulator clock has brought it; every other job shown moves one status
 * forward for the next read.
 */
export function listJobs(
  h: HookContext,
  list: JobList,
  q: { resource_id?: string; limit?: number; marker?: string },
): { jobs: Job[]; page_info: { next_marker: string | null; current_count: number }; total_count: number } {
  const all = stored(h, list)
    .filter((j) => q.resource_id === undefined || j.job.resource_id === q.resource_id)
    .reverse();
  let from = 0;
  if (q.marker !== undefined) {
    const i = all.findIndex((j) => j.job.id === q.marker);
    if (i < 0) throw invalid(`marker ${JSON.stringify(q.marker)} is not a job of this list`);
    from = i + 1;
  }
  const limit = q.limit === undefined || q.limit === 0 ? all.length : q.limit;
  const page = all.slice(from, from + limit);
  const shown = page.map((j) => structuredClone(j.job));
  const now = isoTime(h.now);
  let moved = false;
  for (const j of page) {
    if (j.ahead.length > 0 && !isTimed(j)) {
      step(j, now);
      moved = true;
    }
  }
  if (moved) h.emu.changed();
  const more = from + page.length < all.length;
  return {
    jobs: shown,
    page_info: { next_marker: more ? (page.at(-1)?.job.id ?? null) : null, current_count: page.length },
    total_count: all.length,
  };
}

export function deleteJob(h: HookContext, list: JobList, jobId: string): void {
  const jobs = stored(h, list);
  const i = jobs.findIndex((j) => j.job.id === jobId);
  if (i < 0) throw apiError("VPN.0004");
  jobs.splice(i, 1);
  h.emu.changed();
}
