/**
 * Field types shared by every part of the API (S2C, P2C, tags). Requests are strict; the `*Out` variants used in
 * responses are lenient (the docs' own examples contain masked and malformed values).
 * Messages state the rule in the docs' terms, because they are shown to users as the rule.
 */
import { z } from "zod";
import { isIpv4, parseCidr } from "../rules/net";

/** Name charset of gateways, customer gateways, connections, EIP bandwidths (ZH 4.1.1.1 T4-3; §1.6). */
export const NAME_PATTERN = /^[0-9A-Za-z\u4e00-\u9fa5_.-]{1,64}$/;
export const NAME_RULE =
  "must be 1-64 characters: digits, letters, Chinese characters (\\u4e00-\\u9fa5), _ - . (COM-01, ZH/EN 4.1.1.1, 4.1.2.1, 4.1.3.1)";

export const resourceName = z.string().regex(NAME_PATTERN, { message: NAME_RULE });

/**
 * A resource id: "36位UUID". The docs mask ids (`cb4a631d-demo-a8df-va86-ca3fa348c36c`), so any 36 characters of
 * letters, digits and `-` are accepted rather than strict RFC 4122 syntax.
 */
export const ID_PATTERN = /^[0-9A-Za-z-]{36}$/;
export const ID_RULE = "must be a 36-character UUID (\"36位UUID\") (COM-04, ZH/EN request tables)";
export const resourceId = z.string().regex(ID_PATTERN, { message: ID_RULE });

/** Enterprise project id: "36位UUID或者\"0\"" ("0" = default project). */
export const ENTERPRISE_PROJECT_RULE = 'must be a 36-character UUID or "0" (COM-05, ZH/EN 4.1.1.1)';
export const enterpriseProjectId = z
  .string()
  .refine((v) => v === "0" || ID_PATTERN.test(v), { message: ENTERPRISE_PROJECT_RULE });

/** Tag key/value charset (EN wording, which the ZH tables render inconsistently): letters of any language, digits, spaces, `_ . : = + - @`; values also `/` (P2C EN T4-170). */
const TAG_KEY_PATTERN = /^[\p{L}\p{M}\p{N} _.:=+\-@]{1,128}$/u;
const TAG_VALUE_PATTERN = /^[\p{L}\p{M}\p{N} _.:/=+\-@]{0,255}$/u;
export const TAG_KEY_RULE =
  "must be 1-128 characters: letters, digits, spaces and _ . : = + - @, not starting or ending with a space, not starting with _sys_ (COM-03, ZH/EN T4-5, P2C EN T4-170)";
export const TAG_VALUE_RULE = "must be 0-255 characters: letters, digits, spaces and _ . : / = + - @ (COM-03, ZH/EN T4-5, P2C EN T4-170)";

export const tagKey = z
  .string()
  .regex(TAG_KEY_PATTERN, { message: TAG_KEY_RULE })
  .refine((k) => k.trim() === k && !k.startsWith("_sys_"), { message: TAG_KEY_RULE });
export const tagValue = z.string().regex(TAG_VALUE_PATTERN, { message: TAG_VALUE_RULE });

/** VpnResourceTag in requests (key and value both mandatory on S2C create). */
export const VpnResourceTag = z.strictObject({ key: tagKey, value: tagValue });
export type VpnResourceTag = z.output<typeof VpnResourceTag>;
/** Lenient response form. */
export const VpnResourceTagOut = z.looseObject({ key: z.string(), value: z.string().nullish() });

export const MAX_TAGS = 20;
export const MAX_TAGS_RULE = `at most ${MAX_TAGS} tags can be specified ("最多填写20个") (COM-02, ZH/EN 4.1.1.1, 4.1.2.1, 4.1.3.1)`;
/** Array of tags, at most 20 (duplicate keys are not a documented error, so they are not refused here). */
export function tagList<T extends z.ZodType<{ key: string }>>(item: T) {
  return z.array(item).max(MAX_TAGS, { message: MAX_TAGS_RULE });
}
export const vpnResourceTags = tagList(VpnResourceTag);

export const IPV4_RULE = "must be a dotted-decimal IPv4 address (e.g. 192.168.45.7)";
export const ipv4 = z.string().refine(isIpv4, { message: IPV4_RULE });

export const CIDR_RULE = "must be an IPv4 CIDR such as 192.168.52.0/24";
/** An IPv4 CIDR `a.b.c.d/n` (host bits may be set, as in the docs' tunnel addresses `169.254.56.225/30`). */
export const cidr = z.string().refine((v) => parseCidr(v) !== undefined, { message: CIDR_RULE });

/** `page_info` of marker-paged lists. */
export const PageInfo = z.looseObject({
  next_marker: z.string().nullish(),
  current_count: z.number().int().nullish(),
});
export type PageInfo = z.output<typeof PageInfo>;

/** `request_id`: UUID-style or 32-hex in the examples; lenient. */
export const requestId = z.string();

/** `{ <wrapper>: item, request_id }`. */
export function wrapped<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.looseObject({ [key]: item, request_id: requestId.optional() } as { [P in K]: T } & { request_id: z.ZodOptional<typeof requestId> });
}

/** Timestamps: documented `yyyy-MM-ddTHH:mm:ssZ`, examples have milliseconds and offsets; kept as strings. */
export const timestamp = z.string();

/** Paging query of marker-paged lists (`limit` 0-200, default 200, `marker` with `limit`). */
export const MAX_PAGE_LIMIT = 200;
export const markerPageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(0, { message: "limit must be 0-200 (ZH/EN 4.1.2.3)" })
    .max(MAX_PAGE_LIMIT, { message: "limit must be 0-200 (ZH/EN 4.1.2.3)" })
    .optional(),
  marker: z.string().optional(),
};

/** `enterprise_project_id` as a list query parameter (documented type "Array"): one value or repeated values. */
export const enterpriseProjectIdQuery = z.union([enterpriseProjectId, z.array(enterpriseProjectId)]);

/** Error body: the examples' `error_code`/`error_msg`/`request_id`, or the appendix's `code`/`message` (ZH 7.3 / EN A.3). */
export const ApiErrorBody = z
  .looseObject({
    error_code: z.string().optional(),
    error_msg: z.string().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
    request_id: z.string().optional(),
  })
  .refine((e) => e.error_code !== undefined || e.code !== undefined, { message: "an error body has error_code (or code)" });
export type ApiErrorBody = z.output<typeof ApiErrorBody>;

/** Query refinement: "marker必须与limit一起使用" (marker must be used together with limit; ZH/EN 4.1.2.3, 4.1.3.3). */
export function markerNeedsLimit(q: { limit?: number; marker?: string }, ctx: z.RefinementCtx): void {
  if (q.marker !== undefined && q.limit === undefined)
    ctx.addIssue({ code: "custom", path: ["marker"], message: "marker must be used together with limit (ZH/EN 4.1.2.3)" });
}
