/**
 * Building blocks of lenient response schemas: every field optional (and nullable, as some examples print
 * `null`), unknown fields kept (`z.looseObject`). The documented value sets are in ./enums, not enforced here.
 */
import { z } from "zod";
import { VpnResourceTagOut } from "../shared";

export { wrapped } from "../shared";

export const str = z.string().nullish();
export const int = z.number().int().nullish();
export const num = z.number().nullish();
export const bool = z.boolean().nullish();
export const strList = z.array(z.string()).nullish();
export const tagsOut = z.array(VpnResourceTagOut).nullish();
