/** PLACEHOLDER: being written; see sdk/spec/types.ts for the shape. */
import { defineKinds } from "./types";

export const p2cKinds = defineKinds({});
