/**
 * End-to-end: the HA demo program through injected faults (10% of requests answered 429, 503 or VPN.0030, and the
 * creates of a gateway, a customer gateway and a connection answered by a dropped connection after the resource
 * was made) ends with exactly the declared resources; and no PSK or credential appears in plaintext in the exported state or in the engine's output.
 */
import { describe, expect, it } from "vitest";
import { haVpn } from "../../examples/ha-vpn/program";
import { TEST_PSK, emulatorStack, remaining, useEmulator } from "./helpers";

const env = useEmulator();

describe("the HA program under faults", () => {
  it("ends with exactly the declared resources, and leaks no secret", async () => {
    // About 10% of all requests fail at random, and each kind of fault is certain to happen at least once.
    for (const [status, errorCode] of [
      [429, undefined],
      [503, undefined],
      [400, "VPN.0030"],
    ] as const) {
      await env.emu.admin.injectFault({
        path: "^/v5/",
        status,
        ...(errorCode ? { errorCode } : {}),
        probability: 0.034,
      });
    }
    const certain = [
      await env.emu.admin.injectFault({ operation: "showVgw", status: 429, retryAfter: 1, times: 1 }),
      await env.emu.admin.injectFault({ operation: "showVpnConnection", status: 503, times: 1 }),
      await env.emu.admin.injectFault({
        operation: "createConnectionMonitor",
        status: 400,
        errorCode: "VPN.0030",
        times: 1,
      }),
      await env.emu.admin.injectFault({ operation: "createVpnConnection", drop: "after", times: 1 }),
      // Ambiguous creates are reconciled through paged lists (customer gateways) and unpaged ones (gateways).
      await env.emu.admin.injectFault({ operation: "createCgw", drop: "after", times: 1 }),
      await env.emu.admin.injectFault({ operation: "createVgw", drop: "after", times: 1 }),
    ];
    const s = await emulatorStack(env.emu, async () => haVpn());
    try {
      const up = await s.up();
      expect(up.error).toBeUndefined();
      expect(up.summary?.create).toBe(7); // the stack, gateway, customer gateway, two connections, two monitors
      const history = await env.emu.admin.requests({ projectId: env.emu.projectId });
      const fired = (id: string) => history.filter((h) => h.faults?.includes(id)).length;
      for (const rule of certain) expect(fired(rule.id), JSON.stringify(rule)).toBe(1);
      const failed = history.filter((h) => (h.faults?.length ?? 0) > 0).length;
      console.log(`resilience: ${history.length} API requests, ${failed} answered with an injected fault`);
      await env.emu.admin.clearFaults();
      expect(await remaining(env.emu)).toEqual({
        vpnGateway: 1,
        customerGateway: 1,
        vpnConnection: 2,
        connectionMonitor: 2,
      });
      const again = await s.preview();
      expect(Object.entries(again.summary ?? {}).filter(([k, n]) => k !== "same" && n > 0)).toEqual([]);

      // Secrets: the PSK and the credentials are encrypted in the state and absent from the engine's output.
      const state = s.rawState();
      const text = up.stdout + up.stderr + again.stdout + again.stderr + JSON.stringify(up.events);
      for (const secret of [TEST_PSK, env.emu.secretKey, env.emu.accessKey]) {
        expect(state).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
      const stored = JSON.parse(state).checkpoint.latest.resources as any[];
      const conns = stored.filter((r) => String(r.type).endsWith(":VpnConnection"));
      expect(conns).toHaveLength(2);
      for (const c of conns) {
        expect(typeof c.inputs.psk?.ciphertext).toBe("string");
        expect(typeof c.outputs.psk?.ciphertext).toBe("string");
      }
      const emulatorLog = JSON.stringify(await env.emu.admin.requests({ projectId: env.emu.projectId }));
      expect(emulatorLog).not.toContain(TEST_PSK);

      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      expect(await remaining(env.emu)).toEqual({});
    } finally {
      await env.emu.admin.clearFaults();
      await s.cleanup();
    }
  }, 600_000);
});
