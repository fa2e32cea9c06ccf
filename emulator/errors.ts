/**
 * The emulator's one error type (the documented error table is in sdk/spec/errors, shared with the SDK). Models
 * throw `EmulatorError`; the server's single error writer turns it into the Huawei body
 * `{error_code, error_msg, request_id}` with the documented HTTP status.
 */

import { ERROR_TABLE } from "../sdk/spec/errors";
import { formatIssues, type FieldIssue } from "../sdk/schemas/validate";

export class EmulatorError extends Error {
  override readonly name = "EmulatorError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function isEmulatorError(e: unknown): e is EmulatorError {
  return e instanceof EmulatorError;
}

export { ERROR_TABLE } from "../sdk/spec/errors";

/** Builds the documented error for `code`, filling `%s` with `args` in order. Unknown codes are a bug. */
export function apiError(code: string, ...args: Array<string | number>): EmulatorError {
  const entry = ERROR_TABLE[code];
  if (!entry) throw new Error(`emulator bug: error code ${code} is not in the error table`);
  let i = 0;
  const message = entry.message.replace(/%s/g, () => String(args[i++] ?? ""));
  return new EmulatorError(entry.status, code, message);
}

/** `VPN.0001 invalid request: …` — the generic documented validation failure. */
export function invalid(detail: string): EmulatorError {
  return apiError("VPN.0001", detail);
}

/** The documented "not ready" example: `resource (type=GATEWAY, ID=…) is not ready, currently CREATING`. */
export function notReady(type: string, id: string, currently: string): EmulatorError {
  return new EmulatorError(403, "VPN.0003", `resource (type=${type}, ID=${id}) is not ready, currently ${currently}`);
}

/**
 * Maps validation issues to the documented error. An issue whose rule names a documented code (`code`, set by
 * the rule in sdk/rules) answers with that code and its status; everything else is
 * `VPN.0001 invalid request: <field>: <value> — <rule>`.
 */
export function validationError(issues: readonly FieldIssue[]): EmulatorError {
  const detail = formatIssues(issues);
  for (const i of issues) {
    const entry = i.code && i.code !== "VPN.0001" ? ERROR_TABLE[i.code] : undefined;
    if (!entry) continue;
    const value = i.value.startsWith('"') ? i.value.slice(1, -1) : i.value;
    const message = entry.message.replace(/%s/g, value);
    return new EmulatorError(entry.status, i.code!, `${message} (${detail})`);
  }
  return new EmulatorError(400, "VPN.0001", `invalid request: ${detail}`);
}
