/**
 * The client's retry loop against a real local HTTP server that fails by call counter: dropped sockets, 503,
 * 429 with Retry-After, VPN.0030, then success; POST with and without X-Client-Token; outcome unknown;
 * timeouts; abort; clock-skew correction; the debug log's redaction. Every request the server receives is
 * checked with verifyRequest, so every attempt is shown to be correctly (re-)signed.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VpnClient, responseMetadata } from "../../sdk/client";
import { ApiError, NetworkError, OutcomeUnknownError, TimeoutError, VpnSdkError } from "../../sdk/errors";
import {
  AK,
  SK,
  apiError,
  baseOptions,
  dropConnection,
  json,
  recordingSleep,
  startServer,
  type TestServer,
  testOperations,
} from "./helpers";

let server: TestServer;
let client: VpnClient<typeof testOperations> | undefined;

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await client?.close();
  client = undefined;
  await server.close();
});

function makeClient(extra: Record<string, unknown> = {}) {
  const s = recordingSleep();
  client = new VpnClient({ ...baseOptions(server.url), sleep: s.sleep, retry: { random: () => 0.5 }, ...extra });
  return { client, delays: s.delays };
}

const thing = { thing: { id: "t-1", name: "a" } };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("retries (idempotent GET)", () => {
  it("survives a dropped socket, 503, 429 + Retry-After, VPN.0030, then returns the 200", async () => {
    server.handler = (_r, res, n) => {
      if (n === 1) return dropConnection(res);
      if (n === 2) return apiError(res, 503, "", "Service Unavailable");
      if (n === 3) return apiError(res, 429, "APIGW.0308", "throttled", { "retry-after": "2" });
      if (n === 4) return apiError(res, 400, "VPN.0030", "The system is busy, please try later.");
      return json(res, 200, thing);
    };
    let t = Date.now();
    const { client: c, delays } = makeClient({ clock: () => (t += 1000) });
    const out = await c.showThing({ thing_id: "t-1" });
    expect(out.thing.id).toBe("t-1");
    expect(server.requests).toHaveLength(5);
    // full jitter above the 100 ms floor at random()=0.5: 100 + 0.5 * (500 - 100), 100 + 0.5 * (1000 - 100),
    // then Retry-After 2 s plus 0.5 * 2000, then 100 + 0.5 * (4000 - 100)
    expect(delays).toEqual([300, 550, 3000, 2050]);
    expect(responseMetadata(out)).toMatchObject({ attempts: 5, totalRetryDelayMs: 5900, httpStatus: 200 });
    // every attempt was signed afresh and verifies
    expect(server.requests.every((r) => r.verify.ok)).toBe(true);
    expect(new Set(server.requests.map((r) => r.headers["x-sdk-date"])).size).toBe(5);
  });

  it("gives up after maxAttempts with the last ApiError, carrying attempts and delay", async () => {
    server.handler = (_r, res) => apiError(res, 503, "VPN.0002", "server error: busy");
    const { client: c, delays } = makeClient({ retry: { maxAttempts: 3, random: () => 1 } });
    const err = await rejection(c.showThing({ thing_id: "t-1" }));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: "HWC_ERR_API",
      httpStatus: 503,
      errorCode: "VPN.0002",
      attempts: 3,
      totalRetryDelayMs: 1500,
    });
    expect(delays).toEqual([500, 1000]);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a definite client error", async () => {
    server.handler = (_r, res) => apiError(res, 404, "VPN.0004", "resource not found");
    const { client: c } = makeClient();
    const err = (await rejection(c.showThing({ thing_id: "t-1" }))) as ApiError;
    expect(err.errorCode).toBe("VPN.0004");
    expect(err.requestId).toBe("rid-VPN.0004");
    expect(err.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("retries PUT and DELETE on a dropped connection", async () => {
    server.handler = (r, res, n) => {
      if (n % 2 === 1) return dropConnection(res);
      if (r.method === "DELETE") {
        res.writeHead(204);
        return res.end();
      }
      return json(res, 200, thing);
    };
    const { client: c } = makeClient();
    await expect(c.updateThing({ thing_id: "t-1", body: { thing: { name: "b" } } })).resolves.toMatchObject(thing);
    await expect(c.deleteThing({ thing_id: "t-1" })).resolves.toBeUndefined();
    expect(server.requests.map((r) => r.method)).toEqual(["PUT", "PUT", "DELETE", "DELETE"]);
  });

  it("stops when the next back-off would exceed maxTotalMs", async () => {
    server.handler = (_r, res) => apiError(res, 429, "", "slow down", { "retry-after": "30" });
    const { client: c, delays } = makeClient({ retry: { maxTotalMs: 5_000 } });
    const err = (await rejection(c.showThing({ thing_id: "t-1" }))) as ApiError;
    expect(err.httpStatus).toBe(429);
    expect(err.retryAfterMs).toBe(30_000);
    expect(delays).toEqual([]);
    expect(err.attempts).toBe(1);
  });

  it("honours Retry-After given as an HTTP date, relative to the response Date", async () => {
    const serverNow = new Date(Math.floor(Date.now() / 1000) * 1000);
    server.handler = (_r, res, n) =>
      n === 1
        ? apiError(res, 503, "", "later", {
            date: serverNow.toUTCString(),
            "retry-after": new Date(serverNow.getTime() + 7000).toUTCString(),
          })
        : json(res, 200, thing);
    const { client: c, delays } = makeClient();
    await c.showThing({ thing_id: "t-1" });
    expect(delays).toEqual([7250]); // 7 s, plus 0.5 × the first ceiling (500 ms)
  });
});

describe("POST and idempotency", () => {
  const body = { thing: { name: "n", psk: "s3cret-psk-value" } };

  it("without X-Client-Token: a 503 is not retried but surfaces as OutcomeUnknownError", async () => {
    server.handler = (_r, res) => apiError(res, 503, "", "Service Unavailable");
    const { client: c } = makeClient();
    const err = await rejection(c.createThing({ body }));
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err).toBeInstanceOf(VpnSdkError);
    expect(err).toMatchObject({ code: "HWC_ERR_OUTCOME_UNKNOWN", attempts: 1, clientToken: undefined });
    expect((err as OutcomeUnknownError).cause).toBeInstanceOf(ApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("without X-Client-Token: a connection dropped after sending is OutcomeUnknownError, not a retry", async () => {
    server.handler = (_r, res) => dropConnection(res);
    const { client: c } = makeClient();
    const err = await rejection(c.createThing({ body }));
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect((err as OutcomeUnknownError).cause).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);
  });

  it("without X-Client-Token: 429 and VPN.0030 (not processed) are retried", async () => {
    server.handler = (_r, res, n) => {
      if (n === 1) return apiError(res, 429, "", "throttled");
      if (n === 2) return apiError(res, 400, "VPN.0030", "The system is busy, please try later.");
      return json(res, 201, { thing: { id: "t-9", name: "n" } });
    };
    const { client: c } = makeClient();
    const out = await c.createThing({ body });
    expect(out.thing.id).toBe("t-9");
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.headers["x-client-token"] === undefined)).toBe(true);
  });

  it("with X-Client-Token: retried on drop and 500, the same signed token on every attempt", async () => {
    server.handler = (_r, res, n) => {
      if (n === 1) return dropConnection(res);
      if (n === 2) return apiError(res, 500, "VPN.0002", "server error");
      return json(res, 201, thing);
    };
    const { client: c } = makeClient();
    const out = await c.createTokenedThing({ body: { thing: { name: "a" } } });
    expect(out.thing.id).toBe("t-1");
    const tokens = server.requests.map((r) => r.headers["x-client-token"]);
    expect(tokens).toHaveLength(3);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(tokens).size).toBe(1);
    for (const r of server.requests) {
      expect(r.verify.ok).toBe(true);
      expect(String(r.headers["authorization"])).toContain("x-client-token");
    }
  });

  it("with X-Client-Token: retries exhausted on an ambiguous failure gives OutcomeUnknownError with the token", async () => {
    server.handler = (_r, res) => apiError(res, 502, "", "bad gateway");
    const { client: c } = makeClient({ retry: { maxAttempts: 2, random: () => 0 } });
    const err = (await rejection(
      c.createTokenedThing({ body: { thing: { name: "a" } } }, { clientToken: "tok-fixed-1" }),
    )) as OutcomeUnknownError;
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.clientToken).toBe("tok-fixed-1");
    expect(err.attempts).toBe(2);
    expect(server.requests.map((r) => r.headers["x-client-token"])).toEqual(["tok-fixed-1", "tok-fixed-1"]);
  });

  it("a read that uses POST (list…ByTags) is retried like a GET", async () => {
    server.handler = (_r, res, n) => (n === 1 ? dropConnection(res) : json(res, 200, { resources: [] }));
    const { client: c } = makeClient();
    await expect(c.listThingsByTags({ body: {} })).resolves.toMatchObject({ resources: [] });
    expect(server.requests).toHaveLength(2);
  });

  it("a definite 400 on a POST is an ApiError whose message never echoes the secret", async () => {
    server.handler = (r, res) => {
      const sent = JSON.parse(r.body) as { thing: { psk: string } };
      apiError(res, 400, "VPN.0001", `invalid request: psk ${sent.thing.psk} is weak`);
    };
    const { client: c } = makeClient();
    const err = (await rejection(c.createThing({ body }))) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.errorCode).toBe("VPN.0001");
    expect(err.message).toContain("VPN.0001");
    expect(err.message).not.toContain("s3cret-psk-value");
    expect(err.errorMsg).toBe("invalid request: psk <redacted> is weak");
    expect(JSON.stringify(err.body)).not.toContain("s3cret-psk-value");
  });

  it("a secret with JSON-special characters is scrubbed from the kept error body too", async () => {
    const psk = 'q"uo\\te-psk-1';
    server.handler = (r, res) => {
      const sent = JSON.parse(r.body) as { thing: { psk: string } };
      apiError(res, 400, "VPN.0001", `bad psk ${sent.thing.psk}`);
    };
    const { client: c } = makeClient();
    const err = (await rejection(c.createThing({ body: { thing: { name: "n", psk } } }))) as ApiError;
    expect(err.errorMsg).toBe("bad psk <redacted>");
    expect(JSON.stringify(err.body)).not.toContain("uo");
  });

  it("connection refused is retried even for a POST (nothing was sent) and ends as NetworkError", async () => {
    const dead = await startServer();
    const url = dead.url;
    await dead.close();
    const s = recordingSleep();
    client = new VpnClient({ ...baseOptions(url), sleep: s.sleep, retry: { maxAttempts: 3 } });
    const err = (await rejection(client.createThing({ body }))) as NetworkError;
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.syscallCode).toBe("ECONNREFUSED");
    expect(err.notSent).toBe(true);
    expect(err.attempts).toBe(3);
    expect(s.delays).toHaveLength(2);
  });
});

describe("timeouts and cancellation", () => {
  it("a GET that times out is retried, then fails with TimeoutError", async () => {
    server.handler = (_r, res) => void setTimeout(() => json(res, 200, thing), 1000);
    const { client: c } = makeClient({ timeoutMs: 80, retry: { maxAttempts: 2 } });
    const err = await rejection(c.showThing({ thing_id: "t-1" }));
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ code: "HWC_ERR_TIMEOUT", attempts: 2, timeoutMs: 80 });
    expect(server.requests).toHaveLength(2);
  });

  it("a POST without token that times out is OutcomeUnknownError after one attempt", async () => {
    server.handler = (_r, res) => void setTimeout(() => json(res, 201, thing), 1000);
    const { client: c } = makeClient({ timeoutMs: 80 });
    const err = (await rejection(
      c.createThing({ body: { thing: { name: "n", psk: "12345678" } } }),
    )) as OutcomeUnknownError;
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.cause).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  it("a per-call timeout overrides the client's", async () => {
    server.handler = (_r, res) => void setTimeout(() => json(res, 200, thing), 300);
    const { client: c } = makeClient({ timeoutMs: 50 });
    await expect(c.showThing({ thing_id: "t-1" }, { timeoutMs: 2000 })).resolves.toMatchObject(thing);
  });

  it("aborting an in-flight request rejects with the signal's reason and does not retry", async () => {
    server.handler = (_r, res) => void setTimeout(() => json(res, 200, thing), 2000);
    const { client: c } = makeClient();
    const ac = new AbortController();
    const p = c.showThing({ thing_id: "t-1" }, { signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    const err = (await rejection(p)) as Error;
    expect(err.name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });

  it("aborting during the back-off cancels the sleep", async () => {
    server.handler = (_r, res) => apiError(res, 503, "", "later", { "retry-after": "20" });
    client = new VpnClient({ ...baseOptions(server.url) }); // real sleep
    const ac = new AbortController();
    const started = Date.now();
    const p = client.showThing({ thing_id: "t-1" }, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error("stop now")), 100);
    const err = (await rejection(p)) as Error;
    expect(err.message).toBe("stop now");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it("an already-aborted signal sends nothing", async () => {
    const { client: c } = makeClient();
    await expect(c.showThing({ thing_id: "t-1" }, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("clock skew", () => {
  it("learns the offset from the Date header of a 401 and re-signs once", async () => {
    const skewMs = 60 * 60 * 1000;
    server.now = () => new Date(Date.now() + skewMs);
    server.handler = (r, res) => {
      const date = new Date(Date.now() + skewMs).toUTCString();
      if (!r.verify.ok) return apiError(res, 401, r.verify.code, "Incorrect IAM authentication information", { date });
      return json(res, 200, thing, { date });
    };
    const { client: c, delays } = makeClient();
    const out = await c.showThing({ thing_id: "t-1" });
    expect(out.thing.id).toBe("t-1");
    expect(server.requests.map((r) => r.verify.ok)).toEqual([false, true]);
    expect(delays).toEqual([]);
    expect(Math.abs(c.executor.clockOffsetMs - skewMs)).toBeLessThan(5000);
    // the next call is signed with the corrected clock straight away
    await c.showThing({ thing_id: "t-1" });
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.verify.ok).toBe(true);
  });

  it("a 401 without skew is not retried", async () => {
    server.handler = (_r, res) => apiError(res, 401, "APIGW.0301", "Incorrect IAM authentication information");
    const { client: c } = makeClient();
    const err = (await rejection(c.showThing({ thing_id: "t-1" }))) as ApiError;
    expect(err.errorCode).toBe("APIGW.0301");
    expect(server.requests).toHaveLength(1);
  });
});

describe("debug log", () => {
  it("shows method, path, status and attempt, redacts secret fields and never shows credentials", async () => {
    server.handler = (r, res, n) =>
      n === 1
        ? apiError(res, 503, "", "later")
        : json(res, 201, {
            thing: { id: "t-1", name: "n", ...(r.url.includes("/things") ? { psk: "s3cret-psk-value" } : {}) },
          });
    const lines: string[] = [];
    const token = "SECURITY-TOKEN-VALUE-123";
    const { client: c } = makeClient({ logger: (l: string) => lines.push(l), securityToken: token });
    await c.createTokenedThing({ body: { thing: { name: "n" } } });
    await c.createThing({ body: { thing: { name: "n", psk: "s3cret-psk-value" } } }).catch(() => undefined);
    const all = lines.join("\n");
    expect(all).toMatch(
      /createTokenedThing POST \/v5\/0123456789abcdef0123456789abcdef\/tokened-things attempt 1 -> 503/,
    );
    expect(all).toMatch(/attempt 2 -> 201/);
    expect(all).toContain('"psk":"<redacted>"');
    for (const secret of ["s3cret-psk-value", SK, token, "SDK-HMAC-SHA256", AK]) expect(all).not.toContain(secret);
    expect(server.requests.every((r) => r.headers["x-security-token"] === token && r.verify.ok)).toBe(true);
  });

  it("HW_VPN_DEBUG=1 turns the stderr log on", async () => {
    server.handler = (_r, res) => json(res, 200, thing);
    const written: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      client = new VpnClient({ ...baseOptions(server.url), env: { HW_VPN_DEBUG: "1" } });
      await client.showThing({ thing_id: "t-1" });
    } finally {
      process.stderr.write = orig;
    }
    expect(written.join("")).toMatch(/\[huaweicloud-vpn\] showThing GET \/v5\/\w+\/things\/t-1 attempt 1 -> 200/);
  });
});
