/**
 * P2C VPN gateway (ZH/EN §4.2.1): get, list, update, availability zones, connections, disconnect; plus the official
 * SDK's undocumented create, delete, upgrade and job operations (lenient, modelled on the documented gateway object).
 */
import { z } from "zod";
import {
  gatewayAvailabilityZones,
  gatewayEipBandwidth,
  gatewayEipChoice,
  gatewayMaxConnections,
  gatewayName,
} from "../../rules/p2c";
import { enterpriseProjectId, requestId, resourceId, timestamp, VpnResourceTagOut, vpnResourceTags, wrapped } from "../shared";
import { ListJobsQuery, ListJobsResponse, UpgradeRequestBody, UpgradeResponse } from "../common/jobs";
import { createdIdResponse, markerListResponse, RequestIdResponse } from "./fields";
import { refineValue } from "./refine";

export const P2C_GATEWAY_STATUSES = [
  "PENDING_CREATE",
  "PENDING_UPDATE",
  "PENDING_DELETE",
  "ACTIVE",
  "FAULT",
  "FROZEN",
] as const;
export type P2cGatewayStatus = (typeof P2C_GATEWAY_STATUSES)[number];

export const P2C_FLAVORS = ["Professional1"] as const;
const FLAVOR_RULE = "flavor must be Professional1 (ZH/EN 4.2.1.4)";
export const p2cFlavor = z.enum(P2C_FLAVORS, { message: FLAVOR_RULE });

/** frozen_effect: 0 not frozen, 1 frozen and deletable, 2 frozen and not deletable. */
export const FROZEN_EFFECTS = [0, 1, 2] as const;

// ---------------------------------------------------------------------------------------------------------------
// Response objects

/** ResponseEipInfo (ZH T4-164 / EN T4-169). Billing infos are null for pay-per-use EIPs. */
export const ResponseEipInfo = z.looseObject({
  id: z.string().optional(),
  ip_version: z.number().int().optional(),
  ip_billing_info: z.string().nullish(),
  type: z.string().optional(),
  ip_address: z.string().optional(),
  charge_mode: z.string().optional(),
  bandwidth_id: z.string().optional(),
  bandwidth_size: z.number().int().optional(),
  bandwidth_name: z.string().optional(),
  bandwidth_billing_info: z.string().nullish(),
  share_type: z.string().optional(),
});
export type ResponseEipInfo = z.output<typeof ResponseEipInfo>;

/** The `p2c_vpn_gateway` object (ZH T4-163 / EN T4-168); `version` and `applied_at` are EN only. */
export const P2cVpnGateway = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  vpc_id: z.string().optional(),
  connect_subnet: z.string().optional(),
  flavor: z.string().optional(),
  availability_zone_ids: z.array(z.string()).optional(),
  eip: ResponseEipInfo.nullish(),
  max_connection_number: z.number().int().optional(),
  current_connection_number: z.number().int().optional(),
  enterprise_project_id: z.string().optional(),
  tags: z.array(VpnResourceTagOut).optional(),
  order_id: z.string().nullish(),
  admin_state_up: z.boolean().optional(),
  frozen_effect: z.number().int().optional(),
  version: z.string().optional(),
  created_at: timestamp.optional(),
  applied_at: timestamp.nullish(),
  updated_at: timestamp.optional(),
});
export type P2cVpnGateway = z.output<typeof P2cVpnGateway>;

/** A client connection of a gateway (ZH T4-182 / EN T4-189). */
export const P2cConnection = z.looseObject({
  connection_id: z.string(),
  client_virtual_ip: z.string().optional(),
  client_ip: z.string().optional(),
  client_user_name: z.string().optional(),
  inbound_packets: z.number().int().optional(),
  outbound_packets: z.number().int().optional(),
  inbound_bytes: z.number().int().optional(),
  outbound_bytes: z.number().int().optional(),
  connection_established_time: timestamp.optional(),
  timestamp: timestamp.optional(),
});
export type P2cConnection = z.output<typeof P2cConnection>;

// ---------------------------------------------------------------------------------------------------------------
// G1 get, G2 list

export const ShowP2cVgwResponse = wrapped("p2c_vpn_gateway", P2cVpnGateway);
export type ShowP2cVgwResponse = z.output<typeof ShowP2cVgwResponse>;

export const ListP2cVgwsResponse = markerListResponse("p2c_vpn_gateways", P2cVpnGateway);
export type ListP2cVgwsResponse = z.output<typeof ListP2cVgwsResponse>;

// ---------------------------------------------------------------------------------------------------------------
// G3 update

const gatewayNameField = z.string().superRefine(refineValue(gatewayName));

export const UpdateP2cVgwRequest = z.strictObject({
  p2c_vpn_gateway: z.strictObject({
    name: gatewayNameField.optional(),
    /** "Before binding a new EIP, unbind the original EIP" (VPN.0512). */
    eip_id: resourceId.optional(),
  }),
});
export type UpdateP2cVgwRequest = z.input<typeof UpdateP2cVgwRequest>;

export const UpdateP2cVgwResponse = createdIdResponse("p2c_vpn_gateway");
export type UpdateP2cVgwResponse = z.output<typeof UpdateP2cVgwResponse>;

// ---------------------------------------------------------------------------------------------------------------
// G4 availability zones

export const ListP2cVgwAvailabilityZonesQuery = z.strictObject({ flavor: p2cFlavor.optional() });
export type ListP2cVgwAvailabilityZonesQuery = z.input<typeof ListP2cVgwAvailabilityZonesQuery>;

export const ListP2cVgwAvailabilityZonesResponse = z.looseObject({
  availability_zones: z.array(z.string()),
  request_id: requestId.optional(),
});
export type ListP2cVgwAvailabilityZonesResponse = z.output<typeof ListP2cVgwAvailabilityZonesResponse>;

// ---------------------------------------------------------------------------------------------------------------
// G5 connections (limit/offset), G6 disconnect (EN)

const OFFSET_PAGE_RULE = "must be a non-negative integer (ZH/EN 4.2.1.5)";
const nonNegativeInt = z.coerce
  .number({ message: OFFSET_PAGE_RULE })
  .int({ message: OFFSET_PAGE_RULE })
  .min(0, { message: OFFSET_PAGE_RULE });

export const ListP2cVgwConnectionsQuery = z.strictObject({
  limit: nonNegativeInt.optional(),
  offset: nonNegativeInt.optional(),
});
export type ListP2cVgwConnectionsQuery = z.input<typeof ListP2cVgwConnectionsQuery>;

export const ListP2cVgwConnectionsResponse = z.looseObject({
  connections: z.array(P2cConnection),
  total_count: z.number().int().optional(),
  request_id: requestId.optional(),
});
export type ListP2cVgwConnectionsResponse = z.output<typeof ListP2cVgwConnectionsResponse>;

export const DeleteP2cVgwConnectionResponse = RequestIdResponse;
export type DeleteP2cVgwConnectionResponse = z.output<typeof DeleteP2cVgwConnectionResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Undocumented (official SDK only): create, delete, upgrade, jobs. Bodies are loose: unknown fields pass.

const EIP_CHARGE_RULE = "charge_mode must be bandwidth or traffic (ZH/EN 4.2.1.1 eip.charge_mode)";

/** Either `{ id }` of an existing EIP or `type`, `charge_mode`, `bandwidth_size` (and `bandwidth_name`) of a new one. */
export const CreateP2cRequestEip = z
  .looseObject({
    id: resourceId.optional(),
    type: z.string().min(1).optional(),
    charge_mode: z.enum(["bandwidth", "traffic"], { message: EIP_CHARGE_RULE }).optional(),
    bandwidth_size: z.number().int().optional(),
    bandwidth_name: z.string().optional(),
  })
  .superRefine(refineValue(gatewayEipChoice, gatewayEipBandwidth));

export const CreateP2cVgwRequest = z.strictObject({
  p2c_vpn_gateway: z.looseObject({
    name: gatewayNameField.optional(),
    vpc_id: resourceId,
    connect_subnet: resourceId,
    flavor: p2cFlavor.optional(),
    availability_zone_ids: z.array(z.string()).superRefine(refineValue(gatewayAvailabilityZones)).optional(),
    eip: CreateP2cRequestEip,
    max_connection_number: z.number().superRefine(refineValue(gatewayMaxConnections)).optional(),
    enterprise_project_id: enterpriseProjectId.optional(),
    tags: vpnResourceTags.optional(),
  }),
});
export type CreateP2cVgwRequest = z.input<typeof CreateP2cVgwRequest>;

/** The SDK's `ResponseP2cVgw`: at least the id. */
export const CreateP2cVgwResponse = wrapped("p2c_vpn_gateway", P2cVpnGateway);
export type CreateP2cVgwResponse = z.output<typeof CreateP2cVgwResponse>;

/** Upgrade and jobs: the shared models of sdk/schemas/common/jobs.ts (same as the S2C gateway's). */
export const UpgradeP2cVpnGatewayRequest = UpgradeRequestBody;
export type UpgradeP2cVpnGatewayRequest = z.input<typeof UpgradeP2cVpnGatewayRequest>;
export const UpgradeP2cVpnGatewayResponse = UpgradeResponse;
export type UpgradeP2cVpnGatewayResponse = z.output<typeof UpgradeP2cVpnGatewayResponse>;
export const ListP2cVpnGatewayJobsQuery = ListJobsQuery;
export type ListP2cVpnGatewayJobsQuery = z.input<typeof ListP2cVpnGatewayJobsQuery>;
export const ListP2cVpnGatewayJobsResponse = ListJobsResponse;
export type ListP2cVpnGatewayJobsResponse = z.output<typeof ListP2cVpnGatewayJobsResponse>;
