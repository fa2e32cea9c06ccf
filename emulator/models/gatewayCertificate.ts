/**
 * [ZH] GM gateway certificate (api-s2c.md §2.9–2.11): one per GM gateway, BINDING → BOUND, private keys kept
 * only as digests and never returned; the gateway then reports `certificate_id`.
 */
import { apiError, invalid } from "../errors";
import { digestSecret, isoTime, shortSuffix } from "../util";
import type { HookContext, KindHooks, Wire } from "./base";
import type { ResourceRecord } from "./state";
import { certificateFacts } from "./certs";
import { enforceS2cRules } from "./rules";
import { GATEWAY, gatewayFacts } from "./vpnGateway";

export const GATEWAY_CERTIFICATE = "gatewayCertificate";

function describe(h: HookContext, into: Wire, input: Wire, name: string): void {
  if (typeof input.certificate === "string") {
    const f = certificateFacts(input.certificate, name, h.now);
    Object.assign(into, {
      issuer: f.issuer,
      signature_algorithm: f.signature_algorithm === "SHA256WITHRSA" ? "SM3WITHSM2" : f.signature_algorithm,
      certificate_serial_number: f.serial_number,
      certificate_subject: f.subject,
      certificate_expire_time: f.expiration_time,
    });
  }
  if (typeof input.certificate_chain === "string") {
    const f = certificateFacts(input.certificate_chain, name, h.now);
    Object.assign(into, {
      certificate_chain_serial_number: f.serial_number,
      certificate_chain_subject: f.subject,
      certificate_chain_expire_time: f.expiration_time,
    });
  }
  if (typeof input.enc_certificate === "string") {
    const f = certificateFacts(input.enc_certificate, name, h.now);
    Object.assign(into, {
      enc_certificate_serial_number: (BigInt(f.serial_number) + 1n).toString(),
      enc_certificate_subject: f.subject,
      enc_certificate_expire_time: f.expiration_time,
    });
  }
}

function keyDigests(input: Wire, current: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const out = { ...current };
  for (const k of ["private_key", "enc_private_key"]) if (typeof input[k] === "string") out[k] = digestSecret(input[k] as string);
  return out;
}

function gatewayOf(h: HookContext, vgwId: string): ResourceRecord {
  const gw = h.emu.models.get(GATEWAY).find(h.project, vgwId);
  if (!gw) throw apiError("VPN.0509");
  return gw;
}

export const gatewayCertificateHooks: KindHooks = {
  resourceType: "CERTIFICATE",

  prepareCreate(h, input, raw, parents) {
    const vgwId = parents.vgw_id ?? String(input.vgw_id ?? "");
    const gw = gatewayOf(h, vgwId);
    enforceS2cRules(GATEWAY_CERTIFICATE, raw, { operation: "createVgwCertificate", gateway: gatewayFacts(h, gw) }, ["private_key", "enc_private_key"]);
    if (gw.data.flavor !== "GM") throw invalid("gateway certificates can be uploaded only to gateways with flavor GM");
    const existing = h.emu.models.get(GATEWAY_CERTIFICATE).records(h.project, { vgw_id: vgwId });
    if (existing.length > 0) throw invalid(`VPN gateway ${vgwId} already has a certificate; update it instead`);
    const name = typeof input.name === "string" ? input.name : `cert-${shortSuffix()}`;
    const data: Wire = { name, vgw_id: vgwId, project_id: h.project.id };
    describe(h, data, input, name);
    return { data, secrets: keyDigests(input) };
  },

  afterCreate(h, rec) {
    const gw = h.emu.models.get(GATEWAY).find(h.project, String(rec.data.vgw_id));
    if (gw) gw.data.certificate_id = rec.id;
  },

  applyUpdate(h, rec, input) {
    if (typeof input.name === "string") rec.data.name = input.name;
    describe(h, rec.data, input, String(rec.data.name));
    rec.secrets = keyDigests(input, rec.secrets);
  },

  view(_h, rec, wire) {
    wire.created_at = isoTime(rec.createdAt);
    wire.updated_at = isoTime(rec.updatedAt);
    return wire;
  },
};
