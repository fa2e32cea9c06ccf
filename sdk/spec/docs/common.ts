/**
 * Field docs shared by several areas (tags, paging, request ids, EIPs, certificate facts) and the docs of the
 * public-service operations: quotas (EN 4.3.1) and tags (EN 4.3.2).
 */
import type { FieldDocs, OperationDocs } from "./types";
import { d, op } from "./build";

/** `tags` and its elements on a taggable resource; `doc` is the section of the kind's create operation. */
export function tagFields(doc: string): FieldDocs {
  return {
    tags: d(
      "Tags of the resource, for grouping, cost allocation and tag-based queries. In Pulumi they are a map from tag key to " +
        "value; the API carries them as a list of key/value pairs.",
      doc,
    ),
    "tags[].key": d("Tag key; each key appears once on a resource.", doc),
    "tags[].value": d("Tag value; may be empty.", doc),
  };
}

/** `limit`/`marker` of the marker-paged lists; `doc` is the list's section. */
export function markerQuery(doc: string): FieldDocs {
  return {
    limit: d("Number of records per page.", doc),
    marker: d(
      "Where the page starts: the `page_info.next_marker` of the previous page; empty for the first page. It must be sent " +
        "together with `limit`.",
      doc,
    ),
  };
}

/** `page_info` of a marker-paged response. */
export function pageInfo(doc: string): FieldDocs {
  return {
    page_info: d("Paging information of this page.", doc),
    "page_info.next_marker": d(
      "Marker of the next page (the creation time of the last resource on this page); absent or null on the last page.",
      doc,
    ),
    "page_info.current_count": d(
      "Number of resources on this page. A count lower than the requested `limit` means this is the last page.",
      doc,
    ),
  };
}

/** `total_count` of a list response; `what` names the counted resources. */
export function totalCount(what: string, doc: string): FieldDocs {
  return { total_count: d(`Total number of ${what}, across all pages.`, doc) };
}

/** `request_id` of a response. */
export function requestId(doc: string): FieldDocs {
  return {
    request_id: d("ID of the API request, for support tickets and for matching the call in the service's logs.", doc),
  };
}

/** `enterprise_project_id` as a list filter. */
export function enterpriseProjectFilter(doc: string): FieldDocs {
  return {
    enterprise_project_id: d(
      'Only return resources of these enterprise projects (one ID or several; "0" is the default project).',
      doc,
    ),
  };
}

/**
 * The EIP object of a gateway as the service returns it (S2C `eip1`/`eip2`, P2C `eip`); `doc` is the section that
 * defines its table (ResponseEip / ResponseEipInfo).
 */
export function eipResponseFields(doc: string, usedBy: string): FieldDocs {
  return {
    ip_version: d("IP version of the EIP.", doc),
    ip_billing_info: d(
      "Order information of a yearly/monthly EIP (`order_id:product_id:region_id:project_id`); absent for pay-per-use EIPs.",
      doc,
    ),
    ip_address: d(`The public IPv4 address; ${usedBy}.`, doc),
    bandwidth_billing_info: d(
      "Order information of a yearly/monthly bandwidth (`order_id:product_id:region_id:project_id`); absent for " +
        "pay-per-use bandwidth.",
      doc,
    ),
    share_type: d("Whether the EIP has its own bandwidth (PER, dedicated) or uses shared bandwidth (WHOLE).", doc),
  };
}

/** The EIP fields a request and a response share: what they mean in both directions. */
export function eipCommonFields(doc: string, generatedName: string, bandwidthCap: string): FieldDocs {
  return {
    id: d(
      "ID of the EIP. On create, set it to bind an existing EIP and leave the new-EIP fields out; in the response it " +
        "is the bound EIP.",
      doc,
    ),
    type: d(
      "EIP line type of a new EIP (the `type` of the EIP service, e.g. `5_bgp`, preferred where the region offers it). " +
        "Set only when the gateway should allocate a new EIP.",
      doc,
    ),
    charge_mode: d(
      "How the EIP bandwidth of a new EIP is billed: by bandwidth or by traffic. Needed only for a new EIP that is not " +
        "on shared bandwidth.",
      doc,
    ),
    bandwidth_size: d(
      `Bandwidth of the EIP in Mbit/s, required for a new EIP not on shared bandwidth${bandwidthCap}; the regional ` +
        "maximum is set by the EIP service.",
      doc,
    ),
    bandwidth_name: d(
      `Name of the EIP bandwidth. For a new EIP the service generates one (\`${generatedName}\`) when it is omitted.`,
      doc,
    ),
  };
}

/**
 * Facts the service parses out of an uploaded certificate (P2C server certificate, client CA certificates and the
 * check response). `what` names the certificate in the texts.
 */
export function certificateFacts(what: string, doc: string): FieldDocs {
  return {
    issuer: d(`Issuer (distinguished name) of the ${what}.`, doc),
    subject: d(`Subject (distinguished name) of the ${what}.`, doc),
    serial_number: d(`Serial number of the ${what}.`, doc),
    expiration_time: d(`When the ${what} expires (UTC).`, doc),
    signature_algorithm: d(`Signature algorithm of the ${what}, e.g. SHA256WITHRSA.`, doc),
  };
}

/** Creation and update timestamps of a resource. */
export function timestamps(what: string, doc: string): FieldDocs {
  return {
    created_at: d(`When the ${what} was created (UTC, ISO 8601).`, doc),
    updated_at: d(`When the ${what} was last updated (UTC, ISO 8601).`, doc),
  };
}

/**
 * The job lists of S2C and P2C gateways (official SDK only, shared models): filter, paging and job fields. An
 * operation takes the subset its schema has (see `project`), as the two lists' models differ between SDK releases.
 */
export function jobFields(doc: string): FieldDocs {
  return {
    resource_id: d("Only the jobs of this gateway.", doc),
    ...markerQuery(doc),
    jobs: d("Upgrade jobs of the project's gateways.", doc),
    "jobs[].id": d("ID of the job.", doc),
    "jobs[].resource_id": d("ID of the gateway the job works on.", doc),
    "jobs[].job_type": d("Kind of job: an upgrade or a rollback.", doc),
    "jobs[].status": d(
      "State of the job: being prepared or upgrading, waiting for the upgrade to be confirmed, succeeded, rolling " +
        "back, rolled back or failed.",
      doc,
    ),
    "jobs[].created_at": d("When the job started.", doc),
    "jobs[].expected_time_seconds": d("How long the job is expected to take, in seconds.", doc),
    "jobs[].finished_at": d("When the job ended.", doc),
    "jobs[].updated_at": d("When the job last changed.", doc),
    "jobs[].error_message": d("Why the job failed, when it did.", doc),
    "jobs[].sub_jobs": d("Steps of the job, such as preparing resources and upgrading each worker.", doc),
    "jobs[].sub_jobs[].id": d("ID of the step.", doc),
    "jobs[].sub_jobs[].job_type": d("Kind of step.", doc),
    "jobs[].sub_jobs[].status": d("State of the step.", doc),
    "jobs[].sub_jobs[].expected_time_seconds": d("How long the step is expected to take, in seconds.", doc),
    "jobs[].sub_jobs[].created_at": d("When the step started.", doc),
    "jobs[].sub_jobs[].finished_at": d("When the step ended.", doc),
    "jobs[].sub_jobs[].error_message": d("Why the step failed, when it did.", doc),
    ...totalCount("jobs", doc),
    ...pageInfo(doc),
    ...requestId(doc),
  };
}

// ---------------------------------------------------------------------------------------------------------------- tags API

const RESOURCE_TYPE =
  "Which kind of resource the tag call is about, in the tag API's spelling (the P2C gateway type is plural, unlike " +
  "the others).";

/** Filter body of the tag queries (T1, T2). */
function tagFilter(doc: string): FieldDocs {
  return {
    resource_type: d(RESOURCE_TYPE, doc),
    without_any_tag: d(
      "When true, return only the resources that have no tags at all, and ignore `tags`. When false or absent, filter by " +
        "`tags` and `matches` (or return everything).",
      doc,
    ),
    tags: d("Tag filter: a resource matches when it has every listed key with one of that key's values.", doc),
    "tags[].key": d("Tag key the resource must have.", doc),
    "tags[].values": d(
      "Accepted values of the key, any of which matches; an empty list matches any value of the key.",
      doc,
    ),
    matches: d("Field filters on the resource itself, such as its name.", doc),
    "matches[].key": d("Field to match; `resource_name` is the only documented key.", doc),
    "matches[].value": d("Value the field must have.", doc),
  };
}

const tagPair = (doc: string): FieldDocs => ({
  "tags[].key": d("Tag key.", doc),
  "tags[].value": d("Tag value.", doc),
});

export const commonOperationDocs: Readonly<Record<string, OperationDocs>> = {
  showQuotasInfo: op(
    "Reads the project's VPN quotas: for each resource type, the limit and how many are in use.",
    {
      quotas: d("The quota object.", "EN 4.3.1.1"),
      "quotas.resources": d("One entry per resource type.", "EN 4.3.1.1"),
      "quotas.resources[].type": d(
        "Resource type the entry counts: S2C VPN gateways, customer gateways or VPN connections. P2C resources have no " +
          "quota entries; their limits are per gateway or server.",
        "EN 4.3.1.1",
      ),
      "quotas.resources[].quota": d("How many resources of the type the project may have.", "EN 4.3.1.1"),
      "quotas.resources[].used": d("How many resources of the type exist now.", "EN 4.3.1.1"),
    },
    requestId("EN 4.3.1.1"),
  ),
  listResourcesByTags: op(
    "Lists the resources of one type that match a tag filter, with their tags.",
    tagFilter("EN 4.3.2.1"),
    {
      limit: d("Number of resources per page (offset paging).", "EN 4.3.2.1"),
      offset: d("How many matching resources to skip: the page starts at record `offset + 1`.", "EN 4.3.2.1"),
      resources: d("The matching resources.", "EN 4.3.2.1"),
      "resources[].resource_id": d("ID of the resource.", "EN 4.3.2.1"),
      "resources[].resource_detail": d("Reserved for details of the resource; empty.", "EN 4.3.2.1"),
      "resources[].tags": d("All tags of the resource.", "EN 4.3.2.1"),
      ...{
        "resources[].tags[].key": d("Tag key.", "EN 4.3.2.1"),
        "resources[].tags[].value": d("Tag value.", "EN 4.3.2.1"),
      },
      "resources[].resource_name": d("Name of the resource.", "EN 4.3.2.1"),
      total_count: d("Total number of matching resources, across all pages.", "EN 4.3.2.1"),
    },
    requestId("EN 4.3.2.1"),
  ),
  countResourcesByTags: op(
    "Counts the resources of one type that match a tag filter.",
    tagFilter("EN 4.3.2.2"),
    { total_count: d("Number of matching resources.", "EN 4.3.2.2") },
    requestId("EN 4.3.2.2"),
  ),
  batchCreateResourceTags: op(
    "Adds tags to one resource.",
    {
      resource_type: d(RESOURCE_TYPE, "EN 4.3.2.3"),
      resource_id: d("ID of the resource to tag.", "EN 4.3.2.3"),
      tags: d("Tags to add.", "EN 4.3.2.3"),
    },
    tagPair("EN 4.3.2.3"),
  ),
  batchDeleteResourceTags: op("Removes tags from one resource.", {
    resource_type: d(RESOURCE_TYPE, "EN 4.3.2.4"),
    resource_id: d("ID of the resource.", "EN 4.3.2.4"),
    tags: d("Tags to remove, by key.", "EN 4.3.2.4"),
    "tags[].key": d("Key of the tag to remove.", "EN 4.3.2.4"),
    "tags[].value": d("Value of the tag to remove; may be omitted.", "EN 4.3.2.4"),
  }),
  showResourceTags: op(
    "Reads the tags of one resource.",
    {
      resource_type: d(RESOURCE_TYPE, "EN 4.3.2.5"),
      resource_id: d("ID of the resource.", "EN 4.3.2.5"),
      tags: d("The resource's tags.", "EN 4.3.2.5"),
    },
    tagPair("EN 4.3.2.5"),
    requestId("EN 4.3.2.5"),
  ),
  listProjectTags: op(
    "Lists every tag key used on resources of one type in the project, with all values in use for each key.",
    {
      resource_type: d(RESOURCE_TYPE, "EN 4.3.2.6"),
      tags: d("The tag keys in use.", "EN 4.3.2.6"),
      "tags[].key": d("Tag key.", "EN 4.3.2.6"),
      "tags[].values": d("Every value the key has on some resource of the type.", "EN 4.3.2.6"),
    },
    requestId("EN 4.3.2.6"),
  ),
};
