/**
 * VPN connection (`/v5/{project_id}/vpn-connection`, singular; batch create `/vpn-connections/batch-create`,
 * plural). ZH 4.1.3.1-4.1.3.5 / EN 4.1.3.1-4.1.3.7.
 */
import { z } from "zod";
import {
  checkBatchSameGateway,
  checkHub,
  checkIkeIds,
  checkIkeVersion,
  checkNqa,
  checkPeerSubnets,
  checkPolicyRulesStyle,
  checkPolicyRulesUnique,
  checkTunnelPair,
} from "../../rules/s2c";
import { refineWith } from "../../rules/common";
import { PageInfo, enterpriseProjectIdQuery, markerNeedsLimit, markerPageQuery, requestId, resourceId, resourceName, timestamp, vpnResourceTags } from "../shared";
import { DEFAULTS, MAX_BATCH_CONNECTIONS, MAX_POLICY_RULES } from "./enums";
import * as F from "./fields";
import { bool, int, num, str, strList, tagsOut, wrapped } from "./response";

// ---------------------------------------------------------------- requests

/** PolicyRule (ZH Table 4-103 / EN Table 4-89; `rule_index` is [ZH] and "建议不填"). */
export const PolicyRule = z.strictObject({
  rule_index: F.ruleIndex.optional(),
  source: F.ruleCidr.optional(),
  destination: F.ruleDestinations.optional(),
});
export const policyRules = z.array(PolicyRule).max(MAX_POLICY_RULES, { message: F.policyRulesMax });

/** Dpd (ZH Table 4-105 / EN Table 4-91). */
export const Dpd = z.strictObject({
  timeout: F.dpdTimeout.default(DEFAULTS.dpd.timeout),
  interval: F.dpdInterval.default(DEFAULTS.dpd.interval),
  msg: F.dpdMsg.default(DEFAULTS.dpd.msg),
});

/** IkePolicy (ZH Table 4-104 / EN Table 4-90); defaults are the non-GM ones (see DEFAULTS / GM_CONNECTION_DEFAULTS). */
export const IkePolicy = z
  .strictObject({
    ike_version: F.ikeVersion.default(DEFAULTS.ikepolicy.ike_version),
    /** Only with IKE v1 (default main then). */
    phase1_negotiation_mode: F.phase1Mode.optional(),
    authentication_algorithm: F.authAlgorithm.default(DEFAULTS.ikepolicy.authentication_algorithm),
    encryption_algorithm: F.encryptionAlgorithm.default(DEFAULTS.ikepolicy.encryption_algorithm),
    dh_group: F.dhGroup.default(DEFAULTS.ikepolicy.dh_group),
    authentication_method: F.authMethod.default(DEFAULTS.ikepolicy.authentication_method),
    lifetime_seconds: F.ikeLifetime.default(DEFAULTS.ikepolicy.lifetime_seconds),
    local_id_type: F.idType.default(DEFAULTS.ikepolicy.local_id_type),
    local_id: F.ikeId.optional(),
    peer_id_type: F.idType.default(DEFAULTS.ikepolicy.peer_id_type),
    peer_id: F.ikeId.optional(),
    dpd: Dpd.prefault({}),
  })
  .transform((p) =>
    p.ike_version === "v1" && p.phase1_negotiation_mode === undefined
      ? { ...p, phase1_negotiation_mode: DEFAULTS.ikepolicy.phase1_negotiation_mode }
      : p,
  );

/** IpsecPolicy (ZH Table 4-106 / EN Table 4-92). */
export const IpsecPolicy = z.strictObject({
  authentication_algorithm: F.authAlgorithm.default(DEFAULTS.ipsecpolicy.authentication_algorithm),
  encryption_algorithm: F.encryptionAlgorithm.default(DEFAULTS.ipsecpolicy.encryption_algorithm),
  pfs: F.pfs.default(DEFAULTS.ipsecpolicy.pfs),
  transform_protocol: F.transformProtocol.default(DEFAULTS.ipsecpolicy.transform_protocol),
  lifetime_seconds: F.ipsecLifetime.default(DEFAULTS.ipsecpolicy.lifetime_seconds),
  encapsulation_mode: F.encapsulationMode.default(DEFAULTS.ipsecpolicy.encapsulation_mode),
});

/** CreateVpnConnectionRequestBodyContent (ZH Table 4-102 / EN Table 4-88); also the batch item (EN 4.1.3.2). */
export const CreateVpnConnectionRequestBodyContent = z
  .strictObject({
    name: resourceName.optional(),
    vgw_id: F.requiredId("CONN-01"),
    vgw_ip: F.vgwIp,
    style: F.connectionStyle.default(DEFAULTS.connection.style),
    cgw_id: F.requiredId("CONN-01"),
    peer_subnets: F.peerSubnets.optional(),
    tunnel_local_address: F.tunnelAddress.optional(),
    tunnel_peer_address: F.tunnelAddress.optional(),
    /** Only with style static (default false then). */
    enable_nqa: z.boolean().optional(),
    /** [EN] only with style bgp. */
    enable_hub: z.boolean().optional(),
    /** Secret, write-only. [ZH] mandatory unless the gateway is GM (CONN-17, needs the gateway). */
    psk: F.psk.optional(),
    policy_rules: policyRules.optional(),
    ikepolicy: IkePolicy.prefault({}),
    ipsecpolicy: IpsecPolicy.prefault({}),
    ha_role: F.haRole.default(DEFAULTS.connection.ha_role),
    tags: vpnResourceTags.optional(),
    /** Official Node SDK 3.1.202 (in neither edition): enable the connection's health check. Create only. */
    enable_health_check: z.boolean().optional(),
  })
  .superRefine(
    refineWith([checkPeerSubnets, checkTunnelPair, checkNqa, checkHub, checkPolicyRulesStyle, checkPolicyRulesUnique, checkIkeVersion, checkIkeIds]),
  )
  .transform((c) => (c.style === "static" && c.enable_nqa === undefined ? { ...c, enable_nqa: DEFAULTS.connection.enable_nqa } : c));
export const CreateVpnConnectionRequestBody = z.strictObject({ vpn_connection: CreateVpnConnectionRequestBodyContent });

/** [EN 4.1.3.2] Batch create: one or two connections of one gateway (CONN-34). */
export const BatchCreateVpnConnectionRequestBody = z
  .strictObject({
    vpn_connections: z
      .array(CreateVpnConnectionRequestBodyContent)
      .min(1, { message: F.batchSizeRule })
      .max(MAX_BATCH_CONNECTIONS, { message: F.batchSizeRule }),
  })
  .superRefine(refineWith([checkBatchSameGateway]));

/** UpdateDpd (ZH Table 4-138): "不填时默认为15/30/seq-hash-notify". */
export const UpdateDpd = Dpd;

/** UpdateIkePolicy (ZH Table 4-137 / EN Table 4-139): no authentication_method (replace, CONN-37). */
export const UpdateIkePolicy = z.strictObject({
  ike_version: F.ikeVersion.default(DEFAULTS.ikepolicy.ike_version),
  /** "ike版本为v2时忽略此字段". */
  phase1_negotiation_mode: F.phase1Mode.optional(),
  authentication_algorithm: F.authAlgorithm.optional(),
  encryption_algorithm: F.encryptionAlgorithm.optional(),
  dh_group: F.dhGroup.optional(),
  lifetime_seconds: F.ikeLifetime.optional(),
  local_id_type: F.idType.optional(),
  local_id: F.ikeId.optional(),
  peer_id_type: F.idType.optional(),
  peer_id: F.ikeId.optional(),
  dpd: UpdateDpd.optional(),
});

/** UpdateIpsecPolicy (ZH Table 4-139 / EN Table 4-141). */
export const UpdateIpsecPolicy = z.strictObject({
  authentication_algorithm: F.authAlgorithm.optional(),
  encryption_algorithm: F.encryptionAlgorithm.optional(),
  pfs: F.pfs.default(DEFAULTS.ipsecpolicy.pfs),
  transform_protocol: F.transformProtocol.default(DEFAULTS.ipsecpolicy.transform_protocol),
  lifetime_seconds: F.ipsecLifetime.default(DEFAULTS.ipsecpolicy.lifetime_seconds),
  encapsulation_mode: F.encapsulationMode.default(DEFAULTS.ipsecpolicy.encapsulation_mode),
});

/** UpdateVpnConnectionRequestBodyContent (ZH Table 4-135 / EN Table 4-137). */
export const UpdateVpnConnectionRequestBodyContent = z
  .strictObject({
    name: resourceName.optional(),
    cgw_id: resourceId.optional(),
    peer_subnets: F.peerSubnets.optional(),
    tunnel_local_address: F.tunnelAddress.optional(),
    tunnel_peer_address: F.tunnelAddress.optional(),
    /** [EN] only for BGP connections (CONN-14, needs the connection). */
    enable_hub: z.boolean().optional(),
    psk: F.psk.optional(),
    policy_rules: policyRules.optional(),
    ikepolicy: UpdateIkePolicy.optional(),
    ipsecpolicy: UpdateIpsecPolicy.optional(),
  })
  .superRefine(refineWith([checkPeerSubnets, checkTunnelPair, checkPolicyRulesUnique, checkIkeIds], { operation: "updateVpnConnection" }));
export const UpdateVpnConnectionRequestBody = z.strictObject({ vpn_connection: UpdateVpnConnectionRequestBodyContent });

export const ListVpnConnectionsQuery = z
  .strictObject({
    vgw_ip: F.vgwIp.optional(),
    vgw_id: resourceId.optional(),
    enterprise_project_id: enterpriseProjectIdQuery.optional(),
    ...markerPageQuery,
  })
  .superRefine(markerNeedsLimit);

// ---------------------------------------------------------------- responses

export const PolicyRuleOut = z.looseObject({ rule_index: int, source: str, destination: strList });
export const IkePolicyOut = z.looseObject({
  ike_version: str,
  phase1_negotiation_mode: str,
  authentication_algorithm: str,
  encryption_algorithm: str,
  dh_group: str,
  authentication_method: str,
  lifetime_seconds: int,
  local_id_type: str,
  local_id: str,
  peer_id_type: str,
  peer_id: str,
  dpd: z.looseObject({ timeout: int, interval: int, msg: str }).nullish(),
});
export const IpsecPolicyOut = z.looseObject({
  authentication_algorithm: str,
  encryption_algorithm: str,
  pfs: str,
  transform_protocol: str,
  lifetime_seconds: int,
  encapsulation_mode: str,
});
/** [EN, GET only] BGP peer state. */
export const BgpPeer = z.looseObject({
  peer_ip_address: str,
  peer_asn: num,
  state: str,
  state_duration: str,
  num_received_routes: int,
  num_message_received: int,
  num_message_sent: int,
});

/** ResponseVpnConnection: union of ZH Tables 4-117/4-126/4-141, EN 4-118/4-128/4-143 and page 004. `psk` is never returned. */
export const ResponseVpnConnection = z.looseObject({
  id: z.string(),
  name: str,
  status: str,
  vgw_id: str,
  vgw_ip: str,
  /** Upper case: POLICY, STATIC, BGP, [ZH] POLICY-TEMPLATE. */
  style: str,
  cgw_id: str,
  peer_subnets: strList,
  tunnel_local_address: str,
  tunnel_peer_address: str,
  enable_nqa: bool,
  enable_hub: bool,
  policy_rules: z.array(PolicyRuleOut).nullish(),
  ikepolicy: IkePolicyOut.nullish(),
  ipsecpolicy: IpsecPolicyOut.nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  enterprise_project_id: str,
  connection_monitor_id: str,
  ha_role: str,
  tags: tagsOut,
  bgp_peer: BgpPeer.nullish(),
  /** Deprecated ("该字段已经废弃"): eip_id, type (POLICY | ROUTE), route_mode. */
  eip_id: str,
  type: str,
  route_mode: str,
  /** Undocumented, `[]` in the EN examples. */
  policy_rules_v6: z.array(z.unknown()).nullish(),
  /** Official Node SDK 3.1.202 `CreateResponseVpnConnection` (in neither edition). */
  enable_health_check: bool,
});

export const CreateVpnConnectionResponse = wrapped("vpn_connection", ResponseVpnConnection);
export const ShowVpnConnectionResponse = wrapped("vpn_connection", ResponseVpnConnection);
export const UpdateVpnConnectionResponse = wrapped("vpn_connection", ResponseVpnConnection);
export const BatchCreateVpnConnectionResponse = z.looseObject({
  vpn_connections: z.array(ResponseVpnConnection),
  request_id: requestId.optional(),
});
export const ListVpnConnectionsResponse = z.looseObject({
  vpn_connections: z.array(ResponseVpnConnection),
  page_info: PageInfo.nullish(),
  total_count: int,
  request_id: requestId.optional(),
});

/** [EN 4.1.3.7] Connection logs: `time` in Unix seconds, `raw_message`. */
export const VpnConnectionLog = z.looseObject({ time: num, raw_message: str });
export const ShowVpnConnectionLogResponse = z.looseObject({ logs: z.array(VpnConnectionLog), request_id: requestId.optional() });

/** Undocumented (official SDK): POST …/vpn-connection/{vpn_connection_id}/reset, no body. */
export const ResetVpnConnectionResponse = z.looseObject({ request_id: requestId.optional() });

// ---------------------------------------------------------------- official Node SDK 3.1.202 (in neither edition)

/** `SaInfo`: one IPsec security association of a connection, with its traffic counters. */
export const IpsecSa = z.looseObject({
  id: str,
  source_ip_cidr: str,
  dest_ip_cidr: str,
  packets_sent: num,
  packets_recv: num,
  traffic_sent: num,
  traffic_recv: num,
  collected_at: timestamp.nullish(),
});
/** `ListConnectionIpsecSaResponse`: GET …/vpn-connection/{vpn_connection_id}/ipsec-sa. */
export const ListConnectionIpsecSaResponse = z.looseObject({ sa_infos: z.array(IpsecSa), request_id: requestId.optional() });

const DEVICE_RULE = "must name a device of ListPeerConfigurationSupportedDevices (vendor, type, model, version)";
const deviceField = z.string({ message: DEVICE_RULE }).min(1, { message: DEVICE_RULE });

/**
 * `ExportPeerConfigurationRequestBody`: the customer-side device to write the configuration for. The SDK model
 * makes every field optional; the Terraform provider requires all four, as this schema does.
 */
export const ExportPeerConfigurationRequestBody = z.strictObject({
  vendor: deviceField,
  type: deviceField,
  model: deviceField,
  version: deviceField,
});
/** `ExportVpnConnectionPeerConfigurationResponse`: the device configuration text. It holds the PSK: secret. */
export const ExportVpnConnectionPeerConfigurationResponse = z.looseObject({ peer_config: z.string(), request_id: requestId.optional() });

/**
 * `SupportedDevice`. The SDK model names `vendor`, `platform`, `version`; the Terraform provider reads `vendor`,
 * `type`, `model`, `version` (the export body's fields). Both are accepted.
 */
export const SupportedDevice = z.looseObject({ vendor: str, platform: str, type: str, model: str, version: str });
/** `ListPeerConfigurationSupportedDevicesResponse`: GET /v5/{project_id}/peer-configuration/supported-devices. */
export const ListPeerConfigurationSupportedDevicesResponse = z.looseObject({
  supported_devices: z.array(SupportedDevice),
  request_id: requestId.optional(),
});

export type IpsecSa = z.output<typeof IpsecSa>;
export type ListConnectionIpsecSaResponse = z.output<typeof ListConnectionIpsecSaResponse>;
export type ExportPeerConfigurationRequestBody = z.input<typeof ExportPeerConfigurationRequestBody>;
export type ExportVpnConnectionPeerConfigurationResponse = z.output<typeof ExportVpnConnectionPeerConfigurationResponse>;
export type SupportedDevice = z.output<typeof SupportedDevice>;
export type ListPeerConfigurationSupportedDevicesResponse = z.output<typeof ListPeerConfigurationSupportedDevicesResponse>;
export type CreateVpnConnectionRequestBody = z.input<typeof CreateVpnConnectionRequestBody>;
export type CreateVpnConnectionRequestBodyParsed = z.output<typeof CreateVpnConnectionRequestBody>;
export type BatchCreateVpnConnectionRequestBody = z.input<typeof BatchCreateVpnConnectionRequestBody>;
export type UpdateVpnConnectionRequestBody = z.input<typeof UpdateVpnConnectionRequestBody>;
export type ListVpnConnectionsQuery = z.input<typeof ListVpnConnectionsQuery>;
export type ResponseVpnConnection = z.output<typeof ResponseVpnConnection>;
export type CreateVpnConnectionResponse = z.output<typeof CreateVpnConnectionResponse>;
export type ShowVpnConnectionResponse = z.output<typeof ShowVpnConnectionResponse>;
export type UpdateVpnConnectionResponse = z.output<typeof UpdateVpnConnectionResponse>;
export type BatchCreateVpnConnectionResponse = z.output<typeof BatchCreateVpnConnectionResponse>;
export type ListVpnConnectionsResponse = z.output<typeof ListVpnConnectionsResponse>;
export type ShowVpnConnectionLogResponse = z.output<typeof ShowVpnConnectionLogResponse>;
export type ResetVpnConnectionResponse = z.output<typeof ResetVpnConnectionResponse>;
