/** client-ca-certificate-strength on real certificates (made with openssl: test/policies/certs). */
import { describe, expect, it } from "vitest";
import { X509Certificate } from "node:crypto";
import "../../policies/lib";
import { certificateWeaknesses, signatureAlgorithmOid } from "../../policies/bestPractice";
import { PEM, with_ } from "./fixtures";
import { cert } from "./cases-p2c";
import { policyNamed } from "./cases";
import { runResource } from "./util";

const cfg = { minimumRsaBits: 3072, minimumValidDays: 30 };

describe("certificate checks", () => {
  it("reads the signature algorithm from the DER", () => {
    expect(signatureAlgorithmOid(new Uint8Array(new X509Certificate(cert("ca-rsa3072")).raw))).toBe("1.2.840.113549.1.1.11");
    expect(signatureAlgorithmOid(new Uint8Array(new X509Certificate(cert("ca-sha1")).raw))).toBe("1.2.840.113549.1.1.5");
  });

  it("finds small keys, SHA-1 signatures and near expiry; nothing on a good certificate or a masked one", () => {
    expect(certificateWeaknesses(cert("ca-rsa3072"), cfg)).toEqual([]);
    expect(certificateWeaknesses(cert("ca-rsa2048"), cfg)).toEqual([expect.stringContaining("RSA 2048-bit key")]);
    expect(certificateWeaknesses(cert("ca-sha1"), cfg)).toEqual(["signed with sha1WithRSAEncryption, a broken hash"]);
    expect(certificateWeaknesses(cert("ca-expiring"), cfg)).toEqual([expect.stringMatching(/^(expires on .* in \d day\(s\), under 30|expired on .*\(VPN\.0072\))$/)]);
    const validTo = Date.parse(new X509Certificate(cert("ca-rsa3072")).validTo);
    expect(certificateWeaknesses(cert("ca-rsa3072"), cfg, validTo + 86_400_000)).toEqual([expect.stringContaining("(VPN.0072)")]);
    expect(certificateWeaknesses(PEM, cfg)).toEqual([]);
  });

  it("checks the inline CA certificates of a VPN server, and takes its parameters from config", async () => {
    const p = policyNamed("client-ca-certificate-strength");
    const server = with_("vpnServer", { clientCaCertificates: [{ name: "good", content: cert("ca-rsa3072") }, { name: "old", content: cert("ca-rsa2048") }] });
    expect(await runResource(p, "vpnServer", server)).toEqual([
      expect.stringContaining('VpnServer "test": clientCaCertificates[1].content (client_ca_certificates[1].content): <certificate> — RSA 2048-bit key'),
    ]);
    expect(await runResource(p, "vpnServer", server, { config: { minimumRsaBits: 2048 } })).toEqual([]);
  });
});
