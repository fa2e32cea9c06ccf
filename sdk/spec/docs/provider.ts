/**
 * Inputs of the resources that are not API fields: provider options (`timeouts`, `importId`, …) and the inputs a
 * kind's hooks handle through other operations (a group's `users`). provider/plan.ts lists which names are
 * provider-only; this table gives each its type and its doc for the generated TypeScript surface.
 */

/** The TypeScript shape of a provider input (the generator writes `pulumi.Input` around each level). */
export type ProviderInputType = "boolean" | "string" | "string[]" | "timeouts";

export interface ProviderInputDoc {
  readonly type: ProviderInputType;
  readonly text: string;
  /** Resource kinds that take it; every kind when absent. */
  readonly kinds?: readonly string[];
  /** Required (only for inputs without which the resource cannot be made). */
  readonly required?: boolean;
}

/** lowerCamelCase input name → its doc. */
export const providerInputDocs: Readonly<Record<string, ProviderInputDoc>> = {
  timeouts: {
    type: "timeouts",
    text:
      "Deadlines for create, update and delete: minutes (a number) or durations such as `90s`, `10m`, `1h`. Pulumi's " +
      "`customTimeouts` option does not reach dynamic providers, so they are set here.",
  },
  importId: {
    type: "string",
    text:
      "Adopt the existing resource with this ID instead of creating one (Pulumi's `import` option does not work for " +
      "dynamic resources). Updatable fields are brought to these inputs; other differences are refused.",
  },
  region: {
    type: "string",
    text:
      "Region to manage this resource in (e.g. `cn-north-9`), overriding the stack's `huaweicloud-vpn:region`; its " +
      "endpoint is the region's default, or the entry for it in `huaweicloud-vpn:endpoints`. Changing it replaces the resource.",
  },
  projectId: {
    type: "string",
    text:
      "Project to manage this resource in, overriding the stack's `huaweicloud-vpn:projectId` (the project of the " +
      "region when `region` is set). Changing it replaces the resource.",
  },
  waitForTunnelUp: {
    type: "boolean",
    kinds: ["vpnConnection"],
    text:
      "Wait until the tunnel is up (status ACTIVE, which needs the peer device to negotiate); by default the " +
      "provisioned status DOWN is enough.",
  },
  deleteOnDestroy: {
    type: "boolean",
    kinds: ["p2cVpnGateway"],
    text: "Delete an adopted (`importId`) gateway when the stack is destroyed; by default an adopted gateway is kept.",
  },
  users: {
    type: "string[]",
    kinds: ["vpnUserGroup"],
    text:
      "The group's members (VPN user IDs), added and removed through the add-users and remove-users operations. " +
      "Without it membership is not managed here; do not also set these users' `userGroupId`.",
  },
};

/** Inputs of the update operation that a kind takes although its create body lacks them (kind → wire names). */
export const updateOnlyInputs: Readonly<Record<string, readonly string[]>> = {
  /** A new EIP for the P2C gateway (bind after unbinding the current one, VPN.0512). */
  p2cVpnGateway: ["eip_id"],
};
