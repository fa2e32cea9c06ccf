/**
 * Provider settings, read at run time (never captured in the serialized provider, so no credential reaches the
 * state): Pulumi config `huaweicloud-vpn:<key>` first, then the `HW_*` environment that the SDK reads itself.
 * In the provider process they come with the engine's configuration; in the program (data-source functions) from
 * `pulumi.Config`. One SDK client per distinct configuration.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { VpnClient } from "../sdk/client";
import { UNKNOWN } from "./plan";

export const CONFIG_NAMESPACE = "huaweicloud-vpn";

/**
 * `endpoints` is a JSON map from region to endpoint, for resources placed in another region than the stack's
 * (`region` input) when the endpoints do not follow the SDK's default pattern (emulators, private endpoints).
 */
export const settingKeys = ["region", "projectId", "accessKey", "secretKey", "securityToken", "endpoint", "endpoints"] as const;
export type SettingKey = (typeof settingKeys)[number];
/** Settings to keep as Pulumi secrets in a stack's config (`pulumi config set --secret`). */
export const secretSettingKeys: readonly SettingKey[] = ["accessKey", "secretKey", "securityToken"];
export type Settings = Partial<Record<SettingKey, string>>;

/**
 * The stack config (`huaweicloud-vpn:<key>`) that gives these settings, e.g. an emulator's:
 * `stackConfig(emu.settings)`. Keys that are not settings are left out.
 */
export function stackConfig(values: Settings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of settingKeys) {
    const v = values[k];
    if (v !== undefined) out[`${CONFIG_NAMESPACE}:${k}`] = v;
  }
  return out;
}

/** Anything with `get(key)` taking a full `namespace:key`: the dynamic provider's configure request. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** The settings a lookup gives (empty values count as unset). */
export function settingsFrom(get: (key: SettingKey) => string | undefined): Settings {
  const s: Settings = {};
  for (const k of settingKeys) {
    const v = get(k);
    if (v !== undefined && v !== "") s[k] = v;
  }
  return s;
}

let configured: Settings = {};

/** Called from the dynamic provider's `configure` with the engine's config. */
export function configureFrom(source: ConfigSource): void {
  configured = settingsFrom((k) => source.get(`${CONFIG_NAMESPACE}:${k}`));
}

/** Where a resource lives when it says so itself (its `region` / `projectId` inputs). */
export interface Placement {
  region?: string;
  projectId?: string;
}

const placement = new AsyncLocalStorage<Placement>();

/** Runs `fn` with the settings of a resource that names its own region or project (the stack's otherwise). */
export function withPlacement<T>(p: Placement, fn: () => T): T {
  return p.region || p.projectId ? placement.run(p, fn) : fn();
}

/** A resource's placement from its inputs or state (only string values count; unknowns at preview do not). */
export function placementOf(props: object | undefined): Placement {
  const out: Placement = {};
  for (const k of ["region", "projectId"] as const) {
    const v = (props as Placement | undefined)?.[k];
    if (typeof v === "string" && v !== "" && v !== UNKNOWN) out[k] = v;
  }
  return out;
}

/**
 * Settings with a placement applied: another region takes its endpoint from `endpoints`, else the SDK's default
 * for the region (a configured `endpoint` serves the configured region only).
 */
export function placed(base: Settings, p: Placement): Settings {
  const { endpoints, ...rest } = base;
  const out: Settings = { ...rest };
  if (p.projectId) out.projectId = p.projectId;
  if (p.region && p.region !== base.region) {
    out.region = p.region;
    let map: Record<string, string> = {};
    try {
      map = endpoints ? (JSON.parse(endpoints) as Record<string, string>) : {};
    } catch {
      throw new Error(`${CONFIG_NAMESPACE}:endpoints must be a JSON object of region → endpoint, e.g. {"cn-north-9":"https://…"}`);
    }
    if (map[p.region]) out.endpoint = map[p.region];
    else delete out.endpoint;
  }
  return out;
}

/** The settings for the resource being handled (its placement over the configured settings). */
export function currentSettings(): Settings {
  return placed(configured, placement.getStore() ?? {});
}

/** Whether two resources' placements differ (an unset region or project is the configured one). */
export function placementChanged(a: Placement, b: Placement): ("region" | "projectId")[] {
  return (["region", "projectId"] as const).filter((k) => (a[k] ?? configured[k]) !== (b[k] ?? configured[k]));
}

const clients = new Map<string, VpnClient>();

/** The SDK client for these settings (created once per distinct configuration). */
export function clientFor(settings: Settings): VpnClient {
  const key = JSON.stringify(settings);
  let c = clients.get(key);
  if (!c) {
    c = new VpnClient(settings);
    clients.set(key, c);
  }
  return c;
}
