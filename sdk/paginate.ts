/**
 * Generic pagination over an operation's declared `pagination` (sdk/spec/types.ts):
 * - `marker`: request `limit` (default: the documented maximum) and `marker`; the next marker is
 *   `page_info.next_marker`. Stops when a page has fewer than `limit` items, no next marker, or repeats a marker.
 * - `offset`: request `limit` and `offset`; stops when `offset` reaches `totalKey`'s value, on an empty page, or
 *   (without a total) on a short page.
 * No per-operation code: the list key and limits come from the table.
 */
import type { Pagination } from "./spec/types";

export type PageFetcher = (params: Record<string, unknown>) => Promise<unknown>;

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function itemsOf(page: unknown, listKey: string): unknown[] {
  const list = asRecord(page)?.[listKey];
  return Array.isArray(list) ? list : [];
}

/** Iterates every item of every page. `params` holds the caller's path/query params (and possibly `limit`). */
export async function* paginateItems(
  pagination: Pagination,
  params: Readonly<Record<string, unknown>>,
  fetchPage: PageFetcher,
): AsyncGenerator<unknown, void, undefined> {
  const limit = typeof params["limit"] === "number" && params["limit"] > 0 ? params["limit"] : pagination.maxLimit;
  if (pagination.style === "marker") {
    let marker = typeof params["marker"] === "string" && params["marker"] !== "" ? params["marker"] : undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await fetchPage({ ...params, limit, ...(marker !== undefined ? { marker } : {}) });
      const items = itemsOf(page, pagination.listKey);
      for (const item of items) yield item;
      const next = asRecord(asRecord(page)?.["page_info"])?.["next_marker"];
      if (items.length < limit || typeof next !== "string" || next === "" || seen.has(next)) return;
      seen.add(next);
      marker = next;
    }
  } else {
    let offset = typeof params["offset"] === "number" && params["offset"] >= 0 ? params["offset"] : 0;
    for (;;) {
      const page = await fetchPage({ ...params, limit, offset });
      const items = itemsOf(page, pagination.listKey);
      for (const item of items) yield item;
      offset += items.length;
      const total = pagination.totalKey ? asRecord(page)?.[pagination.totalKey] : undefined;
      if (items.length === 0) return;
      if (typeof total === "number") {
        if (offset >= total) return;
      } else if (items.length < limit) {
        return;
      }
    }
  }
}
