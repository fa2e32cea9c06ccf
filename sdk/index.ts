/**
 * Public entry point of the SDK (`pulumi-huaweicloud-vpn/sdk`): the client, its errors, configuration,
 * signing, the operation table and resource kinds, and the request/response schemas.
 *
 * The declarations reach no zod types: schemas are declared as `Schema<Out, In>` (parse / safeParse) with the
 * plain types generated from them, so a CommonJS program type-checks without `esModuleInterop`.
 */
import "../provider/node-version";
export {
  VpnClient,
  mergeKeepingUnknown,
  responseMetadata,
  type BuiltRequest,
  type CallOptions,
  type OperationMethods,
  type OperationParams,
  type OperationResult,
  type OperationTable,
  type PageItem,
  type PaginateParams,
  type PaginatedOperationName,
  type PathParamNames,
  type ResponseMetadata,
  type VpnClientOptions,
  type VpnResponse,
} from "./client";
export * from "./errors";
export { resolveConfig, defaultEndpoint, ENV, type ResolvedConfig, type VpnConfigOptions } from "./config";
export * as signing from "./signing";
export {
  signRequest,
  verifyRequest,
  type Credentials,
  type SignableRequest,
  type ReceivedRequest,
  type VerifyResult,
} from "./signing";
export {
  DEFAULT_RETRY_OPTIONS,
  Transport,
  delayFor,
  isIdempotentOperation,
  isOutcomeUnknown,
  parseRetryAfter,
  shouldRetry,
  type RetryOptions,
  type RetryTarget,
  type Sleep,
  type DebugLogger,
  type TransportOptions,
} from "./http";
export { paginateItems, type PageFetcher } from "./paginate";
export { redactSecrets, redactHeaders, scrubText, collectSecretValues, REDACTED } from "./redact";
export { operations, operationList, getOperation, type OperationName, type Operations } from "./spec/operations";
export { resourceKinds, getKind, typeToken, type ResourceKindName } from "./spec/kinds";
export { ERROR_TABLE, codesMeaning, type ErrorTableEntry } from "./spec/errors";
export type * from "./spec/types";
export * from "./schemas/validate";
// The schemas and constants of sdk/schemas, declared with plain types (sdk/generated/wire.ts), and each
// operation's request/response types.
export * from "./generated/wire";
