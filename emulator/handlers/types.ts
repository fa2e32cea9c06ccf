/**
 * What a handler receives and returns. Handlers are thin (STYLE.md moto 3): the server has already
 * authenticated, routed and validated; a handler reads the parsed request, calls a model, and returns the body.
 * The server adds `request_id` and writes the documented success status.
 */
import type { OperationSpec } from "../../sdk/spec/types";
import type { EmulatorContext } from "../context";
import type { ProjectState } from "../models/state";

export interface RequestContext {
  readonly emu: EmulatorContext;
  readonly operation: string;
  readonly op: OperationSpec;
  readonly project: ProjectState;
  /** Path parameters (decoded), `project_id` included. */
  readonly params: Readonly<Record<string, string>>;
  /** Query parsed by the operation's query schema (documented defaults applied), or the raw map. */
  readonly query: Record<string, unknown>;
  /** The request body parsed by the operation's body schema (documented defaults applied). */
  readonly body: any;
  /** The JSON body as received, before defaults (to tell "sent" from "defaulted"). */
  readonly rawBody: any;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly requestId: string;
}

export interface HandlerResult {
  /** Overrides the documented success status (rarely: never for a success). */
  readonly status?: number;
  /** Response body (an object gets `request_id` unless `noRequestId`). */
  readonly body?: unknown;
  readonly noRequestId?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = ((ctx: RequestContext) => HandlerResult) & {
  /**
   * The handler validates the body itself (`ctx.body` is then the raw body): for operations that answer some
   * invalid input with a success, as batch user create does with `invalid_users`.
   */
  validatesBody?: true;
};
