/**
 * Tags: the documented limits (COM-02 at most 20 tags, COM-03 key/value charset and length; api-s2c.md §6.1,
 * api-p2c-common.md §12.10), applied to every taggable kind, and an organisation's required tag keys.
 */
import { registerDocumented, type DocumentedArgs } from "./documented";
import { S2C_RULES } from "./common";
import { resourcePolicy } from "./helpers";
import { label, type KindName } from "./kinds";
import { registerPolicy, type PolicyValue } from "./vpnGuard";

/** Kinds that take tags on create (the P2C gateway is the only taggable P2C kind, §12.10). */
export const TAGGABLE_KINDS: readonly KindName[] = ["vpnGateway", "customerGateway", "vpnConnection", "p2cVpnGateway"];

export const TAGGING_DOCUMENTED = {
  "vpn-tags-count": { rule: "COM-02", kinds: TAGGABLE_KINDS },
  "vpn-tags-format": { rule: "COM-03", kinds: TAGGABLE_KINDS },
} as const;

type TaggingDocumentedArgs = DocumentedArgs<typeof TAGGING_DOCUMENTED>;

registerDocumented(TAGGING_DOCUMENTED, S2C_RULES, registerPolicy);

export interface RequiredTagsArgs {
  /** Tag keys every taggable VPN resource must carry (none by default). */
  requiredKeys: string[];
}

export const requiredTags = registerPolicy(
  "requiredTags",
  resourcePolicy(
    TAGGABLE_KINDS,
    {
      name: "required-tags",
      description:
        "Checks that taggable VPN resources (VpnGateway, CustomerGateway, VpnConnection, P2cVpnGateway) carry the tag keys listed in the policy config `requiredKeys`, with non-empty values (tags: ZH/EN 4.1.1.1 T4-5, api-p2c-common.md §12.10).",
      enforcementLevel: "advisory",
      remediationSteps: "Add the missing keys to the resource's `tags` map, or change `requiredKeys` in --policy-pack-config.",
      configSchema: {
        properties: {
          requiredKeys: { type: "array", items: { type: "string", minLength: 1 }, default: [] },
        },
      },
    },
    (view, args, report) => {
      const { requiredKeys } = args.getConfig<RequiredTagsArgs>();
      if (!requiredKeys || requiredKeys.length === 0) return;
      if (view.unknowns.some((u) => u[0] === "tags")) return;
      const tags = (view.props.tags ?? {}) as Record<string, unknown>;
      const missing = requiredKeys.filter((k) => typeof tags[k] !== "string" || tags[k] === "");
      if (missing.length > 0)
        report(
          `${label(view.kind, view.name)}: tags: ${JSON.stringify(Object.keys(tags))} — missing required tag key(s) ${missing.join(", ")} (policy config requiredKeys: ${requiredKeys.join(", ")}).`,
        );
    },
  ),
);

declare module "./vpnGuard" {
  interface VpnGuardArgs extends TaggingDocumentedArgs {
    requiredTags?: PolicyValue<RequiredTagsArgs>;
  }
}
