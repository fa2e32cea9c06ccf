/**
 * The handler of every operation: the generic CRUD handlers derived from the resource kinds, then the
 * per-area handlers for everything else (which win where both exist).
 */
import { crudHandlers } from "./crud";
import { s2cHandlers } from "./s2c";
import { p2cHandlers } from "./p2c";
import { commonHandlers } from "./common";
import type { Handler } from "./types";

export function buildHandlers(): Record<string, Handler> {
  return { ...crudHandlers(), ...s2cHandlers, ...p2cHandlers, ...commonHandlers };
}

export type { Handler, HandlerResult, RequestContext } from "./types";
