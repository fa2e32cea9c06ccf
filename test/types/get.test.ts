/**
 * Pulumi conventions on the real engine against the emulator: `VpnGateway.get` reads an existing gateway into the
 * stack (and leaves it alone on destroy), `isInstance` tells the classes apart, and a function's `…Output` form
 * takes an Output as its argument and returns the typed result.
 */
import { describe, expect, it } from "vitest";
import * as vpn from "../../provider";
import { GW, apiClient, emulatorStack, remaining, useEmulator } from "../provider/helpers";
import { seedP2cServer } from "../emulator/world";

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

describe("the list functions of point-to-cloud and monitors", () => {
  it("list a server's users, groups and policies, the project's P2C gateways and servers, typed", async () => {
    const emu = env.emu;
    const seeded = await seedP2cServer(emu);
    const gw = { id: seeded.gatewayId };
    const server = { id: seeded.serverId };
    let readUser: string | undefined;
    const s = await emulatorStack(emu, async () => {
      const group = new vpn.VpnUserGroup("ops", { vpnServerId: server.id, name: "ops" });
      const users = [0, 1, 2].map((i) => new vpn.VpnUser(`user${i}`, { vpnServerId: server.id, name: `user${i}`, password: "Qwer-asdf-12", userGroupId: group.id }));
      // A resource under a parent is read with the parent's id in the state.
      const read = readUser ? vpn.VpnUser.get("read-user", readUser, { vpnServerId: server.id }) : undefined;
      new vpn.VpnAccessPolicy("pol", { vpnServerId: server.id, name: "pol", userGroupId: group.id, destIpCidrs: ["192.168.12.0/24"] });
      // The functions run while the program runs: the second `up` lists what the first one created.
      const serverId = group.vpnServerId.apply((v) => v ?? "");
      return {
        gateways: vpn.getP2cVpnGatewaysOutput().apply((r) => r.p2cVpnGateways.map((g) => g.id)),
        servers: vpn.getVpnServersOutput({ p2cVgwId: gw.id }).apply((r) => r.vpnServers.map((v) => v.id)),
        allServers: vpn.getVpnServersOutput({}).apply((r) => r.vpnServers.length),
        users: vpn.getVpnUsersOutput({ vpnServerId: serverId }).apply((r) => r.users.map((u) => u.name ?? "").sort()),
        groups: vpn.getVpnUserGroupsOutput({ vpnServerId: serverId }).apply((r) => r.userGroups.map((g) => g.name)),
        policies: vpn.getVpnAccessPoliciesOutput({ vpnServerId: serverId }).apply((r) => r.accessPolicies.map((p) => p.destIpCidrs)),
        monitors: vpn.getConnectionMonitorsOutput({}).apply((r) => r.connectionMonitors.length),
        user0: users[0]!.id,
        readName: read ? read.name : "",
      };
    });
    try {
      const first = await s.up();
      expect(first.error).toBeUndefined();
      readUser = first.outputs!.user0!.value as string;
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(up.outputs?.users?.value).toEqual(["user0", "user1", "user2"]);
      expect(up.outputs?.readName?.value).toBe("user0");
      expect(up.outputs?.policies?.value).toEqual([["192.168.12.0/24"]]);
      expect(up.outputs?.gateways?.value).toEqual([gw.id]);
      expect(up.outputs?.servers?.value).toEqual([server.id]);
      expect(up.outputs?.allServers?.value).toBe(1);
      expect(up.outputs?.groups?.value).toContain("ops");
      expect(up.outputs?.monitors?.value).toBe(0);
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
