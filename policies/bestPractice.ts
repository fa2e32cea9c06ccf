/**
 * Security best practice beyond the API reference, advisory by default and configurable through
 * --policy-pack-config: allowed algorithms, minimum DH group, PFS, IKEv1 aggressive mode, dead peer detection,
 * monitoring, secret inputs, overlapping subnets, BGP ASNs.
 *
 * Algorithm checks read the *effective* values: the ones given, else the documented defaults the service fills
 * in (`DEFAULTS` in sdk/schemas/s2c/enums.ts: sha2-256, aes-128, group15, IKEv2, main mode).
 */
import {
  AUTH_ALGORITHMS,
  DEFAULTS,
  DH_GROUPS,
  ENCRYPTION_ALGORITHMS,
  WEAK_AUTH_ALGORITHMS,
} from "../sdk/schemas/s2c/enums";
import { X509Certificate } from "node:crypto";
import { cidrsOverlap, isCidr, isNetworkCidr, normalizeCidr } from "../sdk/rules/net";
import { at, resourcePolicy, stackPolicy, str } from "./helpers";
import { KIND_CLASSES, kindSpec, label, type KindName, type ResourceView } from "./kinds";
import { isSecretInput, touchesUnknown } from "./props";
import { fieldLabel } from "./report";
import { snakeToCamel } from "../sdk/util/case";
import { registerPolicy, type PolicyValue } from "./vpnGuard";

const PHASES = [
  ["ikepolicy", "IKE"],
  ["ipsecpolicy", "IPsec"],
] as const;

/** The value of `policy.field`, or the documented default when absent; undefined when unknown at preview. */
function effective(view: ResourceView, policy: "ikepolicy" | "ipsecpolicy", field: string): string | undefined {
  if (touchesUnknown(view.wireUnknowns, [policy, field])) return undefined;
  const v = at(view, policy, field);
  if (typeof v === "string") return v;
  return (DEFAULTS[policy] as Record<string, unknown>)[field] as string | undefined;
}

function given(view: ResourceView, path: (string | number)[]): boolean {
  return at(view, ...path) !== undefined;
}

const shown = (view: ResourceView, path: (string | number)[], value: string) =>
  `${fieldLabel(path)}: ${JSON.stringify(value)}${given(view, path) ? "" : " (documented default)"}`;

// ---------------------------------------------------------------------------------------------------------------
// Algorithms

/** The weak 3DES cipher the Chinese edition flags ("3des安全性较低，请慎用"). */
const WEAK_CIPHERS = ["3des"];

export interface AllowedAlgorithmsArgs {
  authenticationAlgorithms: string[];
  encryptionAlgorithms: string[];
}

export const vpnConnectionAllowedAlgorithms = registerPolicy(
  "vpnConnectionAllowedAlgorithms",
  resourcePolicy(
    ["vpnConnection"],
    {
      name: "vpn-connection-allowed-algorithms",
      description:
        "Checks that the IKE and IPsec authentication and encryption algorithms a connection uses (given or documented defaults) are in the allowed lists; by default md5, sha1 and 3des are refused (ZH T4-104/T4-106: \"安全性较低，请慎用\").",
      enforcementLevel: "advisory",
      remediationSteps:
        "Set ikepolicy/ipsecpolicy authenticationAlgorithm to sha2-256 or stronger and encryptionAlgorithm to an AES-GCM cipher (aes-256-gcm-16), on both the connection and the peer device.",
      configSchema: {
        properties: {
          authenticationAlgorithms: {
            type: "array",
            items: { type: "string", enum: [...AUTH_ALGORITHMS] },
            default: AUTH_ALGORITHMS.filter((a) => !(WEAK_AUTH_ALGORITHMS as readonly string[]).includes(a)),
          },
          encryptionAlgorithms: {
            type: "array",
            items: { type: "string", enum: [...ENCRYPTION_ALGORITHMS] },
            default: ENCRYPTION_ALGORITHMS.filter((a) => !WEAK_CIPHERS.includes(a)),
          },
        },
      },
    },
    (view, args, report) => {
      const cfg = args.getConfig<AllowedAlgorithmsArgs>();
      for (const [policy, phase] of PHASES) {
        for (const [field, allowed, what] of [
          ["authentication_algorithm", cfg.authenticationAlgorithms, "authentication"],
          ["encryption_algorithm", cfg.encryptionAlgorithms, "encryption"],
        ] as const) {
          const v = effective(view, policy, field);
          if (v === undefined || !allowed || allowed.includes(v)) continue;
          report(
            `${label(view.kind, view.name)}: ${shown(view, [policy, field], v)} — ${phase} ${what} algorithm is not allowed; allowed: ${allowed.join(", ")}.`,
          );
        }
      }
    },
  ),
);

const groupNumber = (g: string): number | undefined => {
  const m = /^group(\d+)$/.exec(g);
  return m ? Number(m[1]) : undefined;
};

export interface MinimumDhGroupArgs {
  minimumDhGroup: number;
}

export const vpnConnectionMinimumDhGroup = registerPolicy(
  "vpnConnectionMinimumDhGroup",
  resourcePolicy(
    ["vpnConnection"],
    {
      name: "vpn-connection-minimum-dh-group",
      description:
        "Checks that the IKE DH group and the IPsec PFS group (given or documented default group15) are at least the configured `minimumDhGroup` (default 14; group1, group2 and group5 are flagged as low security in ZH T4-104/T4-106).",
      enforcementLevel: "advisory",
      remediationSteps: "Set ikepolicy.dhGroup and ipsecpolicy.pfs to group14 or higher (group19-group21 are elliptic-curve groups), on both ends.",
      configSchema: {
        properties: {
          minimumDhGroup: {
            type: "integer",
            enum: DH_GROUPS.map((g) => groupNumber(g)!),
            default: 14,
          },
        },
      },
    },
    (view, args, report) => {
      const { minimumDhGroup } = args.getConfig<MinimumDhGroupArgs>();
      for (const [policy, field, what] of [
        ["ikepolicy", "dh_group", "IKE DH group"],
        ["ipsecpolicy", "pfs", "IPsec PFS group"],
      ] as const) {
        const v = effective(view, policy, field);
        const n = v === undefined ? undefined : groupNumber(v);
        if (n !== undefined && n < minimumDhGroup)
          report(`${label(view.kind, view.name)}: ${shown(view, [policy, field], v!)} — ${what} is below the minimum group${minimumDhGroup}.`);
      }
    },
  ),
);

export const vpnConnectionPfsEnabled = registerPolicy(
  "vpnConnectionPfsEnabled",
  resourcePolicy(
    ["vpnConnection"],
    {
      name: "vpn-connection-pfs-enabled",
      description: "Checks that perfect forward secrecy is not disabled on a connection (ipsecpolicy.pfs is not \"disable\"; ZH T4-106).",
      enforcementLevel: "advisory",
      remediationSteps: "Set ipsecpolicy.pfs to a DH group (group14 or higher), or leave it unset for the default group15.",
    },
    (view, _args, report) => {
      if (effective(view, "ipsecpolicy", "pfs") === "disable")
        report(`${label(view.kind, view.name)}: ${shown(view, ["ipsecpolicy", "pfs"], "disable")} — perfect forward secrecy is disabled.`);
    },
  ),
);

export const vpnConnectionNoAggressiveMode = registerPolicy(
  "vpnConnectionNoAggressiveMode",
  resourcePolicy(
    ["vpnConnection"],
    {
      name: "vpn-connection-no-aggressive-mode",
      description:
        "Checks that an IKEv1 connection does not use aggressive mode (phase1_negotiation_mode aggressive sends the identity in clear and exposes the PSK to offline guessing; ZH T4-104).",
      enforcementLevel: "advisory",
      remediationSteps: "Use ikepolicy.ikeVersion v2, or phase1NegotiationMode main with IKEv1.",
    },
    (view, _args, report) => {
      if (effective(view, "ikepolicy", "ike_version") === "v1" && effective(view, "ikepolicy", "phase1_negotiation_mode") === "aggressive")
        report(
          `${label(view.kind, view.name)}: ${shown(view, ["ikepolicy", "phase1_negotiation_mode"], "aggressive")} — IKEv1 aggressive mode is weak; use main mode or IKEv2.`,
        );
    },
  ),
);

export const vpnConnectionDpdConfigured = registerPolicy(
  "vpnConnectionDpdConfigured",
  resourcePolicy(
    ["vpnConnection"],
    {
      name: "vpn-connection-dpd-configured",
      description:
        "Checks that dead peer detection is configured explicitly on a connection (ikepolicy.dpd; ZH T4-105 / EN T4-91), so its timers are chosen to match the peer device instead of left to the service defaults.",
      enforcementLevel: "advisory",
      remediationSteps: "Set ikepolicy.dpd { timeout, interval, msg } to the values configured on the customer device.",
    },
    (view, _args, report) => {
      if (touchesUnknown(view.wireUnknowns, ["ikepolicy", "dpd"])) return;
      if (at(view, "ikepolicy", "dpd") === undefined)
        report(`${label(view.kind, view.name)}: ikepolicy.dpd: <missing> — dead peer detection is not configured explicitly.`);
    },
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Monitoring

export const vpnConnectionMonitored = registerPolicy(
  "vpnConnectionMonitored",
  stackPolicy(
    "vpnConnection",
    {
      name: "vpn-connection-monitored",
      description:
        "Checks that every VPN connection is monitored: a ConnectionMonitor for it in the stack (ZH/EN 4.1.4) or NQA enabled on a static connection (enable_nqa).",
      enforcementLevel: "advisory",
      remediationSteps: "Declare `new ConnectionMonitor(name, { vpnConnectionId: connection.id })`, or set enableNqa: true on a static connection.",
    },
    (stack, conn, report) => {
      if (at(conn, "enable_nqa") === true || touchesUnknown(conn.wireUnknowns, ["enable_nqa"])) return;
      if (stack.referencing(conn, "connectionMonitor", "vpnConnectionId").length > 0) return;
      report(`${label(conn.kind, conn.name)}: no ConnectionMonitor refers to this connection and enable_nqa is not set — the tunnel is not monitored.`);
    },
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Secret inputs

/**
 * Reports secret fields of a kind (its spec's `secret` list) given as plain values. Secretness is visible only
 * through the pack's deserializer hook (see ./props); without it the policy cannot tell and reports nothing.
 * The project's resource classes wrap these fields as secrets themselves, so this catches resources registered
 * another way (other SDK versions, hand-made dynamic resources, imports of raw state).
 */
function secretInputPolicy(key: string, kind: KindName, name: string, cite: string): ReturnType<typeof registerPolicy> {
  const fields = () => (kindSpec(kind)?.secret ?? []).filter((f) => !f.includes("."));
  return registerPolicy(
    key,
    resourcePolicy(
      [kind],
      {
        name,
        description: `Checks that the secret inputs of a ${KIND_CLASSES[kind]} (${cite}) are Pulumi secrets, not plain values stored in clear in the state.`,
        enforcementLevel: "advisory",
        remediationSteps: "Pass the value as a secret: `config.requireSecret(...)` or `pulumi.secret(...)`, never a literal string.",
      },
      (view, _args, report) => {
        for (const wire of fields()) {
          const input = snakeToCamel(wire);
          if (view.props[input] === undefined) continue;
          if (isSecretInput(view.raw, input) === false)
            report(`${label(view.kind, view.name)}: ${fieldLabel([wire])}: <not shown> — is a plain value; it must be a Pulumi secret (${cite}).`);
        }
      },
    ),
  );
}

export const vpnConnectionPskSecret = secretInputPolicy(
  "vpnConnectionPskSecret",
  "vpnConnection",
  "vpn-connection-psk-secret",
  "psk; CONN-18, ZH 4.1.3.2 / EN 4.1.3.3: never returned",
);
export const gatewayCertificatePrivateKeySecret = secretInputPolicy(
  "gatewayCertificatePrivateKeySecret",
  "gatewayCertificate",
  "gateway-certificate-private-key-secret",
  "private_key, enc_private_key; GW-25, ZH 4.1.1.8-4.1.1.10",
);
export const vpnUserPasswordSecret = secretInputPolicy(
  "vpnUserPasswordSecret",
  "vpnUser",
  "vpn-user-password-secret",
  "password; api-p2c-common.md §12.1",
);

// ---------------------------------------------------------------------------------------------------------------
// Addressing and routing

export const vpnSubnetsNoOverlap = registerPolicy(
  "vpnSubnetsNoOverlap",
  stackPolicy(
    "vpnConnection",
    {
      name: "vpn-subnets-no-overlap",
      description:
        "Checks that a connection's peer subnets do not overlap its gateway's local subnets (not forbidden by the S2C docs, api-s2c.md §6.6, but overlapping routes make traffic ambiguous).",
      enforcementLevel: "advisory",
      remediationSteps: "Use distinct address ranges on both sides, or NAT the overlapping range on the customer side.",
    },
    (stack, conn, report) => {
      const gw = stack.referenced(conn, "vgwId", "vpnGateway");
      if (!gw) return;
      const peers = at(conn, "peer_subnets");
      const locals = at(gw, "local_subnets");
      if (!Array.isArray(peers) || !Array.isArray(locals)) return;
      peers.forEach((p, i) => {
        if (typeof p !== "string" || touchesUnknown(conn.wireUnknowns, ["peer_subnets", i])) return;
        const hit = locals.find((l, j) => typeof l === "string" && !touchesUnknown(gw.wireUnknowns, ["local_subnets", j]) && cidrsOverlap(p, l));
        if (hit)
          report(
            `${label(conn.kind, conn.name)}: ${fieldLabel(["peer_subnets", i])}: ${JSON.stringify(p)} — overlaps local subnet ${hit} of ${label(gw.kind, gw.name)}.`,
          );
      });
    },
  ),
);

/** Subnet lists of the S2C kinds, written as networks on both sides of a tunnel. */
const SUBNET_LISTS: readonly [KindName, string][] = [
  ["vpnGateway", "local_subnets"],
  ["vpnConnection", "peer_subnets"],
];

export const vpnSubnetsNetworkAddress = registerPolicy(
  "vpnSubnetsNetworkAddress",
  resourcePolicy(
    SUBNET_LISTS.map(([kind]) => kind),
    {
      name: "vpn-subnets-network-address",
      description:
        "Checks that a gateway's local subnets and a connection's peer subnets are written as their network address (192.168.1.0/24, not 192.168.1.5/24): the S2C docs do not say whether host bits are accepted or cleared (api-s2c.md §6.6), and a subnet written with them reads as a host route to the peer device's configuration.",
      enforcementLevel: "advisory",
      remediationSteps: "Write each subnet as its network address (the suggested value in the message).",
    },
    (view, _args, report) => {
      for (const [kind, field] of SUBNET_LISTS) {
        if (view.kind !== kind) continue;
        const list = at(view, field);
        if (!Array.isArray(list)) continue;
        list.forEach((c, i) => {
          if (typeof c !== "string" || touchesUnknown(view.wireUnknowns, [field, i]) || !isCidr(c) || isNetworkCidr(c)) return;
          report(`${label(view.kind, view.name)}: ${fieldLabel([field, i])}: ${JSON.stringify(c)} — has host bits set; write ${normalizeCidr(c)}.`);
        });
      }
    },
  ),
);

export const customerGatewayEbgpAsn = registerPolicy(
  "customerGatewayEbgpAsn",
  stackPolicy(
    "vpnConnection",
    {
      name: "customer-gateway-ebgp-asn",
      description:
        "Checks that a BGP connection's customer gateway has a bgp_asn and that it differs from the VPN gateway's (default 64512), as eBGP needs (not stated by the docs, api-s2c.md §6.6).",
      enforcementLevel: "advisory",
      remediationSteps: "Set the customer gateway's bgpAsn to the peer device's ASN, different from the VPN gateway's bgpAsn.",
    },
    (stack, conn, report) => {
      if (touchesUnknown(conn.wireUnknowns, ["style"])) return;
      if ((str(at(conn, "style")) ?? DEFAULTS.connection.style) !== "bgp") return;
      const cgw = stack.referenced(conn, "cgwId", "customerGateway");
      if (!cgw || touchesUnknown(cgw.wireUnknowns, ["bgp_asn"])) return;
      const cgwAsn = at(cgw, "bgp_asn");
      if (typeof cgwAsn !== "number") {
        report(`${label(conn.kind, conn.name)}: style "bgp" — ${label(cgw.kind, cgw.name)} has no bgpAsn (bgp_asn) for the BGP session.`);
        return;
      }
      const gw = stack.referenced(conn, "vgwId", "vpnGateway");
      if (!gw || touchesUnknown(gw.wireUnknowns, ["bgp_asn"])) return;
      const gwAsn = at(gw, "bgp_asn") ?? DEFAULTS.gateway.bgp_asn;
      if (gwAsn === cgwAsn)
        report(
          `${label(conn.kind, conn.name)}: style "bgp" — ${label(cgw.kind, cgw.name)} bgpAsn ${cgwAsn} equals the bgpAsn of ${label(gw.kind, gw.name)}; eBGP needs different ASNs.`,
        );
    },
  ),
);

// ---------------------------------------------------------------------------------------------------------------
// Client CA certificates

/** Reads a DER length at `i`; returns [length, index after it]. */
function derLength(der: Uint8Array, i: number): [number, number] {
  const first = der[i]!;
  if (first < 0x80) return [first, i + 1];
  const n = first & 0x7f;
  let len = 0;
  for (let k = 1; k <= n; k++) len = len * 256 + der[i + k]!;
  return [len, i + 1 + n];
}

/** The dotted OID of a certificate's outer signatureAlgorithm (Certificate ::= SEQUENCE { tbs, sigAlg, sig }). */
export function signatureAlgorithmOid(der: Uint8Array): string | undefined {
  try {
    let [, i] = derLength(der, 1); // outer SEQUENCE
    const [tbsLen, tbsStart] = derLength(der, i + 1); // tbsCertificate
    i = tbsStart + tbsLen;
    const [, algStart] = derLength(der, i + 1); // signatureAlgorithm SEQUENCE
    if (der[algStart] !== 0x06) return undefined;
    const [oidLen, oidStart] = derLength(der, algStart + 1);
    const bytes = der.subarray(oidStart, oidStart + oidLen);
    const parts = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
    let v = 0;
    for (const b of bytes.subarray(1)) {
      v = v * 128 + (b & 0x7f);
      if (!(b & 0x80)) {
        parts.push(v);
        v = 0;
      }
    }
    return parts.join(".");
  } catch {
    return undefined;
  }
}

/** Signature algorithms with broken hashes: md5WithRSA, sha1WithRSA, ecdsa-with-SHA1, dsa-with-sha1. */
const WEAK_SIGNATURES: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
  "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
  "1.2.840.10045.4.1": "ecdsa-with-SHA1",
  "1.2.840.10040.4.3": "dsa-with-sha1",
};

export interface ClientCaStrengthArgs {
  minimumRsaBits: number;
  minimumValidDays: number;
}

/** Problems of one PEM certificate; none when it cannot be parsed (the docs' examples mask the body). */
export function certificateWeaknesses(pem: string, cfg: ClientCaStrengthArgs, now = Date.now()): string[] {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return [];
  }
  const out: string[] = [];
  const key = cert.publicKey;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType === "rsa" && bits !== undefined && bits < cfg.minimumRsaBits)
    out.push(`RSA ${bits}-bit key, below ${cfg.minimumRsaBits} bits ("推荐使用强密码算法的证书，如RSA3072/4096", ZH/EN 4.2.2.1)`);
  const weak = WEAK_SIGNATURES[signatureAlgorithmOid(new Uint8Array(cert.raw)) ?? ""];
  if (weak) out.push(`signed with ${weak}, a broken hash`);
  const left = Math.floor((Date.parse(cert.validTo) - now) / 86_400_000);
  if (left < cfg.minimumValidDays)
    out.push(left < 0 ? `expired on ${cert.validTo} (VPN.0072)` : `expires on ${cert.validTo}, in ${left} day(s), under ${cfg.minimumValidDays}`);
  return out;
}

export const clientCaCertificateStrength = registerPolicy(
  "clientCaCertificateStrength",
  resourcePolicy(
    ["clientCaCertificate", "vpnServer"],
    {
      name: "client-ca-certificate-strength",
      description:
        "Checks that client CA certificates (ClientCaCertificate content, VpnServer client_ca_certificates) use RSA keys of at least `minimumRsaBits` (\"推荐使用强密码算法的证书，如RSA3072/4096\", ZH/EN 4.2.2.1, 4.2.2.7), no MD5/SHA-1 signature, and stay valid for `minimumValidDays`.",
      enforcementLevel: "advisory",
      remediationSteps: "Issue the client CA with an RSA-3072/4096 (or EC P-256+) key and a SHA-256+ signature, and renew it before it expires.",
      configSchema: {
        properties: {
          minimumRsaBits: { type: "integer", minimum: 1024, default: 3072 },
          minimumValidDays: { type: "integer", minimum: 0, default: 30 },
        },
      },
    },
    (view, args, report) => {
      const cfg = args.getConfig<ClientCaStrengthArgs>();
      const certs: [(string | number)[], unknown][] =
        view.kind === "clientCaCertificate"
          ? [[["content"], at(view, "content")]]
          : (Array.isArray(at(view, "client_ca_certificates")) ? (at(view, "client_ca_certificates") as unknown[]) : []).map(
              (c, i) => [["client_ca_certificates", i, "content"], (c as Record<string, unknown> | undefined)?.content],
            );
      for (const [path, pem] of certs) {
        if (typeof pem !== "string") continue;
        for (const w of certificateWeaknesses(pem, cfg))
          report(`${label(view.kind, view.name)}: ${fieldLabel(path)}: <certificate> — ${w}.`);
      }
    },
  ),
);

declare module "./vpnGuard" {
  interface VpnGuardArgs {
    clientCaCertificateStrength?: PolicyValue<ClientCaStrengthArgs>;
    vpnConnectionAllowedAlgorithms?: PolicyValue<AllowedAlgorithmsArgs>;
    vpnConnectionMinimumDhGroup?: PolicyValue<MinimumDhGroupArgs>;
    vpnConnectionPfsEnabled?: PolicyValue;
    vpnConnectionNoAggressiveMode?: PolicyValue;
    vpnConnectionDpdConfigured?: PolicyValue;
    vpnConnectionMonitored?: PolicyValue;
    vpnConnectionPskSecret?: PolicyValue;
    gatewayCertificatePrivateKeySecret?: PolicyValue;
    vpnUserPasswordSecret?: PolicyValue;
    vpnSubnetsNoOverlap?: PolicyValue;
    customerGatewayEbgpAsn?: PolicyValue;
  }
}
