/**
 * Public-service operations (ZH/EN §4.3): quotas (Q1) and tags (T1–T6). The tag operations take the resource type
 * as a path parameter (`vpn-gateway`, `customer-gateway`, `vpn-connection`, `p2c-vpn-gateways`; see
 * `TagResourceType` in sdk/schemas/common/tags.ts). Keys are the official SDK's operation names in lowerCamelCase.
 */
import * as s from "../schemas/common";
import { defineOperations } from "./types";

export const commonOperations = defineOperations({
  showQuotasInfo: {
    name: "ShowQuotasInfo",
    method: "GET",
    path: "/v5/{project_id}/vpn/quotas",
    successStatus: 200,
    response: s.ShowQuotasInfoResponse,
    documented: "both",
    doc: "ZH 4.3.1.1 / EN 4.3.1.1",
  },
  listResourcesByTags: {
    name: "ListResourcesByTags",
    method: "POST",
    path: "/v5/{project_id}/{resource_type}/resource-instances/filter",
    successStatus: 200,
    query: s.ListResourcesByTagsQuery,
    body: s.ListResourcesByTagsRequest,
    response: s.ListResourcesByTagsResponse,
    pagination: { style: "offset", listKey: "resources", maxLimit: s.TAG_FILTER_MAX_LIMIT, totalKey: "total_count" },
    documented: "both",
    doc: "ZH 4.3.2.1 / EN 4.3.2.1",
  },
  countResourcesByTags: {
    name: "CountResourcesByTags",
    method: "POST",
    path: "/v5/{project_id}/{resource_type}/resource-instances/count",
    successStatus: 200,
    body: s.CountResourcesByTagsRequest,
    response: s.CountResourcesByTagsResponse,
    documented: "both",
    doc: "ZH 4.3.2.2 / EN 4.3.2.2",
  },
  batchCreateResourceTags: {
    name: "BatchCreateResourceTags",
    method: "POST",
    path: "/v5/{project_id}/{resource_type}/{resource_id}/tags/create",
    successStatus: 204,
    body: s.BatchCreateResourceTagsRequest,
    documented: "both",
    doc: "ZH 4.3.2.3 / EN 4.3.2.3",
  },
  batchDeleteResourceTags: {
    name: "BatchDeleteResourceTags",
    method: "POST",
    path: "/v5/{project_id}/{resource_type}/{resource_id}/tags/delete",
    successStatus: 204,
    body: s.BatchDeleteResourceTagsRequest,
    documented: "both",
    doc: "ZH 4.3.2.4 / EN 4.3.2.4 (the example line's DELETE contradicts the URI and IAM table: POST)",
  },
  showResourceTags: {
    name: "ShowResourceTags",
    method: "GET",
    path: "/v5/{project_id}/{resource_type}/{resource_id}/tags",
    successStatus: 200,
    response: s.ShowResourceTagsResponse,
    documented: "both",
    doc: "ZH 4.3.2.5 / EN 4.3.2.5",
  },
  listProjectTags: {
    name: "ListProjectTags",
    method: "GET",
    path: "/v5/{project_id}/{resource_type}/tags",
    successStatus: 200,
    response: s.ListProjectTagsResponse,
    documented: "both",
    doc: "ZH 4.3.2.6 / EN 4.3.2.6",
  },
});
