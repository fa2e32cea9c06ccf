/**
 * What an upgrade action does to its job (`UpgradeVpnGateway` / `UpgradeP2cVpnGateway`), written once for the
 * emulator (which plays it) and the provider's upgrade actions (which wait for it). Neither edition documents
 * the upgrade API; the statuses are the official SDK's `JobStatusEnum`, the order the one the Terraform provider
 * waits on (`resource_huaweicloud_vpn_gateway_upgrade.go`: start upgrading → pending_upgrade_confirm, finish
 * pending_upgrade_confirm → success, rollback rolling_back → rollback_success). `start` opens a job; `finish` and
 * `rollback` act on the gateway's job that waits for confirmation and answer with its id.
 */
import type { JobStatus, UpgradeAction } from "../schemas/common/jobs";

export interface JobFlow {
  /** `job_type` of the job afterwards. */
  readonly jobType: "upgrade" | "rollback";
  /** Statuses the job passes through, in order. */
  readonly passes: readonly JobStatus[];
  /** The status that ends the action. */
  readonly ends: JobStatus;
  /** Sub-jobs the action runs (`SubJobJobTypeEnum`). */
  readonly subJobs: readonly string[];
  /**
   * How long the action typically takes, s (the SDK gives no values; a plausible duration): the emulator plays it
   * × its delay scale and reports that as `expected_time_seconds`.
   */
  readonly expectedSeconds: number;
}

export const UPGRADE_JOB_FLOWS: Readonly<Record<UpgradeAction, JobFlow>> = {
  start: {
    jobType: "upgrade",
    passes: ["init", "upgrading"],
    ends: "pending_upgrade_confirm",
    subJobs: ["prepare_resource", "upgrade_worker_1"],
    expectedSeconds: 600,
  },
  finish: { jobType: "upgrade", passes: ["upgrading"], ends: "success", subJobs: ["upgrade_worker_2"], expectedSeconds: 300 },
  rollback: { jobType: "rollback", passes: ["rolling_back"], ends: "rollback_success", subJobs: [], expectedSeconds: 300 },
};

/** Job statuses that end any wait with an error. */
export const FAILED_JOB_STATUSES: readonly JobStatus[] = ["fail"];

/** Statuses of a job no action is running on (it can be started again or deleted). */
export const SETTLED_JOB_STATUSES: readonly JobStatus[] = ["success", "rollback_success", "fail"];
