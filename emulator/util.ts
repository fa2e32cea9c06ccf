/** Small helpers shared by the emulator: the clock, ids, timestamps, hashing. No HTTP, no state. */
import { createHash, randomBytes, randomUUID } from "node:crypto";

/**
 * The emulator's clock: wall time plus an offset that the admin API can advance, so time-based lifecycles can be
 * driven deterministically (`POST /__emulator/clock`).
 */
export class Clock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  get offset(): number {
    return this.offsetMs;
  }
}

export function newId(): string {
  return randomUUID();
}

/** 32 lower-case hex characters, the style of the 2025 examples' `request_id`. */
export function newRequestId(): string {
  return randomUUID().replace(/-/g, "");
}

/** `2022-11-28T02:22:27.240Z`: UTC with milliseconds, as the examples show. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Four hex characters, for generated names (`vpngw-a45b`). */
export function shortSuffix(): string {
  return randomBytes(2).toString("hex");
}

/** Salted one-way digest of a secret. The emulator never keeps a secret in clear, not even in its state file. */
export function digestSecret(secret: string, salt = randomBytes(8).toString("hex")): string {
  return `${salt}$${createHash("sha256").update(salt).update("\0").update(secret, "utf8").digest("hex")}`;
}

export function secretMatches(secret: string, digest: string | undefined): boolean {
  if (!digest) return false;
  const salt = digest.slice(0, digest.indexOf("$"));
  return digestSecret(secret, salt) === digest;
}

/** A deterministic number from a string, for fabricated but stable values (EIP addresses, serial numbers). */
export function hashNumber(s: string): number {
  return createHash("sha256").update(s).digest().readUInt32BE(0);
}

/** A stable fabricated public IPv4 address for an EIP id (88.x.y.z, as the examples' masked `88.***.***.251`). */
export function fabricatedPublicIp(seed: string): string {
  const n = hashNumber(seed);
  return `88.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${(n & 0xfe) + 1}`;
}

/** A copy of plain JSON data (objects, arrays, primitives); much cheaper than a JSON round trip. */
export function deepClone<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = deepClone(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = deepClone(x);
  }
  return out as T;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
