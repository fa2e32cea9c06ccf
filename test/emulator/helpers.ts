/**
 * Test helpers: an emulator per test file, a `VpnClient` bound to it, raw signed requests (node:http, so the
 * exact bytes and headers are under control), and small builders for the prerequisite resources.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "../../emulator";
import { VpnClient } from "../../sdk/client";
import { signRequest } from "../../sdk/signing";
import { unmaskRequest } from "../fixtures/examples/s2c/load";

export interface Env {
  emu: RunningEmulator;
  vpn: VpnClient;
}

export async function setup(options: StartEmulatorOptions = {}): Promise<Env> {
  const emu = await startEmulator({ delayScale: 0, ...options });
  return { emu, vpn: clientFor(emu) };
}

/**
 * One emulator for the test file: started before all tests (`setup(options)`), closed after them, and with
 * `resetAfterEach` reset after each test. The returned `Env` is filled in once `beforeAll` has run.
 */
export function useEmulator(options: StartEmulatorOptions = {}, opts: { resetAfterEach?: boolean } = {}): Env {
  const env = {} as Env;
  beforeAll(async () => {
    Object.assign(env, await setup(options));
  });
  afterAll(async () => {
    await env.emu.close();
  });
  if (opts.resetAfterEach)
    afterEach(async () => {
      await env.emu.admin.reset();
    });
  return env;
}

/**
 * A region outside the documented flavor-by-region list (GW-09), with three availability zones, so the GM and
 * NonFixedIP examples apply.
 */
export const UNLISTED_REGION: StartEmulatorOptions = {
  region: "af-south-1",
  availabilityZones: ["cn-south-1f", "cn-south-1e", "cn-south-1c"],
};

/** Masked secrets in the docs (`*****`) become valid ones; masked addresses and ids as the S2C loader does. */
export function unmask(body: unknown): unknown {
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v === "string" && /password$/.test(key) && v.includes("*")) return "Masked-Passw0rd";
    return v;
  };
  return unmaskRequest(walk(body, "")).body;
}

export function clientFor(emu: RunningEmulator, projectId = emu.projectId): VpnClient {
  return new VpnClient({
    ...emu.settings,
    projectId,
    retry: { maxAttempts: 1 },
    timeoutMs: 10_000,
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** Sends bytes as given: no signing, no header rewriting. */
export function send(url: string, opts: { method: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method, headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/**
 * A signed request with our signer. `path` may contain `{project_id}`; `project` overrides the project both in
 * the path and in X-Project-Id.
 */
export function signed(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  opts: { project?: string; headers?: Record<string, string>; now?: Date; secretKey?: string; accessKey?: string } = {},
): Promise<RawResponse> {
  const project = opts.project ?? emu.projectId;
  const url = `${emu.url}${path.replace("{project_id}", project)}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = signRequest(
    { method, url, headers: { "content-type": "application/json", "x-project-id": project, ...(opts.headers ?? {}) }, ...(text !== undefined ? { body: text } : {}) },
    { accessKey: opts.accessKey ?? emu.accessKey, secretKey: opts.secretKey ?? emu.secretKey },
    opts.now ? { now: opts.now } : undefined,
  );
  return send(url, { method, headers, ...(text !== undefined ? { body: text } : {}) });
}

export const IDS = {
  vpc: "cb4a631d-0000-4a8d-8a86-ca3fa348c36c",
  subnet: "f5741286-0000-4a8d-8a86-2c82bd9ee114",
  eip1: "cff40e5e-0000-4a8d-8a86-7366077bf097",
  eip2: "d290f1ee-0000-4a8d-8a86-d701748f0851",
};

let eipCounter = 0;
/** A fresh well-formed EIP id (no inventory: any well-formed id is accepted). */
export function eipId(): string {
  eipCounter += 1;
  return `e1e1e1e1-0000-4000-8000-${eipCounter.toString(16).padStart(12, "0")}`;
}

export function gatewayBody(extra: Record<string, unknown> = {}) {
  return {
    vpn_gateway: {
      vpc_id: IDS.vpc,
      local_subnets: ["192.168.0.0/24"],
      connect_subnet: IDS.subnet,
      eip1: { id: eipId() },
      eip2: { id: eipId() },
      ...extra,
    },
  };
}

export async function createGateway(vpn: VpnClient, extra: Record<string, unknown> = {}): Promise<any> {
  const r: any = await vpn.createVgw({ body: gatewayBody(extra) } as any);
  return r.vpn_gateway;
}

/** A gateway that is ACTIVE (read until it is, so any progression works). */
export async function activeGateway(vpn: VpnClient, extra: Record<string, unknown> = {}): Promise<any> {
  const g = await createGateway(vpn, extra);
  for (let i = 0; i < 50; i++) {
    const s: any = await vpn.showVgw({ vgw_id: g.id } as any);
    if (s.vpn_gateway.status === "ACTIVE") return s.vpn_gateway;
  }
  throw new Error(`gateway ${g.id} did not become ACTIVE`);
}

let cgwCounter = 0;
export async function createCustomerGateway(vpn: VpnClient, extra: Record<string, unknown> = {}): Promise<any> {
  cgwCounter += 1;
  const r: any = await vpn.createCgw({
    body: { customer_gateway: { id_value: `203.0.113.${(cgwCounter % 250) + 1}`, bgp_asn: 65000, ...extra } },
  } as any);
  return r.customer_gateway;
}

export function connectionBody(gw: any, cgw: any, extra: Record<string, unknown> = {}) {
  return {
    vpn_connection: {
      vgw_id: gw.id,
      vgw_ip: gw.eip1?.id ?? gw.access_private_ip_1,
      cgw_id: cgw.id,
      peer_subnets: ["172.16.1.0/24"],
      psk: "Abcd@1234",
      ...extra,
    },
  };
}

export async function createConnection(vpn: VpnClient, gw: any, cgw: any, extra: Record<string, unknown> = {}): Promise<any> {
  const r: any = await vpn.createVpnConnection({ body: connectionBody(gw, cgw, extra) } as any);
  return r.vpn_connection;
}

/** Expects an API error; returns it (ApiError: httpStatus, errorCode, errorMsg). */
export async function apiErrorOf(p: Promise<unknown>): Promise<{ httpStatus: number; errorCode: string; errorMsg: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { httpStatus?: number; errorCode?: string; errorMsg?: string; code?: string; message?: string };
    if (err.httpStatus === undefined) throw e;
    return { httpStatus: err.httpStatus, errorCode: err.errorCode ?? "", errorMsg: err.errorMsg ?? "" };
  }
  throw new Error("expected an API error, the call succeeded");
}

/** An emulator CLI process and the `HW_…=` settings its banner prints. */
export interface EmulatorProcess {
  child: ChildProcess;
  /** The banner's `HW_…` settings, once it has printed them all (the last line is `HW_REGION_NAME`). */
  banner: Promise<Record<string, string>>;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
}

/**
 * Starts an emulator CLI: `command args…` (the installed `huaweicloud-vpn-emulator` bin), or by default the
 * CLI from source (emulator/cli.ts through the ts hook) with `args`.
 */
export function spawnEmulatorCli(args: string[], options: { command?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): EmulatorProcess {
  const [command, argv] = options.command
    ? [options.command, args]
    : [process.execPath, ["-r", join(__dirname, "ts-hook.cjs"), join(__dirname, "../../emulator/cli.ts"), ...args]];
  const child = spawn(command, argv, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += String(d)));
  const banner = new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += String(d);
      if (!/^HW_REGION_NAME=.*$/m.test(out)) return;
      const vars: Record<string, string> = {};
      for (const line of out.split("\n")) {
        const m = /^(HW_[A-Z_]+)=(.*)$/.exec(line);
        if (m) vars[m[1]!] = m[2]!;
      }
      resolve(vars);
    });
    child.on("exit", (code) => reject(new Error(`the emulator CLI exited (${code}) before its banner: ${out}${err}`)));
  });
  return { child, banner, output: () => out + err };
}
