/** The error taxonomy, table-driven like undici's test/errors.js, plus body parsing and classification. */
import { describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConfigError,
  NetworkError,
  OutcomeUnknownError,
  ResourceFailedError,
  TimeoutError,
  ValidationError,
  VpnSdkError,
  WaitTimeoutError,
  isConflict,
  isNotFound,
  isRetryable,
  isThrottle,
  parseErrorBody,
} from "../../sdk/errors";

const api = (httpStatus: number, errorCode?: string, errorMsg?: string) =>
  new ApiError({
    httpStatus,
    ...(errorCode ? { errorCode } : {}),
    ...(errorMsg ? { errorMsg } : {}),
    operation: "showVgw",
  });

describe("error classes", () => {
  const table: [string, () => VpnSdkError, string, string, RegExp][] = [
    [
      "ApiError",
      () => api(404, "VPN.0004", "resource not found"),
      "ApiError",
      "HWC_ERR_API",
      /^showVgw: HTTP 404 VPN\.0004: resource not found$/,
    ],
    [
      "NetworkError",
      () => new NetworkError("ECONNRESET: socket hang up", { syscallCode: "ECONNRESET" }),
      "NetworkError",
      "HWC_ERR_NETWORK",
      /ECONNRESET/,
    ],
    [
      "TimeoutError",
      () => new TimeoutError("request timed out after 5 ms", { timeoutMs: 5 }),
      "TimeoutError",
      "HWC_ERR_TIMEOUT",
      /timed out/,
    ],
    [
      "ValidationError",
      () =>
        new ValidationError([{ field: "vpn_gateway.name", value: '""', rule: "must be 1-64 characters" }], {
          operation: "createVgw",
        }),
      "ValidationError",
      "HWC_ERR_VALIDATION",
      /^createVgw: invalid request: vpn_gateway\.name: "" — must be 1-64 characters$/,
    ],
    [
      "ConfigError",
      () => new ConfigError("missing accessKey", { missing: ["accessKey"] }),
      "ConfigError",
      "HWC_ERR_CONFIG",
      /missing accessKey/,
    ],
    [
      "OutcomeUnknownError",
      () => new OutcomeUnknownError("maybe", { clientToken: "t" }),
      "OutcomeUnknownError",
      "HWC_ERR_OUTCOME_UNKNOWN",
      /maybe/,
    ],
    [
      "WaitTimeoutError",
      () => new WaitTimeoutError("still PENDING_CREATE", { lastStatus: "PENDING_CREATE" }),
      "WaitTimeoutError",
      "HWC_ERR_WAIT_TIMEOUT",
      /PENDING/,
    ],
    [
      "ResourceFailedError",
      () => new ResourceFailedError("gateway FAULT", { status: "FAULT", resourceId: "g" }),
      "ResourceFailedError",
      "HWC_ERR_RESOURCE_FAILED",
      /FAULT/,
    ],
  ];

  it.each(table)("%s has its name, stable code and message", (_n, make, name, code, message) => {
    const e = make();
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(VpnSdkError);
    expect(e.name).toBe(name);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.attempts).toBe(0);
  });

  it("instanceof is precise between sibling classes", () => {
    expect(api(500)).not.toBeInstanceOf(NetworkError);
    expect(new NetworkError("x")).not.toBeInstanceOf(ApiError);
    expect(new Error("x")).not.toBeInstanceOf(VpnSdkError);
    expect({ code: "HWC_ERR_API" }).not.toBeInstanceOf(ApiError);
    expect(null).not.toBeInstanceOf(VpnSdkError);
  });

  it("instanceof works across two copies of the module (Symbol.for brand)", async () => {
    vi.resetModules();
    const copy = await import("../../sdk/errors");
    expect(copy.ApiError).not.toBe(ApiError);
    const foreign = new copy.ApiError({ httpStatus: 404 });
    expect(foreign).toBeInstanceOf(ApiError);
    expect(foreign).toBeInstanceOf(VpnSdkError);
    expect(api(404)).toBeInstanceOf(copy.ApiError);
    expect(isNotFound(foreign)).toBe(true);
    expect(new copy.NetworkError("x")).not.toBeInstanceOf(ApiError);
  });

  it("keeps the cause", () => {
    const cause = new Error("inner");
    expect(new OutcomeUnknownError("outer", { cause }).cause).toBe(cause);
  });
});

describe("parseErrorBody", () => {
  it.each<[string, string, Record<string, string>, object]>([
    [
      "{error_code, error_msg, request_id} (VPN examples)",
      '{"error_code":"VPN.0072","error_msg":"Certificate client_ca_8sux3d has expired.","request_id":"b012532f"}',
      {},
      { errorCode: "VPN.0072", errorMsg: "Certificate client_ca_8sux3d has expired.", requestId: "b012532f" },
    ],
    [
      "{code, message} (error appendix)",
      '{"code":"VPN.0001","message":"invalid request:xxx"}',
      { "x-request-id": "hdr" },
      { errorCode: "VPN.0001", errorMsg: "invalid request:xxx", requestId: "hdr" },
    ],
    [
      "{error: {code, message}} (IAM/gateway)",
      '{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}',
      {},
      { errorCode: "APIGW.0301", errorMsg: "Incorrect IAM authentication information" },
    ],
    [
      "{error_msg, error_code} without request_id",
      '{"error_msg":"Request body is invalid.","error_code":"IAM.0011"}',
      { "x-request-id": "r2" },
      { errorCode: "IAM.0011", requestId: "r2" },
    ],
    ["non-JSON text", "<html>Bad Gateway</html>", {}, { errorMsg: "<html>Bad Gateway</html>" }],
    ["an empty body", "", { "x-request-id": "r3" }, { requestId: "r3", body: undefined }],
  ])("parses %s", (_what, text, headers, expected) => {
    expect(parseErrorBody(text, headers)).toMatchObject(expected);
  });

  it("an empty body has no code or message", () => {
    const p = parseErrorBody("");
    expect(p.errorCode).toBeUndefined();
    expect(p.errorMsg).toBeUndefined();
  });
});

describe("classification", () => {
  it.each<[string, unknown, { notFound: boolean; conflict: boolean; retryable: boolean; throttle: boolean }]>([
    ["404 without code", api(404), { notFound: true, conflict: false, retryable: false, throttle: false }],
    ["VPN.0004", api(404, "VPN.0004"), { notFound: true, conflict: false, retryable: false, throttle: false }],
    [
      "VPN.0509 gateway does not exist",
      api(404, "VPN.0509"),
      { notFound: true, conflict: false, retryable: false, throttle: false },
    ],
    [
      "VPN.0563 connection does not exist",
      api(404, "VPN.0563"),
      { notFound: true, conflict: false, retryable: false, throttle: false },
    ],
    [
      "VPN.0003 not ready",
      api(403, "VPN.0003", "resource (type=GATEWAY, ID=x) is not ready, currently CREATING"),
      { notFound: false, conflict: true, retryable: false, throttle: false },
    ],
    [
      "VPN.0003 authentication failed",
      api(403, "VPN.0003", "Authentication failed: no permission"),
      { notFound: false, conflict: false, retryable: false, throttle: false },
    ],
    [
      "VPN.0506 being created",
      api(400, "VPN.0506"),
      { notFound: false, conflict: true, retryable: false, throttle: false },
    ],
    [
      "VPN.0507 being updated",
      api(400, "VPN.0507"),
      { notFound: false, conflict: true, retryable: false, throttle: false },
    ],
    [
      "VPN.0508 being deleted",
      api(400, "VPN.0508"),
      { notFound: false, conflict: true, retryable: false, throttle: false },
    ],
    [
      "VPN.0031 repeated operation",
      api(400, "VPN.0031"),
      { notFound: false, conflict: true, retryable: false, throttle: false },
    ],
    [
      "VPN.1801 orders in progress",
      api(400, "VPN.1801"),
      { notFound: false, conflict: true, retryable: false, throttle: false },
    ],
    ["HTTP 409", api(409), { notFound: false, conflict: true, retryable: false, throttle: false }],
    [
      "VPN.1401 access policy does not exist (HTTP 400)",
      api(400, "VPN.1401"),
      { notFound: true, conflict: false, retryable: false, throttle: false },
    ],
    ["VPN.1303 user does not exist", api(404, "VPN.1303"), { notFound: true, conflict: false, retryable: false, throttle: false }],
    [
      "VPN.0030 system busy",
      api(400, "VPN.0030"),
      { notFound: false, conflict: false, retryable: true, throttle: true },
    ],
    ["429", api(429), { notFound: false, conflict: false, retryable: true, throttle: true }],
    ["500", api(500, "VPN.0002"), { notFound: false, conflict: false, retryable: true, throttle: false }],
    ["502", api(502), { notFound: false, conflict: false, retryable: true, throttle: false }],
    ["503", api(503), { notFound: false, conflict: false, retryable: true, throttle: false }],
    ["504", api(504), { notFound: false, conflict: false, retryable: true, throttle: false }],
    ["400 VPN.0001", api(400, "VPN.0001"), { notFound: false, conflict: false, retryable: false, throttle: false }],
    ["network error", new NetworkError("x"), { notFound: false, conflict: false, retryable: true, throttle: false }],
    ["timeout", new TimeoutError("x"), { notFound: false, conflict: false, retryable: true, throttle: false }],
    ["a plain Error", new Error("x"), { notFound: false, conflict: false, retryable: false, throttle: false }],
  ])("%s", (_what, err, want) => {
    expect({
      notFound: isNotFound(err),
      conflict: isConflict(err),
      retryable: isRetryable(err),
      throttle: isThrottle(err),
    }).toEqual(want);
  });

  it("isConflict accepts a kind's extra not-ready codes", () => {
    expect(isConflict(api(400, "VPN.9999"))).toBe(false);
    expect(isConflict(api(400, "VPN.9999"), ["VPN.9999"])).toBe(true);
  });
});
