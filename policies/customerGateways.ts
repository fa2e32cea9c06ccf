/**
 * Customer gateway policies (api-s2c.md §6.3). CGW-06 (immutable identity) is an update rule: the provider plans
 * a replacement. CGW-07 (no delete while connections use it) is dependency ordering, which Pulumi gets from
 * passing `customerGateway.id` to the connection; the emulator enforces it on DELETE.
 */
import { registerDocumented, type DocumentedArgs } from "./documented";
import { S2C_RULES } from "./common";
import { registerPolicy } from "./vpnGuard";

export const CUSTOMER_GATEWAY_DOCUMENTED = {
  "customer-gateway-id-type": "CGW-01",
  "customer-gateway-id-value": "CGW-02",
  "customer-gateway-fqdn-characters": "CGW-03",
  "customer-gateway-bgp-asn": "CGW-04",
  "customer-gateway-ca-certificate": "CGW-05",
} as const;

type CustomerGatewayDocumentedArgs = DocumentedArgs<typeof CUSTOMER_GATEWAY_DOCUMENTED>;

registerDocumented(CUSTOMER_GATEWAY_DOCUMENTED, S2C_RULES, registerPolicy);

declare module "./vpnGuard" {
  // Declaration merging: the interface only adds the table's keys.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface VpnGuardArgs extends CustomerGatewayDocumentedArgs {}
}
