/**
 * Persistence (`stateFile` / `--state FILE`): a restart keeps every resource, its lifecycle and the default
 * project id; the file holds no secret. The CLI from source: banner with the HW_* settings, the secret key only
 * there, SIGTERM flushes, a restart on the same file serves the same resources.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { parseArgs } from "../../emulator/cli";
import { clientFor, signed, activeGateway, createCustomerGateway, createConnection, spawnEmulatorCli } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "emu-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("in-process persistence", () => {
  it("a restart on the same state file keeps resources, statuses, lifecycles and the project id", async () => {
    const file = join(dir, "state.json");
    const a = await startEmulator({ stateFile: file, accessKey: "AKPERSIST0000000001", secretKey: "persist-secret-key-0001" });
    const vpn = clientFor(a);
    const g = await activeGateway(vpn);
    const cgw = await createCustomerGateway(vpn);
    const c = await createConnection(vpn, g, cgw, { psk: "Persist.Psk-1" });
    await a.admin.setPeer(c.id, true);
    await a.admin.setTransition({ kind: "vpnGateway", phase: "delete", progression: { mode: "reads", reads: 1 } });
    const pending = await activeGateway(vpn);
    await vpn.deleteVgw({ vgw_id: pending.id } as any);
    await a.close();
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain("Persist.Psk-1");
    expect(text).not.toContain("persist-secret-key-0001");

    const b: RunningEmulator = await startEmulator({ stateFile: file, accessKey: "AKPERSIST0000000001", secretKey: "persist-secret-key-0001" });
    try {
      expect(b.projectId).toBe(a.projectId);
      const vpn2 = clientFor(b);
      const conn: any = await vpn2.showVpnConnection({ vpn_connection_id: c.id } as any);
      expect(conn.vpn_connection.status).toBe("ACTIVE");
      expect(conn.vpn_connection.cgw_id).toBe(cgw.id);
      const gws: any = await vpn2.listVgws({} as any);
      expect(gws.vpn_gateways.map((x: any) => x.id).sort()).toEqual([g.id, pending.id].sort());
      // the delete phase survived the restart: the list read saw it PENDING_DELETE, the next read finds it gone
      expect(gws.vpn_gateways.find((x: any) => x.id === pending.id).status).toBe("PENDING_DELETE");
      await expect(vpn2.showVgw({ vgw_id: pending.id } as any)).rejects.toMatchObject({ errorCode: "VPN.0509" });
      const res = await signed(b, "GET", "/v5/{project_id}/customer-gateways?limit=10");
      expect(res.json.customer_gateways.map((x: any) => x.id)).toEqual([cgw.id]);
    } finally {
      await b.close();
    }
  });
});


function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

describe("CLI", () => {
  it("parses its options", () => {
    expect(parseArgs(["--port", "8787", "--host=0.0.0.0", "--delay-scale", "0.5", "--state", "s.json", "--access-key", "AK", "--secret-key", "SK", "--project-id", "P"])).toEqual({
      port: 8787,
      host: "0.0.0.0",
      delayScale: 0.5,
      stateFile: "s.json",
      accessKey: "AK",
      secretKey: "SK",
      projectId: "P",
    });
    expect(parseArgs([])).toEqual({ port: 8787, delayScale: 0.02 });
    expect(() => parseArgs(["--port", "x"])).toThrow(/--port/);
    expect(() => parseArgs(["--bogus"])).toThrow(/unknown option/);
  });

  it("prints the HW_* settings, serves signed requests, keeps its state across a restart", async () => {
    const file = join(dir, "cli-state.json");
    const secret = "cli-secret-key-0000000001";
    const args = ["--port", "0", "--delay-scale", "0", "--state", file, "--access-key", "AKCLI00000000000001", "--secret-key", secret, "--project-id", "0123456789abcdef0123456789abcdef"];
    const first = spawnEmulatorCli(args);
    const env = await first.banner;
    expect(env.HW_VPN_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env).toMatchObject({ HW_ACCESS_KEY: "AKCLI00000000000001", HW_SECRET_KEY: secret, HW_PROJECT_ID: "0123456789abcdef0123456789abcdef", HW_REGION_NAME: "cn-north-4" });
    const emuLike = { url: env.HW_VPN_ENDPOINT!, projectId: env.HW_PROJECT_ID!, accessKey: env.HW_ACCESS_KEY!, secretKey: env.HW_SECRET_KEY! } as RunningEmulator;
    const created = await signed(emuLike, "POST", "/v5/{project_id}/customer-gateways", { customer_gateway: { name: "cgw-cli", id_value: "10.2.3.4" } });
    expect(created.status).toBe(201);
    expect(await stop(first.child)).toBe(0);
    expect(existsSync(file)).toBe(true);
    // the secret key appears exactly once in everything the CLI printed: the HW_SECRET_KEY line
    expect(first.output().split(secret).length - 1).toBe(1);

    const second = spawnEmulatorCli(args);
    const env2 = await second.banner;
    const emu2 = { ...emuLike, url: env2.HW_VPN_ENDPOINT! } as RunningEmulator;
    const listed = await signed(emu2, "GET", "/v5/{project_id}/customer-gateways?limit=10");
    expect(listed.json.customer_gateways.map((c: any) => c.name)).toEqual(["cgw-cli"]);
    expect(await stop(second.child)).toBe(0);
  });
});
