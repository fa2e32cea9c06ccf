/** Public-service schemas: quotas and tags; the upgrade jobs shared by both kinds of gateway. */
export * from "./quota";
export * from "./tags";
export * from "./jobs";
