/**
 * The pack on the real engine: the Pulumi CLI v3.259.0 built by scripts/setup.sh runs inline programs of this
 * package's resources against the local emulator, with `--policy-pack ./policies` (the compiled pack, loaded
 * through the pulumi-analyzer-policy-nodejs shim) and `--policy-pack-config`.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { haVpn, documentedSettings } from "../../examples/ha-vpn/program";
import { ConnectionMonitor, CustomerGateway, VpnConnection, VpnGateway } from "../../provider";
import { createTestStack, customResources } from "../engine/harness";
import type { EngineStack, ProgramRun } from "../engine/harness";
import { TEST_PSK, emulatorConfig, useEmulator } from "../provider/helpers";

const PACK = path.resolve(__dirname, "../../policies");
const PSK = TEST_PSK;

const env = useEmulator({ region: "ap-southeast-3" });

function config(extra: Record<string, string | { value: string; secret?: boolean }> = {}) {
  return { ...emulatorConfig(env.emu), ...extra };
}

async function withStack<T>(program: () => Promise<unknown> | unknown, fn: (s: EngineStack) => Promise<T>): Promise<T> {
  const s = await createTestStack({ program: async () => program() as any, config: config() });
  try {
    return await fn(s);
  } finally {
    await s.destroy().catch(() => undefined);
    await s.cleanup();
  }
}

const mandatory = (r: ProgramRun) => r.policyViolations.filter((v) => v.enforcementLevel === "mandatory");
const named = (r: ProgramRun, name: string) => r.policyViolations.filter((v) => v.policyName === name);
const cantRun = (r: ProgramRun) => r.policyViolations.filter((v) => /can't run/.test(v.message));

/** A gateway whose flavor the stack's region does not offer (GW-09: Singapore offers Professional1/2 only). */
function basicGatewayProgram() {
  new VpnGateway("vpngw", {
    vpcId: documentedSettings.vpcId,
    localSubnets: documentedSettings.localSubnets,
    connectSubnet: documentedSettings.connectSubnetId,
    flavor: "Basic",
    eip1: { id: documentedSettings.eipIds[0] },
    eip2: { id: documentedSettings.eipIds[1] },
  });
  return {};
}

describe("policy pack on the engine", () => {
  it("the documented HA program passes: no mandatory violation at preview or up, advisories reported", async () => {
    await withStack(
      () => haVpn(),
      async (s) => {
        const preview = await s.preview({ policyPacks: [PACK] });
        expect(preview.error).toBeUndefined();
        expect(preview.ok).toBe(true);
        expect(mandatory(preview)).toEqual([]);
        expect(cantRun(preview)).toEqual([]);
        expect(preview.stdout).toContain("huaweicloud-vpn@v0.1.0");

        const up = await s.up({ policyPacks: [PACK] });
        expect(up.error).toBeUndefined();
        expect(up.ok).toBe(true);
        expect(mandatory(up)).toEqual([]);
        expect(cantRun(up)).toEqual([]);
        // The program sets no ikepolicy: the advisory DPD policy reports both connections, without blocking.
        const dpd = named(up, "vpn-connection-dpd-configured");
        expect(dpd.map((v) => v.enforcementLevel)).toEqual(["advisory", "advisory"]);
        expect(dpd[0]!.message).toContain("dead peer detection is not configured explicitly");
        expect(customResources(await s.exportState())).toHaveLength(6);
        // The PSK never appears in any policy output.
        expect(up.stdout + up.stderr).not.toContain(PSK);
      },
    );
  }, 300_000);

  it("a mandatory documented rule blocks preview and up with its message, and nothing is created", async () => {
    await withStack(basicGatewayProgram, async (s) => {
      const preview = await s.preview({ policyPacks: [PACK] });
      expect(preview.ok).toBe(false);
      const [v] = named(preview, "vpn-gateway-flavor-in-region");
      expect(v?.enforcementLevel).toBe("mandatory");
      expect(v?.message).toContain('VpnGateway "vpngw": flavor: "Basic" — is not offered in 亚太-新加坡');
      expect(v?.message).toContain("(GW-09,");
      expect(preview.stdout).toContain("is not offered in 亚太-新加坡");

      const up = await s.up({ policyPacks: [PACK] });
      expect(up.ok).toBe(false);
      expect(named(up, "vpn-gateway-flavor-in-region")[0]?.enforcementLevel).toBe("mandatory");
      expect(customResources(await s.exportState())).toHaveLength(0);
    });
  }, 300_000);

  it("a config file changes levels (all: advisory lets the same program through) and parameters", async () => {
    await withStack(basicGatewayProgram, async (s) => {
      const preview = await s.preview({ policyPacks: [PACK], policyPackConfig: { all: "advisory" } });
      expect(preview.ok).toBe(true);
      expect(named(preview, "vpn-gateway-flavor-in-region")[0]?.enforcementLevel).toBe("advisory");
    });
    await withStack(
      () => haVpn(),
      async (s) => {
        const cfg = { "vpn-connection-minimum-dh-group": { enforcementLevel: "mandatory", minimumDhGroup: 16 } };
        const preview = await s.preview({ policyPacks: [PACK], policyPackConfig: cfg });
        expect(preview.ok).toBe(false);
        const v = named(preview, "vpn-connection-minimum-dh-group");
        // Both connections use the documented default group15, below 16; IKE and IPsec each.
        expect(v).toHaveLength(4);
        expect(v.every((x) => x.enforcementLevel === "mandatory")).toBe(true);
        expect(v[0]!.message).toContain('"group15" (documented default) — ');
        expect(v[0]!.message).toContain("below the minimum group16");
        // Without the file the default (14) accepts group15.
        const plain = await s.preview({ policyPacks: [PACK] });
        expect(named(plain, "vpn-connection-minimum-dh-group")).toEqual([]);
      },
    );
  }, 300_000);

  it("a cross-resource rule (ha_role on an active-standby gateway) blocks preview", async () => {
    await withStack(
      () => {
        const gw = new VpnGateway("vpngw", {
          vpcId: documentedSettings.vpcId,
          localSubnets: documentedSettings.localSubnets,
          connectSubnet: documentedSettings.connectSubnetId,
          haMode: "active-standby",
          eip1: { id: documentedSettings.eipIds[0] },
          eip2: { id: documentedSettings.eipIds[1] },
        });
        const cgw = new CustomerGateway("cgw", { idType: "ip", idValue: documentedSettings.customerGatewayIp });
        const conn = new VpnConnection("vpn-standby", {
          vgwId: gw.id,
          vgwIp: documentedSettings.eipIds[1],
          cgwId: cgw.id,
          peerSubnets: documentedSettings.peerSubnets,
          psk: pulumi.secret(PSK),
        });
        new ConnectionMonitor("monitor", { vpnConnectionId: conn.id });
        return {};
      },
      async (s) => {
        const preview = await s.preview({ policyPacks: [PACK] });
        expect(preview.ok).toBe(false);
        const [v] = named(preview, "vpn-connection-ha-role");
        expect(v?.enforcementLevel).toBe("mandatory");
        expect(v?.message).toContain('VpnConnection "vpn-standby": haRole (ha_role): <missing> — must be slave');
        expect(v?.urn).toContain("vpn-standby");
      },
    );
  }, 300_000);

  it("sees secretness through the engine: a plain PSK on a hand-made resource of the VpnConnection type is reported", async () => {
    // The package's VpnConnection always wraps psk as a secret, so only a resource registered another way can
    // carry a plain one. This one is only previewed.
    const noop: pulumi.dynamic.ResourceProvider = { create: async () => ({ id: "x", outs: {} }) };
    class RawConnection extends pulumi.dynamic.Resource {
      constructor(name: string, props: Record<string, unknown>) {
        super(noop, name, props, undefined, "huaweicloud-vpn", "VpnConnection");
      }
    }
    await withStack(
      () => {
        new RawConnection("plain", { ...connectionProps(), psk: PSK });
        new RawConnection("secret", { ...connectionProps(), psk: pulumi.secret(PSK) });
        return {};
      },
      async (s) => {
        const preview = await s.preview({ policyPacks: [PACK] });
        const v = named(preview, "vpn-connection-psk-secret");
        expect(v).toHaveLength(1);
        expect(v[0]!.urn).toContain("::plain");
        expect(v[0]!.message).toContain('VpnConnection "plain": psk: <not shown> — is a plain value');
        expect(preview.stdout + preview.stderr).not.toContain(PSK);
      },
    );
  }, 300_000);
});

function connectionProps(): Record<string, unknown> {
  return {
    vgwId: "b32d91a4-0000-4a8d-8a86-e907174eb11d",
    vgwIp: documentedSettings.eipIds[0],
    cgwId: "5247ae10-0000-4a8d-8a86-dd36659a7f5d",
    peerSubnets: documentedSettings.peerSubnets,
  };
}
