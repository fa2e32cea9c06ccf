/**
 * The update matrix of the site-to-cloud kinds (./matrix), in-process against the emulator: every updatable
 * field and nested field, alone, from a created and from an adopted (`importId`) resource; every replace-only
 * field planned as a replacement.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll } from "vitest";
import { matrixSuite, type Base, type Path } from "./matrix";
import { SimResource, useRuntime, type Props } from "./sim";

const env = useRuntime();
const cert = (name: string) => readFileSync(path.join(__dirname, "../policies/certs", name), "utf8");

const GW = {
  vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
  connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
  localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
};
let eipSeq = 0;
/** Each gateway needs EIPs of its own (an EIP is bound to one gateway). */
const eip = () => ({ id: `0e1f0000-demo-a8df-va86-${String(++eipSeq).padStart(12, "0")}` });
const PSK = "Matrix-Psk-3Fq9Lw2Zx";

const fx: { gw?: SimResource; cgw1?: SimResource; cgw2?: SimResource; conn?: SimResource; eip1?: string } = {};

beforeAll(async () => {
  const e1 = eip();
  fx.eip1 = e1.id;
  fx.gw = await new SimResource(env.rt, "vpnGateway", "fx-gw").create({ ...GW, eip1: e1, eip2: eip() });
  fx.cgw1 = await new SimResource(env.rt, "customerGateway", "fx-cgw1").create({ idType: "ip", idValue: "203.0.113.10" });
  fx.cgw2 = await new SimResource(env.rt, "customerGateway", "fx-cgw2").create({ idType: "ip", idValue: "203.0.113.20" });
  fx.conn = await new SimResource(env.rt, "vpnConnection", "fx-conn").create(connArgs("static"));
});

function connArgs(style: "static" | "policy" | "bgp"): Props {
  const common = { vgwId: fx.gw!.id, vgwIp: fx.eip1, cgwId: fx.cgw1!.id, psk: PSK, style };
  const policies = {
    ikepolicy: { ikeVersion: "v2", dhGroup: "group15", lifetimeSeconds: 86400, dpd: { timeout: 15, interval: 30, msg: "seq-hash-notify" } },
    ipsecpolicy: { pfs: "group15", lifetimeSeconds: 3600 },
  };
  if (style === "policy") return { ...common, ...policies, peerSubnets: ["10.10.0.0/16"], policyRules: [{ source: "192.168.0.0/24", destination: ["10.10.0.0/16"] }] };
  const tunnel = { tunnelLocalAddress: "169.254.56.225/30", tunnelPeerAddress: "169.254.56.226/30" };
  if (style === "bgp") return { ...common, ...policies, ...tunnel, peerSubnets: ["192.168.46.0/24"], enableHub: false };
  return { ...common, ...policies, ...tunnel, peerSubnets: ["192.168.44.0/24"] };
}

/** Bases per kind (the first base where a field has a valid alternative is used for it). */
const bases: Record<string, () => Base[]> = {
  vpnGateway: () => [
    { label: "basic", args: { ...GW, name: "mx-gw", eip1: eip(), eip2: eip(), tags: { env: "test", app: "vpn" } } },
    { label: "nonfixed", args: { ...GW, name: "mx-nf", flavor: "Professional1-NonFixedIP", eip1: eip(), eip2: eip(), policyTemplate: { ikePolicy: { dhGroup: "group15" } } } },
  ],
  customerGateway: () => [
    { label: "ca", args: { name: "mx-cgw", idType: "ip", idValue: "198.51.100.7", caCertificate: { content: cert("ca-rsa3072.pem") }, tags: { env: "test" } } },
  ],
  vpnConnection: () => [
    { label: "static", args: { ...connArgs("static"), tags: { env: "test" } } },
    { label: "policy", args: connArgs("policy") },
    { label: "bgp", args: connArgs("bgp") },
    {
      label: "ike-v1-ids",
      args: {
        ...connArgs("static"),
        ikepolicy: { ikeVersion: "v1", phase1NegotiationMode: "main", localIdType: "ip", localId: "198.51.100.1", peerIdType: "ip", peerId: "203.0.113.10" },
      },
    },
  ],
  connectionMonitor: () => [{ label: "on-conn", args: { vpnConnectionId: fx.conn!.id } }],
};

/**
 * Values the schemas cannot invent: ids of other existing resources, certificate contents. A customer
 * gateway's `ca_certificate.id` names a certificate already uploaded to the service, which no VPN API uploads.
 */
const NO_REFERENCE: Record<string, string> = { "customerGateway ca_certificate.id": "no VPN API uploads a CA certificate on its own" };

function references(p: Path): unknown[] {
  const k = p.join(".");
  if (k === "cgw_id") return [fx.cgw2!.id];
  if (k === "ca_certificate.content") return [cert("ca-rsa2048.pem")];
  return [];
}

matrixSuite({
  env,
  kinds: ["vpnGateway", "customerGateway", "vpnConnection", "connectionMonitor"],
  bases,
  references,
  noReference: NO_REFERENCE,
  replacements: (field) => {
    if (field.endsWith("_id") || field === "vgw_ip" || field === "connect_subnet") return ["1fb97767-demo-4d8b-83bb-6f878f662005"];
    if (field === "eip1" || field === "eip2") return [eip()];
    if (field === "id_value") return ["198.51.100.99"];
    return [];
  },
});
