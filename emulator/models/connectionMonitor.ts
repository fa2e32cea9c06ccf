/**
 * VPN connection monitor (api-s2c.md §5): PENDING_CREATE → ACTIVE, no update. Server-filled: type `gateway`,
 * proto_type `icmp`, source_ip = the gateway address the connection uses, destination_ip = the customer
 * gateway's address.
 */
import { apiError } from "../errors";
import type { KindHooks } from "./base";
import { CONNECTION, gatewayAddress } from "./vpnConnection";
import { GATEWAY } from "./vpnGateway";
import { CUSTOMER_GATEWAY } from "./customerGateway";

export const connectionMonitorHooks: KindHooks = {
  resourceType: "CONNECTION_MONITOR",
  indexes: ["vpn_connection_id"],

  /** Monitors have no enterprise_project_id field, but the list filters by the connection's. */
  filterValue(rec, key) {
    return key === "enterprise_project_id" ? rec.ext.enterpriseProjectId : rec.data[key];
  },

  prepareCreate(h, input) {
    const conn = h.emu.models.get(CONNECTION).find(h.project, String(input.vpn_connection_id));
    if (!conn) throw apiError("VPN.0004");
    const gw = h.emu.models.get(GATEWAY).find(h.project, String(conn.data.vgw_id));
    const cgw = h.emu.models.get(CUSTOMER_GATEWAY).find(h.project, String(conn.data.cgw_id));
    return {
      data: {
        vpn_connection_id: conn.id,
        type: "gateway",
        source_ip: gw ? gatewayAddress(gw, String(conn.data.vgw_ip)) : String(conn.data.vgw_ip),
        destination_ip: String(cgw?.data.id_value ?? conn.ext.peerAddress ?? ""),
        proto_type: "icmp",
      },
      ext: { enterpriseProjectId: conn.data.enterprise_project_id },
    };
  },
};
