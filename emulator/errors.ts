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

const CODES_IN_TEXT = /\bVPN\.\d{4}\b/g;

/**
 * Rules whose citation names several codes: which one a violation gets, from the rule's message and the value.
 * (Rules that state their code in the message itself, like GW-15's "(VPN.0515)", need no entry: the first code
 * of the message is theirs.)
 */
const MULTI_CODE: Readonly<Record<string, (rule: string, value: string) => string>> = {
  "P2C-LSN-1": (_r, v) => (v === "[]" || v === "<missing>" ? "VPN.1118" : "VPN.1105"),
  "P2C-CERT-2": (_r, v) => (v === "[]" || v === "<missing>" ? "VPN.1101" : "VPN.1111"),
  "P2C-GRP-4": (r) => (r.includes("empty") ? "VPN.1318" : "VPN.1315"),
  "P2C-GW-3": (r) => (r.includes("missing") ? "VPN.0558" : "VPN.0559"),
  "P2C-GW-4": (r) => (/\d+ given/.test(r) ? "VPN.0514" : "VPN.0515"),
  "GW-11": (r) => (r.includes("must not be given together") ? "VPN.0559" : "VPN.0558"),
};

function codeOf(issue: FieldIssue): string | undefined {
  const codes = (issue.rule.match(CODES_IN_TEXT) ?? []).filter((c) => c !== "VPN.0001" && ERROR_TABLE[c]);
  if (codes.length === 0) return undefined;
  const id = /\[(P2C-[A-Z]+-\d+);/.exec(issue.rule)?.[1] ?? /\(([A-Z]+-\d+), /.exec(issue.rule)?.[1];
  const resolve = id ? MULTI_CODE[id] : undefined;
  return resolve ? resolve(issue.rule, issue.value) : codes[0];
}

/**
 * Maps validation issues to the documented error. A rule that cites a specific code (`… (VPN.0515)`,
 * `[P2C-CIDR-2; VPN.1107]`) answers with that code and its status; everything else is
 * `VPN.0001 invalid request: <field>: <value> — <rule>`.
 */
export function validationError(issues: readonly FieldIssue[]): EmulatorError {
  const detail = formatIssues(issues);
  for (const i of issues) {
    const code = codeOf(i);
    if (!code) continue;
    const entry = ERROR_TABLE[code]!;
    const value = i.value.startsWith('"') ? i.value.slice(1, -1) : i.value;
    const message = entry.message.replace(/%s/g, value);
    return new EmulatorError(entry.status, code, `${message} (${detail})`);
  }
  return new EmulatorError(400, "VPN.0001", `invalid request: ${detail}`);
}
