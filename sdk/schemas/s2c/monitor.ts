/**
 * VPN connection monitor (`/v5/{project_id}/connection-monitors`, ZH/EN 4.1.4): create, show, list, delete.
 * No update operation: every change replaces the monitor (MON-01).
 */
import { z } from "zod";
import { enterpriseProjectIdQuery, requestId, resourceId } from "../shared";
import { requiredId } from "./fields";
import { str, wrapped } from "./response";

export const CreateConnectionMonitorRequestBodyContent = z.strictObject({ vpn_connection_id: requiredId("MON-01") });
export const CreateConnectionMonitorRequestBody = z.strictObject({ connection_monitor: CreateConnectionMonitorRequestBodyContent });

export const ListConnectionMonitorsQuery = z.strictObject({
  vpn_connection_id: resourceId.optional(),
  enterprise_project_id: enterpriseProjectIdQuery.optional(),
});

/** ConnectionMonitorInfo (ZH Tables 4-152/4-155/4-159, EN 4-157/4-160/4-164); `type` gateway, `proto_type` icmp. */
export const ConnectionMonitorInfo = z.looseObject({
  id: z.string(),
  status: str,
  vpn_connection_id: str,
  type: str,
  source_ip: str,
  destination_ip: str,
  proto_type: str,
});

export const CreateConnectionMonitorResponse = wrapped("connection_monitor", ConnectionMonitorInfo);
export const ShowConnectionMonitorResponse = wrapped("connection_monitor", ConnectionMonitorInfo);
export const ListConnectionMonitorsResponse = z.looseObject({
  connection_monitors: z.array(ConnectionMonitorInfo),
  request_id: requestId.optional(),
});

export type CreateConnectionMonitorRequestBody = z.input<typeof CreateConnectionMonitorRequestBody>;
export type ListConnectionMonitorsQuery = z.input<typeof ListConnectionMonitorsQuery>;
export type ConnectionMonitorInfo = z.output<typeof ConnectionMonitorInfo>;
export type CreateConnectionMonitorResponse = z.output<typeof CreateConnectionMonitorResponse>;
export type ShowConnectionMonitorResponse = z.output<typeof ShowConnectionMonitorResponse>;
export type ListConnectionMonitorsResponse = z.output<typeof ListConnectionMonitorsResponse>;
