/**
 * VPN users of a server (ZH §4.2.3.1–4.2.3.7 / EN §4.2.3.1–4.2.3.9): create, batch create (EN), get, list, update,
 * delete, batch delete (EN), change and reset password. Asynchronous, without a status field (§2.9).
 */
import { z } from "zod";
import {
  batchUserNames,
  groupName,
  newPasswordDiffers,
  passwordCharacters,
  passwordComplexity,
  passwordLength,
  passwordNotUsername,
  staticIpFirstHost,
  staticIpFormat,
  userDescription,
  userName,
} from "../../rules/p2c";
import { requestId, resourceId, timestamp, wrapped } from "../shared";
import { createdIdResponse, markerListResponse, opVpnUserList, RequestIdResponse } from "./fields";
import { refineObject, refineValue } from "./refine";

/** A password as the service checks it without stored state (length, characters, complexity). */
export const vpnUserPassword = z
  .string()
  .superRefine(refineValue(passwordLength, passwordCharacters, passwordComplexity));
const userNameField = z.string().superRefine(refineValue(userName));
const userDescriptionField = z.string().superRefine(refineValue(userDescription));
/** `disable` (the default: a random client address) or a fixed client IPv4 address (EN only). */
const staticIp = z.string().superRefine(refineValue(staticIpFormat, staticIpFirstHost));

// ---------------------------------------------------------------------------------------------------------------
// Response objects

/** VpnUser (ZH T4-238 / EN T4-266); `static_ip` is EN only. */
export const VpnUser = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().nullish(),
  user_group_id: z.string().nullish(),
  user_group_name: z.string().nullish(),
  static_ip: z.string().nullish(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});
export type VpnUser = z.output<typeof VpnUser>;

// ---------------------------------------------------------------------------------------------------------------
// U1 create

export const CreateVpnUserContent = z
  .strictObject({
    name: userNameField,
    password: vpnUserPassword,
    description: userDescriptionField.optional(),
    user_group_id: resourceId.optional(),
    static_ip: staticIp.default("disable"),
  })
  .superRefine(refineObject(passwordNotUsername));

export const CreateVpnUserRequest = z.strictObject({ user: CreateVpnUserContent });
export type CreateVpnUserRequest = z.input<typeof CreateVpnUserRequest>;

export const CreateVpnUserResponse = createdIdResponse("user");
export type CreateVpnUserResponse = z.output<typeof CreateVpnUserResponse>;

// ---------------------------------------------------------------------------------------------------------------
// U2 batch create (EN): all or nothing; invalid users come back with 201 and a cause

/** `name` and `password` are "No" in the EN seed but mandatory in the live docs and in U1: treated as mandatory. */
export const BatchCreateVpnUser = z
  .strictObject({
    name: userNameField,
    password: vpnUserPassword,
    description: userDescriptionField.optional(),
    /** The group's name (not its ID), of an existing group. */
    user_group_name: z.string().superRefine(refineValue(groupName)).optional(),
    static_ip: staticIp.default("disable"),
  })
  .superRefine(refineObject(passwordNotUsername));

export const BatchCreateVpnUsersRequest = z
  .strictObject({ users: z.array(BatchCreateVpnUser) })
  .superRefine(refineObject(batchUserNames));
export type BatchCreateVpnUsersRequest = z.input<typeof BatchCreateVpnUsersRequest>;

export const InvalidVpnUser = z.looseObject({
  name: z.string().optional(),
  description: z.string().nullish(),
  user_group_name: z.string().nullish(),
  static_ip: z.string().nullish(),
  cause: z.string().optional(),
});

export const BatchCreateVpnUsersResponse = z.looseObject({
  invalid_users: z.array(InvalidVpnUser),
  request_id: requestId.optional(),
});
export type BatchCreateVpnUsersResponse = z.output<typeof BatchCreateVpnUsersResponse>;

// ---------------------------------------------------------------------------------------------------------------
// U3 get, U4 list

export const ShowVpnUserResponse = wrapped("user", VpnUser);
export type ShowVpnUserResponse = z.output<typeof ShowVpnUserResponse>;

export const ListVpnUsersResponse = markerListResponse("users", VpnUser);
export type ListVpnUsersResponse = z.output<typeof ListVpnUsersResponse>;

// ---------------------------------------------------------------------------------------------------------------
// U5 update (the name cannot change; the password changes through U8/U9)

export const UpdateVpnUserRequest = z.strictObject({
  user: z.strictObject({
    description: userDescriptionField.optional(),
    user_group_id: resourceId.optional(),
    static_ip: staticIp.optional(),
  }),
});
export type UpdateVpnUserRequest = z.input<typeof UpdateVpnUserRequest>;

export const UpdateVpnUserResponse = ShowVpnUserResponse;
export type UpdateVpnUserResponse = z.output<typeof UpdateVpnUserResponse>;

// ---------------------------------------------------------------------------------------------------------------
// U7 batch delete (EN)

export const BatchDeleteVpnUsersRequest = z.strictObject({ users: opVpnUserList });
export type BatchDeleteVpnUsersRequest = z.input<typeof BatchDeleteVpnUsersRequest>;
export const BatchDeleteVpnUsersResponse = RequestIdResponse;
export type BatchDeleteVpnUsersResponse = z.output<typeof BatchDeleteVpnUsersResponse>;

// ---------------------------------------------------------------------------------------------------------------
// U8 change password, U9 reset password (not wrapped). "Not one of the last 5 passwords" needs stored state.

export const UpdateVpnUserPasswordRequest = z
  .strictObject({
    old_password: z.string().min(1, { message: "the old password is mandatory (ZH 4.2.3.6 / EN 4.2.3.8)" }),
    new_password: vpnUserPassword,
  })
  .superRefine(refineObject(newPasswordDiffers));
export type UpdateVpnUserPasswordRequest = z.input<typeof UpdateVpnUserPasswordRequest>;
export const UpdateVpnUserPasswordResponse = RequestIdResponse;
export type UpdateVpnUserPasswordResponse = z.output<typeof UpdateVpnUserPasswordResponse>;

export const ResetVpnUserPasswordRequest = z.strictObject({ new_password: vpnUserPassword });
export type ResetVpnUserPasswordRequest = z.input<typeof ResetVpnUserPasswordRequest>;
export const ResetVpnUserPasswordResponse = RequestIdResponse;
export type ResetVpnUserPasswordResponse = z.output<typeof ResetVpnUserPasswordResponse>;
