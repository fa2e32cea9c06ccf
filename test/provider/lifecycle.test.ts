/**
 * End-to-end: every site-to-cloud resource through the real Pulumi engine against the emulator — create, a
 * no-change preview, an in-place update, a replacement, refresh after a change made outside Pulumi, and destroy
 * leaving the emulator empty.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { ConnectionMonitor, CustomerGateway, VpnConnection, VpnGateway } from "../../provider";
import { customResources, type EngineStack } from "../engine/harness";
import { GW, apiClient, emulatorStack, remaining, useEmulator } from "./helpers";

const env = useEmulator();

async function expectNoChanges(s: EngineStack): Promise<void> {
  const p = await s.preview({ diff: true });
  expect(changes(p.summary), p.stdout + p.stderr).toEqual({});
}

function changes(summary: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([k, n]) => k !== "same" && n > 0));
}

interface Knobs {
  gatewayName: string;
  gatewayHaMode: "active-active" | "active-standby";
  cgwName: string;
  cgwIp: string;
  connName: string;
  peerSubnets: string[];
  connVgwEip: 1 | 2;
  monitorOn: 1 | 2;
  tags: Record<string, string>;
}

const initial: Knobs = {
  gatewayName: "gw-a",
  gatewayHaMode: "active-active",
  cgwName: "cgw-a",
  cgwIp: "10.12.13.21",
  connName: "conn-a",
  peerSubnets: ["192.168.44.0/24"],
  connVgwEip: 1,
  monitorOn: 1,
  tags: { env: "test" },
};

function program(k: () => Knobs) {
  return async () => {
    const c = k();
    const psk = new pulumi.Config().requireSecret("psk");
    const gw = new VpnGateway("gw", { ...GW, name: c.gatewayName, haMode: c.gatewayHaMode, tags: c.tags });
    const cgw = new CustomerGateway("cgw", { name: c.cgwName, idType: "ip", idValue: c.cgwIp });
    const conns = [1, 2].map(
      (i) =>
        new VpnConnection(`conn-${i}`, {
          name: `${c.connName}-${i}`,
          vgwId: gw.id,
          vgwIp: i === 1 ? GW[`eip${c.connVgwEip}`].id : GW[`eip${c.connVgwEip === 1 ? 2 : 1}`].id,
          cgwId: cgw.id,
          peerSubnets: c.peerSubnets,
          psk,
        }),
    );
    const mon = new ConnectionMonitor("mon", { vpnConnectionId: conns[c.monitorOn - 1]!.id });
    return {
      gatewayId: gw.id,
      gatewayName: gw.name,
      cgwId: cgw.id,
      conn1: conns[0]!.id,
      monitor: mon.id,
      status: conns[0]!.status,
    };
  };
}

describe("site-to-cloud resources on the real engine", () => {
  it("a PSK that breaks the documented rules is rejected at preview without showing it, even when given as plain text", async () => {
    const badPsk = "short1A";
    const s = await emulatorStack(env.emu, async () => {
      const cgw = new CustomerGateway("cgw", { idType: "ip", idValue: "10.1.1.1" });
      new VpnConnection("bad-psk", {
        vgwId: "b32d91a4-demo-a8df-va86-e907174eb11d",
        vgwIp: "0c464dad-demo-a8df-va86-c22bb0eb0bde",
        cgwId: cgw.id,
        peerSubnets: ["192.168.44.0/24"],
        psk: badPsk,
      });
    });
    try {
      const p = await s.preview();
      expect(p.ok).toBe(false);
      const text = p.stdout + p.stderr + JSON.stringify(p.events);
      expect(text).toContain("psk");
      expect(text).toContain("<redacted>");
      expect(text).not.toContain(badPsk);
    } finally {
      await s.cleanup();
    }
  }, 120_000);

  it("create, no-change preview, update in place, replace, refresh after drift, destroy", async () => {
    let knobs = { ...initial };
    const s = await emulatorStack(
      env.emu,
      program(() => knobs),
    );
    const api = apiClient(env.emu);
    try {
      // create
      const up = await s.up();
      expect(up.error).toBeUndefined();
      expect(changes(up.summary)).toEqual({ create: 6 });
      expect(await remaining(env.emu)).toMatchObject({
        vpnGateway: 1,
        customerGateway: 1,
        vpnConnection: 2,
        connectionMonitor: 1,
      });
      expect(up.outputs?.gatewayName.value).toBe("gw-a");
      expect(["DOWN", "ACTIVE"]).toContain(up.outputs?.status.value);
      const state = await s.exportState();
      const kinds = customResources(state)
        .map((r) => r.type)
        .sort();
      expect(kinds).toEqual([
        "pulumi-nodejs:dynamic/huaweicloud-vpn:ConnectionMonitor",
        "pulumi-nodejs:dynamic/huaweicloud-vpn:CustomerGateway",
        "pulumi-nodejs:dynamic/huaweicloud-vpn:VpnConnection",
        "pulumi-nodejs:dynamic/huaweicloud-vpn:VpnConnection",
        "pulumi-nodejs:dynamic/huaweicloud-vpn:VpnGateway",
      ]);
      for (const r of customResources(state)) expect(r.inputs.__provider.length).toBeLessThan(2048);

      // no-change preview and refresh
      await expectNoChanges(s);
      const refreshed = await s.refresh();
      expect(changes(refreshed.summary)).toEqual({});
      await expectNoChanges(s);

      // in-place updates: gateway name and tags, customer gateway name, connection name and peer subnets
      knobs = {
        ...knobs,
        gatewayName: "gw-b",
        cgwName: "cgw-b",
        connName: "conn-b",
        peerSubnets: ["192.168.44.0/24", "192.168.45.0/24"],
        tags: { env: "prod", team: "net" },
      };
      const upd = await s.up();
      expect(upd.error).toBeUndefined();
      expect(changes(upd.summary)).toEqual({ update: 4 });
      const gwId = upd.outputs?.gatewayId.value;
      const shown = await api.showVgw({ vgw_id: gwId });
      expect(shown.vpn_gateway.name).toBe("gw-b");
      const tags = await api.showResourceTags({ resource_type: "vpn-gateway", resource_id: gwId });
      // The user's tags, plus the provider's marker (a user-named gateway is recognised by it after a crash).
      const { "pulumi-hwvpn-id": marker, ...userTags } = Object.fromEntries(tags.tags.map((t: any) => [t.key, t.value]));
      expect(userTags).toEqual({ env: "prod", team: "net" });
      expect(marker).toMatch(/^[0-9a-f]{32}$/);
      const conn = await api.showVpnConnection({ vpn_connection_id: upd.outputs?.conn1.value });
      expect(conn.vpn_connection.peer_subnets.sort()).toEqual(["192.168.44.0/24", "192.168.45.0/24"]);
      await expectNoChanges(s);

      // replacements: the customer gateway's identity and the monitored connection cannot change in place
      const oldCgw = upd.outputs?.cgwId.value;
      const oldMon = upd.outputs?.monitor.value;
      knobs = { ...knobs, cgwIp: "10.12.13.99", monitorOn: 2 };
      const rep = await s.up();
      expect(rep.error).toBeUndefined();
      expect(rep.summary?.replace).toBe(2);
      expect(rep.outputs?.cgwId.value).not.toBe(oldCgw);
      expect(rep.outputs?.monitor.value).not.toBe(oldMon);
      expect(await remaining(env.emu)).toMatchObject({ customerGateway: 1, connectionMonitor: 1 });
      await expectNoChanges(s);

      // drift: renamed outside Pulumi; refresh sees it, the next up puts it back
      await api.updateVgw({ vgw_id: gwId, body: { vpn_gateway: { name: "renamed-outside" } } });
      const drift = await s.refresh();
      expect(drift.error).toBeUndefined();
      expect(drift.summary?.update).toBe(1);
      const fix = await s.preview();
      expect(changes(fix.summary)).toEqual({ update: 1 });
      const fixed = await s.up();
      expect(fixed.outputs?.gatewayName.value).toBe("gw-b");

      // deleted outside Pulumi: refresh drops it, up recreates it
      await api.deleteConnectionMonitor({ connection_monitor_id: fixed.outputs?.monitor.value });
      const gone = await s.refresh();
      expect(gone.summary?.delete).toBe(1);
      const again = await s.up();
      expect(changes(again.summary)).toEqual({ create: 1 });

      // destroy leaves the emulator empty
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      expect(await remaining(env.emu)).toEqual({});
    } finally {
      await s.cleanup();
    }
  }, 600_000);

  it("rejects documented mistakes at preview, naming the field, the value and the rule, without calling the API", async () => {
    const before = (await env.emu.admin.requests({ projectId: env.emu.projectId })).length;
    const s = await emulatorStack(env.emu, async () => {
      const cgw = new CustomerGateway("cgw", { idType: "ip", idValue: "10.1.1.1" });
      new VpnConnection("bad", {
        vgwId: "b32d91a4-demo-a8df-va86-e907174eb11d",
        vgwIp: "0c464dad-demo-a8df-va86-c22bb0eb0bde",
        cgwId: cgw.id,
        peerSubnets: ["192.168.44.0/24"],
        tunnelLocalAddress: "169.254.1.1/24",
        psk: new pulumi.Config().requireSecret("psk"),
      });
    });
    try {
      const p = await s.preview();
      expect(p.ok).toBe(false);
      const text = p.stdout + p.stderr;
      expect(text).toContain("tunnel_local_address");
      expect(text).toContain("169.254.1.1/24");
      expect(text).toContain("prefix length 30");
      expect(text).not.toContain("Test-Psk");
      expect((await env.emu.admin.requests({ projectId: env.emu.projectId })).length).toBe(before);
    } finally {
      await s.cleanup();
    }
  }, 120_000);
});
