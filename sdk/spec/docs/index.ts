/**
 * Field documentation for the generated TypeScript surface (see ./types). The tables are filled per area:
 * ./s2c (site-to-cloud), ./p2c (point-to-cloud) and ./common (shared groups, quotas and tags).
 */
import type { OperationDocs, ResourceDocs } from "./types";
import { commonOperationDocs } from "./common";
import { p2cOperationDocs, p2cResourceDocs } from "./p2c";
import { s2cOperationDocs, s2cResourceDocs } from "./s2c";

export type { FieldDoc, FieldDocs, OperationDocs, ResourceDocs } from "./types";

/** Resource kinds → docs. */
export const resourceDocs: Readonly<Record<string, ResourceDocs>> = { ...s2cResourceDocs, ...p2cResourceDocs };

/** Operations → docs. */
export const operationDocs: Readonly<Record<string, OperationDocs>> = {
  ...s2cOperationDocs,
  ...p2cOperationDocs,
  ...commonOperationDocs,
};
