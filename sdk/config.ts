/**
 * Client settings: explicit options first, then environment variables, then defaults. Every missing setting is
 * reported in one `HWC_ERR_CONFIG` error, naming the option and the variable; values are never echoed.
 */
import { ConfigError } from "./errors";
import type { Credentials } from "./signing";

export interface VpnConfigOptions {
  /** Region id, e.g. `cn-north-4` (env `HW_REGION_NAME`). Needed for the default endpoint. */
  region?: string;
  /** Project id for `{project_id}` and `X-Project-Id` (env `HW_PROJECT_ID`). */
  projectId?: string;
  /** Access key (env `HW_ACCESS_KEY`). */
  accessKey?: string;
  /** Secret key (env `HW_SECRET_KEY`). */
  secretKey?: string;
  /** Security token of temporary credentials (env `HW_SECURITY_TOKEN`). */
  securityToken?: string;
  /** Endpoint override, e.g. an emulator `http://127.0.0.1:8080` (env `HW_VPN_ENDPOINT`). */
  endpoint?: string;
}

export interface ResolvedConfig {
  readonly region: string | undefined;
  readonly projectId: string;
  readonly credentials: Readonly<Credentials>;
  /** Origin plus optional base path, without a trailing slash. */
  readonly endpoint: string;
}

export const ENV = {
  accessKey: "HW_ACCESS_KEY",
  secretKey: "HW_SECRET_KEY",
  securityToken: "HW_SECURITY_TOKEN",
  region: "HW_REGION_NAME",
  projectId: "HW_PROJECT_ID",
  endpoint: "HW_VPN_ENDPOINT",
} as const;

/** `https://vpn.{region}.myhuaweicloud.com` (the official SDK's VPN region table follows this pattern). */
export function defaultEndpoint(region: string): string {
  return `https://vpn.${region}.myhuaweicloud.com`;
}

function pick(opt: string | undefined, env: string | undefined): string | undefined {
  const v = opt !== undefined && opt.trim() !== "" ? opt : env;
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

const REGION_RE = /^[a-z]{2,}(-[a-z0-9]+)+$/;
const PROJECT_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** Resolves options against `env` (default `process.env`); throws one `ConfigError` listing every problem. */
export function resolveConfig(
  options: VpnConfigOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedConfig {
  const region = pick(options.region, env[ENV.region]);
  const projectId = pick(options.projectId, env[ENV.projectId]);
  const accessKey = pick(options.accessKey, env[ENV.accessKey]);
  const secretKey = pick(options.secretKey, env[ENV.secretKey]);
  const securityToken = pick(options.securityToken, env[ENV.securityToken]);
  const endpointRaw = pick(options.endpoint, env[ENV.endpoint]);

  const missing: string[] = [];
  const invalid: string[] = [];
  if (!accessKey) missing.push(`accessKey (env ${ENV.accessKey})`);
  if (!secretKey) missing.push(`secretKey (env ${ENV.secretKey})`);
  if (!projectId) missing.push(`projectId (env ${ENV.projectId})`);
  if (!region && !endpointRaw) missing.push(`region (env ${ENV.region}), or endpoint (env ${ENV.endpoint})`);

  if (region && !REGION_RE.test(region)) invalid.push(`region must look like "cn-north-4"`);
  if (projectId && !PROJECT_RE.test(projectId)) invalid.push("projectId must be 1-64 letters, digits, '-' or '_'");
  let endpoint = endpointRaw ?? (region ? defaultEndpoint(region) : "");
  if (endpointRaw) {
    let u: URL | undefined;
    try {
      u = new URL(endpointRaw);
    } catch {
      u = undefined;
    }
    if (!u || (u.protocol !== "https:" && u.protocol !== "http:") || u.search || u.hash || u.username || u.password) {
      invalid.push("endpoint must be an http(s) URL without query, fragment or credentials");
    } else {
      endpoint = endpointRaw.replace(/\/+$/, "");
    }
  }

  if (missing.length > 0 || invalid.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing ${missing.join(", ")}`);
    if (invalid.length > 0) parts.push(invalid.join("; "));
    throw new ConfigError(`Huawei Cloud VPN client configuration: ${parts.join("; ")}`, { missing, invalid });
  }
  const credentials: Credentials = { accessKey: accessKey!, secretKey: secretKey! };
  if (securityToken) credentials.securityToken = securityToken;
  return { region, projectId: projectId!, credentials, endpoint };
}
