/**
 * Customer gateway (`/v5/{project_id}/customer-gateways`, ZH/EN 4.1.2). Synchronous, no status.
 */
import { z } from "zod";
import { checkCgwBgpAsn, checkCgwIdValue } from "../../rules/s2c";
import { refineWith } from "../../rules/common";
import { PageInfo, markerNeedsLimit, markerPageQuery, requestId, resourceId, resourceName, timestamp, vpnResourceTags } from "../shared";
import { DEFAULTS } from "./enums";
import * as F from "./fields";
import { bool, int, str, tagsOut, wrapped } from "./response";

/** [ZH] CaCertificateRequest: reuse a certificate by `id` or upload `content` (CA certificate PEM). */
export const CaCertificateRequest = z.strictObject({
  id: resourceId.optional(),
  content: F.caCertificateContent.optional(),
});

/** CreateCgwRequestBodyContent (ZH Table 4-72 / EN 4.1.2.1). */
export const CreateCgwRequestBodyContent = z
  .strictObject({
    name: resourceName.optional(),
    id_type: F.cgwIdType.default(DEFAULTS.customerGateway.id_type),
    id_value: F.cgwIdValue,
    bgp_asn: F.cgwBgpAsn.optional(),
    /** [ZH] required for a customer gateway used with a GM VPN gateway (CONN-33). */
    ca_certificate: CaCertificateRequest.optional(),
    tags: vpnResourceTags.optional(),
  })
  .superRefine(refineWith([checkCgwIdValue, checkCgwBgpAsn]));
export const CreateCgwRequestBody = z.strictObject({ customer_gateway: CreateCgwRequestBodyContent });

/** UpdateCgwRequestBodyContent (ZH/EN 4.1.2.4): name, [ZH] ca_certificate. Everything else replaces (CGW-06). */
export const UpdateCgwRequestBodyContent = z.strictObject({
  name: resourceName.optional(),
  ca_certificate: CaCertificateRequest.optional(),
});
export const UpdateCgwRequestBody = z.strictObject({ customer_gateway: UpdateCgwRequestBodyContent });

export const ListCgwsQuery = z.strictObject({ ...markerPageQuery }).superRefine(markerNeedsLimit);

/** [ZH] CaCertificate in responses (content is never returned). */
export const CaCertificateOut = z.looseObject({
  id: str,
  serial_number: str,
  signature_algorithm: str,
  issuer: str,
  subject: str,
  expire_time: str,
  is_updatable: bool,
});

/** ResponseCustomerGateway (ZH Tables 4-76/4-81/4-87/4-96; EN 4-67/4-71/4-76/4-83). */
export const ResponseCustomerGateway = z.looseObject({
  id: z.string(),
  name: str,
  id_type: str,
  id_value: str,
  bgp_asn: int,
  ca_certificate: CaCertificateOut.nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  tags: tagsOut,
});

export const CreateCgwResponse = wrapped("customer_gateway", ResponseCustomerGateway);
export const ShowCgwResponse = wrapped("customer_gateway", ResponseCustomerGateway);
export const UpdateCgwResponse = wrapped("customer_gateway", ResponseCustomerGateway);
export const ListCgwsResponse = z.looseObject({
  customer_gateways: z.array(ResponseCustomerGateway),
  total_count: int,
  page_info: PageInfo.nullish(),
  request_id: requestId.optional(),
});

export type CreateCgwRequestBody = z.input<typeof CreateCgwRequestBody>;
export type UpdateCgwRequestBody = z.input<typeof UpdateCgwRequestBody>;
export type ListCgwsQuery = z.input<typeof ListCgwsQuery>;
export type ResponseCustomerGateway = z.output<typeof ResponseCustomerGateway>;
export type CreateCgwResponse = z.output<typeof CreateCgwResponse>;
export type ShowCgwResponse = z.output<typeof ShowCgwResponse>;
export type UpdateCgwResponse = z.output<typeof UpdateCgwResponse>;
export type ListCgwsResponse = z.output<typeof ListCgwsResponse>;
