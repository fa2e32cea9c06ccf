/**
 * End-to-end: the HA demo program through injected faults (10% of requests answered 429, 503 or VPN.0030, and one
 * VPN connection create whose response is lost after the connection was made) ends with exactly the declared
 * resources; and no PSK or credential appears in plaintext in the exported state or in the engine's output.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { haVpn } from "../../examples/ha-vpn/program";
import { customResources } from "../engine/harness";
import { TEST_PSK, emulator, emulatorStack, remaining } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu?.close();
});

describe("the HA program under faults", () => {
  it("ends with exactly the declared resources, and leaks no secret", async () => {
    for (const [status, errorCode] of [
      [429, undefined],
      [503, undefined],
      [400, "VPN.0030"],
    ] as const) {
      await emu.admin.injectFault({ path: "^/v5/", status, ...(errorCode ? { errorCode } : {}), probability: 0.034 });
    }
    await emu.admin.injectFault({ operation: "createVpnConnection", drop: "after", times: 1 });
    const s = await emulatorStack(emu, async () => haVpn());
    try {
      const up = await s.up();
      expect(up.error).toBeUndefined();
      expect(up.summary?.create).toBe(7); // the stack, gateway, customer gateway, two connections, two monitors
      const faults = await emu.admin.faults();
      expect(faults.reduce((n, f) => n + f.hits, 0)).toBeGreaterThan(1);
      expect(faults.find((f) => f.drop === "after")?.hits).toBe(1);
      await emu.admin.clearFaults();
      expect(await remaining(emu)).toEqual({ vpnGateway: 1, customerGateway: 1, vpnConnection: 2, connectionMonitor: 2 });
      const again = await s.preview();
      expect(Object.entries(again.summary ?? {}).filter(([k, n]) => k !== "same" && n > 0)).toEqual([]);

      // Secrets: the PSK and the credentials are encrypted in the state and absent from the engine's output.
      const state = JSON.stringify(await s.exportState());
      const text = up.stdout + up.stderr + again.stdout + again.stderr + JSON.stringify(up.events);
      for (const secret of [TEST_PSK, emu.secretKey, emu.accessKey]) {
        expect(state).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
      const conns = customResources(await s.exportState()).filter((r) => r.type.endsWith(":VpnConnection"));
      expect(conns).toHaveLength(2);
      for (const c of conns) {
        expect(c.inputs.psk?.["4dabf18193072939515e22adb298388d"]).toBe("1b47061264138c4ac30d75fd1eb44270");
        expect(c.outputs.psk?.["4dabf18193072939515e22adb298388d"]).toBe("1b47061264138c4ac30d75fd1eb44270");
      }
      const emulatorLog = JSON.stringify(await emu.admin.requests({ projectId: emu.projectId }));
      expect(emulatorLog).not.toContain(TEST_PSK);

      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      expect(await remaining(emu)).toEqual({});
    } finally {
      await emu.admin.clearFaults();
      await s.cleanup();
    }
  }, 600_000);
});
