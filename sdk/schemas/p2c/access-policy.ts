/**
 * VPN access policies of a server (ZH/EN §4.2.4): create, get, list, update, delete. A policy lets a user group
 * reach destination CIDR blocks. Name and description constraints are not documented.
 */
import { z } from "zod";
import { destCidrCount, destCidrDuplicates, destCidrFormat } from "../../rules/p2c";
import { resourceId, timestamp, wrapped } from "../shared";
import { createdIdResponse, markerListResponse } from "./fields";
import { refineValue } from "./refine";

const destIpCidrs = z.array(z.string()).superRefine(refineValue(destCidrCount, destCidrFormat, destCidrDuplicates));
const policyName = z.string().min(1, { message: "the access policy name is mandatory (ZH/EN 4.2.4.1)" });

/** VpnAccessPolicy (ZH T4-297 / EN T4-329). */
export const VpnAccessPolicy = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  user_group_id: z.string().optional(),
  user_group_name: z.string().nullish(),
  description: z.string().nullish(),
  dest_ip_cidrs: z.array(z.string()).optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});
export type VpnAccessPolicy = z.output<typeof VpnAccessPolicy>;

// P1 create
export const CreateVpnAccessPolicyRequest = z.strictObject({
  access_policy: z.strictObject({
    name: policyName,
    user_group_id: resourceId,
    description: z.string().optional(),
    dest_ip_cidrs: destIpCidrs,
  }),
});
export type CreateVpnAccessPolicyRequest = z.input<typeof CreateVpnAccessPolicyRequest>;
export const CreateVpnAccessPolicyResponse = createdIdResponse("access_policy");
export type CreateVpnAccessPolicyResponse = z.output<typeof CreateVpnAccessPolicyResponse>;

// P2 get, P3 list
export const ShowVpnAccessPolicyResponse = wrapped("access_policy", VpnAccessPolicy);
export type ShowVpnAccessPolicyResponse = z.output<typeof ShowVpnAccessPolicyResponse>;

export const ListVpnAccessPoliciesResponse = markerListResponse("access_policies", VpnAccessPolicy);
export type ListVpnAccessPoliciesResponse = z.output<typeof ListVpnAccessPoliciesResponse>;

// P4 update: all four fields are optional and updatable
export const UpdateVpnAccessPolicyRequest = z.strictObject({
  access_policy: z.strictObject({
    name: policyName.optional(),
    user_group_id: resourceId.optional(),
    description: z.string().optional(),
    dest_ip_cidrs: destIpCidrs.optional(),
  }),
});
export type UpdateVpnAccessPolicyRequest = z.input<typeof UpdateVpnAccessPolicyRequest>;
export const UpdateVpnAccessPolicyResponse = ShowVpnAccessPolicyResponse;
export type UpdateVpnAccessPolicyResponse = z.output<typeof UpdateVpnAccessPolicyResponse>;
