/**
 * Upgrade jobs of VPN gateways and P2C VPN gateways (undocumented; the official SDK's upgrade and job
 * operations). Each upgrade action moves its job through the statuses of `UPGRADE_JOB_FLOWS` (sdk/spec/jobs.ts):
 * one status further every time a job list shows the job, so a client that polls the list sees every step. Jobs
 * are project-wide records kept in `ProjectState.extra` (plain JSON, persisted with the state).
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
}

/** `ProjectState.extra` keys of the two job lists. */
export const JOB_LISTS = { vpnGateway: "vpnGatewayJobs", p2cVpnGateway: "p2cVpnGatewayJobs" } as const;
export type JobList = (typeof JOB_LISTS)[keyof typeof JOB_LISTS];

function stored(h: HookContext, list: JobList): StoredJob[] {
  const raw = h.project.extra[list];
  // Jobs written by an older emulator were bare job objects: keep them, settled.
  const all = Array.isArray(raw) ? (raw as unknown[]).map((j) => (j && typeof j === "object" && "job" in j ? (j as StoredJob) : { job: j as StoredJob["job"], ahead: [] })) : [];
  h.project.extra[list] = all;
  return all;
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
        expected_time_seconds: flow.expectedSeconds,
        finished_at: null,
        error_message: null,
        sub_jobs: flow.subJobs.map((t) => subJob(t, "init", now, Math.round(flow.expectedSeconds / flow.subJobs.length))),
      },
      ahead: rest,
    };
    jobs.push(j);
    h.emu.changed();
    return j.job.id;
  }
  const waiting = mine.filter((j) => j.job.status === UPGRADE_JOB_FLOWS.start.ends).at(-1);
  if (!waiting) throw invalid(`gateway ${resourceId} has no upgrade job waiting for confirmation (${UPGRADE_JOB_FLOWS.start.ends}); start one first`);
  waiting.job.job_type = flow.jobType;
  waiting.job.expected_time_seconds = flow.expectedSeconds;
  waiting.job.finished_at = null;
  waiting.job.sub_jobs.push(...flow.subJobs.map((t) => subJob(t, "init", now, flow.expectedSeconds)));
  waiting.ahead = [...flow.passes, flow.ends];
  step(waiting, now);
  h.emu.changed();
  return waiting.job.id;
}

/**
 * One page of a job list, newest first: `resource_id` filters, `marker` is the id of the previous page's last
 * job. Every job shown moves one status forward for the next read.
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
    if (j.ahead.length > 0) {
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
