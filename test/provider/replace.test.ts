/**
 * End-to-end: replacing a gateway that keeps its EIPs. The EIPs stay bound to the old gateway until it is gone,
 * so the provider asks for delete-before-replace; the engine replaces the dependent connection too.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { CustomerGateway, VpnConnection, VpnGateway } from "../../provider";
import { GW, emulatorStack, remaining, useEmulator } from "./helpers";

const env = useEmulator();

describe("gateway replacement", () => {
  it("deletes the old gateway (and its connection) before creating the new one on the same EIPs", async () => {
    let bgpAsn = 64512;
    const s = await emulatorStack(env.emu, async () => {
      const gw = new VpnGateway("gw", { ...GW, bgpAsn });
      const cgw = new CustomerGateway("cgw", { idType: "ip", idValue: "10.12.13.21" });
      const conn = new VpnConnection("conn", {
        vgwId: gw.id,
        vgwIp: GW.eip1.id,
        cgwId: cgw.id,
        peerSubnets: ["192.168.44.0/24"],
        psk: new pulumi.Config().requireSecret("psk"),
      });
      return { gw: gw.id, asn: gw.bgpAsn, conn: conn.id };
    });
    try {
      const first = await s.up();
      expect(first.error).toBeUndefined();
      bgpAsn = 65001; // bgp_asn has no update API: the gateway is replaced
      const second = await s.up();
      expect(second.error, second.stdout).toBeUndefined();
      expect(second.summary?.replace).toBe(2);
      expect(second.outputs?.gw.value).not.toBe(first.outputs?.gw.value);
      expect(second.outputs?.asn.value).toBe(65001);
      expect(await remaining(env.emu)).toEqual({ vpnGateway: 1, customerGateway: 1, vpnConnection: 1 });
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      expect(await remaining(env.emu)).toEqual({});
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
