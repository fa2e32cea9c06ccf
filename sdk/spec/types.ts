/**
 * The declarative shapes every component reads: the SDK builds one method per `OperationSpec`, the emulator
 * derives its routes from the same table, the generic provider and the emulator's models read `ResourceKindSpec`.
 * Write an API fact once, here or in the schema it points at, and nowhere else.
 */
/** One problem a schema found in a value (a zod issue, as the public declarations describe it). */
export interface SchemaIssue {
  readonly code: string;
  /** Where in the value: keys and array indexes. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** What `safeParse` returns. */
export type SchemaParseResult<T> =
  | { readonly success: true; readonly data: T; readonly error?: undefined }
  | { readonly success: false; readonly data?: undefined; readonly error: { readonly issues: readonly SchemaIssue[] } };

/**
 * A request/response schema as the public declarations describe it: the zod schemas of sdk/schemas satisfy it,
 * and `Out` / `In` are the plain TypeScript types of what `parse` returns and what a call should pass (the types
 * in sdk/generated/wire.ts, generated from the schemas). Keeping zod's own types out of the declarations lets a
 * CommonJS program compile without `esModuleInterop`.
 */
export interface Schema<Out = unknown, In = Out> {
  /** The value with the documented defaults filled in; throws when it does not match. */
  parse(data: unknown): Out;
  safeParse(data: unknown): SchemaParseResult<Out>;
  /** Standard Schema (https://standardschema.dev) metadata; `types.output` is `Out`. */
  readonly "~standard": { readonly vendor: string; readonly types?: { readonly output: Out } | undefined };
  /**
   * Type-level only, absent at runtime: carries `In` (a method, so that a schema accepting more, such as a
   * coercing number that takes any value, still satisfies the narrower declared input).
   */
  "~input"?(value: In): void;
}

/** The type a schema accepts (a zod schema's input, or a declared `Schema`'s `In`). */
export type SchemaInput<S> = S extends { readonly "~standard": { readonly types?: { readonly input: infer I } | undefined } }
  ? I
  : S extends { "~input"?(value: infer I): void }
    ? I
    : never;
/** The type a schema's `parse` returns. */
export type SchemaOutput<S> = S extends { readonly "~standard": { readonly types?: { readonly output: infer O } | undefined } } ? O : never;

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** Which edition of the API reference documents an operation or field. */
export type Documented =
  | "both" // in the Chinese 2024-07 edition (seed 000) and the English 2025-07 edition (seed 001)
  | "zh" // only in the Chinese edition
  | "en" // only in the English edition
  | "undocumented"; // in an official SDK (Go vpn_meta or Node VpnClient; `doc` names which and since when) but in neither edition

export type Pagination =
  | {
      /** limit/marker paging; next page marker is `page_info.next_marker` */
      readonly style: "marker";
      /** the key of the array in the response body */
      readonly listKey: string;
      /** largest accepted `limit` (documented) */
      readonly maxLimit: number;
    }
  | {
      /** limit/offset paging */
      readonly style: "offset";
      readonly listKey: string;
      readonly maxLimit: number;
      /** the key with the total number of matching items, if the response has one */
      readonly totalKey?: string;
    };

export interface OperationSpec {
  /** The official Huawei SDK's operation name, PascalCase (`CreateVgw`). The table key is its lowerCamelCase. */
  readonly name: string;
  readonly method: HttpMethod;
  /** Path template with `{param}` placeholders, starting with `/v5/{project_id}/` (or `/v5.1/`). */
  readonly path: string;
  /** Documented success status. */
  readonly successStatus: 200 | 201 | 204;
  /** Query parameters schema (a zod object); its keys are the wire names. */
  readonly query?: Schema;
  /** Request body schema (wire names). */
  readonly body?: Schema;
  /** Response body schema (wire names, lenient: unknown fields kept). Absent for 204. */
  readonly response?: Schema;
  /** The API accepts `X-Client-Token`, so a POST with the same token is safe to retry. */
  readonly clientToken?: boolean;
  readonly pagination?: Pagination;
  readonly documented: Documented;
  /** Citation: section numbers in the editions, e.g. "ZH 4.1.1.1 / EN 4.1.1.1". */
  readonly doc: string;
  /**
   * Dotted wire paths inside the request body (and response) whose values are secret, e.g.
   * `vpn_connection.psk`. `[]` walks an array: `users[].password`. Used to redact logs and errors.
   */
  readonly secretFields?: readonly string[];
  /** The resource kind the operation acts on, when there is one (a key of `resourceKinds`). */
  readonly kind?: string;
}

/** Status lifecycle of an asynchronous resource, as the docs describe it. */
export interface StatusSpec {
  /** The response field holding the status (inside the wrapper object). */
  readonly field: string;
  /** Statuses in which the resource is usable (create/update waits end here). */
  readonly ready: readonly string[];
  /** Transitional statuses: keep waiting. */
  readonly pending: readonly string[];
  /** Statuses that end a wait with an error. */
  readonly failed: readonly string[];
  /** Statuses the emulator passes through, in order, after create / update / delete (delete ends in 404). */
  readonly transitions: {
    readonly create: readonly string[];
    readonly update?: readonly string[];
    readonly delete?: readonly string[];
  };
}

export interface ResourceKindSpec {
  /** Key in `resourceKinds`, lowerCamelCase (`vpnGateway`). */
  readonly kind: string;
  /** Pulumi class name (`VpnGateway`); the type token is `pulumi-nodejs:dynamic/huaweicloud-vpn:<className>`. */
  readonly className: string;
  /** The wrapper key in request/response bodies (`vpn_gateway`, `customer_gateway`, `vpn_connection`). */
  readonly wrapper: string;
  /** Field of the wrapped object holding the id. */
  readonly idField: string;
  /** Path parameter that carries the id in show/update/delete paths (`vgw_id`). */
  readonly idParam: string;
  /** Path parameters other than project_id and the id, taken from inputs (`vpn_server_id`, `vgw_id`). */
  readonly parentParams?: readonly string[];
  /** Operation names (keys of the operation table). */
  readonly ops: {
    readonly create: string;
    readonly show: string;
    readonly update?: string;
    readonly delete?: string;
    readonly list?: string;
  };
  readonly status?: StatusSpec;
  /** Top-level fields (inside the wrapper, wire names) that the update operation can change in place. */
  readonly updatable: readonly string[];
  /**
   * Nested fields (dotted wire paths) whose change forces a replace although their top-level field is updatable
   * (the connection's `ikepolicy.authentication_method` has no update field).
   */
  readonly replaceNested?: readonly string[];
  /**
   * Groups of top-level fields the update operation needs together: when one of them changes, all are sent
   * (a connection's tunnel addresses must stay a pair in the same /30).
   */
  readonly updateTogether?: readonly (readonly string[])[];
  /** The update operation replaces the whole object: every updatable field is sent, changed or not. */
  readonly updateWhole?: boolean;
  /** Fields that need a separate call to change (e.g. `flavor` through update-specification): field → op name. */
  readonly updateVia?: Readonly<Record<string, string>>;
  /** Fields (wire names, dotted for nested) whose values are secret: kept secret in state, redacted in logs. */
  readonly secret: readonly string[];
  /** Fields the API never returns (write-only): the provider keeps the input value. */
  readonly writeOnly: readonly string[];
  /** Tag API resource type (`vpn-gateway`), when the kind has tags. */
  readonly tagResourceType?: string;
  /** Error codes meaning "not ready yet, try again" for changes to this kind. */
  readonly notReadyCodes?: readonly string[];
  /** Field used to find a resource by name when reconciling an ambiguous create. */
  readonly nameField?: string;
  /**
   * Fields the service normalises, so a plan compares them normalised: case-insensitive enums (`style` is sent
   * lower-case and read back upper-case) and lists whose order the service does not keep. Dotted wire paths
   * inside the wrapper object (`ikepolicy.authentication_algorithm`).
   */
  readonly caseInsensitive?: readonly string[];
  readonly unordered?: readonly string[];
  /** Maximum number of tags on create. */
  readonly maxTags?: number;
  readonly documented: Documented;
  readonly doc: string;
}

/** Helper so tables keep their literal keys while being checked against the spec types. */
export function defineOperations<const T extends Record<string, OperationSpec>>(ops: T): T {
  return ops;
}

export function defineKinds<const T extends Record<string, ResourceKindSpec>>(kinds: T): T {
  return kinds;
}
