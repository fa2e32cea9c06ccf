/**
 * References between resources of the stack must go through outputs (`gateway.id`), not literal ids: only then
 * does Pulumi order creation and, above all, deletion. The API refuses to delete a customer gateway that a
 * connection still uses (CGW-07, ZH/EN 4.1.2.5: "对端网关上已创建有VPN连接，删除失败", VPN.0001), and the same
 * holds for a gateway's connections and a server's users, groups and policies.
 *
 * A literal id can only point at a resource of the same stack after a first deployment, so the policy matches
 * the reference against the resources' output `id` and reports references that carry no dependency.
 */
import { KIND_CLASSES, label, type KindName } from "./kinds";
import { StackIndex } from "./stack";
import { registerPolicy, type PolicyValue } from "./vpnGuard";

/** Kind → its inputs that refer to another resource, and that resource's kind. */
export const REFERENCES: Partial<Record<KindName, ReadonlyArray<readonly [string, KindName]>>> = {
  vpnConnection: [
    ["vgwId", "vpnGateway"],
    ["cgwId", "customerGateway"],
  ],
  connectionMonitor: [["vpnConnectionId", "vpnConnection"]],
  gatewayCertificate: [["vgwId", "vpnGateway"]],
  vpnServer: [["p2cVgwId", "p2cVpnGateway"]],
  vpnUser: [
    ["vpnServerId", "vpnServer"],
    ["userGroupId", "vpnUserGroup"],
  ],
  vpnUserGroup: [["vpnServerId", "vpnServer"]],
  vpnAccessPolicy: [
    ["vpnServerId", "vpnServer"],
    ["userGroupId", "vpnUserGroup"],
  ],
  clientCaCertificate: [["vpnServerId", "vpnServer"]],
};

export const vpnReferencesUseOutputs = registerPolicy("vpnReferencesUseOutputs", {
  name: "vpn-references-use-outputs",
  description:
    "Checks that a resource refers to another resource of the stack through its output (e.g. `customerGateway.id`), not a literal id, so Pulumi deletes dependents first (CGW-07, ZH/EN 4.1.2.5: a customer gateway with connections cannot be deleted, VPN.0001).",
  enforcementLevel: "mandatory",
  remediationSteps: "Pass the referenced resource's output (`gateway.id`, `customerGateway.id`, `connection.id`, `server.id`) instead of its id as a string.",
  validateStack: (args, report) => {
    const stack = StackIndex.of(args);
    for (const res of stack.resources) {
      for (const [prop, target] of REFERENCES[res.kind] ?? []) {
        const value = res.props[prop];
        if (typeof value !== "string" || value === "") continue;
        const deps = res.resource.propertyDependencies?.[prop] ?? [];
        const hit = stack.ofKind(target).find((t) => t.props.id === value);
        if (hit && !deps.some((d) => d.urn === hit.urn))
          report(
            `${label(res.kind, res.name)}: ${prop}: ${JSON.stringify(value)} — is the id of ${label(hit.kind, hit.name)} given as a literal; pass ${KIND_CLASSES[target]}.id so that Pulumi orders creation and deletion (CGW-07, ZH/EN 4.1.2.5).`,
            res.urn,
          );
      }
    }
  },
});

declare module "./vpnGuard" {
  interface VpnGuardArgs {
    vpnReferencesUseOutputs?: PolicyValue;
  }
}
