/**
 * [ZH] GM gateway certificate (`/v5/{project_id}/vpn-gateways/{vgw_id}/certificate`, ZH 4.1.1.8-4.1.1.10):
 * upload, show, update. No delete. Private keys are secret and never returned.
 */
import { z } from "zod";
import * as F from "./fields";
import { str, wrapped } from "./response";

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

export type CreateVgwCertificateRequestBody = z.input<typeof CreateVgwCertificateRequestBody>;
export type UpdateVgwCertificateRequestBody = z.input<typeof UpdateVgwCertificateRequestBody>;
export type VpnGatewayCertificate = z.output<typeof VpnGatewayCertificate>;
export type ShowVpnGatewayCertificateResponse = z.output<typeof ShowVpnGatewayCertificateResponse>;

export type CreateVgwCertificateResponse = z.output<typeof CreateVgwCertificateResponse>;
export type UpdateVgwCertificateResponse = z.output<typeof UpdateVgwCertificateResponse>;
