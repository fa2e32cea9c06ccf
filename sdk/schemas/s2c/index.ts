/** The S2C request/response schemas, value sets and defaults. */
export * from "./enums";
export * from "./gateway";
export * from "./customerGateway";
export * from "./connection";
export * from "./monitor";
export * from "./certificate";
export * as fields from "./fields";
