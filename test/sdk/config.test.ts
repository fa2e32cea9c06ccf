import { describe, expect, it } from "vitest";
import { VpnClient } from "../../sdk/client";
import { resolveConfig } from "../../sdk/config";
import { ConfigError } from "../../sdk/errors";

const full = {
  region: "cn-north-4",
  projectId: "0123456789abcdef0123456789abcdef",
  accessKey: "AKVALUE",
  secretKey: "SKVALUE-secret",
};

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("resolveConfig", () => {
  it("uses options and the default endpoint", () => {
    const c = resolveConfig(full, {});
    expect(c).toEqual({
      region: "cn-north-4",
      projectId: full.projectId,
      credentials: { accessKey: "AKVALUE", secretKey: "SKVALUE-secret" },
      endpoint: "https://vpn.cn-north-4.myhuaweicloud.com",
    });
  });

  it("falls back to the HW_* environment variables", () => {
    const c = resolveConfig(
      {},
      {
        HW_ACCESS_KEY: "ak-env",
        HW_SECRET_KEY: "sk-env",
        HW_SECURITY_TOKEN: "tok-env",
        HW_REGION_NAME: "ap-southeast-1",
        HW_PROJECT_ID: "p1",
        HW_VPN_ENDPOINT: "http://127.0.0.1:8080/",
      },
    );
    expect(c).toEqual({
      region: "ap-southeast-1",
      projectId: "p1",
      credentials: { accessKey: "ak-env", secretKey: "sk-env", securityToken: "tok-env" },
      endpoint: "http://127.0.0.1:8080",
    });
  });

  it("options win over the environment; blank options count as absent", () => {
    const c = resolveConfig(
      { ...full, region: " ", endpoint: "https://vpn.example.test" },
      { HW_REGION_NAME: "eu-west-101" },
    );
    expect(c.region).toBe("eu-west-101");
    expect(c.endpoint).toBe("https://vpn.example.test");
    expect(c.credentials.accessKey).toBe("AKVALUE");
  });

  it("an endpoint alone is enough without a region", () => {
    const { region: _r, ...rest } = full;
    expect(resolveConfig({ ...rest, endpoint: "http://127.0.0.1:1" }, {}).region).toBeUndefined();
  });

  it("reports every missing setting in one HWC_ERR_CONFIG error", () => {
    const e = configError(() => resolveConfig({}, {}));
    expect(e.code).toBe("HWC_ERR_CONFIG");
    expect(e.missing).toEqual([
      "accessKey (env HW_ACCESS_KEY)",
      "secretKey (env HW_SECRET_KEY)",
      "projectId (env HW_PROJECT_ID)",
      "region (env HW_REGION_NAME), or endpoint (env HW_VPN_ENDPOINT)",
    ]);
    for (const m of e.missing) expect(e.message).toContain(m);
  });

  it("names only what is missing and never echoes a value", () => {
    const e = configError(() => resolveConfig({ accessKey: "AKVALUE", secretKey: "SKVALUE-secret" }, {}));
    expect(e.missing).toHaveLength(2);
    expect(e.message).not.toContain("SKVALUE");
    expect(e.message).not.toContain("AKVALUE");
  });

  it.each([
    ["ftp://host", /endpoint must be an http\(s\) URL/],
    ["not a url", /endpoint must be/],
    ["https://user:pw@host", /without query, fragment or credentials/],
    ["https://host/?x=1", /without query/],
  ])("rejects the endpoint %s", (endpoint, msg) => {
    const e = configError(() => resolveConfig({ ...full, endpoint }, {}));
    expect(e.message).toMatch(msg);
    expect(e.invalid).toHaveLength(1);
  });

  it("rejects a malformed region or project id together with missing settings", () => {
    const e = configError(() => resolveConfig({ region: "CN North", projectId: "a/b" }, {}));
    expect(e.missing).toHaveLength(2);
    expect(e.invalid).toHaveLength(2);
  });

  it("the client constructor throws the same error", () => {
    expect(() => new VpnClient({ env: {} })).toThrow(ConfigError);
  });
});
