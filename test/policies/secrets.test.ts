/**
 * Secret inputs: how the pack sees them (the deserializer hook) and that no message ever shows a secret value.
 */
import { describe, expect, it } from "vitest";
import { unknownCheckingProxy } from "@pulumi/policy";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";
import { registeredPolicies } from "../../policies/lib";
import { findSecretPaths, installSecretTracking, isSecretInput, secretPathsOf } from "../../policies/props";
import type { KindName } from "../../policies/kinds";
import { happy, haStack, with_ } from "./fixtures";
import { policyNamed, violations } from "./cases";
import { runResource } from "./util";

const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
const secret = (value: unknown) => ({ [specialSigKey]: specialSecretSig, value });

describe("secret tracking", () => {
  it("finds the secret paths in the engine's wire form", () => {
    const paths = findSecretPaths({ psk: secret("x"), name: "a", ikepolicy: { localId: secret("id") }, list: [1, secret(2)] });
    expect([...paths].sort()).toEqual(["ikepolicy.localId", "list[1]", "psk"]);
  });

  it("hooks @pulumi/policy's deserializer: values stay plain, secretness is recorded", () => {
    expect(installSecretTracking()).toBe(true);
    expect(installSecretTracking()).toBe(true); // idempotent
    const deserialize = require("@pulumi/policy/deserialize");
    const struct = Struct.fromJavaScript({ psk: secret("Abcd1234!x"), name: "vpn-1", ikepolicy: { dhGroup: "group20" } });
    const props = deserialize.deserializeProperties(struct, false);
    expect(props.psk).toBe("Abcd1234!x");
    expect([...secretPathsOf(props)!]).toEqual(["psk"]);
    const proxied = unknownCheckingProxy(props);
    expect(isSecretInput(proxied, "psk")).toBe(true);
    expect(isSecretInput(proxied, "name")).toBe(false);
    expect(isSecretInput(proxied, "ikepolicy.dhGroup")).toBe(false);
  });

  it("secretness is unknown for objects that did not come from the engine", () => {
    expect(secretPathsOf({ psk: "x" })).toBeUndefined();
    expect(isSecretInput({ psk: "x" }, "psk")).toBeUndefined();
  });

  it("vpn-connection-psk-secret reports a plain PSK, not a secret one, and nothing when it cannot tell", async () => {
    const policy = policyNamed("vpn-connection-psk-secret");
    expect(await runResource(policy, "vpnConnection", happy.vpnConnection(), { secretPaths: [] })).toHaveLength(1);
    expect(await runResource(policy, "vpnConnection", happy.vpnConnection(), { secretPaths: ["psk"] })).toEqual([]);
    expect(await runResource(policy, "vpnConnection", happy.vpnConnection())).toEqual([]);
    expect(await runResource(policy, "vpnConnection", with_("vpnConnection", { psk: undefined }), { secretPaths: [] })).toEqual([]);
  });
});

describe("no message shows a secret value", () => {
  const SECRETS: [KindName, Record<string, unknown>, string[]][] = [
    ["vpnConnection", { psk: "Leak1!" }, ["Leak1!"]],
    ["vpnConnection", { psk: "leaking-psk-with€" }, ["leaking-psk-with€"]],
    ["vpnConnection", { psk: "x".repeat(130) }, ["x".repeat(20)]],
    ["vpnUser", { name: "alice", password: "alice" }, ["alice\""]],
    ["vpnUser", { password: "Sh0rt!" }, ["Sh0rt!"]],
    ["gatewayCertificate", { privateKey: "SECRET-KEY-MATERIAL", encPrivateKey: "" }, ["SECRET-KEY-MATERIAL"]],
  ];
  it.each(SECRETS)("%s %j", async (kind, change, leaks) => {
    const messages: string[] = [];
    for (const p of registeredPolicies().values()) messages.push(...(await runResource(p, kind, with_(kind, change), { secretPaths: [] })));
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) for (const leak of leaks) expect(m).not.toContain(leak);
  });

  it("stack policies do not show the PSK either", async () => {
    const stack = haStack({ "vpn-1": { psk: "Leak1!" }, vpngw: { flavor: "GM" } });
    const messages: string[] = [];
    for (const p of registeredPolicies().values()) messages.push(...(await violations(p, { stack })).map((v) => v.message));
    expect(messages.some((m) => m.includes("psk"))).toBe(true);
    for (const m of messages) expect(m).not.toContain("Leak1!");
  });
});
