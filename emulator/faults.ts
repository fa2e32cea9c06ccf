/**
 * Fault injection, outside the models (STYLE.md item 10): rules match an operation name, a path pattern, a
 * method or a project (or everything), and inject added latency, an error status (429 with `Retry-After`, 500, 503, a
 * documented code such as VPN.0030), or a dropped connection — before the change is applied, or after it has
 * been committed (the ambiguous create). `times` limits how often a rule fires; `probability` makes it random.
 */
import { ERROR_TABLE } from "./errors";

export interface FaultMatch {
  /** Operation name (key of the operation table), e.g. `createVgw`. */
  readonly operation?: string;
  /**
   * Pattern for the request path (without the query): the text matches anywhere in the path, `^` anchors it at
   * the start, `$` at the end, `*` stands for any run of characters (`^/v5/*-gateways$`). Not a regular
   * expression: a user-supplied regex can backtrack for seconds on the event loop, a pattern matches in one pass.
   */
  readonly path?: string;
  readonly method?: string;
  readonly projectId?: string;
}

export interface FaultRuleInput extends FaultMatch {
  /** HTTP status to answer with instead of processing the request. */
  readonly status?: number;
  /** `error_code` of the injected error; defaults per status (429 APIGW.0308, 5xx VPN.0002, or the code's documented status). */
  readonly errorCode?: string;
  readonly errorMsg?: string;
  /** Seconds for `Retry-After` (default 1 for 429). */
  readonly retryAfter?: number;
  /** Added latency before anything else happens. */
  readonly latencyMs?: number;
  /** Destroy the socket `before` the request is processed, or `after` its change is committed. */
  readonly drop?: "before" | "after";
  /** Fire at most this many times (default: every time). */
  readonly times?: number;
  /** Fire with this probability (0–1, default 1). */
  readonly probability?: number;
}

export interface FaultRule extends FaultRuleInput {
  readonly id: string;
  hits: number;
}

export interface FaultDecision {
  readonly rules: readonly FaultRule[];
  readonly latencyMs: number;
  readonly drop?: "before" | "after";
  readonly error?: { status: number; code: string; message: string; headers: Record<string, string> };
}

export class FaultError extends Error {}

/** Characters with a meaning in a regular expression but none in a path pattern: refused, not taken literally. */
const REGEX_ONLY = /[\\()[\]{}+?|.]/;
const MAX_PATTERN_CHARS = 512;

function checkPathPattern(pattern: unknown): void {
  if (typeof pattern !== "string") throw new FaultError("path must be a string");
  if (pattern.length > MAX_PATTERN_CHARS) throw new FaultError(`path must be at most ${MAX_PATTERN_CHARS} characters`);
  const body = pattern.replace(/^\^/, "").replace(/\$$/, "");
  if (REGEX_ONLY.test(body) || body.includes("^") || body.includes("$"))
    throw new FaultError(
      `path is a path pattern, not a regular expression (${JSON.stringify(pattern)}): the text matches anywhere in the path, ` +
        "^ anchors it at the start, $ at the end, * stands for any characters",
    );
}

/** Whether `path` matches the pattern (see `FaultMatch.path`). Linear in the path for each `*`; never backtracks. */
export function pathMatches(pattern: string, path: string): boolean {
  const atStart = pattern.startsWith("^");
  const atEnd = pattern.length > (atStart ? 1 : 0) && pattern.endsWith("$");
  const parts = pattern.slice(atStart ? 1 : 0, atEnd ? -1 : undefined).split("*");
  if (parts.length === 1) {
    const lit = parts[0]!;
    return atStart && atEnd
      ? path === lit
      : atStart
        ? path.startsWith(lit)
        : atEnd
          ? path.endsWith(lit)
          : path.includes(lit);
  }
  const first = parts[0]!;
  let pos: number;
  if (atStart) {
    if (!path.startsWith(first)) return false;
    pos = first.length;
  } else {
    const i = path.indexOf(first);
    if (i < 0) return false;
    pos = i + first.length;
  }
  for (let k = 1; k < parts.length - 1; k++) {
    const i = path.indexOf(parts[k]!, pos);
    if (i < 0) return false;
    pos = i + parts[k]!.length;
  }
  const last = parts[parts.length - 1]!;
  return atEnd ? path.length - last.length >= pos && path.endsWith(last) : path.indexOf(last, pos) >= 0;
}

function check(input: FaultRuleInput): void {
  for (const key of ["operation", "method", "projectId", "errorCode", "errorMsg"] as const)
    if (input[key] !== undefined && typeof input[key] !== "string") throw new FaultError(`${key} must be a string`);
  if (input.retryAfter !== undefined && !(Number.isInteger(input.retryAfter) && input.retryAfter >= 0))
    throw new FaultError("retryAfter must be a non-negative integer");
  if (input.path !== undefined) checkPathPattern(input.path);
  if (input.status !== undefined && (!Number.isInteger(input.status) || input.status < 100 || input.status > 599))
    throw new FaultError("status must be an HTTP status code");
  if (input.errorCode !== undefined && input.status === undefined && !ERROR_TABLE[input.errorCode])
    throw new FaultError(`errorCode ${input.errorCode} is not documented; give a status too`);
  if (input.drop !== undefined && input.drop !== "before" && input.drop !== "after")
    throw new FaultError('drop must be "before" or "after"');
  if (input.times !== undefined && (!Number.isInteger(input.times) || input.times < 1))
    throw new FaultError("times must be a positive integer");
  if (input.probability !== undefined && !(input.probability >= 0 && input.probability <= 1))
    throw new FaultError("probability must be between 0 and 1");
  if (input.latencyMs !== undefined && !(input.latencyMs >= 0 && input.latencyMs <= 600_000))
    throw new FaultError("latencyMs must be between 0 and 600000");
  if (input.status === undefined && input.errorCode === undefined && input.drop === undefined && !input.latencyMs)
    throw new FaultError("a fault needs a status, an errorCode, a drop or a latencyMs");
}

function errorOf(rule: FaultRuleInput): FaultDecision["error"] {
  if (rule.status === undefined && rule.errorCode === undefined) return undefined;
  const documented = rule.errorCode ? ERROR_TABLE[rule.errorCode] : undefined;
  const status = rule.status ?? documented?.status ?? 500;
  const code = rule.errorCode ?? (status === 429 ? "APIGW.0308" : status >= 500 ? "VPN.0002" : "VPN.0001");
  const message =
    rule.errorMsg ??
    (documented && !documented.message.includes("%s")
      ? documented.message
      : status === 429
        ? "The throttling threshold has been reached: policy user over ratelimit (injected fault)"
        : status >= 500
          ? `server error: injected fault (HTTP ${status})`
          : "invalid request: injected fault");
  const headers: Record<string, string> = {};
  const retryAfter = rule.retryAfter ?? (status === 429 || status === 503 ? 1 : undefined);
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  return { status, code, message, headers };
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private seq = 0;

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultRuleInput): FaultRule {
    check(input);
    const rule: FaultRule = { ...input, id: `fault-${++this.seq}`, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** Picks the rules that fire for a request and uses them up. Latency adds up; the first error or drop wins. */
  decide(req: { operation?: string; path: string; method: string; projectId?: string }): FaultDecision | undefined {
    if (this.rules.length === 0) return undefined;
    const fired: FaultRule[] = [];
    for (const r of this.rules) {
      if (r.operation !== undefined && r.operation !== req.operation) continue;
      if (r.method !== undefined && r.method.toUpperCase() !== req.method) continue;
      if (r.projectId !== undefined && r.projectId !== req.projectId) continue;
      if (r.path !== undefined && !pathMatches(r.path, req.path)) continue;
      if (r.probability !== undefined && this.random() >= r.probability) continue;
      fired.push(r);
    }
    if (fired.length === 0) return undefined;
    let latencyMs = 0;
    let drop: "before" | "after" | undefined;
    let error: FaultDecision["error"];
    for (const r of fired) {
      r.hits += 1;
      latencyMs += r.latencyMs ?? 0;
      if (!drop && !error) {
        if (r.drop) drop = r.drop;
        else error = errorOf(r);
      }
    }
    this.rules = this.rules.filter((r) => r.times === undefined || r.hits < r.times);
    return { rules: fired, latencyMs, ...(drop ? { drop } : {}), ...(error ? { error } : {}) };
  }
}
