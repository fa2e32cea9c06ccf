/**
 * Name conversion between the API's wire names (snake_case) and Pulumi inputs/outputs (lowerCamelCase).
 * Conversion is structural: object keys are converted recursively, except inside maps that are data
 * (tag maps), which the caller excludes by path.
 */

export function snakeToCamel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * Default reverse conversion; digits stay attached (`eip1`, `peerSubnetsV6` -> `peer_subnets_v6`). Wire names
 * whose digits follow an underscore (`eip_id_1`) are not recoverable from their camelCase form alone: pass a
 * dictionary built from the schemas' wire names (`wireNames`) to `toSnake`.
 */
export function camelToSnake(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

type Json = unknown;

function convertKeys(value: Json, conv: (k: string) => string, skip: ReadonlySet<string>, path: string): Json {
  if (Array.isArray(value)) return value.map((v) => convertKeys(v, conv, skip, path + "[]"));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const nk = conv(k);
      const p = path ? `${path}.${nk}` : nk;
      out[nk] = skip.has(p) ? v : convertKeys(v, conv, skip, p);
    }
    return out;
  }
  return value;
}

/** Converts every key of a wire object to lowerCamelCase. `keepAsData` lists converted paths whose values are left untouched. */
export function toCamel<T = Record<string, unknown>>(value: unknown, keepAsData: readonly string[] = []): T {
  return convertKeys(value, snakeToCamel, new Set(keepAsData), "") as T;
}

/**
 * Converts every key of a camelCase object to wire names. `keepAsData` lists wire paths whose values are left
 * untouched; `wireNames` maps camelCase names to their exact wire spelling where the default rule is ambiguous.
 */
export function toSnake<T = Record<string, unknown>>(
  value: unknown,
  keepAsData: readonly string[] = [],
  wireNames: ReadonlyMap<string, string> = new Map(),
): T {
  const conv = (k: string) => wireNames.get(k) ?? camelToSnake(k);
  return convertKeys(value, conv, new Set(keepAsData), "") as T;
}
