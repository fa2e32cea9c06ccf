/**
 * [ZH] GM gateway certificate (`/v5/{project_id}/vpn-gateways/{vgw_id}/certificate`, ZH 4.1.1.8-4.1.1.10):
 * upload, show, update. No delete. Private keys are secret and never returned. Plus the project-wide list
 * `GET /v5/{project_id}/vpn-gateway-certificates` that the official Node SDK added in 3.1.202 (in neither edition).
 */
import { z } from "zod";
import { PageInfo, requestId } from "../shared";
import * as F from "./fields";
import { int, str, wrapped } from "./response";

/** CreateVpnGatewayCertificateRequestBodyContent (ZH 4.1.1.8). */
export const CreateVgwCertificateRequestBodyContent = z.strictObject({
  name: F.certificateName.optional(),
  certificate: F.certificatePem,
  private_key: F.privateKeyPem,
  certificate_chain: F.certificateChainPem,
  enc_certificate: F.certificatePem,
  enc_private_key: F.privateKeyPem,
});
export const CreateVgwCertificateRequestBody = z.strictObject({ certificate: CreateVgwCertificateRequestBodyContent });

/** UpdateVgwCertificate (ZH 4.1.1.10): all optional; "如果只更新证书名称可以不传" the PEM fields. */
export const UpdateVgwCertificateRequestBodyContent = z.strictObject({
  name: F.certificateName.optional(),
  certificate: F.certificatePem.optional(),
  private_key: F.privateKeyPem.optional(),
  certificate_chain: F.certificateChainPem.optional(),
  enc_certificate: F.certificatePem.optional(),
  enc_private_key: F.privateKeyPem.optional(),
});
export const UpdateVgwCertificateRequestBody = z.strictObject({ certificate: UpdateVgwCertificateRequestBodyContent });

/** VpnGatewayCertificate (config and GET form; GET adds project_id, status BOUND | FAULT | BINDING, updated_at). */
export const VpnGatewayCertificate = z.looseObject({
  id: z.string(),
  name: str,
  vgw_id: str,
  project_id: str,
  status: str,
  issuer: str,
  signature_algorithm: str,
  certificate_serial_number: str,
  certificate_subject: str,
  certificate_expire_time: str,
  certificate_chain_serial_number: str,
  certificate_chain_subject: str,
  certificate_chain_expire_time: str,
  enc_certificate_serial_number: str,
  enc_certificate_subject: str,
  enc_certificate_expire_time: str,
  created_at: str,
  updated_at: str,
});

export const CreateVgwCertificateResponse = wrapped("certificate", VpnGatewayCertificate);
export const ShowVpnGatewayCertificateResponse = wrapped("certificate", VpnGatewayCertificate);
export const UpdateVgwCertificateResponse = wrapped("certificate", VpnGatewayCertificate);

const PAGE_RULE = "must be a non-negative integer (official SDK 3.1.202 ListVpnGatewayCertificatesRequest)";
const nonNegative = z.coerce.number({ message: PAGE_RULE }).int({ message: PAGE_RULE }).min(0, { message: PAGE_RULE });

/**
 * `ListVpnGatewayCertificatesRequest` (official SDK 3.1.202): `limit`/`marker` paging and `pre_expire_days`, the
 * certificates that expire within that many days (the emulator's reading of the name; no reference documents it).
 */
export const ListVpnGatewayCertificatesQuery = z
  .strictObject({ limit: nonNegative.optional(), marker: z.string().optional(), pre_expire_days: nonNegative.optional() })
  .superRefine((q, ctx) => {
    if (q.marker !== undefined && q.limit === undefined)
      ctx.addIssue({ code: "custom", path: ["marker"], message: "marker must be used together with limit" });
  });

/** `ListVpnGatewayCertificatesResponse`: `vpn_gateway_certificates` (paging fields accepted when present). */
export const ListVpnGatewayCertificatesResponse = z.looseObject({
  vpn_gateway_certificates: z.array(VpnGatewayCertificate),
  page_info: PageInfo.nullish(),
  total_count: int,
  request_id: requestId.optional(),
});

export type ListVpnGatewayCertificatesQuery = z.input<typeof ListVpnGatewayCertificatesQuery>;
export type ListVpnGatewayCertificatesResponse = z.output<typeof ListVpnGatewayCertificatesResponse>;
export type CreateVgwCertificateRequestBody = z.input<typeof CreateVgwCertificateRequestBody>;
export type UpdateVgwCertificateRequestBody = z.input<typeof UpdateVgwCertificateRequestBody>;
export type VpnGatewayCertificate = z.output<typeof VpnGatewayCertificate>;
export type ShowVpnGatewayCertificateResponse = z.output<typeof ShowVpnGatewayCertificateResponse>;

export type CreateVgwCertificateResponse = z.output<typeof CreateVgwCertificateResponse>;
export type UpdateVgwCertificateResponse = z.output<typeof UpdateVgwCertificateResponse>;
