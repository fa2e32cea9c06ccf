/**
 * Point-to-cloud (P2C) policies: every rule of the P2C registry (sdk/rules/p2c.ts, api-p2c-common.md §12) that a
 * resource's inputs can break, plus the limits that only show across resources (servers per gateway, users,
 * groups and policies per server, client CA certificates per server, group references).
 */
import type { ReportViolation, StackValidationArgs } from "@pulumi/policy";
import {
  MAX_CLIENT_CA_CERTIFICATES,
  p2cRuleById,
  type P2cRuleContext,
} from "../sdk/rules/p2c";
import { registerDocumented, type DocumentedArgs } from "./documented";
import { stackPolicy, str } from "./helpers";
import { KIND_CLASSES, label, type KindName } from "./kinds";
import { StackIndex, type StackResource } from "./stack";
import { registerPolicy, type PolicyValue, type VpnPolicy } from "./vpnGuard";

// ---------------------------------------------------------------------------------------------------------------
// Contexts: facts about related resources that some P2C rules read.

/** A user's server: its client CIDR, and the static IPs of the server's other users. */
export function userContext(stack: StackIndex, user: StackResource): P2cRuleContext | undefined {
  const server = stack.referenced(user, "vpnServerId", "vpnServer");
  if (!server) return undefined;
  // markedBody: an unknown value reaches the rule as UNKNOWN_MARK, and the rule's finding is then dropped.
  const clientCidr = str(server.markedBody.client_cidr);
  const otherStaticIps = stack
    .referencing(server, "vpnUser", "vpnServerId")
    .filter((u) => u !== user)
    .map((u) => str(u.markedBody.static_ip))
    .filter((ip): ip is string => ip !== undefined && ip !== "disable");
  return { ...(clientCidr ? { clientCidr } : {}), otherStaticIps };
}

/** A server's gateway: its maximum number of connections. */
export function serverContext(stack: StackIndex, server: StackResource): P2cRuleContext | undefined {
  const gateway = stack.referenced(server, "p2cVgwId", "p2cVpnGateway");
  const max = gateway?.markedBody.max_connection_number;
  return typeof max === "number" ? { maxConnectionNumber: max } : undefined;
}

/** An access policy's server: its local subnets. */
export function accessPolicyContext(stack: StackIndex, policy: StackResource): P2cRuleContext | undefined {
  const server = stack.referenced(policy, "vpnServerId", "vpnServer");
  const locals = server?.markedBody.local_subnets;
  return Array.isArray(locals) && locals.every((l) => typeof l === "string") ? { localSubnets: locals as string[] } : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Documented single-resource rules (policy name → rule id).

export const P2C_DOCUMENTED = {
  "vpn-user-password-length": "P2C-PWD-1",
  "vpn-user-password-characters": "P2C-PWD-2",
  "vpn-user-password-complexity": "P2C-PWD-3",
  "vpn-user-password-not-username": "P2C-PWD-4",
  "vpn-user-password-without-username": "P2C-PWD-5",
  "vpn-user-password-strength": "P2C-PWD-6",
  "vpn-user-name": "P2C-USR-1",
  "vpn-user-description": "P2C-USR-2",
  "vpn-user-static-ip-format": "P2C-SIP-1",
  "vpn-user-static-ip-first-host": "P2C-SIP-2",
  "vpn-user-static-ip-in-client-cidr": { rule: "P2C-SIP-3", context: userContext },
  "vpn-user-static-ip-not-gateway-address": { rule: "P2C-SIP-4", context: userContext },
  "vpn-user-static-ip-unique": { rule: "P2C-SIP-5", context: userContext },
  "vpn-user-group-name": "P2C-GRP-1",
  "vpn-user-group-description": "P2C-GRP-2",
  "vpn-user-group-name-strict": "P2C-GRP-3",
  "vpn-server-client-cidr-format": "P2C-CIDR-1",
  "vpn-server-client-cidr-prefix": "P2C-CIDR-2",
  "vpn-server-client-cidr-reserved": "P2C-CIDR-3",
  "vpn-server-client-cidr-local-subnet-conflict": "P2C-CIDR-4",
  "vpn-server-client-cidr-size": { rule: "P2C-CIDR-5", context: serverContext },
  "vpn-server-client-cidr-network-address": "P2C-CIDR-6",
  "vpn-server-local-subnets-count": "P2C-LSN-1",
  "vpn-server-local-subnets-format": "P2C-LSN-2",
  "vpn-server-local-subnets-reserved": "P2C-LSN-3",
  "vpn-server-local-subnets-unique": "P2C-LSN-4",
  "vpn-server-local-subnets-zh-limit": "P2C-LSN-5",
  "vpn-server-certificate-required": "P2C-CERT-1",
  "vpn-server-client-ca-count": "P2C-CERT-2",
  "vpn-server-client-ca-pem": "P2C-CERT-3",
  "vpn-server-client-ca-names": "P2C-CERT-4",
  "vpn-server-client-ca-unique": "P2C-CERT-5",
  "vpn-server-client-ca-only-for-cert": "P2C-CERT-6",
  "vpn-server-ssl-options-required": "P2C-SSL-1",
  "vpn-server-ssl-aes-256-gcm": "P2C-SSL-2",
  "vpn-server-ssl-no-compression": "P2C-SSL-3",
  "vpn-server-certificate-authentication": "P2C-AUTH-1",
  "vpn-server-dns-servers": "P2C-DNS-1",
  "client-ca-certificate-pem": "P2C-CA-1",
  "client-ca-certificate-name": "P2C-CA-2",
  "vpn-access-policy-destination-count": "P2C-POL-1",
  "vpn-access-policy-destination-format": "P2C-POL-2",
  "vpn-access-policy-destination-unique": "P2C-POL-3",
  "vpn-access-policy-destination-not-too-broad": "P2C-POL-4",
  "vpn-access-policy-destination-in-local-subnets": { rule: "P2C-POL-5", context: accessPolicyContext },
  "p2c-gateway-name": "P2C-GW-1",
  "p2c-gateway-max-connections": "P2C-GW-2",
  "p2c-gateway-eip-choice": "P2C-GW-3",
  "p2c-gateway-availability-zones": "P2C-GW-4",
  "p2c-gateway-eip-bandwidth": "P2C-GW-5",
} as const;

/**
 * Registry rules no P2C resource input can break, with the reason (the meta-test checks that every registry rule
 * is either a policy or listed here).
 */
export const P2C_RULES_NOT_POLICIES: Readonly<Record<string, string>> = {
  "P2C-PWD-7": "new_password/old_password belong to the change-password operation, not to a resource's inputs",
  "P2C-USR-3": "the users list belongs to the batch-create-users operation (EN 4.2.3.2); each VpnUser is created on its own",
  "P2C-GRP-4": "the users list belongs to the add-users/remove-users operations, not to a user group's inputs",
};

type P2cDocumentedArgs = DocumentedArgs<typeof P2C_DOCUMENTED>;

registerDocumented(P2C_DOCUMENTED, p2cRuleById, registerPolicy);

// ---------------------------------------------------------------------------------------------------------------
// Limits across resources.

/** "用户组数量超出最大限制50" (VPN.1306; api-p2c-common.md §12.3). */
export const MAX_USER_GROUPS_PER_SERVER = 50;
/** "访问策略数量超出最大限制100" (VPN.1400; api-p2c-common.md §12.8). */
export const MAX_ACCESS_POLICIES_PER_SERVER = 100;

export const p2cGatewaySingleServer = registerPolicy(
  "p2cGatewaySingleServer",
  stackPolicy(
    "p2cVpnGateway",
    {
      name: "p2c-gateway-single-server",
      description: 'Checks that a P2C VPN gateway has at most one VPN server ("请勿在网关下创建多个服务端", VPN.1102; api-p2c-common.md §5).',
      enforcementLevel: "mandatory",
      remediationSteps: "Declare one VpnServer per P2cVpnGateway; put every local subnet and user on that server.",
    },
    (stack, gw, report) => {
      const servers = stack.referencing(gw, "vpnServer", "p2cVgwId");
      if (servers.length > 1)
        report(
          `${label(gw.kind, gw.name)}: has ${servers.length} VPN servers (${servers.map((s) => s.name).join(", ")}) — a gateway takes at most one server (VPN.1102, ZH/EN 4.2.2.1).`,
        );
    },
  ),
);

export const vpnServerUserCount = registerPolicy(
  "vpnServerUserCount",
  stackPolicy(
    "vpnServer",
    {
      name: "vpn-server-user-count",
      description:
        "Checks that a VPN server has no more users than its gateway's max_connection_number (VPN.1307; api-p2c-common.md §12.4).",
      enforcementLevel: "mandatory",
      remediationSteps: "Remove users from the server or raise the P2C gateway's max_connection_number (1-500).",
    },
    (stack, server, report) => {
      const gw = stack.referenced(server, "p2cVgwId", "p2cVpnGateway");
      const max = gw?.body.max_connection_number;
      if (typeof max !== "number") return;
      const users = stack.referencing(server, "vpnUser", "vpnServerId");
      if (users.length > max)
        report(
          `${label(server.kind, server.name)}: ${users.length} users — the number of users cannot exceed the gateway's max_connection_number ${max} (VPN.1307, api-p2c-common.md §12.4).`,
        );
    },
  ),
);

function countPolicy(
  key: string,
  name: string,
  child: KindName,
  limit: number,
  cite: string,
  what: string,
): VpnPolicy {
  return registerPolicy(
    key,
    stackPolicy(
      "vpnServer",
      {
        name,
        description: `Checks that a VPN server has at most ${limit} ${what} (${cite}).`,
        enforcementLevel: "mandatory",
        remediationSteps: `Keep at most ${limit} ${KIND_CLASSES[child]} resources per VpnServer.`,
      },
      (stack, server, report) => {
        const n = stack.referencing(server, child, "vpnServerId").length;
        if (n > limit) report(`${label(server.kind, server.name)}: ${n} ${what} — a server takes at most ${limit} (${cite}).`);
      },
    ),
  );
}

export const vpnServerUserGroupCount = countPolicy(
  "vpnServerUserGroupCount",
  "vpn-server-user-group-count",
  "vpnUserGroup",
  MAX_USER_GROUPS_PER_SERVER,
  "VPN.1306, api-p2c-common.md §12.3",
  "user groups",
);

export const vpnServerAccessPolicyCount = countPolicy(
  "vpnServerAccessPolicyCount",
  "vpn-server-access-policy-count",
  "vpnAccessPolicy",
  MAX_ACCESS_POLICIES_PER_SERVER,
  "VPN.1400, api-p2c-common.md §12.8",
  "access policies",
);

function uniqueNamesPolicy(key: string, name: string, child: KindName, cite: string, what: string): VpnPolicy {
  return registerPolicy(
    key,
    stackPolicy(
      "vpnServer",
      {
        name,
        description: `Checks that the ${what} of a VPN server have distinct names (${cite}).`,
        enforcementLevel: "mandatory",
        remediationSteps: `Give every ${KIND_CLASSES[child]} of the server its own name.`,
      },
      (stack, server, report) => {
        const seen = new Map<string, StackResource>();
        for (const r of stack.referencing(server, child, "vpnServerId")) {
          const n = str(r.body.name);
          if (n === undefined) continue;
          const first = seen.get(n);
          if (first)
            report(
              `${label(r.kind, r.name)}: name: ${JSON.stringify(n)} — is already used by ${label(first.kind, first.name)} on ${label(server.kind, server.name)}; names must be unique per server (${cite}).`,
              r.urn,
            );
          else seen.set(n, r);
        }
      },
    ),
  );
}

export const vpnServerUniqueUserNames = uniqueNamesPolicy(
  "vpnServerUniqueUserNames",
  "vpn-server-unique-user-names",
  "vpnUser",
  "VPN.1302, api-p2c-common.md §12.2",
  "users",
);

export const vpnServerUniqueUserGroupNames = uniqueNamesPolicy(
  "vpnServerUniqueUserGroupNames",
  "vpn-server-unique-user-group-names",
  "vpnUserGroup",
  '"用户组名不能重复", ZH 4.2.3.8 / EN 4.2.3.10',
  "user groups",
);

export const vpnServerClientCaTotal = registerPolicy(
  "vpnServerClientCaTotal",
  stackPolicy(
    "vpnServer",
    {
      name: "vpn-server-client-ca-total",
      description: `Checks that a VPN server's client CA certificates, inline and as ClientCaCertificate resources, are at most ${MAX_CLIENT_CA_CERTIFICATES} (VPN.1111; ZH/EN 4.2.2.1).`,
      enforcementLevel: "mandatory",
      remediationSteps: `Keep at most ${MAX_CLIENT_CA_CERTIFICATES} client CA certificates per server, counting client_ca_certificates and ClientCaCertificate resources.`,
    },
    (stack, server, report) => {
      const inline = Array.isArray(server.body.client_ca_certificates) ? server.body.client_ca_certificates.length : 0;
      const separate = stack.referencing(server, "clientCaCertificate", "vpnServerId").length;
      if (inline + separate > MAX_CLIENT_CA_CERTIFICATES)
        report(
          `${label(server.kind, server.name)}: ${inline} inline and ${separate} separate client CA certificates — at most ${MAX_CLIENT_CA_CERTIFICATES} per server (VPN.1111, ZH/EN 4.2.2.1).`,
        );
    },
  ),
);

export const vpnUserGroupSameServer = registerPolicy("vpnUserGroupSameServer", {
  name: "vpn-user-group-same-server",
  description:
    "Checks that a VPN user's or access policy's user_group_id names a user group of the same VPN server (groups live under /vpn-servers/{vpn_server_id}/groups; ZH/EN 4.2.3.1, 4.2.4.1).",
  enforcementLevel: "mandatory",
  remediationSteps: "Use a user group created on the same VpnServer (its vpnServerId must match).",
  validateStack: (args: StackValidationArgs, report: ReportViolation) => {
    const stack = StackIndex.of(args);
    for (const kind of ["vpnUser", "vpnAccessPolicy"] as const) {
      for (const r of stack.ofKind(kind)) {
        const group = stack.referenced(r, "userGroupId", "vpnUserGroup");
        const server = stack.referenced(r, "vpnServerId", "vpnServer");
        const groupServer = group && stack.referenced(group, "vpnServerId", "vpnServer");
        if (group && server && groupServer && groupServer !== server)
          report(
            `${label(r.kind, r.name)}: userGroupId (user_group_id) — ${label(group.kind, group.name)} belongs to ${label(groupServer.kind, groupServer.name)}, not to ${label(server.kind, server.name)}; the group must be on the same server (ZH/EN 4.2.3.1, 4.2.4.1).`,
            r.urn,
          );
      }
    }
  },
});

declare module "./vpnGuard" {
  interface VpnGuardArgs extends P2cDocumentedArgs {
    p2cGatewaySingleServer?: PolicyValue;
    vpnServerUserCount?: PolicyValue;
    vpnServerUserGroupCount?: PolicyValue;
    vpnServerAccessPolicyCount?: PolicyValue;
    vpnServerUniqueUserNames?: PolicyValue;
    vpnServerUniqueUserGroupNames?: PolicyValue;
    vpnServerClientCaTotal?: PolicyValue;
    vpnUserGroupSameServer?: PolicyValue;
  }
}
