/** Public-service schemas: quotas and tags. */
export * from "./quota";
export * from "./tags";
