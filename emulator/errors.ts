/**
 * The emulator's one error type and the documented error table (api-s2c.md §1.4, api-p2c-common.md §11:
 * ZH 7.3 / EN A.3). Models throw `EmulatorError`; the server's single error writer turns it into the Huawei body
 * `{error_code, error_msg, request_id}` with the documented HTTP status.
 */

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

/**
 * HTTP status and message of every documented code. `%s` placeholders are filled in order by `apiError`.
 * Messages are the literal `错误信息` text of the appendix.
 */
export const ERROR_TABLE: Readonly<Record<string, { status: number; message: string }>> = {
  "VPN.0001": { status: 400, message: "invalid request: %s" },
  "VPN.0002": { status: 500, message: "server error: %s" },
  "VPN.0003": { status: 403, message: "Authentication failed: %s" },
  "VPN.0004": { status: 404, message: "resource not found" },
  "VPN.0030": { status: 400, message: "The system is busy, please try later." },
  "VPN.0031": { status: 400, message: "Repeated operation." },
  "VPN.0070": { status: 400, message: "The key algorithm of the certificate %s is not supported." },
  "VPN.0071": { status: 400, message: "The signature algorithm of the certificate %s is not supported." },
  "VPN.0072": { status: 400, message: "Certificate %s has expired." },
  "VPN.0073": { status: 400, message: "Certificate %s has not taken effect." },
  "VPN.0074": { status: 400, message: "The format of the certificate %s is invalid." },
  "VPN.0075": { status: 400, message: "The content of the certificate %s is invalid." },
  "VPN.0076": { status: 400, message: "Certificate %s is not a CA certificate." },
  "VPN.0077": { status: 400, message: "Duplicate certificate: %s." },
  "VPN.0500": { status: 400, message: "VPC %s is not found." },
  "VPN.0501": { status: 400, message: "Interconnection subnet %s is not found." },
  "VPN.0502": { status: 400, message: "Interconnection subnet %s has insufficient available IP addresses." },
  "VPN.0503": { status: 400, message: "Interconnection subnet %s does not belong to the VPC %s." },
  "VPN.0504": { status: 400, message: "The number of connections exceeds the upper limit defined by the specification." },
  "VPN.0505": { status: 400, message: "Gateway resources are insufficient." },
  "VPN.0506": { status: 400, message: "The gateway is being created, please try again later." },
  "VPN.0507": { status: 400, message: "The gateway is being updated, please try again later." },
  "VPN.0508": { status: 400, message: "The gateway is being deleted." },
  "VPN.0509": { status: 404, message: "The gateway does not exist." },
  "VPN.0510": { status: 500, message: "The gateway status is abnormal." },
  "VPN.0511": { status: 500, message: "The gateway is not ready." },
  "VPN.0512": { status: 400, message: "The gateway already has an EIP bound." },
  "VPN.0513": { status: 400, message: "Insufficient gateway quota." },
  "VPN.0514": { status: 400, message: "Two AZs must be specified." },
  "VPN.0515": { status: 400, message: "Duplicate AZs." },
  "VPN.0550": { status: 400, message: "The EIP bandwidth exceeds the upper limit defined by the specification." },
  "VPN.0551": { status: 400, message: "EIP %s is not found." },
  "VPN.0552": { status: 400, message: "EIP %s is frozen." },
  "VPN.0553": { status: 400, message: "EIP %s has been bound to an instance." },
  "VPN.0554": { status: 400, message: "EIP %s does not have exclusive bandwidth." },
  "VPN.0558": { status: 400, message: "Incomplete EIP parameters." },
  "VPN.0559": { status: 400, message: "EIP parameter conflict." },
  "VPN.0560": { status: 400, message: "EIP quota not enough." },
  "VPN.0562": { status: 400, message: "The current gateway version does not support %s feature." },
  "VPN.0563": { status: 404, message: "The connection does not exists." },
  "VPN.1100": { status: 400, message: "The server certificate cannot be empty." },
  "VPN.1101": { status: 400, message: "At least one client CA certificate is required." },
  "VPN.1102": { status: 400, message: "The number of servers exceeds the upper limit." },
  "VPN.1103": { status: 400, message: "CIDR block %s is invalid." },
  "VPN.1104": { status: 400, message: "CIDR block %s is unavailable." },
  "VPN.1105": { status: 400, message: "The number of local subnets exceeds the upper limit." },
  "VPN.1106": { status: 400, message: "Duplicate local subnet: %s." },
  "VPN.1107": { status: 400, message: "The mask length of the client CIDR block must in the range of 16 to 26." },
  "VPN.1108": {
    status: 400,
    message:
      "The number of IP addresses in the client CIDR block is less than the number of IP addresses required by gateway connections.",
  },
  "VPN.1109": { status: 400, message: "The client CIDR block conflicts with the VPC route %s." },
  "VPN.1110": { status: 400, message: "The status of server certificate %s is abnormal." },
  "VPN.1111": { status: 400, message: "The number of client CA certificates exceeds the upper limit." },
  "VPN.1112": { status: 400, message: "Server certificate %s is not found." },
  "VPN.1113": { status: 400, message: "The server is being created, please try again later." },
  "VPN.1114": { status: 400, message: "The server is being updated, please try again later." },
  "VPN.1115": { status: 404, message: "Client CA certificate %s does not exist." },
  "VPN.1116": { status: 404, message: "The server does not exist." },
  "VPN.1117": { status: 500, message: "The server status is abnormal." },
  "VPN.1118": { status: 400, message: "The local CIDR block cannot be empty." },
  "VPN.1119": { status: 400, message: "The client CIDR block conflicts with the local CIDR block %s." },
  "VPN.1121": { status: 400, message: "Gateway not bind eip." },
  "VPN.1122": { status: 400, message: "There are users on the server. Delete them first." },
  "VPN.1123": { status: 400, message: "There are user groups on the server. Delete them first." },
  "VPN.1124": { status: 400, message: "There are access policies on the server. Delete them first." },
  "VPN.1125": { status: 400, message: "There are client CA certificates on the server. Delete them first." },
  "VPN.1300": { status: 400, message: "The user group name already exists." },
  "VPN.1301": { status: 404, message: "The user group does not exist." },
  "VPN.1302": { status: 400, message: "The username already exists." },
  "VPN.1303": { status: 404, message: "The user does not exist." },
  "VPN.1304": { status: 400, message: "The user %s has been added to another user group." },
  "VPN.1305": { status: 400, message: "The user %s is not in the current user group." },
  "VPN.1306": { status: 400, message: "The number of user groups exceeds the upper limit (50)." },
  "VPN.1307": { status: 400, message: "The number of users exceeds the upper limit." },
  "VPN.1308": { status: 400, message: "The password complexity does not meet requirements." },
  "VPN.1309": { status: 400, message: "The password cannot be the username or the reverse of the username." },
  "VPN.1310": { status: 400, message: "The password contains invalid characters." },
  "VPN.1311": { status: 400, message: "The new password cannot be the same as the old one." },
  "VPN.1312": { status: 400, message: "The old password is incorrect." },
  "VPN.1313": {
    status: 400,
    message: "The user group has been associated with an access policy. Delete the access policy first.",
  },
  "VPN.1314": { status: 400, message: "The password is weak." },
  "VPN.1315": { status: 400, message: "Duplicate user %s." },
  "VPN.1316": { status: 400, message: "Operations on the default user group are not allowed." },
  "VPN.1317": { status: 400, message: "The username is unavailable." },
  "VPN.1318": { status: 400, message: "User list is empty." },
  "VPN.1400": { status: 400, message: "The number of access policies exceeds the upper limit (100)." },
  "VPN.1401": { status: 400, message: "The access policy does not exist." },
  "VPN.1402": { status: 400, message: "The number of destination CIDR blocks exceeds the upper limit." },
  "VPN.1403": { status: 400, message: "The destination CIDR block %s is invalid." },
  "VPN.1404": { status: 400, message: "Duplicate destination CIDR block %s" },
  "VPN.1801": { status: 400, message: "You have orders in progress and cannot perform the current operation." },
  // API Gateway layer (signing.md §12; api-p2c-common.md §2.7).
  "APIGW.0301": { status: 401, message: "Incorrect IAM authentication information: %s" },
  "APIGW.0101": { status: 404, message: "The API does not exist or has not been published in the environment" },
  "APIGW.0308": { status: 429, message: "The throttling threshold has been reached: %s" },
};

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
