/**
 * Reading a resource's properties safely inside a policy.
 *
 * Unknowns: during `pulumi preview` the engine passes values that depend on other resources as unknowns, and
 * `@pulumi/policy` wraps `props` in a proxy that throws `UnknownValueError` when one is read; an uncaught throw
 * turns the whole policy into a "can't run during preview" note. `resolveProps` walks the proxy once, catching
 * those errors, and returns a plain copy without the unknown values plus the list of their paths, so every
 * policy can skip exactly the checks that depend on an unknown and still run the others.
 *
 * Secrets: the engine sends secret inputs to the pack marked as secrets (`KeepSecrets: true` in
 * pkg/resource/plugin/analyzer_plugin.go, Analyze and AnalyzeStack), but `@pulumi/policy` 1.21.0 unwraps them
 * before `validateResource`/`validateStack` run (`deserializeProperties(…, false)` in server.js); only
 * `remediateResource` receives `Secret` wrappers. So secretness is invisible to validation policies through the
 * public API. `installSecretTracking()` (called by the pack's entry point, policies/index.ts) wraps that
 * deserializer to remember which paths were secret for each deserialized props object; `secretPathsOf(props)`
 * reads them back. When tracking is not installed (unit tests, another host) it returns `undefined` = unknown,
 * and policies must not guess.
 */
import { UnknownValueError } from "@pulumi/policy";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

/** The key `@pulumi/policy`'s proxies answer with their target (`getSpecialProxyTarget` in proxy.js). */
const PROXY_TARGET = "__getSpecialProxyTarget";

export type Path = readonly (string | number)[];

/**
 * Stands for an unknown value in `ResolvedProps.marked`: a string, so it survives the camelCase → wire mapping.
 * Only `evaluateTracked` interprets it.
 */
export const UNKNOWN_MARK = "\u0000<unknown during preview>\u0000";

export interface ResolvedProps {
  /** A plain copy of the properties; unknown values are left out. */
  readonly value: Record<string, unknown>;
  /** The same copy with each unknown value replaced by `UNKNOWN_MARK`. */
  readonly marked: Record<string, unknown>;
  /** Paths of the unknown values (camelCase input names, array indexes as numbers). */
  readonly unknowns: readonly Path[];
}

/** Formats a path as `a.b[2].c`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** Parses `a.b[2].c` into segments. */
export function parsePath(s: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of s.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/** True when one path is a prefix of the other (the same value, one containing the other). */
export function pathsRelated(a: Path, b: Path): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function read(obj: any, key: string | number, path: Path, unknowns: Path[]): { ok: boolean; value?: unknown } {
  try {
    return { ok: true, value: obj[key] };
  } catch (e) {
    if (e instanceof UnknownValueError) {
      unknowns.push([...path, key]);
      return { ok: false };
    }
    throw e;
  }
}

/** Copies `v`; an unknown becomes `unknown` (undefined: left out of objects, an empty slot in arrays). */
function copy(v: unknown, path: Path, unknowns: Path[], unknown: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    const n = v.length;
    for (let i = 0; i < n; i++) {
      const r = read(v, i, path, unknowns);
      // An unknown element keeps its slot so that indexes still match the program's.
      out.push(r.ok ? copy(r.value, [...path, i], unknowns, unknown) : unknown);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v; // assets, archives: left as they are
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const r = read(v, k, path, unknowns);
    const x = r.ok ? r.value : unknown;
    if (x !== undefined) out[k] = r.ok ? copy(x, [...path, k], unknowns, unknown) : x;
  }
  return out;
}

/** A plain copy of `props` (a policy's `args.props` or a stack resource's `props`) without, and with marked, unknowns. */
export function resolveProps(props: Record<string, unknown> | undefined): ResolvedProps {
  const unknowns: Path[] = [];
  const value = (props ? copy(props, [], unknowns, undefined) : {}) as Record<string, unknown>;
  const marked = (props ? copy(props, [], [], UNKNOWN_MARK) : {}) as Record<string, unknown>;
  return { value, marked, unknowns };
}

/**
 * Runs `fn` on proxies of `args` that answer `undefined` for every `UNKNOWN_MARK` and note that an unknown was
 * read (or that an object holding one was listed). Returns `undefined` when the result depended on an unknown:
 * a rule that read `client_auth_type` while it was unknown says nothing reliable about the other fields either.
 */
export function evaluateTracked<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R | undefined {
  let touched = false;
  const holdsUnknown = (o: object) => Object.values(o).some((x) => x === UNKNOWN_MARK);
  const cache = new WeakMap<object, object>();
  const wrap = (v: unknown): unknown => {
    if (v === UNKNOWN_MARK) {
      touched = true;
      return undefined;
    }
    if (v === null || typeof v !== "object") return v;
    const hit = cache.get(v);
    if (hit) return hit;
    const proxy = new Proxy(v, {
      get(target, key, receiver) {
        const x = Reflect.get(target, key, receiver);
        return typeof key === "symbol" ? x : wrap(x);
      },
      has(target, key) {
        if (typeof key !== "symbol" && (target as Record<string, unknown>)[key] === UNKNOWN_MARK) {
          touched = true;
          return false;
        }
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        if (holdsUnknown(target)) touched = true;
        return Reflect.ownKeys(target);
      },
    });
    cache.set(v, proxy);
    return proxy;
  };
  const result = fn(...(args.map(wrap) as A));
  return touched ? undefined : result;
}

/** True when a value at `path` (or inside it, or containing it) is unknown. */
export function touchesUnknown(unknowns: readonly Path[], path: Path): boolean {
  return unknowns.some((u) => pathsRelated(u, path));
}

// ---- secrets ----

const secretPaths = new WeakMap<object, ReadonlySet<string>>();

function targetOf(props: object): object {
  let cur: any = props;
  for (let i = 0; i < 4; i++) {
    let t: unknown;
    try {
      t = cur[PROXY_TARGET];
    } catch {
      return cur;
    }
    if (t === undefined || t === null || t === cur || typeof t !== "object") return cur;
    cur = t;
  }
  return cur;
}

/** Collects the paths of values marked secret in the engine's wire form of the properties. */
export function findSecretPaths(raw: unknown, path: Path = [], into: Set<string> = new Set()): Set<string> {
  if (raw === null || typeof raw !== "object") return into;
  if (Array.isArray(raw)) {
    raw.forEach((v, i) => findSecretPaths(v, [...path, i], into));
    return into;
  }
  const obj = raw as Record<string, unknown>;
  if (obj[specialSigKey] === specialSecretSig) {
    into.add(formatPath(path));
    findSecretPaths(obj.value, path, into);
    return into;
  }
  for (const [k, v] of Object.entries(obj)) findSecretPaths(v, [...path, k], into);
  return into;
}

/**
 * Records that `props` (a deserialized props object, or a proxy of one) had secrets at `paths`. Used by the
 * deserializer hook, and by tests to simulate what the engine sends.
 */
export function markSecretPaths(props: object, paths: Iterable<string>): void {
  secretPaths.set(targetOf(props), new Set(paths));
}

/**
 * The input paths that were secrets (`psk`, `ikepolicy.x`), or `undefined` when secretness is not known for this
 * object (tracking not installed, or the object did not come from the engine).
 */
export function secretPathsOf(props: object): ReadonlySet<string> | undefined {
  return secretPaths.get(targetOf(props));
}

/** True/false when known; `undefined` when secretness cannot be seen. A value inside a secret object is secret. */
export function isSecretInput(props: object, path: string): boolean | undefined {
  const paths = secretPathsOf(props);
  if (!paths) return undefined;
  const p = parsePath(path);
  for (const s of paths) if (pathsRelated(parsePath(s), p) && parsePath(s).length <= p.length) return true;
  return false;
}

const HOOKED = Symbol.for("pulumi-huaweicloud-vpn.policies.secretTracking");

/**
 * Wraps `@pulumi/policy`'s property deserializer so that the secret paths of every props object handed to a
 * validation are recorded (see the module comment). Idempotent. Returns false when the deserializer is not
 * where version 1.21.0 keeps it, in which case secretness stays unknown and nothing else changes.
 */
export function installSecretTracking(): boolean {
  let mod: any;
  try {
    mod = require("@pulumi/policy/deserialize");
  } catch {
    return false;
  }
  const original = mod?.deserializeProperties;
  if (typeof original !== "function") return false;
  if (original[HOOKED]) return true;
  const hooked = function (this: unknown, struct: any, proxySecrets: boolean) {
    const result = original.call(this, struct, proxySecrets);
    try {
      if (result && typeof result === "object" && typeof struct?.toJavaScript === "function") {
        markSecretPaths(result, findSecretPaths(struct.toJavaScript()));
      }
    } catch {
      // Tracking is best effort: a failure leaves secretness unknown for this object.
    }
    return result;
  };
  (hooked as any)[HOOKED] = true;
  mod.deserializeProperties = hooked;
  return true;
}
