/**
 * Preview-time unknowns: values that depend on resources not created yet reach the pack as unknowns, behind
 * `unknownCheckingProxy`. No policy may throw on them or report a violation because of them.
 */
import { describe, expect, it } from "vitest";
import { registeredPolicies } from "../../policies/lib";
import type { KindName } from "../../policies/kinds";
import { happy, haStack, p2cStack } from "./fixtures";
import { policyNamed, violations } from "./cases";
import { UNKNOWN, runResource, runStack, type TestResource } from "./util";

const policies = [...registeredPolicies().values()];

function unknownLike(v: unknown): unknown {
  if (typeof v === "string" || typeof v === "boolean") return UNKNOWN.string;
  if (typeof v === "number") return UNKNOWN.number;
  if (Array.isArray(v)) return UNKNOWN.array;
  return UNKNOWN.object;
}

/** Every path of a props object (objects and arrays walked, down to the leaves). */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== "object") return [prefix];
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return [...(prefix.length ? [prefix] : []), ...entries.flatMap(([k, x]) => paths(x, [...prefix, k]))];
}

function withUnknownAt(props: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> {
  const copy = structuredClone(props);
  let cur: any = copy;
  for (const p of path.slice(0, -1)) cur = cur[p];
  const last = path[path.length - 1]!;
  cur[last] = unknownLike(cur[last]);
  return copy;
}

describe("unknown inputs at preview", () => {
  for (const kind of Object.keys(happy) as KindName[]) {
    it(`${kind}: no policy throws or reports when any one value is unknown`, async () => {
      const base = happy[kind]();
      for (const path of paths(base)) {
        const props = withUnknownAt(base, path);
        for (const p of policies) {
          const v = await runResource(p, kind, props, { secretPaths: ["psk", "password", "privateKey", "encPrivateKey"] });
          expect(v, `${p.name} with ${path.join(".")} unknown`).toEqual([]);
        }
      }
    });
  }

  it("stack policies: no violation when any one top-level value of any resource is unknown", async () => {
    for (const build of [haStack, () => p2cStack()]) {
      const stack = build();
      for (const [i, r] of stack.entries()) {
        for (const key of Object.keys(r.props)) {
          const changed: TestResource[] = stack.map((x, j) => (j === i ? { ...x, props: withUnknownAt(x.props, [key]) } : x));
          for (const p of policies) {
            const v = await runStack(p, changed);
            expect(v.map((x) => x.message), `${p.name} with ${r.name}.${key} unknown`).toEqual([]);
          }
        }
      }
    }
  });

  it("the HA program at preview (new EIPs, ids not known yet) passes every policy", async () => {
    const preview = haStack({
      vpngw: {
        eip1: { type: "5_bgp", chargeMode: "bandwidth", bandwidthSize: 300, bandwidthName: "vpngw-bandwidth-1391" },
        eip2: { type: "5_bgp", chargeMode: "bandwidth", bandwidthSize: 300, bandwidthName: "vpngw-bandwidth-1392" },
      },
      "vpn-1": { vgwId: UNKNOWN.string, vgwIp: UNKNOWN.string, cgwId: UNKNOWN.string },
      "vpn-2": { vgwId: UNKNOWN.string, vgwIp: UNKNOWN.string, cgwId: UNKNOWN.string },
      "monitor-1": { vpnConnectionId: UNKNOWN.string },
      "monitor-2": { vpnConnectionId: UNKNOWN.string },
    });
    for (const p of policies) expect((await violations(p, { stack: preview })).map((v) => v.message), p.name).toEqual([]);
  });

  it("known values are still checked next to unknown ones", async () => {
    const v = await runResource(policyNamed("vpn-connection-psk-length"), "vpnConnection", {
      ...happy.vpnConnection(),
      vgwId: UNKNOWN.string,
      vgwIp: UNKNOWN.string,
      psk: "Ab1!",
    });
    expect(v).toHaveLength(1);
    expect(v[0]).toContain("(CONN-15,");
  });

  it("a cross-resource rule that reads an unknown fact says nothing; one that does not still reports", async () => {
    // eip2's id is not known yet: the connection on it cannot be matched against the gateway's EIPs.
    const stack = haStack({ vpngw: { eip2: { id: UNKNOWN.string } }, "vpn-1": { psk: undefined } });
    expect(await violations(policyNamed("vpn-connection-vgw-ip"), { stack })).toEqual([]);
    // CONN-17 reads only the gateway's flavor, which is known.
    const psk = await violations(policyNamed("vpn-connection-psk-required"), { stack });
    expect(psk.map((v) => v.message)).toEqual([expect.stringContaining('VpnConnection "vpn-1": psk: <missing> — is mandatory unless the gateway\'s flavor is GM')]);
  });

  it("a rule that reads a sibling field which is unknown reports nothing (P2C-CERT-6 reads client_auth_type)", async () => {
    const props = { ...happy.vpnServer(), clientAuthType: UNKNOWN.string };
    expect(await runResource(policyNamed("vpn-server-client-ca-only-for-cert"), "vpnServer", props)).toEqual([]);
    const known = { ...happy.vpnServer(), clientAuthType: "LOCAL_PASSWORD" };
    expect(await runResource(policyNamed("vpn-server-client-ca-only-for-cert"), "vpnServer", known)).toHaveLength(1);
  });
});

describe("hand-written policies with unknown inputs", () => {
  it("vpn-connection-monitored does not guess when enable_nqa is unknown", async () => {
    const stack = haStack({ "vpn-2": { enableNqa: UNKNOWN.string } }).filter((r) => r.name !== "monitor-2");
    expect(await runStack(policyNamed("vpn-connection-monitored"), stack)).toEqual([]);
  });
});
