/**
 * Request building and validation without I/O, response handling and pagination against a real local server,
 * and the coverage of the shared operation table (every operation has a method).
 */
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { VpnClient, responseMetadata } from "../../sdk/client";
import { ValidationError } from "../../sdk/errors";
import type { FieldIssue } from "../../sdk/schemas/validate";
import { operations } from "../../sdk/spec/operations";
import { PROJECT, baseOptions, json, markerPageOf, startServer, testOperations, type TestServer } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const offline = () => new VpnClient({ ...baseOptions("http://127.0.0.1:9") });

function issuesOf(fn: () => unknown): readonly FieldIssue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe("HWC_ERR_VALIDATION");
    expect((e as ValidationError).attempts).toBe(0);
    return (e as ValidationError).issues;
  }
  throw new Error("expected a ValidationError");
}

describe("method generation", () => {
  it("creates one method per operation of the table it is given", () => {
    const c = offline();
    for (const name of Object.keys(testOperations))
      expect(typeof (c as unknown as Record<string, unknown>)[name]).toBe("function");
  });

  it("creates one method per operation of the shared table", () => {
    const c = new VpnClient({ region: "cn-north-4", projectId: PROJECT, accessKey: "ak", secretKey: "sk", env: {} });
    for (const name of Object.keys(operations))
      expect(typeof (c as unknown as Record<string, unknown>)[name], name).toBe("function");
    expect(c.config.endpoint).toBe("https://vpn.cn-north-4.myhuaweicloud.com");
  });

  it("types methods from the table", () => {
    const c = offline();
    expectTypeOf(c.showThing).parameter(0).toEqualTypeOf<{ thing_id: string }>();
    expectTypeOf(c.deleteThing).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(c.createThing).parameter(0).toHaveProperty("body");
    type Listed = Awaited<ReturnType<typeof c.listAll<"listThings">>>;
    expectTypeOf<Listed[number]>().toHaveProperty("id").toEqualTypeOf<string>();
    // @ts-expect-error path parameter is required
    void (() => c.showThing({}));
    // @ts-expect-error not a paginated operation
    void (() => c.paginate("showThing"));
  });
});

describe("buildRequest (no I/O)", () => {
  it("fills the project id, encodes path params, serialises the query and sends the ORIGINAL body", () => {
    const c = offline();
    const body = { thing: { name: "网关-1", psk: "0123456789" } };
    const r = c.buildRequest("createThing", { body });
    expect(r).toEqual({
      operation: "createThing",
      method: "POST",
      url: `http://127.0.0.1:9/v5/${PROJECT}/things`,
      path: `/v5/${PROJECT}/things`,
      query: {},
      headers: { "content-type": "application/json", "x-project-id": PROJECT },
      body: JSON.stringify(body), // no `size: 1` default filled in
    });
    expect(r.headers).not.toHaveProperty("authorization");

    const s = c.buildRequest("showThing", { thing_id: "ü:1" });
    expect(s.path).toBe(`/v5/${PROJECT}/things/%C3%BC%3A1`);
    expect(s.body).toBeUndefined();

    const l = c.buildRequest("listThings", { limit: 2, name: ["b a", "x*"], marker: "2022-11-28T06:25:01.937Z" });
    expect(l.url).toBe(
      `http://127.0.0.1:9/v5/${PROJECT}/things?limit=2&name=b%20a&name=x%2A&marker=2022-11-28T06%3A25%3A01.937Z`,
    );
    expect(l.query).toEqual({ limit: "2", name: ["b a", "x*"], marker: "2022-11-28T06:25:01.937Z" });
  });

  it("adds an X-Client-Token only for operations that take one", () => {
    const c = offline();
    expect(c.buildRequest("createTokenedThing", { body: { thing: { name: "a" } } }).headers["x-client-token"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(
      c.buildRequest("createTokenedThing", { body: { thing: { name: "a" } } }, { clientToken: "given" }).headers[
        "x-client-token"
      ],
    ).toBe("given");
  });

  it("keeps a base path of the endpoint", () => {
    const c = new VpnClient({ ...baseOptions("http://127.0.0.1:9/prefix/") });
    expect(c.buildRequest("showThing", { thing_id: "x" }).url).toBe(`http://127.0.0.1:9/prefix/v5/${PROJECT}/things/x`);
  });
});

describe("validation before sending", () => {
  const c = offline();

  it.each<[string, () => unknown, Partial<FieldIssue>[]]>([
    [
      "a missing path parameter",
      () => c.buildRequest("showThing", {} as never),
      [{ field: "thing_id", value: "<missing>" }],
    ],
    [
      "a path parameter with a slash",
      () => c.buildRequest("showThing", { thing_id: "../x" }),
      [{ field: "thing_id", value: '"../x"', rule: expect.stringMatching(/without \//) as unknown as string }],
    ],
    [
      "a body field breaking its rule, naming field, value and rule",
      () => c.buildRequest("createThing", { body: { thing: { name: "", psk: "0123456789" } } }),
      [{ field: "body.thing.name", value: '""', rule: "must be 1-64 characters" }],
    ],
    [
      "a secret field: its value is redacted",
      () => c.buildRequest("createThing", { body: { thing: { name: "a", psk: "short" } } }),
      [{ field: "body.thing.psk", value: "<redacted>", rule: "must be 8-128 characters" }],
    ],
    [
      "an undocumented body field",
      () =>
        c.buildRequest("createThing", { body: { thing: { name: "a", psk: "0123456789", colour: "red" } } } as never),
      [{ field: "body.thing.colour", value: '"red"' }],
    ],
    ["a missing body", () => c.buildRequest("createThing", {} as never), [{ field: "body", value: "<missing>" }]],
    [
      "an unknown query parameter",
      () => c.buildRequest("listThings", { colour: "red" } as never),
      [{ field: "colour", value: '"red"', rule: "is not a parameter of this operation" }],
    ],
    [
      "a query value out of range",
      () => c.buildRequest("listThings", { limit: 500 }),
      [{ field: "limit", value: "500" }],
    ],
    [
      "a body for an operation without one",
      () => c.buildRequest("deleteThing", { thing_id: "x", body: {} } as never),
      [{ field: "body", rule: "this operation takes no request body" }],
    ],
  ])("rejects %s", (_what, fn, expected) => {
    const issues = issuesOf(fn);
    expect(issues).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(issues[i]).toMatchObject(e));
  });

  it("the error message names the operation and never contains the secret", () => {
    try {
      c.buildRequest("createThing", { body: { thing: { name: "", psk: "tiny" } } });
    } catch (e) {
      expect((e as Error).message).toMatch(
        /^createThing: invalid request: body\.thing\.name: "" — must be 1-64 characters/,
      );
      expect((e as Error).message).not.toContain("tiny");
    }
  });

  it("nothing reaches the server when validation fails", async () => {
    const live = new VpnClient({ ...baseOptions(server.url) });
    await expect(live.createThing({ body: { thing: { name: "", psk: "0123456789" } } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(server.requests).toHaveLength(0);
    await live.close();
  });
});

describe("responses", () => {
  it("keeps fields the schema does not know and attaches metadata", async () => {
    server.handler = (_r, res) =>
      json(res, 200, { thing: { id: "t", name: "n", extra: { deep: [1, 2] } }, request_id: "abc", new_top: true });
    const c = new VpnClient({ ...baseOptions(server.url) });
    const out = await c.showThing({ thing_id: "t" });
    expect(out).toEqual({ thing: { id: "t", name: "n", extra: { deep: [1, 2] } }, request_id: "abc", new_top: true });
    expect(responseMetadata(out)).toEqual({ httpStatus: 200, requestId: "abc", attempts: 1, totalRetryDelayMs: 0 });
    await c.close();
  });

  it("returns a response that fails its schema as received, and reports the issues", async () => {
    server.handler = (_r, res) => json(res, 200, { thing: { id: 42, name: "n" } });
    const seen: string[] = [];
    const c = new VpnClient({
      ...baseOptions(server.url),
      onResponseMismatch: (op, issues) => seen.push(`${op}:${issues[0]!.field}`),
    });
    const out = await c.showThing({ thing_id: "t" });
    expect(out).toEqual({ thing: { id: 42, name: "n" } });
    expect(seen).toEqual(["showThing:thing.id"]);
    expect(responseMetadata(out)?.responseIssues?.[0]?.field).toBe("thing.id");
    await c.close();
  });

  it("a success body that is not JSON is returned as text and reported", async () => {
    server.handler = (_r, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("client config text");
    };
    const seen: string[] = [];
    const c = new VpnClient({
      ...baseOptions(server.url),
      onResponseMismatch: (_op, issues) => seen.push(issues[0]!.rule),
    });
    expect(await c.showThing({ thing_id: "t" })).toBe("client config text");
    expect(seen).toEqual(["response is not JSON"]);
    await c.close();
  });

  it("strictResponses turns a schema mismatch into a ValidationError", async () => {
    server.handler = (_r, res) => json(res, 200, { thing: { id: 42, name: "n" } });
    const c = new VpnClient({ ...baseOptions(server.url), strictResponses: true });
    await expect(c.showThing({ thing_id: "t" })).rejects.toMatchObject({
      code: "HWC_ERR_VALIDATION",
      message: /invalid response: thing\.id/,
    });
    await c.close();
  });

  it("send() exposes status, headers and request id", async () => {
    server.handler = (_r, res) => json(res, 201, { thing: { id: "t", name: "n" } }, { "x-request-id": "hdr-rid" });
    const c = new VpnClient({ ...baseOptions(server.url) });
    const r = await c.send("createThing", { body: { thing: { name: "n", psk: "0123456789" } } });
    expect(r).toMatchObject({ httpStatus: 201, requestId: "hdr-rid", attempts: 1, data: { thing: { id: "t" } } });
    expect(server.requests[0]!.body).toBe('{"thing":{"name":"n","psk":"0123456789"}}');
    expect(server.requests[0]!.verify.ok).toBe(true);
    await c.close();
  });
});

describe("pagination against a local server", () => {
  const things = Array.from({ length: 7 }, (_, i) => ({
    id: `t${i}`,
    name: `n${i}`,
    created_at: `2024-01-0${7 - i}T00:00:00Z`,
  }));

  function markerServer(items: typeof things, opts: { repeatMarker?: boolean } = {}) {
    server.handler = (r, res) => {
      const page = markerPageOf(items, r.url);
      const last = page.at(-1);
      json(res, 200, {
        things: page,
        page_info: { current_count: page.length, next_marker: opts.repeatMarker ? "same" : (last?.created_at ?? null) },
        total_count: items.length,
      });
    };
  }

  it("marker style: follows page_info.next_marker until a short page", async () => {
    markerServer(things);
    const c = new VpnClient({ ...baseOptions(server.url) });
    const all = await c.listAll("listThings", { name: "n" });
    expect(all.map((t) => t.id)).toEqual(things.map((t) => t.id));
    expect(server.requests.map((r) => r.url.split("?")[1])).toEqual([
      "name=n&limit=3",
      "name=n&limit=3&marker=2024-01-05T00%3A00%3A00Z",
      "name=n&limit=3&marker=2024-01-02T00%3A00%3A00Z",
    ]);
    expect(server.requests.every((r) => r.verify.ok)).toBe(true);
    await c.close();
  });

  it("marker style: a full last page costs one more (empty) request, then stops", async () => {
    markerServer(things.slice(0, 6));
    const c = new VpnClient({ ...baseOptions(server.url) });
    expect(await c.listAll("listThings", {})).toHaveLength(6);
    expect(server.requests).toHaveLength(3);
    await c.close();
  });

  it("marker style: honours a smaller limit and stops on a repeated marker", async () => {
    markerServer(things, { repeatMarker: true });
    const c = new VpnClient({ ...baseOptions(server.url) });
    const got = await c.listAll("listThings", { limit: 2 });
    expect(got).toHaveLength(4); // page 1, then marker "same" once, then the repeat is refused
    expect(server.requests.map((r) => new URL(r.url, "http://x").searchParams.get("limit"))).toEqual(["2", "2"]);
    await c.close();
  });

  it("paginate is lazy: breaking early stops fetching", async () => {
    markerServer(things);
    const c = new VpnClient({ ...baseOptions(server.url) });
    for await (const t of c.paginate("listThings")) {
      expect(t.id).toBe("t0");
      break;
    }
    expect(server.requests).toHaveLength(1);
    await c.close();
  });

  it("offset style: advances offset until total_count is reached", async () => {
    const conns = Array.from({ length: 7 }, (_, i) => ({ id: `c${i}` }));
    server.handler = (r, res) => {
      const u = new URL(r.url, "http://x");
      const limit = Number(u.searchParams.get("limit"));
      const offset = Number(u.searchParams.get("offset"));
      json(res, 200, { connections: conns.slice(offset, offset + limit), total_count: conns.length });
    };
    const c = new VpnClient({ ...baseOptions(server.url) });
    const all = await c.listAll("listThingConnections", { thing_id: "gw" });
    expect(all.map((x) => x.id)).toEqual(conns.map((x) => x.id));
    expect(server.requests.map((r) => r.url.split("?")[1])).toEqual([
      "limit=3&offset=0",
      "limit=3&offset=3",
      "limit=3&offset=6",
    ]);
    await c.close();
  });

  it("offset style: a server that caps the page below the limit is still read to the total", async () => {
    const conns = Array.from({ length: 5 }, (_, i) => ({ id: `c${i}` }));
    server.handler = (r, res) => {
      const offset = Number(new URL(r.url, "http://x").searchParams.get("offset"));
      json(res, 200, { connections: conns.slice(offset, offset + 2), total_count: conns.length });
    };
    const c = new VpnClient({ ...baseOptions(server.url) });
    expect(await c.listAll("listThingConnections", { thing_id: "gw" })).toHaveLength(5);
    expect(server.requests).toHaveLength(3);
    await c.close();
  });

  it("refuses to paginate an operation without pagination", () => {
    expect(() => offline().paginate("showThing" as never)).toThrow(/not paginated/);
  });
});
