/**
 * End-to-end: the documented point-to-cloud example (examples/p2c-remote-access, reference chapter 5 examples
 * 5–7) on the real engine against the emulator, whose two yearly/monthly gateways are seeded with the documented
 * ids: servers in certificate and password mode, a user group with its user, an access policy. After `up` the
 * API has exactly that (the group counts its user), a preview and a refresh show no change, the password is
 * never in plaintext, and destroy deletes what the API can delete and keeps (with a warning) what it cannot.
 */
import { describe, expect, it } from "vitest";
import { documentedSettings as doc, p2cRemoteAccess } from "../../examples/p2c-remote-access/program";
import { createTestStack } from "../engine/harness";
import { apiClient, emulatorConfig, remaining, useEmulator } from "./helpers";

const env = useEmulator();
const PASSWORD = "Remote-Access-Pw0rd";

const changes = (summary: Record<string, number> | undefined) =>
  Object.fromEntries(Object.entries(summary ?? {}).filter(([k, n]) => k !== "same" && n > 0));

describe("the P2C remote-access example (chapter 5, examples 5–7)", () => {
  it("up, no-change preview and refresh, destroy keeping the gateways and servers", async () => {
    for (const [id, eip] of [
      [doc.certificateGatewayId, "f0bac06a-88a7-4d37-8e2e-c37691ee4001"],
      [doc.passwordGatewayId, "f0bac06a-88a7-4d37-8e2e-c37691ee4002"],
    ] as const) {
      await env.emu.admin.createResource(
        "p2cVpnGateway",
        { name: "p2c-vpngw-bought", vpc_id: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a", connect_subnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51", flavor: "Professional1", eip: { id: eip }, max_connection_number: 10 },
        { projectId: env.emu.projectId, id, ready: true },
      );
    }
    const s = await createTestStack({
      program: async () => p2cRemoteAccess(),
      config: { ...emulatorConfig(env.emu), userPassword: { value: PASSWORD, secret: true } },
    });
    const api = apiClient(env.emu);
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(up.summary?.create).toBe(8); // the stack, two adopted gateways, two servers, a user, a group, a policy
      const out = up.outputs!;
      expect(out.certificateServer.value).toMatchObject({ status: "ACTIVE", clientAuthType: "CERT" });
      expect(out.passwordServer.value).toMatchObject({ status: "ACTIVE", clientAuthType: "LOCAL_PASSWORD" });
      expect(out.userGroup.value.userNumber).toBe(1);
      expect(out.accessPolicy.value).toMatchObject({ userGroupName: "user-group1", destIpCidrs: ["172.16.0.0/24", "172.16.1.0/24"] });

      // The API has what examples 5–7 create.
      const cert = (await api.listVpnServersByVgw({ p2c_vgw_id: doc.certificateGatewayId })).vpn_servers;
      expect(cert).toHaveLength(1);
      expect(cert[0]).toMatchObject({ client_cidr: "100.10.1.0/24", client_auth_type: "CERT", local_subnets: doc.localSubnets });
      expect(cert[0].client_ca_certificates).toHaveLength(1);
      const pw = (await api.listVpnServersByVgw({ p2c_vgw_id: doc.passwordGatewayId })).vpn_servers;
      expect(pw[0]).toMatchObject({ id: out.passwordServer.value.id, client_cidr: "100.10.2.0/24", client_auth_type: "LOCAL_PASSWORD" });
      const serverId = pw[0].id;
      const user = (await api.showVpnUser({ vpn_server_id: serverId, user_id: out.userId.value })).user;
      expect(user).toMatchObject({ name: "user001", description: "User1", user_group_id: out.userGroup.value.id, user_group_name: "user-group1" });
      const group = (await api.showVpnUserGroup({ vpn_server_id: serverId, group_id: out.userGroup.value.id })).user_group;
      expect(group).toMatchObject({ name: "user-group1", description: "UserGroup1", type: "Custom", user_number: 1 });
      const policy = (await api.showVpnAccessPolicy({ vpn_server_id: serverId, policy_id: out.accessPolicy.value.id })).access_policy;
      expect(policy).toMatchObject({ name: "policy-001", user_group_id: group.id, description: "AccessPolicy1", dest_ip_cidrs: ["172.16.0.0/24", "172.16.1.0/24"] });

      expect(changes((await s.preview({ diff: true })).summary)).toEqual({});
      const refreshed = await s.refresh();
      expect(refreshed.error, refreshed.stdout).toBeUndefined();
      expect(changes(refreshed.summary)).toEqual({});

      // The user's password is a secret: encrypted in the state, absent from the engine's output.
      expect(s.rawState()).not.toContain(PASSWORD);
      expect(up.stdout + up.stderr + refreshed.stdout).not.toContain(PASSWORD);

      const down = await s.destroy();
      expect(down.error, down.stdout).toBeUndefined();
      const text = down.stdout + down.stderr;
      for (const id of [doc.certificateGatewayId, doc.passwordGatewayId]) expect(text).toContain(`P2cVpnGateway ${id} is removed from the stack but not deleted`);
      expect(text).toContain(`VpnServer ${serverId} is removed from the stack but not deleted`);
      // Users, groups and policies are deleted; the gateways keep their servers (and the server its default group).
      expect(await remaining(env.emu)).toEqual({ p2cVpnGateway: 2, vpnServer: 2, clientCaCertificate: 1, vpnUserGroup: 2 });
      expect((await api.listVpnUserGroups({ vpn_server_id: serverId })).user_groups.map((g: any) => g.type)).toEqual(["Default"]);
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
