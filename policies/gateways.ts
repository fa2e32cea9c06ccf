/**
 * VPN gateway and GM gateway certificate policies (api-s2c.md §6.2): every documented create-time rule of the
 * S2C registry. GW-09 (flavor by region) reads the region of the stack's provider config. Not checkable from a
 * program (see README): GW-14 and GW-17 need EIP and subnet lookups; GW-19/20/21 concern updates and the
 * specification change; GW-22/23/25 are not value rules (S2C_RULES_NOT_CHECKED).
 */
import { registerDocumented, type DocumentedArgs } from "./documented";
import { S2C_RULES } from "./common";
import { certificateContext, regionContext } from "./context";
import { registerPolicy } from "./vpnGuard";

export const GATEWAY_DOCUMENTED = {
  "vpn-gateway-enums": "GW-01",
  "vpn-gateway-vpc-attachment-fields": "GW-02",
  "vpn-gateway-er-attachment-fields": "GW-03",
  "vpn-gateway-er-or-vpc": "GW-04",
  "vpn-gateway-local-subnets": "GW-05",
  "vpn-gateway-bgp-asn": "GW-06",
  "vpn-gateway-flavor": "GW-07",
  "vpn-gateway-basic-flavor-limits": "GW-08",
  "vpn-gateway-flavor-in-region": {
    rule: "GW-09",
    resourceContext: regionContext,
    remediationSteps:
      "Choose a flavor offered in the stack's region (huaweicloud-vpn:region), per the region list under flavor in ZH 4.1.1.1.",
  },
  "vpn-gateway-eips-by-network-type": "GW-10",
  "vpn-gateway-eip-spec": "GW-11",
  "vpn-gateway-eip-charge-mode-and-type": "GW-12",
  "vpn-gateway-eip-bandwidth": "GW-13",
  "vpn-gateway-availability-zones": "GW-15",
  "vpn-gateway-access-private-ips": "GW-16",
  "vpn-gateway-access-overrides": "GW-18",
  "gateway-certificate-fields": { rule: "GW-24", context: certificateContext },
} as const;

type GatewayDocumentedArgs = DocumentedArgs<typeof GATEWAY_DOCUMENTED>;

registerDocumented(GATEWAY_DOCUMENTED, S2C_RULES, registerPolicy);

declare module "./vpnGuard" {
  // Declaration merging: the interface only adds the table's keys.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface VpnGuardArgs extends GatewayDocumentedArgs {}
}
