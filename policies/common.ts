/**
 * Documented rules shared by the site-to-cloud kinds (api-s2c.md §6.1): names, ID references, enterprise
 * project. Tags (COM-02, COM-03) are in ./tagging. COM-06 (tags cannot change through PUT) concerns updates,
 * which the provider sends through the tag API; a policy only sees the desired inputs.
 */
import { s2cRules } from "../sdk/rules";
import { registerDocumented, type DocumentedArgs } from "./documented";
import { registerPolicy } from "./vpnGuard";

export const S2C_RULES = new Map(s2cRules.map((r) => [r.id, r]));

export const COMMON_DOCUMENTED = {
  "vpn-resource-name": { rule: "COM-01", kinds: ["vpnGateway", "customerGateway", "vpnConnection"] },
  "vpn-id-references": {
    rule: "COM-04",
    kinds: ["vpnGateway", "customerGateway", "vpnConnection", "connectionMonitor", "gatewayCertificate"],
  },
  "vpn-enterprise-project-id": { rule: "COM-05", kinds: ["vpnGateway", "customerGateway", "vpnConnection"] },
} as const;

/**
 * Registry rules that are not policies, with the reason; with `S2C_RULES_NOT_CHECKED` (rules the registry itself
 * does not encode as body checks) this accounts for every id of api-s2c.md §6 (checked by the registry test).
 */
export const S2C_RULES_NOT_POLICIES: Readonly<Record<string, string>> = {
  "COM-06": "an update rule (tags cannot change through PUT): the provider changes tags through the tag API; a policy sees desired inputs, not the request",
  "GW-14": "needs EIP facts (shared bandwidth, frozen) from a cloud lookup; EIPs are not resources of this package",
  "GW-17": "needs the subnets' idle IP counts from a cloud lookup",
  "GW-19": "an update rule (fields allowed on PUT by gateway type); policies see desired inputs, not the diff",
  "GW-20": "policy_template is not a create input of VpnGateway (ZH 4.1.1.4 update only)",
  "GW-21": "the specification-change request (flavor change), checked by the provider against supported_flavors",
  "CGW-06": "an update rule (identity fields are immutable); the provider plans a replacement",
  "CONN-34": "the batch-create request; the package creates one connection per resource",
  "CONN-35": "an update rule on GM gateways (fields that cannot change); policies see desired inputs, not the diff",
  "CONN-36": "an update rule (changing only psk with IKEv2 has no effect); needs the diff",
  "CONN-37": "an update rule (immutable fields); the provider plans a replacement",
};

type CommonDocumentedArgs = DocumentedArgs<typeof COMMON_DOCUMENTED>;

registerDocumented(COMMON_DOCUMENTED, S2C_RULES, registerPolicy);

declare module "./vpnGuard" {
  // Declaration merging: the interface only adds the table's keys.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface VpnGuardArgs extends CommonDocumentedArgs {}
}
