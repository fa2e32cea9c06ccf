/** PLACEHOLDER: being written; see sdk/spec/types.ts for the shape. */
import { defineOperations } from "./types";

export const p2cOperations = defineOperations({});
