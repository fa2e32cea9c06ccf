/**
 * Field documentation for the generated TypeScript surface (see ./types). The tables are filled per area.
 */
import type { OperationDocs, ResourceDocs } from "./types";

export type { FieldDoc, FieldDocs, OperationDocs, ResourceDocs } from "./types";

/** Resource kinds → docs. */
export const resourceDocs: Readonly<Record<string, ResourceDocs>> = {};

/** Operations → docs. */
export const operationDocs: Readonly<Record<string, OperationDocs>> = {};
