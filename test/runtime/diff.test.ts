/** What the provider's diff decides from the kind specs: in place, replace, or nothing (normalised). */
import { describe, expect, it } from "vitest";
import { changedFields } from "../../provider/runtime";
import { getKind } from "../../sdk/spec/kinds";

const conn = getKind("vpnConnection");
/** Outputs of a connection as the service returns them (upper-case style, every default filled). */
const outputs = {
  __kind: "vpnConnection",
  name: "vpn-1",
  vgwId: "b32d91a4-demo-a8df-va86-e907174eb11d",
  vgwIp: "0c464dad-demo-a8df-va86-c22bb0eb0bde",
  cgwId: "5247ae10-demo-a8df-va86-dd36659a7f5d",
  style: "STATIC",
  peerSubnets: ["192.168.44.0/24", "192.168.45.0/24"],
  psk: "Test-Psk-9f3Kq2Lw7Zx",
  enableNqa: false,
  ikepolicy: {
    ikeVersion: "v2",
    authenticationAlgorithm: "sha2-256",
    encryptionAlgorithm: "aes-128",
    dhGroup: "group15",
    authenticationMethod: "pre-share",
    lifetimeSeconds: 86400,
    localIdType: "ip",
    peerIdType: "ip",
    dpd: { timeout: 15, interval: 30, msg: "seq-hash-notify" },
  },
  ipsecpolicy: {
    authenticationAlgorithm: "sha2-256",
    encryptionAlgorithm: "aes-128",
    pfs: "group15",
    transformProtocol: "esp",
    lifetimeSeconds: 3600,
    encapsulationMode: "tunnel",
  },
  haRole: "master",
  tags: {},
};
const inputs = {
  __kind: "vpnConnection",
  name: "vpn-1",
  vgwId: outputs.vgwId,
  vgwIp: outputs.vgwIp,
  cgwId: outputs.cgwId,
  peerSubnets: ["192.168.45.0/24", "192.168.44.0/24"],
  psk: outputs.psk,
};

describe("changedFields", () => {
  it("sees no change where the service only normalised (style case, list order, documented defaults)", () => {
    expect(changedFields(conn, outputs, inputs)).toEqual({ inPlace: [], replace: [], via: [], tags: false, unset: [] });
  });

  it("updates in place what the update API takes", () => {
    const c = changedFields(conn, outputs, { ...inputs, name: "vpn-2", peerSubnets: ["10.0.0.0/16"] });
    expect(c.inPlace.sort()).toEqual(["name", "peer_subnets"]);
    expect(c.replace).toEqual([]);
  });

  it("replaces for fields the update API lacks, top-level or nested (ikepolicy.authentication_method)", () => {
    expect(changedFields(conn, outputs, { ...inputs, vgwIp: "1fb97767-demo-4d8b-83bb-6f878f662005" }).replace).toEqual(["vgw_ip"]);
    const nested = changedFields(conn, outputs, { ...inputs, ikepolicy: { authenticationMethod: "digital-envelope-v2" } });
    expect(nested.replace).toEqual(["ikepolicy"]);
    const dh = changedFields(conn, outputs, { ...inputs, ikepolicy: { dhGroup: "group20" } });
    expect([dh.inPlace, dh.replace]).toEqual([["ikepolicy"], []]);
  });

  it("changes tags through the tag API", () => {
    expect(changedFields(conn, outputs, { ...inputs, tags: { env: "prod" } }).tags).toBe(true);
  });
});
