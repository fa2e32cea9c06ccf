/**
 * Connection monitor policies (api-s2c.md §6.5): MON-01 from the registry, and one monitor per connection
 * (advisory: the docs do not state the cardinality, api-s2c.md §8 question 19, and a second probe only
 * duplicates the first).
 */
import { registerDocumented, type DocumentedArgs } from "./documented";
import { S2C_RULES } from "./common";
import { stackPolicy } from "./helpers";
import { label } from "./kinds";
import { registerPolicy, type PolicyValue } from "./vpnGuard";

export const MONITOR_DOCUMENTED = {
  "connection-monitor-connection-id": "MON-01",
} as const;

type MonitorDocumentedArgs = DocumentedArgs<typeof MONITOR_DOCUMENTED>;

registerDocumented(MONITOR_DOCUMENTED, S2C_RULES, registerPolicy);

export const connectionMonitorSinglePerConnection = registerPolicy(
  "connectionMonitorSinglePerConnection",
  stackPolicy(
    "vpnConnection",
    {
      name: "connection-monitor-single-per-connection",
      description:
        "Checks that a VPN connection has at most one ConnectionMonitor in the stack (the API reference does not state the cardinality, ZH/EN 4.1.4; a second probe duplicates the first).",
      enforcementLevel: "advisory",
      remediationSteps: "Keep one ConnectionMonitor per VpnConnection.",
    },
    (stack, conn, report) => {
      const monitors = stack.referencing(conn, "connectionMonitor", "vpnConnectionId");
      if (monitors.length > 1)
        report(
          `${label(conn.kind, conn.name)}: monitored by ${monitors.length} ConnectionMonitors (${monitors.map((m) => m.name).join(", ")}) — one monitor per connection is enough (ZH/EN 4.1.4).`,
        );
    },
  ),
);

declare module "./vpnGuard" {
  interface VpnGuardArgs extends MonitorDocumentedArgs {
    connectionMonitorSinglePerConnection?: PolicyValue;
  }
}
