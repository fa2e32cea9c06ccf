/**
 * Pulumi conventions on the real engine against the emulator: `VpnGateway.get` reads an existing gateway into the
 * stack (and leaves it alone on destroy), `isInstance` tells the classes apart, and a function's `…Output` form
 * takes an Output as its argument and returns the typed result.
 */
import { describe, expect, it } from "vitest";
import * as vpn from "../../provider";
import { GW, apiClient, emulatorStack, remaining, useEmulator } from "../provider/helpers";

const env = useEmulator();

describe("get, isInstance and …Output functions", () => {
  it("reads an existing gateway by id, typed, and leaves it in place on destroy", async () => {
    const api = apiClient(env.emu);
    const created = await api.createVgw({
      body: { vpn_gateway: { name: "existing-gw", vpc_id: GW.vpcId, connect_subnet: GW.connectSubnet, local_subnets: GW.localSubnets, eip1: GW.eip1, eip2: GW.eip2 } },
    });
    const id: string = created.vpn_gateway.id;
    for (let i = 0; i < 200 && (await api.showVgw({ vgw_id: id })).vpn_gateway.status !== "ACTIVE"; i++) await new Promise((r) => setTimeout(r, 100));

    const s = await emulatorStack(env.emu, async () => {
      const gw = vpn.VpnGateway.get("existing", id);
      const cgw = new vpn.CustomerGateway("cgw", { idType: "ip", idValue: "10.12.13.21" });
      const info = vpn.getVpnGatewayOutput({ id: gw.id });
      return {
        name: gw.name,
        status: gw.status,
        eip1: gw.eip1.apply((e) => e?.id),
        infoName: info.apply((g) => g.name),
        gwIsGateway: vpn.VpnGateway.isInstance(gw),
        cgwIsGateway: vpn.VpnGateway.isInstance(cgw),
        cgwIsCustomerGateway: vpn.CustomerGateway.isInstance(cgw),
      };
    });
    try {
      const up = await s.up();
      expect(up.error).toBeUndefined();
      expect(up.outputs?.name?.value).toBe("existing-gw");
      expect(up.outputs?.status?.value).toBe("ACTIVE");
      expect(up.outputs?.eip1?.value).toBe(GW.eip1.id);
      expect(up.outputs?.infoName?.value).toBe("existing-gw");
      expect(up.outputs?.gwIsGateway?.value).toBe(true);
      expect(up.outputs?.cgwIsGateway?.value).toBe(false);
      expect(up.outputs?.cgwIsCustomerGateway?.value).toBe(true);
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      // The read gateway is not the stack's: destroy deleted the customer gateway only.
      expect((await api.showVgw({ vgw_id: id })).vpn_gateway.name).toBe("existing-gw");
      const left = await remaining(env.emu);
      expect(Object.values(left).reduce((a, b) => a + b, 0), JSON.stringify(left)).toBe(1);
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
