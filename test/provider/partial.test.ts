/**
 * End-to-end: a create that succeeds but never becomes ready within the resource's deadline is recorded in the
 * state (no orphan), and the next `up` finishes it instead of creating a second one.
 */
import { describe, expect, it } from "vitest";
import { VpnGateway } from "../../provider";
import { customResources } from "../engine/harness";
import { GW, emulatorStack, remaining, useEmulator } from "./helpers";

const env = useEmulator();

describe("partial failure", () => {
  it("records a gateway that did not become ACTIVE in time, and the next up continues with it", async () => {
    await env.emu.admin.setTransition({
      kind: "vpnGateway",
      phase: "create",
      progression: { mode: "reads", reads: 100_000 },
    });
    const s = await emulatorStack(env.emu, async () => {
      const gw = new VpnGateway("gw", { ...GW, timeouts: { create: "3s" } });
      return { id: gw.id, status: gw.status };
    });
    try {
      const first = await s.up();
      expect(first.ok).toBe(false);
      expect(first.stdout + first.stderr).toContain("was created but did not become ready");
      const recorded = customResources(await s.exportState());
      expect(recorded).toHaveLength(1);
      const id = recorded[0].id;
      expect(typeof id).toBe("string");
      expect(await remaining(env.emu)).toEqual({ vpnGateway: 1 });

      // The service finishes the gateway; the next up picks up the recorded one.
      await env.emu.admin.setStatus("vpnGateway", id, "ACTIVE", env.emu.projectId);
      const second = await s.up();
      expect(second.error, second.stdout).toBeUndefined();
      expect(second.outputs?.id.value).toBe(id);
      expect(second.outputs?.status.value).toBe("ACTIVE");
      expect(await remaining(env.emu)).toEqual({ vpnGateway: 1 });

      await env.emu.admin.clearTransitions();
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      expect(await remaining(env.emu)).toEqual({});
    } finally {
      await env.emu.admin.clearTransitions();
      await s.cleanup();
    }
  }, 300_000);
});
