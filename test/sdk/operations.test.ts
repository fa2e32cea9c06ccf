/**
 * The client over the shared operation table (sdk/spec/operations.ts): every operation gets a method and builds
 * a request from its path template; secrets of real operations are redacted in validation errors; a real
 * paginated operation is iterated against a local server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VpnClient } from "../../sdk/client";
import { ValidationError } from "../../sdk/errors";
import { isIdempotentOperation } from "../../sdk/http/retry";
import { operationList } from "../../sdk/spec/operations";
import { AK, PROJECT, SK, json, markerPageOf, startServer, type TestServer } from "./helpers";

const ID = "3e9b8c9a-2a4c-4a83-8e41-1b2a0f4c2d11";
const client = new VpnClient({ region: "cn-north-4", projectId: PROJECT, accessKey: AK, secretKey: SK, env: {} });

describe("every operation of the shared table", () => {
  it("the table is not empty", () => {
    expect(operationList.length).toBeGreaterThan(0);
  });

  for (const op of operationList) {
    it(`${op.key}: has a method and builds ${op.method} ${op.path}`, () => {
      expect(typeof (client as unknown as Record<string, unknown>)[op.key]).toBe("function");
      const params: Record<string, string> = {};
      for (const m of op.path.matchAll(/\{([^}]+)\}/g)) if (m[1] !== "project_id") params[m[1]!] = ID;
      const expectedPath = op.path.replace("{project_id}", PROJECT).replace(/\{[^}]+\}/g, ID);
      let built;
      try {
        built = client.buildRequest(op.key, params as never);
      } catch (e) {
        // Operations with a body or required query parameters refuse to build without them, naming them.
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).issues.length).toBeGreaterThan(0);
        expect(op.body !== undefined || op.query !== undefined).toBe(true);
        return;
      }
      expect(built.method).toBe(op.method);
      expect(built.url).toBe(`https://vpn.cn-north-4.myhuaweicloud.com${expectedPath}`);
      expect(built.headers["x-project-id"]).toBe(PROJECT);
      expect("x-client-token" in built.headers).toBe(op.clientToken === true);
    });
  }

  it("operations without body and query build without any parameters but their path ids", () => {
    const plain = operationList.filter((o) => !o.body && !o.query);
    expect(plain.length).toBeGreaterThan(10);
    for (const op of plain) {
      const params: Record<string, string> = {};
      for (const m of op.path.matchAll(/\{([^}]+)\}/g)) if (m[1] !== "project_id") params[m[1]!] = ID;
      expect(client.buildRequest(op.key, params as never).url).not.toContain("{");
    }
  });

  it("every operation with X-Client-Token is a POST, the only case where the token matters", () => {
    for (const op of operationList.filter((o) => o.clientToken)) expect(op.method).toBe("POST");
  });

  it("read-only POSTs are recognised by name, creates are not", () => {
    const readOnly = operationList
      .filter((o) => o.method === "POST" && isIdempotentOperation(o.key, o.method))
      .map((o) => o.key);
    for (const k of readOnly) expect(k).toMatch(/^(list|show|count|check|export)/);
    for (const o of operationList.filter((x) => /^(create|batchCreate|import)/.test(x.key))) {
      expect(isIdempotentOperation(o.key, o.method), o.key).toBe(false);
    }
  });
});

describe("secrets of real operations", () => {
  it("a validation error on an operation with secretFields never shows the secret", () => {
    const withSecrets = operationList.filter((o) => o.body && (o.secretFields?.length ?? 0) > 0);
    expect(withSecrets.length).toBeGreaterThan(0);
    for (const op of withSecrets) {
      const secretPath = op.secretFields![0]!;
      if (secretPath.includes("[]")) continue;
      // Build a body that has only the secret, with a value that breaks any plausible rule.
      const body: Record<string, unknown> = {};
      let cur = body;
      const parts = secretPath.split(".");
      parts.forEach((p, i) => {
        if (i === parts.length - 1) cur[p] = "SECRET-VALUE-\u0001";
        else cur = (cur[p] = {}) as Record<string, unknown>;
      });
      const params: Record<string, unknown> = { body };
      for (const m of op.path.matchAll(/\{([^}]+)\}/g)) if (m[1] !== "project_id") params[m[1]!] = ID;
      try {
        client.buildRequest(op.key, params as never);
        throw new Error(`${op.key}: expected a ValidationError`);
      } catch (e) {
        expect(e, op.key).toBeInstanceOf(ValidationError);
        expect((e as Error).message, op.key).not.toContain("SECRET-VALUE");
        for (const i of (e as ValidationError).issues) expect(i.value, op.key).not.toContain("SECRET-VALUE");
      }
    }
  });
});

describe("a real paginated operation against a local server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it("iterates every page of the first marker-paginated list operation", async () => {
    const op = operationList.find((o) => o.pagination?.style === "marker" && !o.path.slice(15).includes("{"));
    expect(op?.pagination?.style).toBe("marker");
    const listKey = op!.pagination!.listKey;
    const items = Array.from({ length: 5 }, (_, i) => ({
      id: `${String(i).padStart(8, "0")}-2a4c-4a83-8e41-1b2a0f4c2d11`,
      name: `item-${i}`,
      created_at: `2024-01-0${9 - i}T00:00:00.000Z`,
    }));
    server.handler = (r, res) => {
      const page = markerPageOf(items, r.url);
      json(res, 200, {
        [listKey]: page,
        page_info: { current_count: page.length, next_marker: page.at(-1)?.created_at ?? null },
        total_count: items.length,
        request_id: "r",
      });
    };
    const c = new VpnClient({
      region: "cn-north-4",
      projectId: PROJECT,
      accessKey: AK,
      secretKey: SK,
      endpoint: server.url,
      env: {},
    });
    const got = await c.listAll(op!.key as never, { limit: 2 } as never);
    expect((got as { id: string }[]).map((x) => x.id)).toEqual(items.map((x) => x.id));
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((r) => r.verify.ok)).toBe(true);
    await c.close();
  });
});
