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

/**
 * Kinds a program usually adopts (`importId`) with only the fields it manages (P2C gateways are bought
 * yearly/monthly): their class also accepts the args with every create field optional when `importId` is given.
 */
export const adoptedKinds: readonly string[] = ["p2cVpnGateway"];

/** Notes of the class doc blocks: what the provider does beyond the API, per kind. */
export const classNotes: Readonly<Record<string, string>> = {
  vpnGateway: "Waits for ACTIVE; `flavor` changes through the change-specification API (ZH/EN 4.1.1).",
  customerGateway: "Synchronous: no status to wait for (ZH/EN 4.1.2).",
  vpnConnection:
    "Ready at DOWN (provisioned) or ACTIVE; `waitForTunnelUp` waits for ACTIVE. The PSK is secret (ZH 4.1.3 / EN 4.1.3).",
  connectionMonitor: "There is no update API: every change replaces the monitor (ZH/EN 4.1.4).",
  gatewayCertificate: "Private keys are secret. There is no delete API (ZH 4.1.1.8–4.1.1.10).",
  p2cVpnGateway:
    "Get, list and update are documented (ZH/EN 4.2.1); create and delete are the official SDK's `CreateP2cVgw`/" +
    "`DeleteP2cVgw`, which neither edition of the reference documents. An adopted gateway (`importId`) is kept on " +
    "destroy unless `deleteOnDestroy` is true. Updates in place: `name`, `eipId`, tags.",
  vpnServer:
    "In certificate (`CERT`) or password (`LOCAL_PASSWORD`) mode (ZH/EN 4.2.2.1–4.2.2.5). Updates in place what the " +
    "update API allows; client CA certificates change one by one. There is no delete API: destroying removes it from " +
    "the stack with a warning, and it stays with its gateway. A gateway has one server: creating a second fails " +
    "naming the existing one, which `importId` adopts.",
  connectionLogConfig: "A Log Tank Service group and stream (EN 4.2.2.11–4.2.2.13); its id is the gateway's.",
  vpnUserGroup: "Optionally with its members (`users`), added and removed one by one (ZH 4.2.3.8 / EN 4.2.3.10).",
  vpnUser: "The password is secret; changing it resets it (ZH 4.2.3.1 / EN 4.2.3.1).",
  vpnAccessPolicy: "ZH/EN 4.2.4.",
  clientCaCertificate: "For certificate-authenticated VPN servers (ZH/EN 4.2.2.7–4.2.2.10).",
};
