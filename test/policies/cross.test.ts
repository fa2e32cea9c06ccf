/**
 * Cross-resource behaviour beyond the one-case-per-policy tables: both sides of each gateway-dependent rule, GM
 * gateways, private gateways, and stacks seen after `pulumi up` (outputs in the API's response spelling).
 */
import { describe, expect, it } from "vitest";
import { registeredPolicies } from "../../policies/lib";
import { IDS, PEM, happy, haStack } from "./fixtures";
import { policyNamed, violations } from "./cases";
import { expectNone, runResource, runStack, type TestResource } from "./util";

const messagesOf = async (policy: string, stack: TestResource[]) =>
  (await violations(policyNamed(policy), { stack })).map((v) => v.message);

const ACCESS_IP_1 = "192.168.146.45";
const ACCESS_IP_2 = "192.168.146.77";

describe("vgw_ip and ha_role against the gateway (CONN-02, CONN-32)", () => {
  it("active-standby: master on eip1 and slave on eip2 pass; swapped roles fail on each side", async () => {
    const ok = haStack({ vpngw: { haMode: "active-standby" }, "vpn-2": { haRole: "slave" } });
    expectNone(await messagesOf("vpn-connection-ha-role", ok));
    const swapped = haStack({ vpngw: { haMode: "active-standby" }, "vpn-1": { haRole: "slave" }, "vpn-2": { haRole: "master" } });
    const v = await messagesOf("vpn-connection-ha-role", swapped);
    expect(v).toHaveLength(2);
    expect(v.find((m) => m.includes('"vpn-1"'))).toContain("must be master for a connection on the active EIP");
    expect(v.find((m) => m.includes('"vpn-2"'))).toContain("must be slave for a connection on the standby EIP");
  });

  it("active-active: slave is refused", async () => {
    const v = await messagesOf("vpn-connection-ha-role", haStack({ "vpn-2": { haRole: "slave" } }));
    expect(v).toEqual([expect.stringContaining('VpnConnection "vpn-2": haRole (ha_role): "slave" — must be master on an active-active gateway')]);
  });

  it("private gateway: vgw_ip must be one of its access private IPs", async () => {
    const privateGw = {
      networkType: "private",
      eip1: undefined,
      eip2: undefined,
      accessPrivateIp1: ACCESS_IP_1,
      accessPrivateIp2: ACCESS_IP_2,
    };
    expectNone(await messagesOf("vpn-connection-vgw-ip", haStack({ vpngw: privateGw, "vpn-1": { vgwIp: ACCESS_IP_1 }, "vpn-2": { vgwIp: ACCESS_IP_2 } })));
    const v = await messagesOf("vpn-connection-vgw-ip", haStack({ vpngw: privateGw, "vpn-1": { vgwIp: ACCESS_IP_1 }, "vpn-2": { vgwIp: IDS.eip2 } }));
    expect(v).toEqual([expect.stringContaining('"vpn-2": vgwIp (vgw_ip): "d290f1ee-0000-4a8d-8a86-d701748f0851" — must be one of the gateway\'s access private IP addresses')]);
  });

  it("a connection whose gateway is not in the stack is not judged on cross-resource rules", async () => {
    const stack = haStack({ "vpn-1": { vgwIp: "0a0b0c0d-0000-4a8d-8a86-000000000000" } }).map((r) =>
      r.name === "vpn-1" ? { ...r, deps: { cgwId: ["cgw"] }, props: { ...r.props, vgwId: "11111111-0000-4a8d-8a86-000000000000" } } : r,
    );
    expectNone(await messagesOf("vpn-connection-vgw-ip", stack));
    expectNone(await messagesOf("vpn-connection-ha-role", stack));
  });
});

describe("GM gateways (CONN-17, CONN-22..25, CONN-31, CONN-33, GW-24, CGW-05)", () => {
  const gmConnection = {
    psk: undefined,
    ikepolicy: { ikeVersion: "v1", phase1NegotiationMode: "main", authenticationAlgorithm: "sm3", encryptionAlgorithm: "sm4" },
    ipsecpolicy: { authenticationAlgorithm: "sm3", encryptionAlgorithm: "sm4" },
  };
  const gmStack = (change: Record<string, Record<string, unknown>> = {}): TestResource[] => [
    ...haStack({ vpngw: { flavor: "GM" }, cgw: { caCertificate: { content: PEM } }, "vpn-1": gmConnection, "vpn-2": gmConnection, ...change }),
    { kind: "gatewayCertificate", name: "gm-cert", props: happy.gatewayCertificate(), deps: { vgwId: ["vpngw"] } },
  ];

  it("a complete GM setup passes every mandatory policy", async () => {
    for (const p of registeredPolicies().values()) {
      if (p.enforcementLevel !== "mandatory") continue;
      expect((await violations(p, { stack: gmStack() })).map((v) => v.message), p.name).toEqual([]);
    }
  });

  it("GM: sha2/aes, IKEv2, dh_group are refused; the gateway certificate and the customer CA are required", async () => {
    const nonGm = { ikepolicy: happy.vpnConnection().ikepolicy, ipsecpolicy: happy.vpnConnection().ipsecpolicy };
    const stack = gmStack({ "vpn-1": nonGm });
    expect(await messagesOf("vpn-connection-algorithms-for-flavor", stack)).toEqual(
      expect.arrayContaining([expect.stringContaining('ikepolicy.authenticationAlgorithm (ikepolicy.authentication_algorithm): "sha2-256" — must be sm3 on a GM gateway')]),
    );
    expect(await messagesOf("vpn-connection-ike-version", stack)).toEqual([expect.stringContaining('"v2" — must be v1 on a GM gateway')]);
    expect(await messagesOf("vpn-connection-dh-groups", stack)).toEqual(
      expect.arrayContaining([expect.stringContaining('ikepolicy.dhGroup (ikepolicy.dh_group): "group20" — is not set on a GM gateway')]),
    );
    const noCerts = gmStack({ cgw: { caCertificate: undefined } }).filter((r) => r.kind !== "gatewayCertificate");
    const v = await messagesOf("vpn-connection-gm-certificates", noCerts);
    expect(v.filter((m) => m.includes("gateway certificate imported first"))).toHaveLength(2);
    expect(v.filter((m) => m.includes("customer gateway must have a CA certificate"))).toHaveLength(2);
  });

  it("non-GM: psk is mandatory; a gateway certificate is refused", async () => {
    expect(await messagesOf("vpn-connection-psk-required", haStack({ "vpn-2": { psk: undefined } }))).toEqual([
      expect.stringContaining('VpnConnection "vpn-2": psk: <missing> — is mandatory unless the gateway\'s flavor is GM'),
    ]);
    const withCert: TestResource[] = [...haStack(), { kind: "gatewayCertificate", name: "cert", props: happy.gatewayCertificate(), deps: { vgwId: ["vpngw"] } }];
    expect(await messagesOf("gateway-certificate-fields", withCert)).toEqual([
      expect.stringContaining('GatewayCertificate "cert": gateway certificates can be uploaded only to gateways with flavor GM (GW-24,'),
    ]);
  });
});

describe("after `pulumi up`: stack policies read outputs in the API's spelling", () => {
  /** Outputs as the provider stores them: the response object in camelCase, plus write-only inputs. */
  function outputsStack(): TestResource[] {
    const gw = {
      ...happy.vpnGateway(),
      id: IDS.gateway,
      status: "ACTIVE",
      networkType: "public",
      attachmentType: "vpc",
      bgpAsn: 64512,
      eip1: { id: IDS.eip1, ipVersion: 4, type: "5_bgp", ipAddress: "88.1.2.3", chargeMode: "bandwidth", bandwidthSize: 300 },
      eip2: { id: IDS.eip2, ipVersion: 4, type: "5_bgp", ipAddress: "88.1.2.4", chargeMode: "bandwidth", bandwidthSize: 300 },
      connectionNumber: 200,
      usedConnectionNumber: 2,
      usedConnectionGroup: 1,
      enterpriseProjectId: "0",
      accessVpcId: IDS.vpc,
      accessSubnetId: IDS.subnet,
      availabilityZoneIds: ["ap-southeast-3a", "ap-southeast-3b"],
      createdAt: "2022-11-28T02:22:27.24Z",
    };
    const conn = (name: string, vgwIp: string) => ({
      ...happy.vpnConnection(),
      name,
      id: `${name === "vpn-1" ? "98c5af8a" : "98c5af8b"}-0000-4a8d-8a86-ae2280a6f4c3`,
      vgwIp,
      style: "STATIC",
      status: "DOWN",
      enableNqa: false,
      policyRules: [],
      haRole: "master",
      enterpriseProjectId: "0",
      ikepolicy: { ...(happy.vpnConnection().ikepolicy as object), authenticationMethod: "pre-share", localIdType: "ip", localId: "88.1.2.3", peerIdType: "ip", peerId: "10.12.13.21" },
      ipsecpolicy: { ...(happy.vpnConnection().ipsecpolicy as object), transformProtocol: "esp", encapsulationMode: "tunnel" },
    });
    return haStack({
      vpngw: gw,
      cgw: { id: IDS.customerGateway, createdAt: "2021-12-21T16:49:28.108+08:00" },
      "vpn-1": conn("vpn-1", IDS.eip1),
      "vpn-2": conn("vpn-2", IDS.eip2),
      "monitor-1": { id: "76f64229-0000-4a8d-8a86-3907e2815b6d", type: "gateway", sourceIp: "88.1.2.3", destinationIp: "10.12.13.21", protoType: "icmp", status: "ACTIVE" },
    });
  }

  // Only validateStack sees outputs; resource policies always see inputs.
  it("the HA stack's outputs raise no violation of any stack policy", async () => {
    for (const p of registeredPolicies().values()) {
      expect((await runStack(p, outputsStack())).map((v) => v.message), p.name).toEqual([]);
    }
  });

  it("cross-resource checks use output facts: a connection on an EIP the gateway does not have fails", async () => {
    const stack = outputsStack().map((r) => (r.name === "vpn-2" ? { ...r, props: { ...r.props, vgwIp: "0f6d1415-0000-4a8d-8a86-edb2ee97c9cc" } } : r));
    expect((await runStack(policyNamed("vpn-connection-vgw-ip"), stack)).map((v) => v.message)).toEqual([
      expect.stringContaining('"vpn-2": vgwIp (vgw_ip): "0f6d1415-0000-4a8d-8a86-edb2ee97c9cc" — must be the id of the gateway\'s eip1 or eip2'),
    ]);
  });

  it("connections per gateway are counted against the gateway's connection_number (CONN-38)", async () => {
    const stack = outputsStack().map((r) => (r.name === "vpngw" ? { ...r, props: { ...r.props, connectionNumber: 1 } } : r));
    const v = await runStack(policyNamed("vpn-connection-gateway-capacity"), stack);
    expect(v).toHaveLength(1);
    expect(v[0]!.urn).toMatch(/::vpn-2$/);
  });
});

describe("region (GW-09)", () => {
  it("reads HW_REGION_NAME when the stack config has no region, and skips regions the docs do not list", async () => {
    const p = policyNamed("vpn-gateway-flavor-in-region");
    const basic = { ...happy.vpnGateway(), flavor: "Basic" };
    expect(await runResource(p, "vpnGateway", basic, { env: { PULUMI_CONFIG: "{}", HW_REGION_NAME: "ap-southeast-1" } })).toEqual([
      expect.stringContaining("is not offered in 中国-香港"),
    ]);
    expect(await runResource(p, "vpnGateway", basic, { env: { PULUMI_CONFIG: "{}", HW_REGION_NAME: "cn-north-4" } })).toEqual([]);
    expect(await runResource(p, "vpnGateway", basic, { env: { PULUMI_CONFIG: "{}", HW_REGION_NAME: "xx-nowhere-1" } })).toEqual([]);
  });
});
