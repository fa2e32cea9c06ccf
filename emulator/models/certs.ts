/**
 * Certificate facts for the certificate APIs (GM gateway certificates, customer gateway CA certificates, P2C
 * client CA certificates). A real PEM certificate is parsed with node's X509Certificate and checked as the
 * service documents (expired VPN.0072, not yet valid VPN.0073, not a CA VPN.0076, unparsable VPN.0075); the
 * docs' own examples mask the body (`-----BEGIN CERTIFICATE-----*****-----END CERTIFICATE-----`), so a masked
 * body is accepted and described with stable fabricated values.
 */
import { X509Certificate, createHash } from "node:crypto";
import { apiError } from "../errors";

export interface CertFacts {
  issuer: string;
  subject: string;
  serial_number: string;
  signature_algorithm: string;
  expiration_time: string;
  not_before: string;
  is_ca: boolean;
}

const BEGIN = "-----BEGIN CERTIFICATE-----";
const END = "-----END CERTIFICATE-----";

function dn(s: string): string {
  return s
    .split("\n")
    .filter(Boolean)
    .join(",");
}

function utc(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function fabricated(content: string): CertFacts {
  const h = createHash("sha256").update(content).digest();
  const serial = BigInt("0x" + h.subarray(0, 20).toString("hex")).toString();
  return {
    issuer: "CN=emulator-ca",
    subject: "CN=emulator-ca",
    serial_number: serial,
    signature_algorithm: "SHA256WITHRSA",
    expiration_time: "2035-01-01T00:00:00Z",
    not_before: "2024-01-01T00:00:00Z",
    is_ca: true,
  };
}

/** Signature algorithm name in the docs' style (`SHA256WITHRSA`, `SM3WITHSM2`). */
function sigAlg(cert: X509Certificate): string {
  const key = cert.publicKey.asymmetricKeyType ?? "rsa";
  const k = key === "ec" ? "ECDSA" : key.toUpperCase();
  return `SHA256WITH${k}`;
}

/**
 * Facts of a PEM certificate. `name` fills the documented `%s` of the errors. `requireCa` enforces VPN.0076;
 * `now` is the emulator clock.
 */
export function certificateFacts(content: string, name: string, now: number, opts: { requireCa?: boolean; requirePem?: boolean } = {}): CertFacts {
  const t = content.trim();
  const framed = t.startsWith(BEGIN) && t.endsWith(END);
  if (!framed) {
    if (opts.requirePem) throw apiError("VPN.0074", name);
    return fabricated(content);
  }
  const body = t.slice(BEGIN.length, t.length - END.length).replace(/\s+/g, "");
  if (body.includes("*")) return fabricated(content); // masked, as in the docs' examples
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(t);
  } catch {
    throw apiError("VPN.0075", name);
  }
  const validTo = new Date(cert.validTo);
  const validFrom = new Date(cert.validFrom);
  if (validTo.getTime() < now) throw apiError("VPN.0072", name);
  if (validFrom.getTime() > now) throw apiError("VPN.0073", name);
  if (opts.requireCa && !cert.ca) throw apiError("VPN.0076", name);
  return {
    issuer: dn(cert.issuer),
    subject: dn(cert.subject),
    serial_number: BigInt("0x" + cert.serialNumber).toString(),
    signature_algorithm: sigAlg(cert),
    expiration_time: utc(validTo),
    not_before: utc(validFrom),
    is_ca: cert.ca,
  };
}

/** A stable fingerprint of a certificate's content (duplicate detection, VPN.0077). */
export function certificateFingerprint(content: string): string {
  return createHash("sha256").update(content.trim()).digest("hex");
}
