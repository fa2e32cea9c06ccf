/**
 * Customer gateway (api-s2c.md §3): synchronous, no status. Server-filled: id, default name, timestamps, CA
 * certificate facts [ZH]. Cannot be deleted while a VPN connection uses it (CGW-07, VPN.0001 "customer gateway
 * <id> has connection").
 */
import { invalid } from "../errors";
import { newId, shortSuffix, isPlainObject } from "../util";
import type { HookContext, KindHooks, Wire } from "./base";
import type { ResourceRecord } from "./state";
import { certificateFacts } from "./certs";

export const CUSTOMER_GATEWAY = "customerGateway";

function caCertificate(h: HookContext, req: unknown, current?: Wire): Wire | undefined {
  if (!isPlainObject(req)) return current;
  const content = typeof req.content === "string" ? req.content : undefined;
  const id = typeof req.id === "string" ? req.id : ((current?.id as string | undefined) ?? newId());
  if (!content) return { ...(current ?? {}), id };
  const f = certificateFacts(content, id, h.now);
  return {
    id,
    serial_number: f.serial_number,
    signature_algorithm: f.signature_algorithm,
    issuer: f.issuer,
    subject: f.subject,
    expire_time: f.expiration_time,
    is_updatable: true,
  };
}

export function connectionsUsingCgw(h: HookContext, cgwId: string): ResourceRecord[] {
  if (!h.emu.models.has("vpnConnection")) return [];
  return h.emu.models.get("vpnConnection").lookup(h.project, "cgw_id", cgwId);
}

export const customerGatewayHooks: KindHooks = {
  resourceType: "CUSTOMER_GATEWAY",
  quotaType: "customer_gateway",

  prepareCreate(h, input) {
    const c: Wire = { ...input };
    if (!c.name) c.name = `cgw-${shortSuffix()}`;
    const ca = caCertificate(h, input.ca_certificate);
    if (ca) c.ca_certificate = ca;
    else delete c.ca_certificate;
    c.tags = Array.isArray(c.tags) ? c.tags : [];
    return { data: c };
  },

  applyUpdate(h, rec, input) {
    if (input.name !== undefined) rec.data.name = input.name;
    if (input.ca_certificate !== undefined) {
      const cur = rec.data.ca_certificate as Wire | undefined;
      if (cur && cur.is_updatable === false) throw invalid(`the CA certificate of customer gateway ${rec.id} cannot be updated`);
      rec.data.ca_certificate = caCertificate(h, input.ca_certificate, cur);
    }
  },

  beforeDelete(h, rec) {
    if (connectionsUsingCgw(h, rec.id).length > 0) throw invalid(`customer gateway ${rec.id} has connection`);
  },

  view(_h, rec, wire) {
    wire.created_at = new Date(rec.createdAt).toISOString();
    wire.updated_at = new Date(rec.updatedAt).toISOString();
    if (wire.id_type !== "ip") delete wire.bgp_asn;
    return wire;
  },
};
