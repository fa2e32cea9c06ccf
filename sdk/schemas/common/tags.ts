/**
 * Tag APIs (ZH/EN §4.3.2): resources by tags (filter, count), batch add/delete tags of a resource, tags of a
 * resource, tags of a project. The resource type is a path parameter; the P2C value is plural.
 */
import { z } from "zod";
import { MAX_TAGS, MAX_TAGS_RULE, requestId, tagKey, tagList, tagValue } from "../shared";

export const TAG_RESOURCE_TYPES = ["vpn-gateway", "customer-gateway", "vpn-connection", "p2c-vpn-gateways"] as const;
export type TagResourceType = (typeof TAG_RESOURCE_TYPES)[number];
export const TagResourceType = z.enum(TAG_RESOURCE_TYPES, {
  message: "resource_type must be vpn-gateway, customer-gateway, vpn-connection or p2c-vpn-gateways (ZH/EN 4.3.2.1)",
});

/** Path parameters of T1, T2, T6 (`/{resource_type}/…`). */
export const TagResourceTypePathParams = z.strictObject({ resource_type: TagResourceType });
/** Path parameters of T3, T4, T5 (`/{resource_type}/{resource_id}/tags…`). */
export const TagResourcePathParams = z.strictObject({
  resource_type: TagResourceType,
  resource_id: z.string().min(1, { message: "resource_id is mandatory (ZH/EN 4.3.2.3)" }),
});

// ---------------------------------------------------------------------------------------------------------------
// T3 / T4: batch add and delete tags of a resource

/** ResourceTag in requests: `key` mandatory, `value` optional (ZH/EN 4.3.2.3). */
export const ResourceTag = z.strictObject({ key: tagKey, value: tagValue.optional() });
export type ResourceTag = z.input<typeof ResourceTag>;

export const BatchCreateResourceTagsRequest = z.strictObject({ tags: tagList(ResourceTag) });
export type BatchCreateResourceTagsRequest = z.input<typeof BatchCreateResourceTagsRequest>;
/** The docs' example line says `DELETE`, the URI and the IAM table say `POST`: POST. */
export const BatchDeleteResourceTagsRequest = z.strictObject({ tags: tagList(ResourceTag) });
export type BatchDeleteResourceTagsRequest = z.input<typeof BatchDeleteResourceTagsRequest>;

// ---------------------------------------------------------------------------------------------------------------
// T1 / T2: resources by tags

const MAX_TAG_VALUES_RULE = `at most ${MAX_TAGS} values per tag (ZH/EN 4.3.2.1)`;

/** A tag filter: `values` are ORed; an empty list means any value. */
export const TagFilter = z.strictObject({
  key: tagKey,
  values: z.array(tagValue).max(MAX_TAGS, { message: MAX_TAG_VALUES_RULE }),
});

export const MATCH_KEYS = ["resource_name"] as const;
export const Match = z.strictObject({
  key: z.enum(MATCH_KEYS, { message: "key must be resource_name (ZH/EN 4.3.2.1)" }),
  value: z.string().max(255, { message: "value must be 0-255 characters (ZH/EN 4.3.2.1)" }),
});

/** Typed Boolean, but the docs' own example sends the string "false": both are accepted, read as a boolean. */
export const withoutAnyTag = z.union([
  z.boolean(),
  z
    .enum(["true", "false"], { message: "without_any_tag must be true or false (ZH/EN 4.3.2.1)" })
    .transform((v) => v === "true"),
]);

export const ListResourcesByTagsRequest = z.strictObject({
  without_any_tag: withoutAnyTag.optional(),
  tags: z.array(TagFilter).max(MAX_TAGS, { message: MAX_TAGS_RULE }).optional(),
  matches: z.array(Match).optional(),
});
export type ListResourcesByTagsRequest = z.input<typeof ListResourcesByTagsRequest>;

export const TAG_FILTER_MAX_LIMIT = 1000;
const LIMIT_RULE = `limit must be an integer from 1 to ${TAG_FILTER_MAX_LIMIT} (ZH/EN 4.3.2.1)`;
const OFFSET_RULE = "offset must be an integer of at least 0 (ZH/EN 4.3.2.1)";

export const ListResourcesByTagsQuery = z.strictObject({
  limit: z.coerce
    .number({ message: LIMIT_RULE })
    .int({ message: LIMIT_RULE })
    .min(1, { message: LIMIT_RULE })
    .max(TAG_FILTER_MAX_LIMIT, { message: LIMIT_RULE })
    .default(TAG_FILTER_MAX_LIMIT),
  offset: z.coerce
    .number({ message: OFFSET_RULE })
    .int({ message: OFFSET_RULE })
    .min(0, { message: OFFSET_RULE })
    .default(0),
});
export type ListResourcesByTagsQuery = z.input<typeof ListResourcesByTagsQuery>;

export const CountResourcesByTagsRequest = ListResourcesByTagsRequest;
export type CountResourcesByTagsRequest = z.input<typeof CountResourcesByTagsRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Responses

export const ResourceTagOut = z.looseObject({ key: z.string(), value: z.string().nullish() });

export const TaggedResource = z.looseObject({
  resource_id: z.string(),
  /** "Reserved for extension and is left empty by default." */
  resource_detail: z.unknown().optional(),
  tags: z.array(ResourceTagOut).optional(),
  resource_name: z.string().nullish(),
});

export const ListResourcesByTagsResponse = z.looseObject({
  resources: z.array(TaggedResource),
  total_count: z.number().int().optional(),
  request_id: requestId.optional(),
});
export type ListResourcesByTagsResponse = z.output<typeof ListResourcesByTagsResponse>;

export const CountResourcesByTagsResponse = z.looseObject({
  total_count: z.number().int(),
  request_id: requestId.optional(),
});
export type CountResourcesByTagsResponse = z.output<typeof CountResourcesByTagsResponse>;

export const ShowResourceTagsResponse = z.looseObject({
  tags: z.array(ResourceTagOut),
  request_id: requestId.optional(),
});
export type ShowResourceTagsResponse = z.output<typeof ShowResourceTagsResponse>;

export const ProjectTag = z.looseObject({ key: z.string(), values: z.array(z.string()) });
export const ListProjectTagsResponse = z.looseObject({
  tags: z.array(ProjectTag),
  request_id: requestId.optional(),
});
export type ListProjectTagsResponse = z.output<typeof ListProjectTagsResponse>;
