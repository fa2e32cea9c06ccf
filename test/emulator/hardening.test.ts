/**
 * The emulator on hostile or careless input (issue 14 item 6): JSON bodies limited in depth and size (400 with a
 * clear error, on the signed API and the admin API), no input that ends the process (the state file included),
 * a request history of bounded, redacted summaries, project state created by writes only, an admin API that a
 * web page cannot drive, and fault rules matched without user-supplied regular expressions.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmulatorAdmin, type RunningEmulator } from "../../emulator";
import { MAX_ADMIN_BODY_BYTES, MAX_BODY_BYTES, MAX_JSON_DEPTH, nestsDeeperThan } from "../../emulator/body";
import { pathMatches } from "../../emulator/faults";
import { SUMMARY_LIMITS } from "../../emulator/history";
import { send, signed, spawnEmulatorCli, useEmulator } from "./helpers";

const env = useEmulator({}, { resetAfterEach: true });
const dir = mkdtempSync(join(tmpdir(), "emu-harden-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
const deepSeed = (levels: number) => `{"inventory":{"vpcs":${deep(levels)}}}`;

/** An admin request as a client would send it, with the token and JSON body unless overridden. */
function admin(
  emu: RunningEmulator,
  method: string,
  path: string,
  opts: { body?: string; headers?: Record<string, string> } = {},
) {
  return send(`${emu.url}/__emulator${path}`, {
    method,
    headers: {
      "x-emulator-admin-token": emu.adminToken,
      ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(opts.headers ?? {}),
    },
    ...(opts.body !== undefined ? { body: opts.body } : {}),
  });
}

describe("JSON body limits", () => {
  it("counts nesting without recursion, skipping strings and escapes", () => {
    expect(nestsDeeperThan(deep(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(deep(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[[[\\"[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan(deep(1_000_000), MAX_JSON_DEPTH)).toBe(true);
  });

  it("the signed API answers 400 VPN.0001 to a 100,000-deep body, and to one over 12 MB", async () => {
    const r = await send(`${env.emu.url}/v5/${env.emu.projectId}/customer-gateways`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: deep(100_000),
    });
    // unsigned: refused before anything else looks at the body, and not a 500
    expect(r.status).toBe(401);
    const viaSigner = await signedRaw(
      env.emu,
      "POST",
      "/v5/{project_id}/customer-gateways",
      `{"customer_gateway":${deep(100_000)}}`,
    );
    expect(viaSigner.status).toBe(400);
    expect(viaSigner.json).toMatchObject({ error_code: "VPN.0001" });
    expect(viaSigner.json.error_msg).toMatch(new RegExp(`deeper than ${MAX_JSON_DEPTH} levels`));

    const big = await signedRaw(
      env.emu,
      "POST",
      "/v5/{project_id}/customer-gateways",
      `{"a":"${"x".repeat(MAX_BODY_BYTES)}"}`,
    );
    expect(big.status).toBe(400);
    expect(big.json).toMatchObject({ error_code: "VPN.0001", error_msg: expect.stringMatching(/exceeds 12 MB/) });
    expect((await env.emu.admin.health()).ok).toBe(true);
  });

  it("the admin API answers 400 to a deep body and 413 to one over its limit", async () => {
    const r = await admin(env.emu, "POST", "/seed", { body: deepSeed(100_000) });
    expect(r.status).toBe(400);
    expect(r.json.error_msg).toMatch(/deeper than 32 levels/);
    const big = await admin(env.emu, "POST", "/seed", { body: `{"x":"${"y".repeat(MAX_ADMIN_BODY_BYTES)}"}` });
    expect(big.status).toBe(413);
    const notObject = await admin(env.emu, "POST", "/faults", { body: "[1]" });
    expect([notObject.status, notObject.json.error_msg]).toEqual([400, "an admin request body must be a JSON object"]);
  });
});

/** A signed request with an exact body text (helpers' `signed` takes a value and stringifies it). */
async function signedRaw(emu: RunningEmulator, method: string, path: string, body: string) {
  const { signRequest } = await import("../../sdk/signing");
  const url = `${emu.url}${path.replace("{project_id}", emu.projectId)}`;
  const headers = signRequest(
    { method, url, headers: { "content-type": "application/json", "x-project-id": emu.projectId }, body },
    { accessKey: emu.accessKey, secretKey: emu.secretKey },
  );
  return send(url, { method, headers, body });
}

describe("request history", () => {
  it("keeps a bounded, redacted summary of each body", async () => {
    const body = {
      customer_gateway: { name: "cgw-big", id_value: "10.0.0.1", description: "d".repeat(200_000) },
      extra: Array.from({ length: 5000 }, (_, i) => ({ i, password: `Secret-${i}` })),
    };
    await signed(env.emu, "POST", "/v5/{project_id}/customer-gateways", body);
    const [entry] = await env.emu.admin.requests({ operation: "createCgw" });
    const text = JSON.stringify(entry!.body);
    expect(text.length).toBeLessThan(16_000);
    expect(text).not.toContain("Secret-");
    const b = entry!.body as { customer_gateway: { name: string; description: string }; extra: unknown[] };
    expect(b.customer_gateway.name).toBe("cgw-big");
    expect(b.customer_gateway.description).toMatch(/…<200000 chars>$/);
    expect(b.extra).toHaveLength(SUMMARY_LIMITS.arrayItems + 1);
    expect(b.extra.at(-1)).toBe(`…<${5000 - SUMMARY_LIMITS.arrayItems} more items>`);
    expect(b.extra[0]).toEqual({ i: 0, password: "<redacted>" });
  });
});

describe("project state is created by writes only", () => {
  it("reads, refused writes and admin look-ups on an unknown project id leave nothing behind", async () => {
    const other = "0123456789abcdef0123456789abcd01";
    const listed = await signed(env.emu, "GET", "/v5/{project_id}/vpn-gateways", undefined, { project: other });
    expect(listed.status).toBe(200);
    const missing = await signed(
      env.emu,
      "DELETE",
      "/v5/{project_id}/customer-gateways/3c5e3a4b-0000-4a8d-8a86-2c82bd9ee114",
      undefined,
      {
        project: other,
      },
    );
    expect(missing.status).toBe(404);
    const refused = await signed(
      env.emu,
      "POST",
      "/v5/{project_id}/customer-gateways",
      { customer_gateway: {} },
      { project: other },
    );
    expect(refused.status).toBe(400);
    await expect(
      env.emu.admin.setStatus("vpnGateway", "3c5e3a4b-0000-4a8d-8a86-2c82bd9ee114", "FREEZED", other),
    ).rejects.toThrow(/404/);
    expect((await env.emu.admin.health()).projects).not.toContain(other);
    expect((await env.emu.admin.state(other)).projects).toEqual([]);

    const created = await signed(
      env.emu,
      "POST",
      "/v5/{project_id}/customer-gateways",
      { customer_gateway: { name: "c1", id_value: "10.0.0.9" } },
      { project: other },
    );
    expect(created.status).toBe(201);
    expect((await env.emu.admin.health()).projects).toContain(other);
  });
});

describe("the admin API refuses what a web page can send", () => {
  it("needs the per-start token (GET /health excepted)", async () => {
    const none = await send(`${env.emu.url}/__emulator/state`, { method: "GET" });
    expect(none.status).toBe(401);
    expect(none.json.error_msg).toMatch(/X-Emulator-Admin-Token|x-emulator-admin-token/i);
    const wrong = await admin(env.emu, "POST", "/reset", {
      body: "{}",
      headers: { "x-emulator-admin-token": "guess" },
    });
    expect(wrong.status).toBe(401);
    expect((await send(`${env.emu.url}/__emulator/health`, { method: "GET" })).status).toBe(200);
    await expect(new EmulatorAdmin(env.emu.url).state()).rejects.toThrow(/401/);
    expect((await new EmulatorAdmin(env.emu.url, env.emu.adminToken).state()).projects).toEqual(expect.any(Array));
  });

  it("a text/plain body, a foreign Origin or a foreign Host is refused even with the token", async () => {
    await env.emu.admin.injectFault({ operation: "listCgws", status: 500 });
    const plain = await admin(env.emu, "POST", "/reset", {
      body: "{}",
      headers: { "content-type": "text/plain;charset=UTF-8" },
    });
    expect(plain.status).toBe(415);
    const origin = await admin(env.emu, "POST", "/reset", { body: "{}", headers: { origin: "http://evil.example" } });
    expect(origin.status).toBe(403);
    const host = await admin(env.emu, "POST", "/reset", { body: "{}", headers: { host: "evil.example:8787" } });
    expect(host.status).toBe(403);
    // none of them took effect
    expect(await env.emu.admin.faults()).toHaveLength(1);
    const ok = await admin(env.emu, "POST", "/reset", { body: "{}", headers: { host: `localhost:${env.emu.port}` } });
    expect(ok.status).toBe(200);
    expect(await env.emu.admin.faults()).toEqual([]);
  });
});

describe("fault rules match path patterns, never user regexes", () => {
  it("substring, ^ and $ anchors and * wildcards", () => {
    const p = "/v5/abc/vpn-gateways/123";
    expect(pathMatches("/v5/", p)).toBe(true);
    expect(pathMatches("^/v5/", p)).toBe(true);
    expect(pathMatches("^/v5/", "/x/v5/")).toBe(false);
    expect(pathMatches("/123$", p)).toBe(true);
    expect(pathMatches("/vpn-gateways$", p)).toBe(false);
    expect(pathMatches("^/v5/*/vpn-gateways/*$", p)).toBe(true);
    expect(pathMatches("^/v5/*/customer-gateways", p)).toBe(false);
    expect(pathMatches("gate*ways*3$", p)).toBe(true);
    expect(pathMatches("^/v5/abc/vpn-gateways/123$", p)).toBe(true);
    expect(pathMatches("^*$", "")).toBe(true);
  });

  it("refuses regex syntax, and a pathological path is matched at once", async () => {
    await expect(env.emu.admin.injectFault({ path: "(a+)+$", status: 500 })).rejects.toThrow(
      /not a regular expression/,
    );
    await expect(env.emu.admin.injectFault({ path: "/v5/.*", status: 500 })).rejects.toThrow(
      /not a regular expression/,
    );
    await expect(
      env.emu.admin.injectFault({ path: "/v5/", method: 5 as unknown as string, status: 500 }),
    ).rejects.toThrow(/method must be a string/);
    // what makes a backtracking matcher take exponential or polynomial time is one pass here
    const started = performance.now();
    expect(pathMatches("*a*a*a*a*a*a*a*a*b$", "a".repeat(100_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
    await env.emu.admin.injectFault({ path: "*a*a*a*a*a*a*a*a*b$", status: 500 });
    const r = await signed(env.emu, "GET", `/v5/{project_id}/vpn-gateways/${"a".repeat(4000)}`);
    expect(r.status).toBe(404); // the rule did not match; the request went on
  });
});


function emulatorOf(vars: Record<string, string>): RunningEmulator {
  const url = vars.HW_VPN_ENDPOINT!;
  return {
    url,
    projectId: vars.HW_PROJECT_ID!,
    accessKey: vars.HW_ACCESS_KEY!,
    secretKey: vars.HW_SECRET_KEY!,
    adminToken: vars.HW_EMULATOR_ADMIN_TOKEN!,
    admin: new EmulatorAdmin(url, vars.HW_EMULATOR_ADMIN_TOKEN!),
  } as RunningEmulator;
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return Math.round(kb / 1024);
}

describe("the CLI process survives its input", () => {
  it("with --state: a 100,000-deep seed is refused, a state file that cannot be written is reported, and it keeps serving", async () => {
    const file = join(dir, "state.json");
    const cli = spawnEmulatorCli(["--port", "0", "--state", file, "--delay-scale", "0"]);
    try {
      const emu = emulatorOf(await cli.banner);
      expect(emu.adminToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      const r = await admin(emu, "POST", "/seed", { body: deepSeed(100_000) });
      expect(r.status).toBe(400);
      // the state file's place is taken by a directory: the next write fails, on stderr, not fatally
      rmSync(file, { force: true });
      mkdirSync(file);
      writeFileSync(join(file, "keep"), "");
      await emu.admin.seed({ quotas: { vpnGateway: 3 } });
      await new Promise((res) => setTimeout(res, 200));
      expect(cli.child.exitCode).toBe(null);
      expect(cli.output()).toMatch(/could not write the state file/);
      expect((await emu.admin.health()).ok).toBe(true);
      const listed = await signed(emu, "GET", "/v5/{project_id}/customer-gateways");
      expect(listed.status).toBe(200);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  it("memory stays flat under 40 signed 11 MB requests", { timeout: 180_000 }, async () => {
    const cli = spawnEmulatorCli(["--port", "0", "--delay-scale", "0"]);
    try {
      const emu = emulatorOf(await cli.banner);
      const pid = cli.child.pid!;
      await signed(emu, "GET", "/v5/{project_id}/customer-gateways");
      const before = rssMb(pid);
      const body = JSON.stringify({
        customer_gateway: { name: "big", id_value: "10.0.0.1", description: "x".repeat(11 * 1024 * 1024) },
      });
      let afterTen = 0;
      for (let i = 1; i <= 40; i++) {
        const r = await signedRaw(emu, "POST", "/v5/{project_id}/customer-gateways", body);
        expect(r.status).toBe(400);
        if (i === 10) afterTen = rssMb(pid);
      }
      await new Promise((res) => setTimeout(res, 1000));
      const after = rssMb(pid);
      process.stdout.write(
        `emulator RSS: before ${before} MB, after 10 × 11 MB ${afterTen} MB, after 40 × 11 MB ${after} MB\n`,
      );
      expect((await emu.admin.requests({ operation: "createCgw" })).length).toBe(40);
      // The heap grows once to hold one 11 MB body, then stays: 30 more bodies add nothing the process keeps
      // (when the history kept whole bodies, each one added ~12 MB).
      expect(after - afterTen).toBeLessThan(60);
    } finally {
      cli.child.kill("SIGKILL");
    }
  });
});
