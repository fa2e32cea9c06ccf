/**
 * Field schemas shared by the P2C areas: paging, user references, the common `{ request_id }` and `{ <wrapper>: { id } }`
 * responses. Generic fields (ids, CIDRs, tags, page_info, request_id) come from ../shared.
 */
import { z } from "zod";
import { userRefList } from "../../rules/p2c";
import { PageInfo, requestId, resourceId } from "../shared";
import { refineValue } from "./refine";

/**
 * Largest page the P2C marker lists are asked for. The docs give no range for these `limit`s (api-p2c-common.md
 * §2.11), so the query accepts any non-negative integer; the SDK and the emulator page by this size, the documented
 * maximum of the S2C marker lists (ZH/EN 4.1.2.3).
 */
export const P2C_LIST_PAGE_SIZE = 200;

const LIMIT_RULE = "limit must be a non-negative integer: the number of records per page (EN 4.2.3.4)";
const MARKER_RULE = "marker must be used together with limit (ZH 4.2.3.3 / EN 4.2.3.4)";

/** `limit`/`marker` of the P2C marker lists (G2, S5 in EN; U4, UG3, UG8, P3 in both). */
export const p2cMarkerPageQuery = z
  .strictObject({
    limit: z.coerce
      .number({ message: LIMIT_RULE })
      .int({ message: LIMIT_RULE })
      .min(0, { message: LIMIT_RULE })
      .optional(),
    marker: z.string().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.marker !== undefined && q.limit === undefined)
      ctx.addIssue({ code: "custom", path: ["marker"], message: MARKER_RULE });
  });
export type P2cMarkerPageQuery = z.input<typeof p2cMarkerPageQuery>;

/** List responses of marker lists: `total_count` and `page_info` (EN adds them to G2, S2, S5). */
export const listPaging = {
  total_count: z.number().int().optional(),
  page_info: PageInfo.optional(),
};

/** `{ "request_id": … }`, the body of most P2C updates and actions. */
export const RequestIdResponse = z.looseObject({ request_id: requestId.optional() });
export type RequestIdResponse = z.output<typeof RequestIdResponse>;

/** `{ "<wrapper>": { "id": … }, "request_id": … }`, the body of the P2C creates (and of G3). */
export function createdIdResponse<K extends string>(wrapper: K) {
  const shape = { [wrapper]: z.looseObject({ id: z.string() }) } as {
    [P in K]: z.ZodObject<{ id: z.ZodString }, z.core.$loose>;
  };
  return z.looseObject({ ...shape, request_id: requestId.optional() });
}

/** `{ "<key>": [item, …], "total_count": …, "page_info": …, "request_id": … }`, the body of the P2C marker lists. */
export function markerListResponse<K extends string, T extends z.ZodType>(key: K, item: T) {
  const shape = { [key]: z.array(item) } as { [P in K]: z.ZodArray<T> };
  return z.looseObject({ ...shape, ...listPaging, request_id: requestId.optional() });
}

/** A VPN user reference `{ id }` (OpVpnUser) in add-users, remove-users and batch-delete. */
export const OpVpnUser = z.strictObject({ id: resourceId });

/** `users: [{ id }, …]`: at least one, each once (P2C-GRP-4). */
export const opVpnUserList = z.array(OpVpnUser).superRefine(refineValue(userRefList));
