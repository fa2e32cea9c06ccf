/**
 * End-to-end on the real engine (issue 12): a P2C gateway created by the program together with its VPN server
 * and a user is destroyed as a whole. The API has no delete operation for a server, so the server goes with its
 * gateway (api-p2c-common.md §5); before, the gateway's delete was refused because it had a server, and such a
 * stack could never be destroyed.
 */
import { describe, expect, it } from "vitest";
import { emulatorStack, p2cGatewayServerUser, remaining, useEmulator } from "./helpers";

const env = useEmulator();

describe("P2C gateway with a VPN server", () => {
  it("destroy deletes the gateway, and the server and its users go with it", async () => {
    const s = await emulatorStack(env.emu, async () => {
      const { gw, server, user } = p2cGatewayServerUser("p2c-destroy");
      return { gw: gw.id, server: server.id, user: user.id };
    });
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(await remaining(env.emu)).toMatchObject({ p2cVpnGateway: 1, vpnServer: 1, vpnUser: 1 });

      const down = await s.destroy();
      expect(down.error, down.stdout + down.stderr).toBeUndefined();
      expect(down.stdout + down.stderr).toContain(
        `VpnServer ${up.outputs?.server.value} is removed from the stack but not deleted`,
      );
      const deletes = await env.emu.admin.requests({ operation: "deleteP2cVgw", projectId: env.emu.projectId });
      expect(deletes.map((r) => r.status)).toEqual([204]);
      // nothing is left: the user was deleted by the program, the server went with its gateway
      expect(await remaining(env.emu)).toEqual({});
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
