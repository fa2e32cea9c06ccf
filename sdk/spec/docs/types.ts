/**
 * The shape of the field documentation that the generated TypeScript surface (hover docs of every resource and
 * function property) is built from. Written from the seeds' English edition (EN), with the Chinese edition (ZH)
 * where only it documents a field. Allowed values, lengths/ranges and defaults are *not* written here: the type
 * generator reads them from the zod schemas, and "updates in place / replaces" from the kind specs, so each fact
 * stays in one place. A text here says what the field means and anything the schema cannot express.
 */

/** One field: its meaning, and the section that documents it ("EN 4.1.3.1", "ZH 4.1.1.8"). */
export interface FieldDoc {
  readonly text: string;
  readonly doc: string;
  /**
   * The values a response field takes, when the response schema is a plain string (lenient) and the values are
   * not the request field's enum at the same path (deprecated values still returned, upper-case read-backs).
   */
  readonly values?: readonly string[];
}

/**
 * Docs keyed by dotted wire path inside the resource's wrapper object (or the operation's body/query/response):
 * `name`, `ikepolicy.dh_group`, `eip1.id`; array elements with `[]`: `policy_rules[].destination`.
 */
export type FieldDocs = Readonly<Record<string, FieldDoc>>;

/** A resource kind (key of `resourceKinds`): its class doc block, a short example, and every field. */
export interface ResourceDocs {
  /** One or two sentences for the class doc block. */
  readonly summary: string;
  /** A short TypeScript example (no fences), using `vpn.` as the package import. */
  readonly example: string;
  /**
   * What the provider does beyond the API (waits, update paths, adoption, what destroy does), for the class doc
   * block after the summary; plain sentences, no limit.
   */
  readonly notes?: string;
  /** Request and response fields of the kind (both directions share a path's doc). */
  readonly fields: FieldDocs;
}

/** An operation (key of the operation table): for data-source functions' arguments and results. */
export interface OperationDocs {
  readonly summary: string;
  /** Query/path parameters, body fields and response fields, by wire path. */
  readonly fields: FieldDocs;
}
