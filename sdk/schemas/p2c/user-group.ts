/**
 * VPN user groups of a server (ZH §4.2.3.8–4.2.3.15 / EN §4.2.3.10–4.2.3.17): create, get, list, update, delete,
 * add users, remove users, list users in a group. The system's `default` group (type `Default`) cannot be changed.
 */
import { z } from "zod";
import { groupDescription, groupName } from "../../rules/p2c";
import { timestamp, wrapped } from "../shared";
import { createdIdResponse, markerListResponse, opVpnUserList, RequestIdResponse } from "./fields";
import { refineValue } from "./refine";

export const USER_GROUP_TYPES = ["Default", "Custom"] as const;

const groupNameField = z.string().superRefine(refineValue(groupName));
const groupDescriptionField = z.string().superRefine(refineValue(groupDescription));

/** VpnUserGroup (ZH T4-264 / EN T4-296). */
export const VpnUserGroup = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().nullish(),
  type: z.string().optional(),
  user_number: z.number().int().optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});
export type VpnUserGroup = z.output<typeof VpnUserGroup>;

/** VpnUserInGroup (ZH T4-287 / EN T4-319). */
export const VpnUserInGroup = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().nullish(),
});

// UG1 create
export const CreateVpnUserGroupRequest = z.strictObject({
  user_group: z.strictObject({ name: groupNameField, description: groupDescriptionField.optional() }),
});
export type CreateVpnUserGroupRequest = z.input<typeof CreateVpnUserGroupRequest>;
export const CreateVpnUserGroupResponse = createdIdResponse("user_group");
export type CreateVpnUserGroupResponse = z.output<typeof CreateVpnUserGroupResponse>;

// UG2 get, UG3 list
export const ShowVpnUserGroupResponse = wrapped("user_group", VpnUserGroup);
export type ShowVpnUserGroupResponse = z.output<typeof ShowVpnUserGroupResponse>;

export const ListVpnUserGroupsResponse = markerListResponse("user_groups", VpnUserGroup);
export type ListVpnUserGroupsResponse = z.output<typeof ListVpnUserGroupsResponse>;

// UG4 update
export const UpdateVpnUserGroupRequest = z.strictObject({
  user_group: z.strictObject({ name: groupNameField.optional(), description: groupDescriptionField.optional() }),
});
export type UpdateVpnUserGroupRequest = z.input<typeof UpdateVpnUserGroupRequest>;
export const UpdateVpnUserGroupResponse = ShowVpnUserGroupResponse;
export type UpdateVpnUserGroupResponse = z.output<typeof UpdateVpnUserGroupResponse>;

// UG6 add users, UG7 remove users (both answer 201)
export const AddVpnUsersToGroupRequest = z.strictObject({ users: opVpnUserList });
export type AddVpnUsersToGroupRequest = z.input<typeof AddVpnUsersToGroupRequest>;
export const AddVpnUsersToGroupResponse = RequestIdResponse;
export type AddVpnUsersToGroupResponse = z.output<typeof AddVpnUsersToGroupResponse>;
export const RemoveVpnUsersFromGroupRequest = AddVpnUsersToGroupRequest;
export type RemoveVpnUsersFromGroupRequest = z.input<typeof RemoveVpnUsersFromGroupRequest>;
export const RemoveVpnUsersFromGroupResponse = RequestIdResponse;
export type RemoveVpnUsersFromGroupResponse = z.output<typeof RemoveVpnUsersFromGroupResponse>;

// UG8 users in a group
export const ListVpnUsersInGroupResponse = markerListResponse("users", VpnUserInGroup);
export type ListVpnUsersInGroupResponse = z.output<typeof ListVpnUsersInGroupResponse>;
