/** Connection-log configuration of a P2C gateway (EN §4.2.2.11–4.2.2.13 only): LTS log group and stream. */
import { z } from "zod";
import { wrapped } from "../shared";

const LTS_ID_RULE = "must be the ID of a Log Tank Service (LTS) log group or stream (EN 4.2.2.11)";
const ltsId = z.string().min(1, { message: LTS_ID_RULE });

export const UpdateVpnConnectionsLogConfigRequest = z.strictObject({
  log_config: z.strictObject({ log_group_id: ltsId, log_stream_id: ltsId }),
});
export type UpdateVpnConnectionsLogConfigRequest = z.input<typeof UpdateVpnConnectionsLogConfigRequest>;

/** ConnectionsLogConfig. */
export const ConnectionsLogConfig = z.looseObject({
  log_group_id: z.string().optional(),
  log_stream_id: z.string().optional(),
});

export const VpnConnectionsLogConfigResponse = wrapped("log_config", ConnectionsLogConfig);
export type VpnConnectionsLogConfigResponse = z.output<typeof VpnConnectionsLogConfigResponse>;

export const UpdateVpnConnectionsLogConfigResponse = VpnConnectionsLogConfigResponse;
export type UpdateVpnConnectionsLogConfigResponse = z.output<typeof UpdateVpnConnectionsLogConfigResponse>;
export const ShowVpnConnectionsLogConfigResponse = VpnConnectionsLogConfigResponse;
export type ShowVpnConnectionsLogConfigResponse = z.output<typeof ShowVpnConnectionsLogConfigResponse>;
