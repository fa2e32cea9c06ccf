/**
 * A typed helper for the admin API (`/__emulator/…`), returned by `startEmulator` as `admin`. Works against any
 * running emulator (in-process or the CLI) given its URL and admin token (`HW_EMULATOR_ADMIN_TOKEN` in the CLI's
 * banner).
 */
import type { FaultRule, FaultRuleInput } from "./faults";
import type { HistoryEntry } from "./history";
import type { Phase, Progression, TransitionConfig } from "./lifecycle";
import type { Inventory } from "./models/state";

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface TransitionInput {
  /** A resource kind (`vpnGateway`, `vpnConnection`, …) or `*` for all. */
  kind: string;
  phase?: Phase;
  progression: Progression;
  /** End the phase in this status instead (`FAULT`, `ERROR`). */
  failWith?: string;
}

export class EmulatorAdmin {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token !== undefined) headers["x-emulator-admin-token"] = this.token;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${this.baseUrl}/__emulator${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const msg = (json as { error_msg?: string } | undefined)?.error_msg ?? text;
      throw new AdminApiError(res.status, `admin ${method} ${path}: HTTP ${res.status}: ${msg}`);
    }
    return json as T;
  }

  health(): Promise<{ ok: boolean; region: string; projectId: string; delayScale: number; projects: string[] }> {
    return this.call("GET", "/health");
  }

  /** Forgets everything (or one project's resources). */
  reset(projectId?: string): Promise<void> {
    return this.call("POST", "/reset", projectId ? { projectId } : {}).then(() => undefined);
  }

  state(projectId?: string): Promise<{ projects: Array<{ id: string; resources: Record<string, unknown[]> }> }> {
    return this.call("GET", `/state${projectId ? `?projectId=${encodeURIComponent(projectId)}` : ""}`);
  }

  /** Seeds external resources; once a list is seeded, unknown ids of that list are refused. */
  seed(input: { projectId?: string; inventory?: Inventory; quotas?: Record<string, number> }): Promise<void> {
    return this.call("POST", "/seed", input).then(() => undefined);
  }

  setQuota(type: string, quota: number, projectId?: string): Promise<void> {
    return this.call("PUT", "/quotas", { type, quota, ...(projectId ? { projectId } : {}) }).then(() => undefined);
  }

  /** Creates a resource directly in the state (e.g. a P2C gateway); returns its view. */
  createResource<T = Record<string, unknown>>(
    kind: string,
    body: Record<string, unknown>,
    opts: { projectId?: string; parents?: Record<string, string>; id?: string; ready?: boolean } = {},
  ): Promise<T> {
    return this.call<Record<string, T>>("POST", `/resources/${encodeURIComponent(kind)}`, { body, ...opts }).then(
      (r) => Object.values(r)[0] as T,
    );
  }

  setStatus(kind: string, id: string, status: string, projectId?: string): Promise<void> {
    return this.call("POST", `/resources/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/status`, {
      status,
      ...(projectId ? { projectId } : {}),
    }).then(() => undefined);
  }

  /** The customer side of a VPN connection comes up (the connection turns ACTIVE) or goes down. */
  setPeer(connectionId: string, up: boolean, projectId?: string): Promise<void> {
    return this.call("POST", `/connections/${encodeURIComponent(connectionId)}/peer`, {
      up,
      ...(projectId ? { projectId } : {}),
    }).then(() => undefined);
  }

  /** Unbinds an EIP from its gateway, as the EIP service's update API would. */
  unbindEip(eipId: string, projectId?: string): Promise<void> {
    return this.call("POST", `/eips/${encodeURIComponent(eipId)}/unbind`, projectId ? { projectId } : {}).then(() => undefined);
  }

  /** A client connects to a P2C gateway (it then shows in the gateway's connection list); returns its id. */
  connectClient(p2cGatewayId: string, opts: { userName?: string; projectId?: string } = {}): Promise<{ connection_id: string }> {
    return this.call<{ connection: { connection_id: string } }>(
      "POST",
      `/p2c-vpn-gateways/${encodeURIComponent(p2cGatewayId)}/connections`,
      opts,
    ).then((r) => r.connection);
  }

  transitions(): Promise<{ delayScale: number; overrides: Record<string, TransitionConfig> }> {
    return this.call("GET", "/transitions");
  }

  setTransition(input: TransitionInput): Promise<void> {
    return this.call("PUT", "/transitions", input).then(() => undefined);
  }

  clearTransitions(kind?: string, phase?: Phase): Promise<void> {
    const q = new URLSearchParams();
    if (kind) q.set("kind", kind);
    if (phase) q.set("phase", phase);
    const qs = q.toString();
    return this.call("DELETE", `/transitions${qs ? `?${qs}` : ""}`).then(() => undefined);
  }

  setDelayScale(delayScale: number): Promise<void> {
    return this.call("PUT", "/delay-scale", { delayScale }).then(() => undefined);
  }

  advanceClock(ms: number): Promise<void> {
    return this.call("POST", "/clock", { advanceMs: ms }).then(() => undefined);
  }

  injectFault(rule: FaultRuleInput): Promise<FaultRule> {
    return this.call<{ fault: FaultRule }>("POST", "/faults", rule).then((r) => r.fault);
  }

  faults(): Promise<FaultRule[]> {
    return this.call<{ faults: FaultRule[] }>("GET", "/faults").then((r) => r.faults);
  }

  clearFaults(id?: string): Promise<void> {
    return this.call("DELETE", id ? `/faults/${encodeURIComponent(id)}` : "/faults").then(() => undefined);
  }

  requests(filter: { operation?: string; projectId?: string; since?: number; limit?: number } = {}): Promise<HistoryEntry[]> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined) q.set(k, String(v));
    const qs = q.toString();
    return this.call<{ requests: HistoryEntry[] }>("GET", `/requests${qs ? `?${qs}` : ""}`).then((r) => r.requests);
  }

  clearRequests(): Promise<void> {
    return this.call("DELETE", "/requests").then(() => undefined);
  }
}
