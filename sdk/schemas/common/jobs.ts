/**
 * Upgrade jobs of VPN gateways and P2C VPN gateways: the official SDK's `UpgradeRequestBody`, `Job` and `SubJob`
 * models, shared by `UpgradeVpnGateway`/`UpgradeP2cVpnGateway` and the two job lists. Neither edition of the API
 * reference documents them; the values come from the official Node SDK's generated models (3.1.202 adds
 * `expected_time_seconds`, the statuses `running` and `init`, the sub-job type `migrate_network_1`, and
 * `limit`/`marker` on the job lists). Response objects stay lenient: unknown fields and values pass.
 */
import { z } from "zod";
import { PageInfo, requestId, resourceId, timestamp } from "../shared";

/** `UpgradeRequestBodyActionEnum`: start an upgrade, confirm it (finish), or roll it back. */
export const UPGRADE_ACTIONS = ["start", "finish", "rollback"] as const;
export type UpgradeAction = (typeof UPGRADE_ACTIONS)[number];

/** `JobJobTypeEnum`. */
export const JOB_TYPES = ["upgrade", "rollback"] as const;
/** `JobStatusEnum` (3.1.202 adds `running` and `init`). */
export const JOB_STATUSES = [
  "upgrading",
  "pending_upgrade_confirm",
  "success",
  "rolling_back",
  "rollback_success",
  "fail",
  "running",
  "init",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
/** `SubJobJobTypeEnum` (3.1.202 adds `migrate_network_1`). */
export const SUB_JOB_TYPES = ["prepare_resource", "upgrade_worker_1", "upgrade_worker_2", "migrate_network_1"] as const;
/** `SubJobStatusEnum`. */
export const SUB_JOB_STATUSES = ["init", "upgrading", "success", "fail"] as const;

const ACTION_RULE = "action must be start, finish or rollback (official SDK UpgradeRequestBody)";

/** `UpgradeRequestBody`. */
export const UpgradeRequestBody = z.strictObject({ action: z.enum(UPGRADE_ACTIONS, { message: ACTION_RULE }) });
export type UpgradeRequestBody = z.input<typeof UpgradeRequestBody>;

/** `UpgradeVpnGatewayResponse` / `UpgradeP2cVpnGatewayResponse`. */
export const UpgradeResponse = z.looseObject({ job_id: z.string().nullish(), request_id: requestId.optional() });
export type UpgradeResponse = z.output<typeof UpgradeResponse>;

/** `SubJob`. */
export const SubJob = z.looseObject({
  id: z.string().nullish(),
  job_type: z.string().nullish(),
  status: z.string().nullish(),
  expected_time_seconds: z.number().int().nullish(),
  created_at: timestamp.nullish(),
  finished_at: timestamp.nullish(),
  error_message: z.string().nullish(),
});

/** `Job`. `updated_at` is what the Terraform provider reads; the SDK model has `finished_at`. */
export const Job = z.looseObject({
  id: z.string(),
  resource_id: z.string().nullish(),
  job_type: z.string().nullish(),
  status: z.string().nullish(),
  created_at: timestamp.nullish(),
  expected_time_seconds: z.number().int().nullish(),
  finished_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  error_message: z.string().nullish(),
  sub_jobs: z.array(SubJob).nullish(),
});
export type Job = z.output<typeof Job>;

const LIMIT_RULE = "limit must be a non-negative integer: the number of jobs per page (official SDK 3.1.202)";
const MARKER_RULE = "marker must be used together with limit";

/** `ListVpnGatewayJobsRequest` / `ListP2cVpnGatewayJobsRequest`: the gateway, then `limit`/`marker` (3.1.202). */
export const ListJobsQuery = z
  .strictObject({
    resource_id: resourceId.optional(),
    limit: z.coerce.number({ message: LIMIT_RULE }).int({ message: LIMIT_RULE }).min(0, { message: LIMIT_RULE }).optional(),
    marker: z.string().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.marker !== undefined && q.limit === undefined) ctx.addIssue({ code: "custom", path: ["marker"], message: MARKER_RULE });
  });
export type ListJobsQuery = z.input<typeof ListJobsQuery>;

/** The SDK's list responses carry `jobs` only; `page_info`/`total_count` are accepted when the service adds them. */
export const ListJobsResponse = z.looseObject({
  jobs: z.array(Job).nullish(),
  page_info: PageInfo.nullish(),
  total_count: z.number().int().nullish(),
  request_id: requestId.optional(),
});
export type ListJobsResponse = z.output<typeof ListJobsResponse>;

/** Largest page the SDK and the emulator ask for (no documented range; the S2C marker lists' maximum). */
export const JOB_LIST_PAGE_SIZE = 200;
