/** PLACEHOLDER: being written; see sdk/spec/types.ts for the shape. */
import { defineKinds } from "./types";

export const s2cKinds = defineKinds({});
