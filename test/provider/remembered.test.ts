/**
 * Remembered durations on the user's path: two `pulumi up`s, so two provider processes started by the CLI, against
 * an endpoint that is not on loopback (the emulator served on this machine's network address stands for a cloud
 * endpoint). The first `up` searches for the gateway's completion; the second recalls how long the first took and
 * polls around it. The file holds no secret and nothing of the account.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as vpn from "../../provider";
import { GW, emulatorConfig, TEST_PSK, useEmulator } from "./helpers";
import { createTestStack } from "../engine/harness";

const lan = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

// A gateway's create takes 180 s × 0.05 = 9 s.
const env = useEmulator({ delayScale: 0.05, ...(lan ? { host: lan } : {}) });

describe("durations remembered between `up`s", () => {
  // With a network address (as on the machines we know), the emulator stands for a cloud endpoint and is
  // remembered; without one only loopback is left, which is never remembered: each case asserts its behaviour.
  it(`the second \`up\` ${lan ? "against the same cloud endpoint polls the gateway around the completion the first one saw" : "against an endpoint on loopback searches again, and nothing is written"}`, { timeout: 240_000 }, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "hwvpn-durations-")), "durations.json");
    const s = await createTestStack({
      program: async () => {
        const gw = new vpn.VpnGateway("gw", GW);
        return { id: gw.id };
      },
      config: emulatorConfig(env.emu),
      env: { HWVPN_DURATIONS_FILE: file },
    });
    const shows = () => env.emu.context.history.list({ projectId: env.emu.projectId, operation: "showVgw" }).length;
    try {
      let before = shows();
      const first = await s.up();
      expect(first.error, first.stdout).toBeUndefined();
      const firstPolls = shows() - before;
      const destroyed = await s.destroy();
      expect(destroyed.error).toBeUndefined();

      before = shows();
      const second = await s.up();
      expect(second.error, second.stdout).toBeUndefined();
      const secondPolls = shows() - before;
      // Cold: polls a second apart, then a quarter of the time waited apart, up to 9 s.
      expect(firstPolls).toBeGreaterThanOrEqual(7);
      if (!lan) {
        expect(secondPolls).toBeGreaterThanOrEqual(7);
        expect(existsSync(file)).toBe(false);
        return;
      }
      // Recalled: the window around ~9 s, a few polls.
      expect(secondPolls).toBeLessThanOrEqual(5);
      expect(secondPolls).toBeLessThan(firstPolls);

      const text = readFileSync(file, "utf8");
      const scopes = JSON.parse(text).scopes;
      expect(Object.keys(scopes)).toEqual([new URL(env.emu.url).origin]);
      expect(Object.keys(scopes[new URL(env.emu.url).origin])).toEqual(expect.arrayContaining(["vpnGateway:create", "vpnGateway:delete"]));
      for (const secret of [TEST_PSK, env.emu.secretKey, env.emu.accessKey, env.emu.projectId]) expect(text).not.toContain(secret);
    } finally {
      await s.destroy();
      await s.cleanup();
    }
  });
});
