/**
 * Provider settings, read at run time in the provider process (never captured in the serialized provider, so no
 * credential reaches the state): Pulumi config `huaweicloud-vpn:<key>` first, then the `HW_*` environment that
 * the SDK reads itself.
 */
export const CONFIG_NAMESPACE = "huaweicloud-vpn";

export const settingKeys = ["region", "projectId", "accessKey", "secretKey", "securityToken", "endpoint"] as const;
export type SettingKey = (typeof settingKeys)[number];
export type Settings = Partial<Record<SettingKey, string>>;

/** Anything with `get(key)`: the dynamic provider's configure request, or `pulumi.Config`. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

let configured: Settings | undefined;

/** Called from the dynamic provider's `configure` with the engine's config. */
export function configureFrom(source: ConfigSource): void {
  const s: Settings = {};
  for (const k of settingKeys) {
    const v = source.get(`${CONFIG_NAMESPACE}:${k}`);
    if (v !== undefined && v !== "") s[k] = v;
  }
  configured = s;
}

/** Settings from `PULUMI_CONFIG` (the stack config the engine gives plugins), when configure was not called. */
function fromPulumiConfigEnv(): Settings {
  const raw = process.env.PULUMI_CONFIG;
  if (!raw) return {};
  try {
    const all = JSON.parse(raw) as Record<string, unknown>;
    const s: Settings = {};
    for (const k of settingKeys) {
      const v = all[`${CONFIG_NAMESPACE}:${k}`];
      if (typeof v === "string" && v !== "") s[k] = v;
    }
    return s;
  } catch {
    return {};
  }
}

export function currentSettings(): Settings {
  return configured ?? fromPulumiConfigEnv();
}
