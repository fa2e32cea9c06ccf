/** Shared setup of the provider end-to-end tests: the emulator plus an engine stack configured for it. */
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "../../emulator";
import { VpnClient } from "../../sdk/client";
import { CONFIG_NAMESPACE, secretSettingKeys, stackConfig } from "../../provider/settings";
import { createTestStack, type EngineStack } from "../engine/harness";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { P2cVpnGateway, VpnServer, VpnUser } from "../../provider";

export const TEST_PSK = "Test-Psk-9f3Kq2Lw7Zx";

/** Starts an emulator before the file's tests and closes it after them: use `env.emu` inside tests. */
export function useEmulator(options: StartEmulatorOptions = {}): { readonly emu: RunningEmulator } {
  let started: RunningEmulator | undefined;
  beforeAll(async () => {
    started = await startEmulator({ delayScale: 0, ...options });
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get emu(): RunningEmulator {
      if (!started) throw new Error("the emulator starts in beforeAll");
      return started;
    },
  };
}

/** Stack config that points the provider at the emulator (credentials as secrets). */
export function emulatorConfig(emu: RunningEmulator): Record<string, string | { value: string; secret: boolean }> {
  const secret = new Set(secretSettingKeys.map((k) => `${CONFIG_NAMESPACE}:${k}`));
  const cfg = Object.entries(stackConfig(emu.settings)).map(([k, value]) => [k, secret.has(k) ? { value, secret: true } : value]);
  return { ...Object.fromEntries(cfg), psk: { value: TEST_PSK, secret: true } };
}

export function emulatorStack(emu: RunningEmulator, program: PulumiFn): Promise<EngineStack> {
  return createTestStack({ program, config: emulatorConfig(emu) });
}

/** A client of the emulator, for changes made outside Pulumi and for looking at what exists. */
export function apiClient(emu: RunningEmulator): any {
  return new VpnClient(emu.settings);
}

/** Resources of every kind left in the emulator for the project: `{ kind: count }` without empty kinds. */
export async function remaining(emu: RunningEmulator): Promise<Record<string, number>> {
  const st = await emu.admin.state(emu.projectId);
  const out: Record<string, number> = {};
  for (const p of st.projects) {
    for (const [kind, list] of Object.entries(p.resources))
      if (list.length > 0) out[kind] = (out[kind] ?? 0) + list.length;
  }
  return out;
}

/** The part of the HA example that every test needs: gateway, customer gateway. */
export const GW = {
  vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
  connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
  localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
  eip1: { id: "cff40e5e-demo-a8df-va86-7366077bf097" },
  eip2: { id: "d290f1ee-demo-a8df-va86-d701748f0851" },
};

/**
 * Remote access as a program makes it: a pay-per-use P2C gateway, a VPN server in password mode on it, and a user
 * of the server (call it inside a Pulumi program).
 */
export function p2cGatewayServerUser(gatewayName: string): { gw: P2cVpnGateway; server: VpnServer; user: VpnUser } {
  const gw = new P2cVpnGateway("gw", {
    name: gatewayName,
    vpcId: "05b9d7de-9acd-4a05-b497-1a3c75afaa0a",
    connectSubnet: "1948ce22-ddc5-4fb6-87b8-dfcc9b176b51",
    flavor: "Professional1",
    eip: { type: "5_bgp", chargeMode: "bandwidth", bandwidthSize: 10 },
    maxConnectionNumber: 10,
  });
  const server = new VpnServer("server", {
    p2cVgwId: gw.id,
    clientCidr: "100.10.2.0/24",
    localSubnets: ["192.168.0.0/24"],
    clientAuthType: "LOCAL_PASSWORD",
    serverCertificate: { id: "scs1717051012106" },
    sslOptions: { protocol: "TCP", port: 443, encryptionAlgorithm: "AES-128-GCM", isCompressed: false },
  });
  const user = new VpnUser("user", { vpnServerId: server.id, name: "alice01", password: "Passw0rd-Alice1" });
  return { gw, server, user };
}
