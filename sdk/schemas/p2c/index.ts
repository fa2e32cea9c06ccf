/** Point-to-cloud request/response schemas, by area. */
export * from "./fields";
export * from "./gateway";
export * from "./server";
export * from "./client-ca";
export * from "./log-config";
export * from "./user";
export * from "./user-group";
export * from "./access-policy";
