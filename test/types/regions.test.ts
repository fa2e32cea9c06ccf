/**
 * Per-resource `region` and `projectId` on the real engine: one program manages gateways in two regions (two
 * emulators, one per region, the second reached through `huaweicloud-vpn:endpoints`), each resource through the
 * client of its own region and project; moving a resource to another region replaces it.
 */
import { describe, expect, it } from "vitest";
import * as vpn from "../../provider";
import { createTestStack } from "../engine/harness";
import { GW, apiClient, emulatorConfig, remaining, useEmulator } from "../provider/helpers";

/** The second gateway's own EIPs (the first's are bound to it once both are in one region). */
const AWAY_EIPS = ["aff40e5e-demo-a8df-va86-7366077bf097", "a290f1ee-demo-a8df-va86-d701748f0851"] as const;
const KEYS = { accessKey: "AKTESTREGIONS0000001", secretKey: "sk-test-regions-0000000000000000000001" };
const north4 = useEmulator({ region: "cn-north-4", projectId: "0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa4", ...KEYS });
const north9 = useEmulator({ region: "cn-north-9", projectId: "0bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb9", ...KEYS });

describe("region and projectId per resource", () => {
  it("creates, reads and deletes resources in two regions from one program", async () => {
    let secondRegion = "cn-north-9";
    const stack = await createTestStack({
      program: async () => {
        const home = new vpn.VpnGateway("home", GW);
        const away = new vpn.VpnGateway("away", { ...GW, eip1: { id: AWAY_EIPS[0] }, eip2: { id: AWAY_EIPS[1] }, region: secondRegion, projectId: secondRegion === "cn-north-9" ? north9.emu.projectId : north4.emu.projectId });
        const cgw = new vpn.CustomerGateway("cgw-away", { idType: "ip", idValue: "10.12.13.21", region: "cn-north-9", projectId: north9.emu.projectId });
        return { home: home.id, away: away.id, awayRegion: away.region, awayStatus: away.status, cgw: cgw.id };
      },
      config: {
        ...emulatorConfig(north4.emu),
        "huaweicloud-vpn:endpoints": JSON.stringify({ "cn-north-9": north9.emu.url }),
      },
    });
    try {
      const up = await stack.up();
      expect(up.error).toBeUndefined();
      expect(up.outputs?.awayRegion?.value).toBe("cn-north-9");
      expect(up.outputs?.awayStatus?.value).toBe("ACTIVE");
      const home = up.outputs!.home!.value as string;
      const away = up.outputs!.away!.value as string;
      // Each gateway exists in its own region only.
      expect((await apiClient(north4.emu).showVgw({ vgw_id: home })).vpn_gateway.id).toBe(home);
      await expect(apiClient(north4.emu).showVgw({ vgw_id: away })).rejects.toThrow();
      expect((await apiClient(north9.emu).showVgw({ vgw_id: away })).vpn_gateway.id).toBe(away);
      expect(await remaining(north9.emu)).toEqual({ vpnGateway: 1, customerGateway: 1 });

      // A refresh reads each from its own region: no drift.
      const refresh = await stack.refresh();
      expect(refresh.error).toBeUndefined();
      expect(refresh.summary?.delete ?? 0).toBe(0);

      // Moving the second gateway to the stack's region replaces it there.
      secondRegion = "cn-north-4";
      const moved = await stack.up();
      expect(moved.error).toBeUndefined();
      expect(moved.summary?.replace).toBe(1);
      expect(await remaining(north9.emu)).toEqual({ customerGateway: 1 });
      expect((await remaining(north4.emu)).vpnGateway).toBe(2);

      const down = await stack.destroy();
      expect(down.error).toBeUndefined();
      expect(await remaining(north4.emu)).toEqual({});
      expect(await remaining(north9.emu)).toEqual({});
    } finally {
      await stack.cleanup();
    }
  }, 300_000);
});
