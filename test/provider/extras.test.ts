/**
 * End-to-end on the real engine against the emulator: the GM gateway certificate, `waitForTunnelUp`, the
 * data-source functions, and the `import` resource option.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import * as vpn from "../../provider";
import { GW, apiClient, emulatorStack, remaining, useEmulator } from "./helpers";

// GM (national cryptography) gateways are offered in cn-north-9 (ZH 4.1.1.1 flavor list), not cn-north-4.
const env = useEmulator({ region: "cn-north-9" });

/** PEM text in the masked form of the docs' examples (the emulator parses real certificates, accepts masked ones). */
const pem = (kind: string, body: string) => `-----BEGIN ${kind}-----${body}-----END ${kind}-----`;

describe("more resources and functions", () => {
  it("a GM gateway's certificate: create, update in place, secret private keys", async () => {
    let name = "gm-cert-a";
    const s = await emulatorStack(env.emu, async () => {
      const gw = new vpn.VpnGateway("gm", { ...GW, flavor: "GM" });
      const cert = new vpn.GatewayCertificate("cert", {
        vgwId: gw.id,
        name,
        certificate: pem("CERTIFICATE", "*****"),
        privateKey: pem("PRIVATE KEY", "sign-key-very-secret"),
        certificateChain: pem("CERTIFICATE", "*****"),
        encCertificate: pem("CERTIFICATE", "*****"),
        encPrivateKey: pem("PRIVATE KEY", "enc-key-very-secret"),
      });
      return { certId: cert.id, certName: cert.name, status: cert.status };
    });
    try {
      const up = await s.up();
      expect(up.error).toBeUndefined();
      expect(up.outputs?.status.value).toBe("BOUND");
      const raw = s.rawState();
      expect(raw).not.toContain(pem("PRIVATE KEY", "sign-key-very-secret"));
      expect(raw).not.toContain("enc-key-very-secret");
      name = "gm-cert-b";
      const upd = await s.up();
      expect(upd.error).toBeUndefined();
      expect(upd.summary?.update).toBe(1);
      expect(upd.outputs?.certName.value).toBe("gm-cert-b");
      expect(upd.outputs?.certId.value).toBe(up.outputs?.certId.value);
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
    } finally {
      await s.cleanup();
    }
  }, 300_000);

  it("waitForTunnelUp waits until the peer brings the tunnel up", async () => {
    const s = await emulatorStack(env.emu, async () => {
      const gw = new vpn.VpnGateway("gw", GW);
      const cgw = new vpn.CustomerGateway("cgw", { idType: "ip", idValue: "10.12.13.21" });
      const conn = new vpn.VpnConnection("conn", {
        vgwId: gw.id,
        vgwIp: GW.eip1.id,
        cgwId: cgw.id,
        peerSubnets: ["192.168.44.0/24"],
        psk: new pulumi.Config().requireSecret("psk"),
        waitForTunnelUp: true,
        timeouts: { create: "2m" },
      });
      return { status: conn.status };
    });
    // The peer comes up a moment after the connection exists.
    const api = apiClient(env.emu);
    const peer = (async () => {
      for (let i = 0; i < 200; i++) {
        await new Promise((r) => setTimeout(r, 250));
        const list = await api.listVpnConnections({}).catch(() => undefined);
        const c = list?.vpn_connections?.find((x: any) => x.status === "DOWN");
        if (c) {
          await env.emu.admin.setPeer(c.id, true, env.emu.projectId);
          return true;
        }
      }
      return false;
    })();
    try {
      const up = await s.up();
      expect(await peer).toBe(true);
      expect(up.error).toBeUndefined();
      expect(up.outputs?.status.value).toBe("ACTIVE");
      await s.destroy();
    } finally {
      await s.cleanup();
    }
  }, 300_000);

  it("data-source functions read what exists", async () => {
    const s = await emulatorStack(env.emu, async () => {
      const gw = new vpn.VpnGateway("gw", GW);
      const gateways = gw.id.apply(() => vpn.getVpnGateways());
      const one = gw.id.apply((id) => vpn.getVpnGateway({ id }));
      const zones = gw.id.apply(() => vpn.getAvailabilityZones());
      // The API takes no filter: flavor (any case) and attachment type select from its whole table.
      const picked = vpn.getAvailabilityZonesOutput({ flavor: gw.id.apply(() => "PROFESSIONAL1"), attachmentType: "vpc" });
      const quotas = gw.id.apply(() => vpn.getQuotas());
      const cgws = gw.id.apply(() => vpn.getCustomerGateways());
      const conns = gw.id.apply((id) => vpn.getVpnConnections({ vgwId: id }));
      return {
        count: gateways.apply((g) => g.vpnGateways.length),
        status: one.apply((g) => g.status),
        zones,
        picked,
        quotas,
        cgws: cgws.apply((c) => c.customerGateways.length),
        conns: conns.apply((c) => c.vpnConnections.length),
      };
    });
    try {
      const up = await s.up();
      expect(up.error).toBeUndefined();
      expect(up.outputs?.count.value).toBeGreaterThanOrEqual(1);
      expect(up.outputs?.status.value).toBe("ACTIVE");
      expect(JSON.stringify(up.outputs?.zones.value)).toContain(env.emu.region);
      const all = up.outputs?.zones.value.availabilityZones;
      const key = Object.keys(all).find((k) => k.toLowerCase() === "professional1")!;
      expect(all[key].vpc.length).toBeGreaterThan(0);
      expect(up.outputs?.picked.value).toEqual({ availabilityZones: { [key]: { vpc: all[key].vpc, er: [] } } });
      expect(JSON.stringify(up.outputs?.quotas.value)).toMatch(/quota/i);
      expect(up.outputs?.conns.value).toBe(0);
      await s.destroy();
    } finally {
      await s.cleanup();
    }
  }, 300_000);

  it("the import option fails for dynamic resources (host limitation); importId adopts an existing resource", async () => {
    const api = apiClient(env.emu);
    const made = await api.createCgw({
      body: { customer_gateway: { name: "cgw-imported", id_type: "ip", id_value: "10.9.9.9" } },
    });
    const id = made.customer_gateway.id;

    const viaImport = await emulatorStack(env.emu, async () => {
      new vpn.CustomerGateway("adopted", { name: "cgw-imported", idType: "ip", idValue: "10.9.9.9" }, { import: id });
    });
    try {
      const up = await viaImport.up();
      expect(up.ok).toBe(false);
      expect(up.stdout + up.stderr).toContain("Cannot read properties of undefined (reading 'toJavaScript')");
    } finally {
      await viaImport.cleanup();
    }

    let name = "cgw-imported";
    let idValue = "10.9.9.9";
    const s = await emulatorStack(env.emu, async () => {
      const cgw = new vpn.CustomerGateway("adopted", { name, idType: "ip", idValue, importId: id });
      return { id: cgw.id, name: cgw.name };
    });
    try {
      idValue = "10.9.9.8";
      const refused = await s.up();
      expect(refused.ok).toBe(false);
      expect(refused.stdout + refused.stderr).toContain("differs in idValue, which cannot change in place");

      idValue = "10.9.9.9";
      name = "cgw-renamed-on-adoption";
      const up = await s.up();
      expect(up.error, up.stdout + up.stderr).toBeUndefined();
      expect(up.outputs?.id.value).toBe(id);
      expect((await api.showCgw({ customer_gateway_id: id })).customer_gateway.name).toBe("cgw-renamed-on-adoption");
      const again = await s.preview();
      expect(again.summary?.same).toBe(2);
      const down = await s.destroy();
      expect(down.error).toBeUndefined();
      expect((await remaining(env.emu)).customerGateway ?? 0).toBe(0);
    } finally {
      await s.cleanup();
    }
  }, 300_000);
});
