/**
 * In-process entry point: `import { startEmulator } from "pulumi-huaweicloud-vpn/emulator"`.
 *
 *   const emu = await startEmulator({ port: 0 });
 *   const vpn = new VpnClient(emu.settings);                  // the SDK
 *   const cfg = stackConfig(emu.settings);                     // the provider's stack config (provider/settings)
 *   await emu.admin.setTransition({ kind: "vpnGateway", progression: { mode: "reads", reads: 2 } });
 *   …
 *   await emu.close();
 */
import "../provider/node-version";
import { randomBytes } from "node:crypto";
import { EmulatorContext } from "./context";
import { EmulatorServer } from "./server";
import { StateStore } from "./store";
import { EmulatorAdmin } from "./admin-client";
import { buildHandlers } from "./handlers";

export { EmulatorAdmin, AdminApiError, type TransitionInput } from "./admin-client";
export { EmulatorError, ERROR_TABLE } from "./errors";
export type { FaultRule, FaultRuleInput } from "./faults";
export type { Phase, Progression, TransitionConfig } from "./lifecycle";
export type { Inventory } from "./models/state";
export type { HistoryEntry } from "./history";

export interface StartEmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /**
   * Multiplies the realistic durations of status transitions (a gateway takes minutes); 0 (default) makes every
   * transition immediate. Per-kind progressions can be changed later through `admin.setTransition`.
   */
  delayScale?: number;
  /**
   * Randomise each phase's duration reproducibly: the typical duration (× `delayScale`) times a factor in
   * [0.5, 1.5) drawn from this seed. Absent (default): every phase takes exactly its typical duration.
   */
  durationSeed?: number;
  /** Credentials accepted for AK/SK signing; generated when absent. */
  accessKey?: string;
  secretKey?: string;
  /** Project id handed to clients (any project id in a path is served, each isolated). Generated when absent. */
  projectId?: string;
  /** Region name reported to clients (default cn-north-4). */
  region?: string;
  /** Token accepted in `X-Auth-Token` (token authentication), when set. */
  authToken?: string;
  /** Availability zones of the region (default `<region>a`, `b`, `c`). */
  availabilityZones?: string[];
  /** Persist the state to this file (written atomically on change, loaded at start). */
  stateFile?: string;
  /** Token the admin API requires (`X-Emulator-Admin-Token`); generated when absent. `admin` sends it. */
  adminToken?: string;
}

export interface EmulatorSettings {
  readonly endpoint: string;
  readonly region: string;
  readonly projectId: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:38211`. */
  readonly url: string;
  readonly port: number;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly projectId: string;
  readonly region: string;
  /**
   * The settings a client needs, named as the SDK's options and the provider's config keys are (the in-process
   * form of the CLI's `HW_…=` banner): `new VpnClient(emu.settings)`, `stackConfig(emu.settings)`.
   */
  readonly settings: EmulatorSettings;
  /** The admin API's token for this start (sent by `admin`). */
  readonly adminToken: string;
  /** Typed helper for the admin API. */
  readonly admin: EmulatorAdmin;
  /** The in-process context (state, models, clock), for white-box tests. */
  readonly context: EmulatorContext;
  close(): Promise<void>;
}

function generatedAccessKey(): string {
  return `EMU${randomBytes(9).toString("hex").toUpperCase()}`.slice(0, 20);
}

function generatedSecretKey(): string {
  return randomBytes(30).toString("base64url").slice(0, 40);
}

function generatedProjectId(): string {
  return randomBytes(16).toString("hex");
}

export function availabilityZonesOf(region: string): string[] {
  return [`${region}a`, `${region}b`, `${region}c`];
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const accessKey = options.accessKey ?? generatedAccessKey();
  const secretKey = options.secretKey ?? generatedSecretKey();
  let store: StateStore | undefined;
  let saved: ReturnType<StateStore["load"]>;
  if (options.stateFile) {
    store = new StateStore(options.stateFile, () => ({
      clockOffsetMs: emu.clock.offset,
      projectId,
      state: emu.state.toJSON(),
      transitions: emu.transitions.toJSON(),
    }));
    saved = store.load();
  }
  // A restart on the same state file keeps handing out the same project id, so the resources stay visible.
  const projectId: string = options.projectId ?? saved?.projectId ?? generatedProjectId();
  const region = options.region ?? "cn-north-4";
  const adminToken = options.adminToken ?? randomBytes(24).toString("base64url");
  const host = options.host ?? "127.0.0.1";
  const emu: EmulatorContext = new EmulatorContext(
    {
      region,
      credentials: new Map([[accessKey, secretKey]]),
      ...(options.authToken ? { authToken: options.authToken } : {}),
      availabilityZones: options.availabilityZones ?? availabilityZonesOf(region),
      projectId,
      adminToken,
    },
    options.delayScale ?? 0,
  );
  if (options.durationSeed !== undefined) emu.transitions.setDurationSeed(options.durationSeed);

  if (store) {
    if (saved) {
      emu.state.load(saved.state);
      emu.transitions.load(saved.transitions as { overrides?: Record<string, unknown> });
      if (typeof saved.clockOffsetMs === "number") emu.clock.advance(saved.clockOffsetMs);
    }
    const s = store;
    emu.onChange = () => s.markDirty();
  }

  const server = new EmulatorServer(emu, { handlers: buildHandlers() });
  const addr = await server.listen(options.port ?? 0, host);
  const urlHost = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  const url = `http://${urlHost}:${addr.port}`;
  let closed = false;
  return {
    url,
    port: addr.port,
    accessKey,
    secretKey,
    projectId,
    region,
    settings: { endpoint: url, region, projectId, accessKey, secretKey },
    adminToken,
    admin: new EmulatorAdmin(url, adminToken),
    context: emu,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      if (store) store.flush();
    },
  };
}
