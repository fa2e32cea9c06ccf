/**
 * Provider settings, read at run time (never captured in the serialized provider, so no credential reaches the
 * state): Pulumi config `huaweicloud-vpn:<key>` first, then the `HW_*` environment that the SDK reads itself.
 * In the provider process they come with the engine's configuration; in the program (data-source functions) from
 * `pulumi.Config`. One SDK client per distinct configuration.
 */
import { VpnClient } from "../sdk/client";

export const CONFIG_NAMESPACE = "huaweicloud-vpn";

export const settingKeys = ["region", "projectId", "accessKey", "secretKey", "securityToken", "endpoint"] as const;
export type SettingKey = (typeof settingKeys)[number];
export type Settings = Partial<Record<SettingKey, string>>;

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

export function currentSettings(): Settings {
  return configured;
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
