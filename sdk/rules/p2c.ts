/**
 * Point-to-cloud (P2C) constraints as pure rules (api-p2c-common.md §12), shared by the zod schemas (which call the
 * mandatory ones in `superRefine`), the emulator and the policy pack (which also reads the advisory ones).
 *
 * A rule reads one field of a resource's wire object (the inside of the request wrapper, snake_case names) and
 * returns `{ path, message }` issues. Messages state the rule in the docs' terms and never contain the checked
 * value, so a password can't leak through them. Rules ignore a value of the wrong type: that is the schema's job.
 * The registry `p2cRules` follows the shared rule model of ./common; run a kind's rules with `runRules`.
 */
import {
  isRecord,
  runRules,
  type Rule,
  type RuleContext,
  type RuleIssue,
  type RulePath,
  type RuleScope,
  type RuleSeverity,
} from "./common";
import { cidrContains, cidrSize, cidrsOverlap, formatIpv4, normalizeCidr, parseCidr, parseIpv4 } from "./net";

/** Resource kinds the rules read (keys of `p2cKinds`). */
export type P2cRuleKind =
  "p2cVpnGateway" | "vpnServer" | "clientCaCertificate" | "vpnUser" | "vpnUserGroup" | "vpnAccessPolicy";

/** Facts from related resources; rules that need one (scope `cross`) skip when it is absent. */
export interface P2cRuleContext extends RuleContext {
  /** `client_cidr` of the VPN server (static IP rules). */
  readonly clientCidr?: string;
  /** `max_connection_number` of the P2C gateway (client CIDR size rule). */
  readonly maxConnectionNumber?: number;
  /** `local_subnets` of the VPN server (client CIDR conflict on update, access policy destinations). */
  readonly localSubnets?: readonly string[];
  /** Static IPs already held by the server's other users. */
  readonly otherStaticIps?: readonly string[];
}

/** A P2C rule: the shared `Rule` (sdk/rules/common.ts) plus a value-level check for reuse on other fields. */
export interface P2cRule extends Rule {
  readonly kind: P2cRuleKind;
  /** Checks a resource's wire object; paths start at that object (`["password"]`, `["local_subnets", 2]`). */
  readonly check: (body: unknown, ctx?: P2cRuleContext) => RuleIssue[];
  /** Checks one value of `field`; `body` supplies sibling fields. Paths start at the value. */
  readonly checkValue: (value: unknown, body?: unknown, ctx?: P2cRuleContext) => RuleIssue[];
}

/** A finding of a rule's test: where (relative to the value) and an optional non-secret detail. */
interface Finding {
  readonly path?: RulePath;
  readonly detail?: string;
  /** The documented error code of this finding, when it differs from the rule's `code`. */
  readonly code?: string;
}

interface RuleDef<V> {
  readonly id: string;
  readonly kind: P2cRuleKind;
  readonly field: string;
  readonly doc: string;
  readonly description: string;
  readonly severity: RuleSeverity;
  /**
   * The documented error code the API answers a violation with (the one `doc` cites); absent = the generic
   * `VPN.0001`. A finding may name another code (rules that cite several).
   */
  readonly code?: string;
  /** `cross` when the rule needs a fact from the context; default `static`. */
  readonly scope?: RuleScope;
  /** Type guard: values it rejects are skipped. Accept `undefined` for "required when…" rules. */
  readonly accepts: (value: unknown) => value is V;
  /** `true` = fine, `false` = one finding at the value, or a list of findings. */
  readonly test: (value: V, body: Readonly<Record<string, unknown>>, ctx: P2cRuleContext) => boolean | Finding[];
}

const asRecord = (v: unknown): Readonly<Record<string, unknown>> => (isRecord(v) ? v : {});

function ruleMessage(def: { id: string; doc: string; description: string }, detail?: string): string {
  return `${def.description}${detail ? ` (${detail})` : ""} [${def.id}; ${def.doc}]`;
}

function defineRule<V>(def: RuleDef<V>): P2cRule {
  const checkValue = (value: unknown, body?: unknown, ctx?: P2cRuleContext): RuleIssue[] => {
    if (!def.accepts(value)) return [];
    const r = def.test(value, asRecord(body), ctx ?? {});
    const findings = r === true ? [] : r === false ? [{}] : r;
    return findings.map((f) => {
      const code = f.code ?? def.code;
      return { path: f.path ?? [], message: ruleMessage(def, f.detail), ruleId: def.id, ...(code ? { code } : {}) };
    });
  };
  return {
    id: def.id,
    kind: def.kind,
    field: def.field,
    doc: def.doc,
    description: def.description,
    severity: def.severity,
    scope: def.scope ?? "static",
    checkValue,
    check: (body, ctx) => {
      const rec = asRecord(body);
      return checkValue(rec[def.field], rec, ctx).map((i) => ({ ...i, path: [def.field, ...i.path] }));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Type guards

const isString = (v: unknown): v is string => typeof v === "string";
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isArray = (v: unknown): v is readonly unknown[] => Array.isArray(v);
const isAnything = (_v: unknown): _v is unknown => true;

/** Findings for the string items of a list that fail `ok`. */
function eachString(list: readonly unknown[], ok: (s: string) => boolean | string | undefined): Finding[] {
  const out: Finding[] = [];
  list.forEach((item, i) => {
    if (typeof item !== "string") return;
    const r = ok(item);
    if (r === false) out.push({ path: [i] });
    else if (typeof r === "string") out.push({ path: [i], detail: r });
  });
  return out;
}

/** Findings for later duplicates in a list, compared by `keyOf` (undefined keys are skipped). */
function duplicates(
  list: readonly unknown[],
  keyOf: (item: unknown) => string | undefined,
  path: (i: number) => RulePath,
): Finding[] {
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  list.forEach((item, i) => {
    const k = keyOf(item);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first !== undefined) out.push({ path: path(i), detail: `same as item ${first}` });
    else seen.set(k, i);
  });
  return out;
}

/** Test of a list that must not be empty and must not repeat a `key` of its items (`[i, key]` on a repeat). */
function nonEmptyUniqueBy(
  key: string,
  codes: { empty: string; duplicate: string },
): (list: readonly unknown[]) => Finding[] {
  return (list) =>
    list.length === 0
      ? [{ detail: "the list is empty", code: codes.empty }]
      : duplicates(
          list,
          (item) => (isRecord(item) && isString(item[key]) ? item[key] : undefined),
          (i) => [i, key],
        ).map((f) => ({ ...f, code: codes.duplicate }));
}

/** Test of a list of CIDR blocks that must not repeat a block (compared in network form). */
function uniqueCidrs(list: readonly unknown[]): Finding[] {
  return duplicates(
    list,
    (s) => (isString(s) ? normalizeCidr(s) : undefined),
    (i) => [i],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Pure predicates (exported for the emulator, which has stored state the rules don't)

/** Password special characters (§12.1, canonical list) and the space. */
export const PASSWORD_SPECIALS = "`~!@#$%^&*()-_=+\\|[{}];:'\",<.>/? ";
const SPECIAL_SET = new Set(PASSWORD_SPECIALS);

export function passwordLengthOk(pwd: string): boolean {
  return pwd.length >= 8 && pwd.length <= 32;
}

/** True when every character is a letter, a digit, a documented special character or a space (VPN.1310). */
export function passwordCharsOk(pwd: string): boolean {
  return [...pwd].every((c) => /[A-Za-z0-9]/.test(c) || SPECIAL_SET.has(c));
}

/** Number of character classes present: upper case, lower case, digits, special characters (space included). */
export function passwordClassCount(pwd: string): number {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/];
  let n = classes.filter((re) => re.test(pwd)).length;
  if ([...pwd].some((c) => SPECIAL_SET.has(c))) n++;
  return n;
}

const reverse = (s: string) => [...s].reverse().join("");

/** True when the password equals the username or the username reversed (VPN.1309, field wording). */
export function isUsernameOrReverse(pwd: string, username: string): boolean {
  return username.length > 0 && (pwd === username || pwd === reverse(username));
}

/** True when the password contains the username or its reverse, ignoring case (VPN.1309 handling wording). */
export function containsUsername(pwd: string, username: string): boolean {
  if (username.length === 0) return false;
  const p = pwd.toLowerCase();
  const u = username.toLowerCase();
  return p.includes(u) || p.includes(reverse(u));
}

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{4,32}$/;
/** Letters, digits, Chinese characters and `_`; `-` too, which the docs' own update example uses. */
export const USER_DESCRIPTION_PATTERN = /^[A-Za-z0-9\u4e00-\u9fa5_-]{0,64}$/;
/**
 * Group name: the union of the editions (CN: Chinese, letters, digits, specials including a space — ZH 4.2.3.10
 * lists "`~!@#$%^&*()-_+=+ [{}];:","<>/?"; EN update: letters, digits, specials; no `.`).
 */
export const GROUP_NAME_PATTERN = /^[A-Za-z0-9\u4e00-\u9fa5`~!@#$%^&*()\-_=+\\|[{}\];:'",<>/? ]{1,64}$/;
/** Group description: as the name, plus `.` (EN); spaces as in the docs' own default group, "Default user group" (EN 4.2.3.11). */
export const GROUP_DESCRIPTION_PATTERN = /^[A-Za-z0-9\u4e00-\u9fa5`~!@#$%^&*()\-_=+\\|[{}\];:'",<.>/? ]{0,64}$/;
/** EN 4.2.3.10 create wording, the strictest: letters, digits, `_`, `-`. */
export const GROUP_NAME_STRICT_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** P2C gateway and client CA certificate names: digits, letters, Chinese (ZH only), `_`, `-`; no `.`. */
export const P2C_NAME_PATTERN = /^[0-9A-Za-z\u4e00-\u9fa5_-]{1,64}$/;

export const PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
export const PEM_END = "-----END CERTIFICATE-----";
/** PEM framing of a certificate (VPN.0074). The docs' examples mask the base64 body, so it is not decoded. */
export function isPemCertificate(content: string): boolean {
  const t = content.trim();
  return t.startsWith(PEM_BEGIN) && t.endsWith(PEM_END) && t.length > PEM_BEGIN.length + PEM_END.length;
}

/** Ranges a client CIDR may not use (VPN.1104). */
export const CLIENT_CIDR_RESERVED = [
  "0.0.0.0/8",
  "127.0.0.0/8",
  "224.0.0.0/4",
  "240.0.0.0/4",
  "169.254.0.0/16",
] as const;
/** Ranges a local subnet may not use (169.254.0.0/16 is not listed for local subnets). */
export const LOCAL_SUBNET_RESERVED = ["0.0.0.0/8", "127.0.0.0/8", "224.0.0.0/4", "240.0.0.0/4"] as const;
export const CLIENT_CIDR_MIN_PREFIX = 16;
export const CLIENT_CIDR_MAX_PREFIX = 26;
export const MAX_LOCAL_SUBNETS = 20;
/** ZH 4.2.2.3 (update) and the ZH VPN.1105 handling text say 10. */
export const MAX_LOCAL_SUBNETS_ZH_UPDATE = 10;
export const MAX_CLIENT_CA_CERTIFICATES = 10;
export const MAX_DNS_SERVERS = 2;
export const MAX_DEST_IP_CIDRS = 10;
export const MIN_MAX_CONNECTIONS = 1;
export const MAX_MAX_CONNECTIONS = 500;
export const MIN_EIP_BANDWIDTH = 1;
export const MAX_EIP_BANDWIDTH = 1000;

/** The first reserved range `cidr` overlaps, if any. */
export function reservedOverlap(cidr: string, reserved: readonly string[]): string | undefined {
  return reserved.find((r) => cidrsOverlap(cidr, r));
}

/** Client CIDR size rule: more addresses than four times the gateway's maximum connections (VPN.1108). */
export function clientCidrLargeEnough(cidr: string, maxConnections: number): boolean {
  return cidrSize(cidr) > 4 * maxConnections;
}

/** Static IP: the first host of a /30 block (`192.168.10.5` in `192.168.10.4/30`). */
export function isFirstHostOf30(ip: string): boolean {
  const n = parseIpv4(ip);
  return n !== undefined && (n & 3) === 1;
}

/** The client CIDR's gateway address (its first host), which no user may take. */
export function clientCidrGatewayIp(clientCidr: string): string | undefined {
  const c = parseCidr(clientCidr);
  return c && formatIpv4(c.network + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Passwords (§12.1). The rules read `password`; schemas also apply them to `new_password` and `users[].password`.

const PWD_DOC = "EN 4.2.3.1, 4.2.3.2, 4.2.3.8, 4.2.3.9 / ZH 4.2.3.1, 4.2.3.6, 4.2.3.7";

export const passwordLength = defineRule({
  id: "P2C-PWD-1",
  kind: "vpnUser",
  field: "password",
  doc: PWD_DOC,
  severity: "mandatory",
  description: "must be 8-32 characters",
  accepts: isString,
  test: passwordLengthOk,
});

export const passwordCharacters = defineRule({
  id: "P2C-PWD-2",
  kind: "vpnUser",
  field: "password",
  doc: `${PWD_DOC} / VPN.1310`,
  code: "VPN.1310",
  severity: "mandatory",
  description:
    "may contain only upper case letters, lower case letters, digits, spaces and the special characters `~!@#$%^&*()-_=+\\|[{}];:'\",<.>/?",
  accepts: isString,
  test: passwordCharsOk,
});

export const passwordComplexity = defineRule({
  id: "P2C-PWD-3",
  kind: "vpnUser",
  field: "password",
  doc: `${PWD_DOC} / VPN.1308`,
  code: "VPN.1308",
  severity: "mandatory",
  description:
    "must contain at least two of: upper case letters, lower case letters, digits, special characters (spaces count as special)",
  accepts: isString,
  test: (pwd) => passwordClassCount(pwd) >= 2,
});

export const passwordNotUsername = defineRule({
  id: "P2C-PWD-4",
  kind: "vpnUser",
  field: "password",
  doc: "EN 4.2.3.1 / VPN.1309",
  code: "VPN.1309",
  severity: "mandatory",
  description: "cannot be the username or the username reversed",
  accepts: isString,
  test: (pwd, body) => !(isString(body.name) && isUsernameOrReverse(pwd, body.name)),
});

export const passwordWithoutUsername = defineRule({
  id: "P2C-PWD-5",
  kind: "vpnUser",
  field: "password",
  doc: "VPN.1309 handling: 'Enter a password that does not contain the username or the reverse of the username'",
  code: "VPN.1309",
  severity: "advisory",
  description: "should not contain the username or the username reversed, in any letter case",
  accepts: isString,
  test: (pwd, body) => !(isString(body.name) && containsUsername(pwd, body.name)),
});

export const passwordStrength = defineRule({
  id: "P2C-PWD-6",
  kind: "vpnUser",
  field: "password",
  doc: "api-p2c-common.md §12.1 advice (the service minimum of 8 characters and 2 classes is weak)",
  severity: "advisory",
  description: "should be at least 12 characters with at least three character classes",
  accepts: isString,
  test: (pwd) => pwd.length >= 12 && passwordClassCount(pwd) >= 3,
});

export const newPasswordDiffers = defineRule({
  id: "P2C-PWD-7",
  kind: "vpnUser",
  field: "new_password",
  doc: "ZH 4.2.3.6 / EN 4.2.3.8 / VPN.1311",
  code: "VPN.1311",
  severity: "mandatory",
  description: "the new password cannot be the same as the old one",
  accepts: isString,
  test: (pwd, body) => !(isString(body.old_password) && body.old_password === pwd),
});

// ---------------------------------------------------------------------------------------------------------------
// Users (§12.2)

export const userName = defineRule({
  id: "P2C-USR-1",
  kind: "vpnUser",
  field: "name",
  doc: "ZH/EN 4.2.3.1, EN 4.2.3.2",
  severity: "mandatory",
  description: "must be 4-32 characters: letters, digits, periods (.), underscores (_) and hyphens (-)",
  accepts: isString,
  test: (s) => USERNAME_PATTERN.test(s),
});

export const userDescription = defineRule({
  id: "P2C-USR-2",
  kind: "vpnUser",
  field: "description",
  doc: "ZH 4.2.3.1, 4.2.3.4 / EN 4.2.3.1, 4.2.3.5",
  severity: "mandatory",
  description:
    "must be 0-64 characters: letters, digits, Chinese characters and underscores (_) (hyphens are accepted as in the docs' examples)",
  accepts: isString,
  test: (s) => USER_DESCRIPTION_PATTERN.test(s),
});

/** `users: [{ name, … }]` of batch create. */
export const batchUserNames = defineRule({
  id: "P2C-USR-3",
  kind: "vpnUser",
  field: "users",
  doc: 'EN 4.2.3.2 / VPN.1315; VPN.1318 ("User list is empty.", EN 4.2.3.7)',
  severity: "mandatory",
  description: "must list at least one user, each username once",
  accepts: isArray,
  test: nonEmptyUniqueBy("name", { empty: "VPN.1318", duplicate: "VPN.1315" }),
});

const SIP_DOC = "EN 4.2.3.1, 4.2.3.2, 4.2.3.5";

export const staticIpFormat = defineRule({
  id: "P2C-SIP-1",
  kind: "vpnUser",
  field: "static_ip",
  doc: SIP_DOC,
  severity: "mandatory",
  description: 'must be "disable" or an IPv4 address in dotted decimal notation (for example, 192.168.0.5)',
  accepts: isString,
  test: (s) => s === "disable" || parseIpv4(s) !== undefined,
});

const isStaticAddress = (v: unknown): v is string => isString(v) && v !== "disable" && parseIpv4(v) !== undefined;

export const staticIpFirstHost = defineRule({
  id: "P2C-SIP-2",
  kind: "vpnUser",
  field: "static_ip",
  doc: SIP_DOC,
  severity: "mandatory",
  description:
    "must be the first host address of a block with a 30-bit mask (for 192.168.10.4/30 only 192.168.10.5 can be used)",
  accepts: isStaticAddress,
  test: isFirstHostOf30,
});

export const staticIpInClientCidr = defineRule({
  id: "P2C-SIP-3",
  kind: "vpnUser",
  field: "static_ip",
  doc: SIP_DOC,
  severity: "mandatory",
  scope: "cross",
  description: "must be within the client CIDR block of the VPN server",
  accepts: isStaticAddress,
  test: (ip, _b, ctx) => ctx.clientCidr === undefined || cidrContains(ctx.clientCidr, ip),
});

export const staticIpNotGateway = defineRule({
  id: "P2C-SIP-4",
  kind: "vpnUser",
  field: "static_ip",
  doc: SIP_DOC,
  severity: "mandatory",
  scope: "cross",
  description:
    "cannot be the gateway address of the client CIDR block (for 192.168.0.0/24, 192.168.0.1 cannot be used)",
  accepts: isStaticAddress,
  test: (ip, _b, ctx) => ctx.clientCidr === undefined || clientCidrGatewayIp(ctx.clientCidr) !== ip,
});

export const staticIpUnique = defineRule({
  id: "P2C-SIP-5",
  kind: "vpnUser",
  field: "static_ip",
  doc: SIP_DOC,
  severity: "mandatory",
  scope: "cross",
  description: "cannot be the same as the IP address of another user",
  accepts: isStaticAddress,
  test: (ip, _b, ctx) => !(ctx.otherStaticIps ?? []).includes(ip),
});

// ---------------------------------------------------------------------------------------------------------------
// User groups (§12.3)

export const groupName = defineRule({
  id: "P2C-GRP-1",
  kind: "vpnUserGroup",
  field: "name",
  doc: "ZH 4.2.3.8, 4.2.3.11 / EN 4.2.3.10, 4.2.3.13",
  severity: "mandatory",
  description:
    "must be 1-64 characters: letters, digits, Chinese characters and the special characters `~!@#$%^&*()-_=+\\|[{}];:'\",<>/?",
  accepts: isString,
  test: (s) => GROUP_NAME_PATTERN.test(s),
});

export const groupDescription = defineRule({
  id: "P2C-GRP-2",
  kind: "vpnUserGroup",
  field: "description",
  doc: "ZH 4.2.3.8, 4.2.3.11 / EN 4.2.3.10, 4.2.3.13",
  severity: "mandatory",
  description:
    "must be 0-64 characters: letters, digits, Chinese characters, spaces and the special characters `~!@#$%^&*()-_=+\\|[{}];:'\",<.>/?",
  accepts: isString,
  test: (s) => GROUP_DESCRIPTION_PATTERN.test(s),
});

export const groupNameStrict = defineRule({
  id: "P2C-GRP-3",
  kind: "vpnUserGroup",
  field: "name",
  doc: "EN 4.2.3.10 (create), EN 4.2.3.2 (user_group_name)",
  severity: "advisory",
  description: "should use only letters, digits, underscores (_) and hyphens (-), the EN create wording",
  accepts: isString,
  test: (s) => GROUP_NAME_STRICT_PATTERN.test(s),
});

/** `users: [{ id }]` of add-users, remove-users and batch-delete. */
export const userRefList = defineRule({
  id: "P2C-GRP-4",
  kind: "vpnUserGroup",
  field: "users",
  doc: "EN 4.2.3.7, 4.2.3.15, 4.2.3.16 / VPN.1318, VPN.1315",
  severity: "mandatory",
  description: "must list at least one user, each user once",
  accepts: isArray,
  test: nonEmptyUniqueBy("id", { empty: "VPN.1318", duplicate: "VPN.1315" }),
});

// ---------------------------------------------------------------------------------------------------------------
// Server: client CIDR (§12.5)

const CIDR_DOC = "ZH/EN 4.2.2.1, 4.2.2.3";

export const clientCidrFormat = defineRule({
  id: "P2C-CIDR-1",
  kind: "vpnServer",
  field: "client_cidr",
  doc: `${CIDR_DOC} / VPN.1103`,
  code: "VPN.1103",
  severity: "mandatory",
  description: "must be an IPv4 CIDR block in dotted decimal/mask notation, for example 192.168.1.0/24",
  accepts: isString,
  test: (s) => parseCidr(s) !== undefined,
});

const isCidrString = (v: unknown): v is string => isString(v) && parseCidr(v) !== undefined;

export const clientCidrPrefix = defineRule({
  id: "P2C-CIDR-2",
  kind: "vpnServer",
  field: "client_cidr",
  doc: "VPN.1107",
  code: "VPN.1107",
  severity: "mandatory",
  description: `the mask length of the client CIDR block must be in the range of ${CLIENT_CIDR_MIN_PREFIX} to ${CLIENT_CIDR_MAX_PREFIX}`,
  accepts: isCidrString,
  test: (s) => {
    const p = parseCidr(s)!.prefix;
    return p >= CLIENT_CIDR_MIN_PREFIX && p <= CLIENT_CIDR_MAX_PREFIX;
  },
});

export const clientCidrReserved = defineRule({
  id: "P2C-CIDR-3",
  kind: "vpnServer",
  field: "client_cidr",
  doc: `${CIDR_DOC} / VPN.1104`,
  code: "VPN.1104",
  severity: "mandatory",
  description: `the client CIDR block cannot use ${CLIENT_CIDR_RESERVED.join(", ")}`,
  accepts: isCidrString,
  test: (s) => {
    const r = reservedOverlap(s, CLIENT_CIDR_RESERVED);
    return r === undefined ? true : [{ detail: `overlaps ${r}` }];
  },
});

export const clientCidrVsLocalSubnets = defineRule({
  id: "P2C-CIDR-4",
  kind: "vpnServer",
  field: "client_cidr",
  doc: `${CIDR_DOC} / VPN.1119`,
  code: "VPN.1119",
  severity: "mandatory",
  description: "the client CIDR block cannot conflict with any local CIDR block of the server",
  accepts: isCidrString,
  test: (s, body, ctx) => {
    const locals = isArray(body.local_subnets) ? body.local_subnets : (ctx.localSubnets ?? []);
    const hit = locals.find((l) => isString(l) && cidrsOverlap(s, l));
    return hit === undefined ? true : [{ detail: `conflicts with ${String(hit)}` }];
  },
});

export const clientCidrSize = defineRule({
  id: "P2C-CIDR-5",
  kind: "vpnServer",
  field: "client_cidr",
  doc: `${CIDR_DOC} / VPN.1108`,
  code: "VPN.1108",
  severity: "mandatory",
  scope: "cross",
  description:
    "the number of IP addresses in the client CIDR block must be greater than four times the maximum number of gateway connections",
  accepts: isCidrString,
  test: (s, _b, ctx) =>
    ctx.maxConnectionNumber === undefined || clientCidrLargeEnough(s, ctx.maxConnectionNumber)
      ? true
      : [{ detail: `${cidrSize(s)} addresses, ${ctx.maxConnectionNumber} connections` }],
});

export const clientCidrNetworkAddress = defineRule({
  id: "P2C-CIDR-6",
  kind: "vpnServer",
  field: "client_cidr",
  doc: "api-p2c-common.md §12.5 (the docs' examples set host bits: 172.16.0.1/24)",
  severity: "advisory",
  description: "should be written as its network address (no host bits set)",
  accepts: isCidrString,
  test: (s) => (normalizeCidr(s) === s ? true : [{ detail: `network form is ${normalizeCidr(s)}` }]),
});

// ---------------------------------------------------------------------------------------------------------------
// Server: local subnets (§12.6)

export const localSubnetCount = defineRule({
  id: "P2C-LSN-1",
  kind: "vpnServer",
  field: "local_subnets",
  doc: "EN 4.2.2.1, 4.2.2.3 / VPN.1118, VPN.1105",
  severity: "mandatory",
  description: `there must be at least one local CIDR block and at most ${MAX_LOCAL_SUBNETS}`,
  accepts: isArray,
  test: (list) =>
    list.length === 0 ? [{ code: "VPN.1118" }] : list.length > MAX_LOCAL_SUBNETS ? [{ code: "VPN.1105" }] : true,
});

export const localSubnetFormat = defineRule({
  id: "P2C-LSN-2",
  kind: "vpnServer",
  field: "local_subnets",
  doc: "ZH/EN 4.2.2.1 / VPN.1103",
  code: "VPN.1103",
  severity: "mandatory",
  description: "each local CIDR block must be an IPv4 CIDR block such as 10.10.1.0/24",
  accepts: isArray,
  test: (list) => eachString(list, (s) => parseCidr(s) !== undefined),
});

export const localSubnetReserved = defineRule({
  id: "P2C-LSN-3",
  kind: "vpnServer",
  field: "local_subnets",
  doc: "ZH/EN 4.2.2.1, 4.2.2.3 / VPN.1104",
  code: "VPN.1104",
  severity: "mandatory",
  description: `a local CIDR block cannot use ${LOCAL_SUBNET_RESERVED.join(", ")}`,
  accepts: isArray,
  test: (list) =>
    eachString(list, (s) => {
      if (parseCidr(s) === undefined) return true;
      const r = reservedOverlap(s, LOCAL_SUBNET_RESERVED);
      return r === undefined ? true : `overlaps ${r}`;
    }),
});

export const localSubnetDuplicates = defineRule({
  id: "P2C-LSN-4",
  kind: "vpnServer",
  field: "local_subnets",
  doc: "VPN.1106",
  code: "VPN.1106",
  severity: "mandatory",
  description: "local CIDR blocks cannot be duplicated",
  accepts: isArray,
  test: uniqueCidrs,
});

export const localSubnetZhLimit = defineRule({
  id: "P2C-LSN-5",
  kind: "vpnServer",
  field: "local_subnets",
  doc: "ZH 4.2.2.3 and ZH VPN.1105 handling ('请输入10个或更少的本端网段')",
  code: "VPN.1105",
  severity: "advisory",
  description: `should have at most ${MAX_LOCAL_SUBNETS_ZH_UPDATE} local CIDR blocks, the Chinese edition's update limit`,
  accepts: isArray,
  test: (list) => list.length <= MAX_LOCAL_SUBNETS_ZH_UPDATE,
});

// ---------------------------------------------------------------------------------------------------------------
// Server: certificates, authentication, SSL options, DNS (§12.7)

const usesSsl = (body: Readonly<Record<string, unknown>>) =>
  body.tunnel_protocol === undefined || body.tunnel_protocol === "SSL";

export const serverCertificateRequired = defineRule({
  id: "P2C-CERT-1",
  kind: "vpnServer",
  field: "server_certificate",
  doc: "ZH/EN 4.2.2.1 / VPN.1100",
  code: "VPN.1100",
  severity: "mandatory",
  description: "the server certificate is mandatory when SSL is the tunnel protocol",
  accepts: isAnything,
  test: (v, body) => !usesSsl(body) || v !== undefined,
});

export const clientCaRequiredForCert = defineRule({
  id: "P2C-CERT-2",
  kind: "vpnServer",
  field: "client_ca_certificates",
  doc: "ZH/EN 4.2.2.1 / VPN.1101, VPN.1111",
  severity: "mandatory",
  description: `with certificate authentication (CERT), at least one and at most ${MAX_CLIENT_CA_CERTIFICATES} client CA certificates are required`,
  accepts: isAnything,
  test: (v, body) => {
    if (isArray(v) && v.length > MAX_CLIENT_CA_CERTIFICATES) return [{ code: "VPN.1111" }];
    if (body.client_auth_type !== "CERT") return true;
    return isArray(v) && v.length >= 1 ? true : [{ code: "VPN.1101" }];
  },
});

const pemFinding = (s: string) => isPemCertificate(s);

export const clientCaContentsPem = defineRule({
  id: "P2C-CERT-3",
  kind: "vpnServer",
  field: "client_ca_certificates",
  doc: "ZH/EN 4.2.2.1 / VPN.0074",
  code: "VPN.0074",
  severity: "mandatory",
  description: `certificate content must be PEM: ${PEM_BEGIN} … ${PEM_END}`,
  accepts: isArray,
  test: (list) =>
    list.flatMap((c, i) =>
      isRecord(c) && isString(c.content) && !pemFinding(c.content) ? [{ path: [i, "content"] }] : [],
    ),
});

export const clientCaNames = defineRule({
  id: "P2C-CERT-4",
  kind: "vpnServer",
  field: "client_ca_certificates",
  doc: "ZH/EN 4.2.2.1",
  severity: "mandatory",
  description: "a certificate name must be 1-64 characters: digits, letters, Chinese characters, _ and -",
  accepts: isArray,
  test: (list) =>
    list.flatMap((c, i) =>
      isRecord(c) && isString(c.name) && !P2C_NAME_PATTERN.test(c.name) ? [{ path: [i, "name"] }] : [],
    ),
});

export const clientCaDuplicates = defineRule({
  id: "P2C-CERT-5",
  kind: "vpnServer",
  field: "client_ca_certificates",
  doc: "VPN.0077",
  code: "VPN.0077",
  severity: "mandatory",
  description: "client CA certificates cannot be duplicated",
  accepts: isArray,
  test: (list) =>
    duplicates(
      list,
      (c) => (isRecord(c) && isString(c.content) ? c.content.trim() : undefined),
      (i) => [i, "content"],
    ),
});

export const clientCaOnlyForCert = defineRule({
  id: "P2C-CERT-6",
  kind: "vpnServer",
  field: "client_ca_certificates",
  doc: "ZH/EN 4.2.2.1 (client CA certificates authenticate client certificates)",
  severity: "advisory",
  description: "client CA certificates are used only with certificate authentication (CERT)",
  accepts: isArray,
  test: (list, body) => list.length === 0 || body.client_auth_type === "CERT",
});

export const sslOptionsRequired = defineRule({
  id: "P2C-SSL-1",
  kind: "vpnServer",
  field: "ssl_options",
  doc: "ZH/EN 4.2.2.1",
  severity: "mandatory",
  description: "ssl_options is mandatory when SSL is the tunnel protocol",
  accepts: isAnything,
  test: (v, body) => !usesSsl(body) || v !== undefined,
});

export const sslStrongCipher = defineRule({
  id: "P2C-SSL-2",
  kind: "vpnServer",
  field: "ssl_options",
  doc: "api-p2c-common.md §12.7 advice",
  severity: "advisory",
  description: "encryption_algorithm should be AES-256-GCM",
  accepts: isRecord,
  test: (o) => (o.encryption_algorithm === "AES-256-GCM" ? true : [{ path: ["encryption_algorithm"] }]),
});

export const sslNoCompression = defineRule({
  id: "P2C-SSL-3",
  kind: "vpnServer",
  field: "ssl_options",
  doc: "api-p2c-common.md §12.7 advice (compression inside TLS/VPN tunnels leaks data, e.g. VORACLE)",
  severity: "advisory",
  description: "is_compressed should be false",
  accepts: isRecord,
  test: (o) => (o.is_compressed === true ? [{ path: ["is_compressed"] }] : true),
});

export const certificateAuthentication = defineRule({
  id: "P2C-AUTH-1",
  kind: "vpnServer",
  field: "client_auth_type",
  doc: "api-p2c-common.md §12.7 advice",
  severity: "advisory",
  description: "client_auth_type should be CERT (certificate authentication) rather than LOCAL_PASSWORD",
  accepts: isString,
  test: (s) => s === "CERT",
});

export const dnsServers = defineRule({
  id: "P2C-DNS-1",
  kind: "vpnServer",
  field: "dns_servers",
  doc: "EN 4.2.2.1, 4.2.2.3",
  severity: "mandatory",
  description: `a maximum of ${MAX_DNS_SERVERS} DNS servers in dotted decimal notation, for example 172.16.1.1`,
  accepts: isArray,
  test: (list) => [
    ...(list.length > MAX_DNS_SERVERS ? [{ detail: `${list.length} given` }] : []),
    ...eachString(list, (s) => parseIpv4(s) !== undefined),
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// Client CA certificate resource (C1, C2, C4)

export const clientCaContentPem = defineRule({
  id: "P2C-CA-1",
  kind: "clientCaCertificate",
  field: "content",
  doc: "ZH/EN 4.2.2.6, 4.2.2.7 / VPN.0074",
  code: "VPN.0074",
  severity: "mandatory",
  description: `certificate content must be PEM: ${PEM_BEGIN} … ${PEM_END}`,
  accepts: isString,
  test: pemFinding,
});

export const clientCaName = defineRule({
  id: "P2C-CA-2",
  kind: "clientCaCertificate",
  field: "name",
  doc: "ZH/EN 4.2.2.6, 4.2.2.7, 4.2.2.9",
  severity: "mandatory",
  description: "must be 1-64 characters: digits, letters, Chinese characters, _ and -",
  accepts: isString,
  test: (s) => P2C_NAME_PATTERN.test(s),
});

// ---------------------------------------------------------------------------------------------------------------
// Access policies (§12.8)

const POL_DOC = "ZH/EN 4.2.4.1, 4.2.4.4";

export const destCidrCount = defineRule({
  id: "P2C-POL-1",
  kind: "vpnAccessPolicy",
  field: "dest_ip_cidrs",
  doc: `${POL_DOC} / VPN.1402`,
  code: "VPN.1402",
  severity: "mandatory",
  description: `there must be at least one destination CIDR block and at most ${MAX_DEST_IP_CIDRS}`,
  accepts: isArray,
  test: (list) => list.length >= 1 && list.length <= MAX_DEST_IP_CIDRS,
});

export const destCidrFormat = defineRule({
  id: "P2C-POL-2",
  kind: "vpnAccessPolicy",
  field: "dest_ip_cidrs",
  doc: `${POL_DOC} / VPN.1403`,
  code: "VPN.1403",
  severity: "mandatory",
  description:
    "each destination must be an IPv4 CIDR block in dotted decimal/mask notation, for example 192.168.1.0/24",
  accepts: isArray,
  test: (list) => eachString(list, (s) => parseCidr(s) !== undefined),
});

export const destCidrDuplicates = defineRule({
  id: "P2C-POL-3",
  kind: "vpnAccessPolicy",
  field: "dest_ip_cidrs",
  doc: "VPN.1404",
  code: "VPN.1404",
  severity: "mandatory",
  description: "destination CIDR blocks cannot be duplicated",
  accepts: isArray,
  test: uniqueCidrs,
});

/** Destinations broader than this prefix are flagged by the advisory rule. */
export const BROADEST_DEST_PREFIX = 8;

export const destCidrNotTooBroad = defineRule({
  id: "P2C-POL-4",
  kind: "vpnAccessPolicy",
  field: "dest_ip_cidrs",
  doc: "api-p2c-common.md §12.8 advice",
  severity: "advisory",
  description: `destinations should not be broader than /${BROADEST_DEST_PREFIX} (0.0.0.0/0 opens every address)`,
  accepts: isArray,
  test: (list) =>
    eachString(list, (s) => {
      const c = parseCidr(s);
      return c === undefined || c.prefix >= BROADEST_DEST_PREFIX;
    }),
});

export const destCidrInLocalSubnets = defineRule({
  id: "P2C-POL-5",
  kind: "vpnAccessPolicy",
  field: "dest_ip_cidrs",
  doc: "api-p2c-common.md §12.8 advice (not a documented service rule)",
  severity: "advisory",
  scope: "cross",
  description: "destinations should lie within the VPN server's local CIDR blocks",
  accepts: isArray,
  test: (list, _b, ctx) =>
    ctx.localSubnets === undefined
      ? true
      : eachString(list, (s) => parseCidr(s) === undefined || ctx.localSubnets!.some((l) => cidrContains(l, s))),
});

// ---------------------------------------------------------------------------------------------------------------
// P2C gateway (§12.9; create is undocumented and follows the official SDK)

export const gatewayName = defineRule({
  id: "P2C-GW-1",
  kind: "p2cVpnGateway",
  field: "name",
  doc: "ZH/EN 4.2.1.3",
  severity: "mandatory",
  description: "must be 1-64 characters: digits, letters, Chinese characters, _ and -",
  accepts: isString,
  test: (s) => P2C_NAME_PATTERN.test(s),
});

export const gatewayMaxConnections = defineRule({
  id: "P2C-GW-2",
  kind: "p2cVpnGateway",
  field: "max_connection_number",
  doc: "ZH/EN 4.2.1.1 (max_connection_number) / VPN.0504",
  code: "VPN.0504",
  severity: "mandatory",
  description: `max_connection_number must be an integer from ${MIN_MAX_CONNECTIONS} to ${MAX_MAX_CONNECTIONS}`,
  accepts: isNumber,
  test: (n) => Number.isInteger(n) && n >= MIN_MAX_CONNECTIONS && n <= MAX_MAX_CONNECTIONS,
});

const NEW_EIP_FIELDS = ["type", "charge_mode", "bandwidth_size"] as const;

export const gatewayEipChoice = defineRule({
  id: "P2C-GW-3",
  kind: "p2cVpnGateway",
  field: "eip",
  doc: "VPN.0558, VPN.0559 (official SDK: 'either an EIP id, or type, charge_mode and bandwidth_size')",
  severity: "mandatory",
  description:
    "eip must give either an existing EIP id, or type, charge_mode and bandwidth_size for a new EIP, not both",
  accepts: isRecord,
  test: (eip) => {
    const newFields = [...NEW_EIP_FIELDS, "bandwidth_name"].filter((k) => eip[k] !== undefined);
    if (eip.id !== undefined)
      return newFields.length === 0 ? true : [{ detail: `id given with ${newFields.join(", ")}`, code: "VPN.0559" }];
    const missing = NEW_EIP_FIELDS.filter((k) => eip[k] === undefined);
    return missing.length === 0 ? true : [{ detail: `missing ${missing.join(", ")}`, code: "VPN.0558" }];
  },
});

export const gatewayAvailabilityZones = defineRule({
  id: "P2C-GW-4",
  kind: "p2cVpnGateway",
  field: "availability_zone_ids",
  doc: "VPN.0514, VPN.0515",
  severity: "mandatory",
  description: "two different availability zones must be specified",
  accepts: isArray,
  test: (list) =>
    list.length !== 2
      ? [{ detail: `${list.length} given`, code: "VPN.0514" }]
      : duplicates(
          list,
          (s) => (isString(s) ? s : undefined),
          (i) => [i],
        ).map((f) => ({ ...f, code: "VPN.0515" })),
});

export const gatewayEipBandwidth = defineRule({
  id: "P2C-GW-5",
  kind: "p2cVpnGateway",
  field: "eip",
  doc: "ZH/EN 4.2.1.1 (eip.bandwidth_size) / VPN.0550",
  severity: "mandatory",
  description: `bandwidth_size must be an integer from ${MIN_EIP_BANDWIDTH} to ${MAX_EIP_BANDWIDTH} Mbit/s`,
  accepts: isRecord,
  test: (eip) => {
    const b = eip.bandwidth_size;
    if (!isNumber(b)) return true;
    // Above the maximum is the documented VPN.0550 ("exceeds the upper limit"); below the minimum the docs
    // name no code, so it is the generic invalid request.
    if (Number.isInteger(b) && b > MAX_EIP_BANDWIDTH) return [{ path: ["bandwidth_size"], code: "VPN.0550" }];
    return Number.isInteger(b) && b >= MIN_EIP_BANDWIDTH ? true : [{ path: ["bandwidth_size"] }];
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Registry

export const p2cRules: readonly P2cRule[] = [
  passwordLength,
  passwordCharacters,
  passwordComplexity,
  passwordNotUsername,
  passwordWithoutUsername,
  passwordStrength,
  newPasswordDiffers,
  userName,
  userDescription,
  batchUserNames,
  staticIpFormat,
  staticIpFirstHost,
  staticIpInClientCidr,
  staticIpNotGateway,
  staticIpUnique,
  groupName,
  groupDescription,
  groupNameStrict,
  userRefList,
  clientCidrFormat,
  clientCidrPrefix,
  clientCidrReserved,
  clientCidrVsLocalSubnets,
  clientCidrSize,
  clientCidrNetworkAddress,
  localSubnetCount,
  localSubnetFormat,
  localSubnetReserved,
  localSubnetDuplicates,
  localSubnetZhLimit,
  serverCertificateRequired,
  clientCaRequiredForCert,
  clientCaContentsPem,
  clientCaNames,
  clientCaDuplicates,
  clientCaOnlyForCert,
  sslOptionsRequired,
  sslStrongCipher,
  sslNoCompression,
  certificateAuthentication,
  dnsServers,
  clientCaContentPem,
  clientCaName,
  destCidrCount,
  destCidrFormat,
  destCidrDuplicates,
  destCidrNotTooBroad,
  destCidrInLocalSubnets,
  gatewayName,
  gatewayMaxConnections,
  gatewayEipChoice,
  gatewayAvailabilityZones,
  gatewayEipBandwidth,
];

export const p2cRuleById: ReadonlyMap<string, P2cRule> = new Map(p2cRules.map((r) => [r.id, r]));

/** Runs the rules of `kind` (optionally of one severity) against a resource's wire object. */
export function checkP2cResource(
  kind: P2cRuleKind,
  body: unknown,
  options: { readonly ctx?: P2cRuleContext; readonly severity?: RuleSeverity } = {},
): Array<RuleIssue & { ruleId: string; severity: RuleSeverity }> {
  const rules = options.severity === undefined ? p2cRules : p2cRules.filter((r) => r.severity === options.severity);
  return runRules(rules, kind, body, options.ctx);
}
