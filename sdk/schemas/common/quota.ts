/** Quota API (ZH/EN §4.3.1.1): S2C gateway, customer gateway and connection quotas; there are no P2C quota types. */
import { z } from "zod";
import { requestId } from "../shared";

export const QuotaInfo = z.looseObject({
  /** `customer_gateway`, `vpn_connection` or `vpn_gateway`. */
  type: z.string(),
  /** Upper limit. */
  quota: z.number().int(),
  /** In use. */
  used: z.number().int(),
});
export type QuotaInfo = z.output<typeof QuotaInfo>;

export const ShowQuotasInfoResponse = z.looseObject({
  quotas: z.looseObject({ resources: z.array(QuotaInfo) }),
  request_id: requestId.optional(),
});
export type ShowQuotasInfoResponse = z.output<typeof ShowQuotasInfoResponse>;
