/**
 * What the official Node SDK 3.1.202 added for VPN connections, which neither edition of the reference documents:
 * the IPsec security associations of a connection, and the configuration of the customer-side device exported
 * from a connection's real parameters (IKE/IPsec policy, both gateways' addresses, both sides' subnets, DPD and
 * the pre-shared key). The device catalogue and the configuration dialects are the emulator's own: the service's
 * exact texts are not public.
 *
 * The PSK: records keep only its salted digest (a state file or a dump never holds it). The export is the one
 * operation that hands a PSK back, so the PSK is also kept in process memory, keyed by its digest, and nowhere
 * else; after a restart from a state file the export says the PSK is not available instead of inventing one.
 */
import { DEFAULTS } from "../../sdk/schemas/s2c/enums";
import { invalid } from "../errors";
import { digestSecret, hashNumber, isoTime, isPlainObject } from "../util";
import type { HookContext, Wire } from "./base";
import type { ResourceRecord } from "./state";

// ---------------------------------------------------------------------------------------------------------------
// PSKs in process memory

/** Per running emulator (a restart, even in the same process, starts without them). */
const psks = new WeakMap<object, Map<string, string>>();

/** The digest to store for `psk`; the PSK itself stays in this emulator's memory for the peer configuration. */
export function keepPsk(h: HookContext, psk: string): string {
  const digest = digestSecret(psk);
  let m = psks.get(h.emu);
  if (!m) psks.set(h.emu, (m = new Map()));
  m.set(digest, psk);
  return digest;
}

function pskOf(h: HookContext, rec: ResourceRecord): string | undefined {
  const d = rec.secrets?.psk;
  return typeof d === "string" ? psks.get(h.emu)?.get(d) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Supported devices

export interface Device {
  vendor: string;
  type: string;
  model: string;
  version: string;
  /** The SDK model's name for the device family. */
  platform: string;
  dialect: "huawei" | "cisco" | "strongswan";
}

/** The devices the emulator can write a configuration for. */
export const SUPPORTED_DEVICES: readonly Device[] = [
  { vendor: "Huawei", type: "Firewall", model: "USG6000", version: "V500R005", platform: "USG6000", dialect: "huawei" },
  { vendor: "Huawei", type: "Router", model: "AR6000", version: "V300R021", platform: "AR6000", dialect: "huawei" },
  { vendor: "Cisco", type: "Router", model: "ISR4000", version: "IOS-XE 17", platform: "ISR4000", dialect: "cisco" },
  { vendor: "strongSwan", type: "Software", model: "swanctl", version: "5.9", platform: "Linux", dialect: "strongswan" },
];

export function supportedDevices(): Wire[] {
  return SUPPORTED_DEVICES.map(({ vendor, platform, type, model, version }) => ({ vendor, platform, type, model, version }));
}

function findDevice(body: { vendor: string; type: string; model: string; version: string }): Device {
  const d = SUPPORTED_DEVICES.find((x) => x.vendor === body.vendor && x.type === body.type && x.model === body.model && x.version === body.version);
  if (!d) {
    const list = SUPPORTED_DEVICES.map((x) => `${x.vendor}/${x.type}/${x.model}/${x.version}`).join(", ");
    throw invalid(`device ${body.vendor}/${body.type}/${body.model}/${body.version} is not supported (supported: ${list})`);
  }
  return d;
}

// ---------------------------------------------------------------------------------------------------------------
// The connection's parameters

/** The two sides of a connection as its peer device sees them. */
export interface ConnectionFacts {
  id: string;
  name: string;
  style: string;
  /** The cloud gateway's address (EIP or access private IP) and subnets. */
  cloudAddress: string;
  cloudSubnets: string[];
  /** The customer gateway's identifier and subnets. */
  peerAddress: string;
  peerSubnets: string[];
  tunnelLocal?: string;
  tunnelPeer?: string;
  bgpAsn?: number;
  ike: Wire;
  ipsec: Wire;
  psk: string | undefined;
}

const str = (v: unknown, fallback: string | number): string => (v === undefined || v === null ? String(fallback) : String(v));
const ip = (cidr: string | undefined): string => String(cidr ?? "").split("/")[0] ?? "";

export function connectionFacts(h: HookContext, rec: ResourceRecord, gateway: ResourceRecord | undefined, gatewayIp: string, cgw: ResourceRecord | undefined): ConnectionFacts {
  const d = rec.data;
  const rules = Array.isArray(d.policy_rules) ? (d.policy_rules as Wire[]) : [];
  const style = String(d.style ?? DEFAULTS.connection.style).toLowerCase();
  // A policy-based connection's rules name the cloud-side sources and customer-side destinations.
  const fromRules = style === "policy" && rules.length > 0;
  return {
    id: rec.id,
    name: String(d.name ?? rec.id),
    style,
    cloudAddress: gatewayIp,
    cloudSubnets: fromRules ? rules.map((r) => String(r.source)) : ((gateway?.data.local_subnets as string[] | undefined) ?? []),
    peerAddress: String(cgw?.data.id_value ?? rec.ext.peerAddress ?? ""),
    peerSubnets: fromRules ? rules.flatMap((r) => (r.destination as string[] | undefined) ?? []) : ((d.peer_subnets as string[] | undefined) ?? []),
    ...(typeof d.tunnel_local_address === "string" ? { tunnelLocal: d.tunnel_local_address } : {}),
    ...(typeof d.tunnel_peer_address === "string" ? { tunnelPeer: d.tunnel_peer_address } : {}),
    ...(typeof gateway?.data.bgp_asn === "number" ? { bgpAsn: gateway.data.bgp_asn } : {}),
    ike: isPlainObject(d.ikepolicy) ? d.ikepolicy : {},
    ipsec: isPlainObject(d.ipsecpolicy) ? d.ipsecpolicy : {},
    psk: pskOf(h, rec),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// IPsec SAs

/** One SA per pair of cloud and customer subnet while the tunnel is up; none while it is down. */
export function ipsecSas(h: HookContext, rec: ResourceRecord, facts: ConnectionFacts, up: boolean): Wire[] {
  if (!up) return [];
  const since = typeof rec.ext.peerUpAt === "number" ? rec.ext.peerUpAt : rec.updatedAt;
  const seconds = Math.max(1, Math.floor((h.now - since) / 1000));
  const out: Wire[] = [];
  for (const src of facts.cloudSubnets) {
    for (const dst of facts.peerSubnets) {
      const n = hashNumber(`${rec.id}/${src}/${dst}`);
      const hex = n.toString(16).padStart(8, "0");
      out.push({
        id: `${hex}-${rec.id.slice(9, 13)}-4${hex.slice(1, 4)}-8${hex.slice(4, 7)}-${rec.id.replace(/-/g, "").slice(-12)}`,
        source_ip_cidr: src,
        dest_ip_cidr: dst,
        packets_sent: seconds * 12,
        packets_recv: seconds * 10,
        traffic_sent: seconds * 12 * 640,
        traffic_recv: seconds * 10 * 512,
        collected_at: isoTime(h.now),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Peer configuration

const NO_PSK = "<the emulator keeps PSKs in memory only: set the connection's PSK again to export it>";

function ikeOf(f: ConnectionFacts) {
  const i = f.ike;
  const dpd = isPlainObject(i.dpd) ? i.dpd : {};
  return {
    version: str(i.ike_version, DEFAULTS.ikepolicy.ike_version),
    mode: str(i.phase1_negotiation_mode, DEFAULTS.ikepolicy.phase1_negotiation_mode),
    auth: str(i.authentication_algorithm, DEFAULTS.ikepolicy.authentication_algorithm),
    enc: str(i.encryption_algorithm, DEFAULTS.ikepolicy.encryption_algorithm),
    dh: str(i.dh_group, DEFAULTS.ikepolicy.dh_group),
    method: str(i.authentication_method, DEFAULTS.ikepolicy.authentication_method),
    lifetime: str(i.lifetime_seconds, DEFAULTS.ikepolicy.lifetime_seconds),
    dpdInterval: str(dpd.interval, DEFAULTS.dpd.interval),
    dpdTimeout: str(dpd.timeout, DEFAULTS.dpd.timeout),
  };
}

function ipsecOf(f: ConnectionFacts) {
  const p = f.ipsec;
  return {
    auth: str(p.authentication_algorithm, DEFAULTS.ipsecpolicy.authentication_algorithm),
    enc: str(p.encryption_algorithm, DEFAULTS.ipsecpolicy.encryption_algorithm),
    pfs: str(p.pfs, DEFAULTS.ipsecpolicy.pfs),
    protocol: str(p.transform_protocol, DEFAULTS.ipsecpolicy.transform_protocol),
    lifetime: str(p.lifetime_seconds, DEFAULTS.ipsecpolicy.lifetime_seconds),
    mode: str(p.encapsulation_mode, DEFAULTS.ipsecpolicy.encapsulation_mode),
  };
}

const mask = (cidr: string): [string, string] => {
  const [addr, len] = cidr.split("/");
  const n = Number(len ?? 32);
  const m = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  return [addr ?? "", [24, 16, 8, 0].map((s) => (m >>> s) & 0xff).join(".")];
};
const wildcard = (cidr: string): [string, string] => {
  const [addr, m] = mask(cidr);
  return [addr, m.split(".").map((x) => 255 - Number(x)).join(".")];
};
const group = (dh: string): string => dh.replace(/^group/, "");

function huawei(f: ConnectionFacts, psk: string): string[] {
  const ike = ikeOf(f);
  const ipsec = ipsecOf(f);
  const acl = 3000 + (hashNumber(f.id) % 999);
  const lines = [
    `acl number ${acl}`,
    ...f.peerSubnets.flatMap((src, i) =>
      f.cloudSubnets.map((dst, j) => {
        const [sa, sm] = wildcard(src);
        const [da, dm] = wildcard(dst);
        return ` rule ${(i * f.cloudSubnets.length + j + 1) * 5} permit ip source ${sa} ${sm} destination ${da} ${dm}`;
      }),
    ),
    "#",
    "ike proposal 10",
    ` encryption-algorithm ${ike.enc}`,
    ` dh ${ike.dh}`,
    ` authentication-algorithm ${ike.auth}`,
    ` authentication-method ${ike.method}`,
    ` sa duration ${ike.lifetime}`,
    "#",
    `ike peer hwc-${f.id.slice(0, 8)}`,
    ` ike-proposal 10`,
    ` version ${ike.version.replace(/^v/, "")}`,
    ...(ike.version === "v1" ? [` exchange-mode ${ike.mode}`] : []),
    ` pre-shared-key ${psk}`,
    ` remote-address ${f.cloudAddress}`,
    ` dpd type periodic`,
    ` dpd idle-time ${ike.dpdInterval}`,
    ` dpd retransmit-interval ${ike.dpdTimeout}`,
    "#",
    "ipsec proposal hwc",
    ` transform ${ipsec.protocol}`,
    ` encapsulation-mode ${ipsec.mode}`,
    ` esp authentication-algorithm ${ipsec.auth}`,
    ` esp encryption-algorithm ${ipsec.enc}`,
    "#",
    `ipsec policy hwc-${f.id.slice(0, 8)} 10 isakmp`,
    ` security acl ${acl}`,
    ` ike-peer hwc-${f.id.slice(0, 8)}`,
    ` proposal hwc`,
    ...(ipsec.pfs !== "disable" ? [` pfs dh-${ipsec.pfs}`] : []),
    ` sa duration time-based ${ipsec.lifetime}`,
    "#",
    ...f.cloudSubnets.map((s) => {
      const [a, m] = mask(s);
      return `ip route-static ${a} ${m} ${f.cloudAddress}`;
    }),
  ];
  return lines;
}

function cisco(f: ConnectionFacts, psk: string): string[] {
  const ike = ikeOf(f);
  const ipsec = ipsecOf(f);
  const enc = (e: string) => e.replace(/^aes-(\d+)-gcm-16$/, "aes-gcm-$1").replace(/^aes-(\d+)$/, "aes-cbc-$1");
  const integ = (a: string) => a.replace(/^sha2-/, "sha").replace(/^sha1$/, "sha1");
  const name = `hwc-${f.id.slice(0, 8)}`;
  return [
    `crypto ikev2 proposal ${name}`,
    ` encryption ${enc(ike.enc)}`,
    ` integrity ${integ(ike.auth)}`,
    ` group ${group(ike.dh)}`,
    `crypto ikev2 policy ${name}`,
    ` proposal ${name}`,
    `crypto ikev2 keyring ${name}`,
    ` peer huaweicloud`,
    `  address ${f.cloudAddress}`,
    `  pre-shared-key ${psk}`,
    `crypto ikev2 profile ${name}`,
    ` match identity remote address ${f.cloudAddress} 255.255.255.255`,
    ` authentication remote pre-share`,
    ` authentication local pre-share`,
    ` keyring local ${name}`,
    ` lifetime ${ike.lifetime}`,
    ` dpd ${ike.dpdInterval} ${ike.dpdTimeout} periodic`,
    `crypto ipsec transform-set ${name} ${ipsec.protocol}-${enc(ipsec.enc)} ${ipsec.protocol}-${integ(ipsec.auth)}-hmac`,
    ` mode ${ipsec.mode}`,
    `ip access-list extended ${name}`,
    ...f.peerSubnets.flatMap((src) =>
      f.cloudSubnets.map((dst) => {
        const [sa, sm] = wildcard(src);
        const [da, dm] = wildcard(dst);
        return ` permit ip ${sa} ${sm} ${da} ${dm}`;
      }),
    ),
    `crypto map ${name} 10 ipsec-isakmp`,
    ` set peer ${f.cloudAddress}`,
    ` set transform-set ${name}`,
    ` set ikev2-profile ${name}`,
    ...(ipsec.pfs !== "disable" ? [` set pfs group${group(ipsec.pfs)}`] : []),
    ` set security-association lifetime seconds ${ipsec.lifetime}`,
    ` match address ${name}`,
  ];
}

function strongswan(f: ConnectionFacts, psk: string): string[] {
  const ike = ikeOf(f);
  const ipsec = ipsecOf(f);
  const prf = (a: string) => a.replace(/^sha2-/, "sha");
  const dh = (g: string) => ({ group14: "modp2048", group15: "modp3072", group16: "modp4096", group19: "ecp256", group20: "ecp384", group21: "ecp521" })[g] ?? g;
  const enc = (e: string) => e.replace(/^aes-(\d+)-gcm-16$/, "aes$1gcm16").replace(/^aes-(\d+)$/, "aes$1");
  const name = `hwc-${f.id.slice(0, 8)}`;
  return [
    "connections {",
    `  ${name} {`,
    `    version = ${ike.version.replace(/^v/, "")}`,
    `    local_addrs = ${f.peerAddress}`,
    `    remote_addrs = ${f.cloudAddress}`,
    `    proposals = ${enc(ike.enc)}-${prf(ike.auth)}-${dh(ike.dh)}`,
    `    rekey_time = ${ike.lifetime}s`,
    `    dpd_delay = ${ike.dpdInterval}s`,
    `    dpd_timeout = ${ike.dpdTimeout}s`,
    "    local { auth = psk }",
    "    remote { auth = psk }",
    "    children {",
    `      ${name} {`,
    `        local_ts = ${f.peerSubnets.join(",")}`,
    `        remote_ts = ${f.cloudSubnets.join(",")}`,
    `        mode = ${ipsec.mode}`,
    `        esp_proposals = ${enc(ipsec.enc)}-${prf(ipsec.auth)}${ipsec.pfs !== "disable" ? `-${dh(ipsec.pfs)}` : ""}`,
    `        rekey_time = ${ipsec.lifetime}s`,
    "        start_action = start",
    "      }",
    "    }",
    "  }",
    "}",
    "secrets {",
    `  ike-${name} {`,
    `    id-1 = ${f.peerAddress}`,
    `    id-2 = ${f.cloudAddress}`,
    `    secret = "${psk}"`,
    "  }",
    "}",
  ];
}

/** The customer-side configuration of a connection for one supported device. */
export function peerConfiguration(f: ConnectionFacts, body: { vendor: string; type: string; model: string; version: string }): string {
  const device = findDevice(body);
  const psk = f.psk ?? NO_PSK;
  const comment = device.dialect === "strongswan" ? "#" : "!";
  const header = [
    `${comment} Huawei Cloud VPN connection ${f.name} (${f.id}), ${f.style} mode, for ${device.vendor} ${device.model} ${device.version}`,
    `${comment} cloud gateway ${f.cloudAddress} (${f.cloudSubnets.join(", ")}) <-> customer gateway ${f.peerAddress} (${f.peerSubnets.join(", ")})`,
    ...(f.tunnelLocal && f.tunnelPeer ? [`${comment} tunnel interface: local ${ip(f.tunnelPeer)}, peer ${ip(f.tunnelLocal)}`] : []),
    ...(f.bgpAsn !== undefined && f.style === "bgp" ? [`${comment} BGP: cloud ASN ${f.bgpAsn}`] : []),
  ];
  const body2 = device.dialect === "huawei" ? huawei(f, psk) : device.dialect === "cisco" ? cisco(f, psk) : strongswan(f, psk);
  return [...header, ...body2, ""].join("\n");
}
