/**
 * Lifecycle behaviour of the runtime, in-process against the emulator: deterministic identity (names, client
 * tokens, the orphan of an interrupted create found and continued), ambiguous answers, errors that must not be
 * retried, frozen dependencies, warnings, and read-after-write verification.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { getKind, resourceKinds } from "../../sdk/spec/kinds";
import { wrappedShape } from "../../sdk/spec/mapping";
import { getOperation } from "../../sdk/spec/operations";
import { autoName } from "../../provider/identity";
import type { ResourceKindSpec } from "../../sdk/spec/types";
import { programInputs, SimResource, useRuntime, type Props } from "./sim";

const env = useRuntime();

let eipSeq = 100;
const eip = () => ({ id: `0e1f0000-demo-a8df-va86-${String(++eipSeq).padStart(12, "0")}` });
const gwArgs = (extra: Props = {}) => ({
  vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
  connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
  localSubnets: ["192.168.0.0/24"],
  eip1: eip(),
  eip2: eip(),
  ...extra,
});

async function count(kind: string): Promise<number> {
  const st = await env.emu.admin.state(env.emu.projectId);
  return st.projects.reduce((n, p) => n + (p.resources[kind]?.length ?? 0), 0);
}

afterEach(async () => {
  await env.emu.admin.clearFaults();
  await env.emu.admin.clearTransitions();
});

describe("deterministic identity", () => {
  it("auto-names are stable for a resource, differ between resources and stacks, and fit every kind's name rule", () => {
    const long = "a-very-long-logical-name-that-goes-on-and-on-well-past-the-documented-sixty-four-characters";
    for (const kind of Object.values(resourceKinds as Record<string, ResourceKindSpec>)) {
      if (!kind.nameField) continue;
      const nameSchema = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper)![kind.nameField]!;
      for (const logical of ["gw", long, "web server #1 (prod)"]) {
        const a = autoName(kind, programInputs(kind.kind, logical, {}));
        expect(nameSchema.safeParse(a).success, `${kind.kind} ${a}`).toBe(true);
        expect(a).toBe(autoName(kind, programInputs(kind.kind, logical, {})));
        expect(a).toMatch(/[0-9a-f]{7}$/);
      }
      const inStack = (stack: string) => autoName(kind, { ...programInputs(kind.kind, "gw", {}), __urn: `urn:pulumi:${stack}::p::t::gw` });
      expect(inStack("dev")).not.toBe(inStack("prod"));
    }
  });

  it("continues the orphan of an interrupted create (same identity) instead of creating a second one", async () => {
    const kind = getKind("vpnGateway");
    const args = gwArgs();
    const name = autoName(kind, programInputs("vpnGateway", "crashed-gw", args));
    // What the killed `up` left: the gateway exists in the cloud, the state does not know it.
    await env.api.createVgw({ body: { vpn_gateway: { ...toWire(args), name } } });
    const before = await count("vpnGateway");
    const r = await new SimResource(env.rt, "vpnGateway", "crashed-gw").create(args);
    expect(r.outs!.name).toBe(name);
    expect(await count("vpnGateway")).toBe(before);
    await r.destroy();
  });

  it("recognises a user-named resource by its marker tag, and never takes a resource the state holds", async () => {
    const first = await new SimResource(env.rt, "customerGateway", "named-cgw").create({ name: "edge-1", idType: "ip", idValue: "192.0.2.51" });
    // Another resource of the same program with the same explicit name is not this one's orphan.
    const second = await new SimResource(env.rt, "customerGateway", "named-cgw-2").create({ name: "edge-1", idType: "ip", idValue: "192.0.2.52" });
    expect(second.id).not.toBe(first.id);
    const tags = await env.api.showResourceTags({ resource_type: "customer-gateway", resource_id: first.id });
    expect(tags.tags.map((t: any) => t.key)).toContain("pulumi-hwvpn-id");
    expect(first.outs!.tags).toEqual({});
    await first.destroy();
    await second.destroy();
  });

  it("under a parent created in this process nothing is looked up; under an earlier one, the orphan is still found", async () => {
    const lists = async () =>
      (await env.emu.admin.requests({ projectId: env.emu.projectId })).filter((h) => /^list(VpnConnections|ConnectionMonitors)$/.test(h.operation ?? "")).length;
    const before = await lists();
    const gwIn = gwArgs();
    const gw = await new SimResource(env.rt, "vpnGateway", "fresh-parent-gw").create(gwIn);
    const cgw = await new SimResource(env.rt, "customerGateway", "fresh-parent-cgw").create({ idType: "ip", idValue: "192.0.2.71" });
    const connArgs = { vgwId: gw.id, vgwIp: gwIn.eip1.id, cgwId: cgw.id, peerSubnets: ["192.168.71.0/24"], psk: "Fresh-Parent.2024" };
    const conn = await new SimResource(env.rt, "vpnConnection", "fresh-parent-conn").create(connArgs);
    const mon = await new SimResource(env.rt, "connectionMonitor", "fresh-parent-mon").create({ vpnConnectionId: conn.id });
    // A new gateway has no connections of an earlier process, a new connection no monitor: no listing of either.
    expect(await lists()).toBe(before);
    await mon.destroy();

    // A connection made outside this process (an earlier `up`) with the monitor its killed create left.
    const earlier = await env.api.createVpnConnection({
      body: { vpn_connection: { vgw_id: gw.id, vgw_ip: gwIn.eip1.id, cgw_id: cgw.id, peer_subnets: ["192.168.72.0/24"], psk: "Earlier-Up.2024" } },
    });
    const earlierId = earlier.vpn_connection.id;
    await env.api.createConnectionMonitor({ body: { connection_monitor: { vpn_connection_id: earlierId } } });
    const monitors = await count("connectionMonitor");
    const again = await new SimResource(env.rt, "connectionMonitor", "earlier-parent-mon").create({ vpnConnectionId: earlierId });
    expect(await lists()).toBe(before + 1);
    expect(await count("connectionMonitor")).toBe(monitors);
    expect(again.outs!.vpnConnectionId).toBe(earlierId);
    await again.destroy();
    await env.api.deleteVpnConnection({ vpn_connection_id: earlierId });
    await conn.destroy();
    await cgw.destroy();
    await gw.destroy();
  });

  it("an answer lost after the create committed: the resource is found, not created twice", async () => {
    await env.emu.admin.injectFault({ operation: "createCgw", drop: "after", times: 1 });
    const before = await count("customerGateway");
    const r = await new SimResource(env.rt, "customerGateway", "lost-answer").create({ idType: "ip", idValue: "192.0.2.61" });
    expect(await count("customerGateway")).toBe(before + 1);
    await r.destroy();
  });

  it("lost twice before commit: the create ends with an error saying the next up finds it; nothing is left behind", async () => {
    await env.emu.admin.injectFault({ operation: "createCgw", drop: "before", times: 20 });
    const before = await count("customerGateway");
    await expect(new SimResource(env.rt, "customerGateway", "lost-twice").create({ idType: "ip", idValue: "192.0.2.62" })).rejects.toThrow(
      /answer was lost twice.*run `pulumi up` again/,
    );
    expect(await count("customerGateway")).toBe(before);
  });
});

describe("errors and waits", () => {
  it("an authentication failure (VPN.0003, 403) is not retried as 'not ready'", async () => {
    const gw = await new SimResource(env.rt, "vpnGateway", "auth-gw").create(gwArgs({ name: "auth-gw" }));
    await env.emu.admin.injectFault({ operation: "updateVgw", status: 403, errorCode: "VPN.0003", errorMsg: "Authentication failed: token expired" });
    const started = Date.now();
    await expect(gw.update({ ...gw.inputs!, name: "auth-gw-2" })).rejects.toThrow(/VPN\.0003/);
    expect(Date.now() - started).toBeLessThan(5_000);
    const calls = await env.emu.admin.requests({ projectId: env.emu.projectId, operation: "updateVgw" });
    expect(calls.length).toBe(1);
    await env.emu.admin.clearFaults();
    await gw.destroy();
  });

  it("a frozen gateway ends a connection update at once, naming the gateway, its status and the remedy", async () => {
    const gw = await new SimResource(env.rt, "vpnGateway", "frozen-gw").create(gwArgs());
    const cgw = await new SimResource(env.rt, "customerGateway", "frozen-cgw").create({ idType: "ip", idValue: "192.0.2.71" });
    const conn = await new SimResource(env.rt, "vpnConnection", "frozen-conn").create({
      vgwId: gw.id,
      vgwIp: gw.inputs!.eip1.id,
      cgwId: cgw.id,
      peerSubnets: ["10.71.0.0/16"],
      psk: "Frozen-Psk-8Kq2Lw7Zx",
    });
    await env.emu.admin.setStatus("vpnGateway", gw.id!, "FREEZED", env.emu.projectId);
    const started = Date.now();
    await expect(conn.update({ ...conn.inputs!, name: "renamed-frozen" })).rejects.toThrow(/VpnGateway .* is FREEZED.*unfreeze/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await env.emu.admin.setStatus("vpnGateway", gw.id!, "ACTIVE", env.emu.projectId);
    await conn.destroy();
    await cgw.destroy();
    await gw.destroy();
  });

  it("refresh warns about a resource in ERROR; a planned gateway replacement by enterpriseProjectId warns of the outage", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const gw = await new SimResource(env.rt, "vpnGateway", "warn-gw").create(gwArgs({ enterpriseProjectId: "0" }));
      const plan = await gw.plan({ ...gw.inputs!, enterpriseProjectId: "5e3c8a4f-demo-a8df-va86-0123456789ab" });
      expect(plan.replaces).toContain("enterpriseProjectId");
      expect(spy.mock.calls.flat().join("\n")).toMatch(/warning: .*enterpriseProjectId replaces the gateway: it is deleted first .*every connection/);
      await env.emu.admin.setStatus("vpnGateway", gw.id!, "FAULT", env.emu.projectId);
      await gw.refresh();
      expect(spy.mock.calls.flat().join("\n")).toMatch(/warning: VpnGateway .* is FAULT/);
      await env.emu.admin.setStatus("vpnGateway", gw.id!, "ACTIVE", env.emu.projectId);
      await gw.destroy();
    } finally {
      spy.mockRestore();
    }
  });
});

/** Program args → the gateway's wire body (for making the orphan directly through the SDK). */
function toWire(args: Props): Props {
  return { vpc_id: args.vpcId, connect_subnet: args.connectSubnet, local_subnets: args.localSubnets, eip1: args.eip1, eip2: args.eip2 };
}
