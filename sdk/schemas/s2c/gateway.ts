/**
 * VPN gateway (`/v5/{project_id}/vpn-gateways`, ZH/EN 4.1.1): create, show, list, update, change specification,
 * availability zones, [EN] route table, and the undocumented upgrade/jobs operations of the official SDK.
 */
import { z } from "zod";
import {
  checkAccessPrivateIps,
  checkAvailabilityZones,
  checkBandwidthCap,
  checkBasicFlavor,
  checkEipSpec,
  checkGatewayAttachment,
  checkGatewayEips,
} from "../../rules/s2c";
import { refineWith } from "../../rules/common";
import { PageInfo, enterpriseProjectId, enterpriseProjectIdQuery, resourceId, resourceName, requestId, timestamp, vpnResourceTags } from "../shared";
import { ListJobsQuery, ListJobsResponse, UpgradeRequestBody, UpgradeResponse } from "../common/jobs";
import { DEFAULTS } from "./enums";
import * as F from "./fields";
import { int, str, strList, tagsOut, wrapped } from "./response";

// ---------------------------------------------------------------- requests

/** CreateRequestEip (ZH/EN Table 4-4): an existing EIP by `id`, or the parameters of a new one (GW-11). */
export const CreateRequestEip = z
  .strictObject({
    id: resourceId.optional(),
    type: F.eipType.optional(),
    charge_mode: F.eipChargeMode.optional(),
    bandwidth_size: F.bandwidthSize.optional(),
    bandwidth_name: resourceName.optional(),
    /** [EN] existing shared bandwidth. */
    bandwidth_id: resourceId.optional(),
  })
  // charge_mode defaults to bandwidth only for a new EIP that is not on shared bandwidth.
  .transform((e) =>
    e.id === undefined && e.bandwidth_id === undefined && e.charge_mode === undefined
      ? { ...e, charge_mode: DEFAULTS.eip.charge_mode }
      : e,
  );

/** IKE part of a gateway policy template (ZH Table 4-33). */
export const PolicyTemplateIkePolicy = z.strictObject({
  encryption_algorithm: F.templateEncryption.optional(),
  dh_group: F.templateDhGroup.optional(),
  authentication_algorithm: F.templateAuthentication.optional(),
  lifetime_seconds: F.templateIkeLifetime.optional(),
});
/** IPsec part of a gateway policy template (ZH Table 4-34). */
export const PolicyTemplateIpsecPolicy = z.strictObject({
  authentication_algorithm: F.templateAuthentication.optional(),
  encryption_algorithm: F.templateEncryption.optional(),
  pfs: F.templateDhGroup.optional(),
  lifetime_seconds: F.templateIpsecLifetime.optional(),
});
/** [ZH] PolicyTemplate (Table 4-32): note `ike_policy`/`ipsec_policy`, not the connections' `ikepolicy`. */
export const PolicyTemplate = z.strictObject({
  ike_policy: PolicyTemplateIkePolicy.optional(),
  ipsec_policy: PolicyTemplateIpsecPolicy.optional(),
});

/** CreateVgwRequestBodyContent (ZH/EN Table 4-3). */
export const CreateVgwRequestBodyContent = z
  .strictObject({
    name: resourceName.optional(),
    network_type: F.networkType.default(DEFAULTS.gateway.network_type),
    attachment_type: F.attachmentType.default(DEFAULTS.gateway.attachment_type),
    /** [EN] only `ipv4` (default ipv4; not filled in, see DEFAULTS). */
    ip_version: F.ipVersion.optional(),
    er_id: resourceId.optional(),
    vpc_id: resourceId.optional(),
    local_subnets: F.localSubnets.optional(),
    connect_subnet: resourceId.optional(),
    bgp_asn: F.bgpAsn.default(DEFAULTS.gateway.bgp_asn),
    flavor: F.gatewayFlavor.default(DEFAULTS.gateway.flavor),
    availability_zone_ids: F.availabilityZoneIds.optional(),
    enterprise_project_id: enterpriseProjectId.default(DEFAULTS.gateway.enterprise_project_id),
    eip1: CreateRequestEip.optional(),
    eip2: CreateRequestEip.optional(),
    access_vpc_id: resourceId.optional(),
    access_subnet_id: resourceId.optional(),
    ha_mode: F.haMode.default(DEFAULTS.gateway.ha_mode),
    access_private_ip_1: F.accessPrivateIp.optional(),
    access_private_ip_2: F.accessPrivateIp.optional(),
    tags: vpnResourceTags.optional(),
  })
  .superRefine(
    refineWith([
      checkGatewayAttachment,
      checkBasicFlavor,
      checkGatewayEips,
      checkEipSpec,
      checkBandwidthCap,
      checkAvailabilityZones,
      checkAccessPrivateIps,
    ]),
  )
  // "默认值为vpc_id的值" / "默认值为connect_subnet的值".
  .transform((g) => ({
    ...g,
    ...(g.access_vpc_id === undefined && g.vpc_id !== undefined ? { access_vpc_id: g.vpc_id } : {}),
    ...(g.access_subnet_id === undefined && g.connect_subnet !== undefined ? { access_subnet_id: g.connect_subnet } : {}),
  }));
export const CreateVgwRequestBody = z.strictObject({ vpn_gateway: CreateVgwRequestBodyContent });

/** UpdateVgwRequestBodyContent (ZH/EN Table 4-31). Which gateways accept which field is GW-19 (needs the gateway). */
export const UpdateVgwRequestBodyContent = z.strictObject({
  name: resourceName.optional(),
  local_subnets: F.localSubnets.optional(),
  eip_id_1: resourceId.optional(),
  eip_id_2: resourceId.optional(),
  /** [ZH] NonFixedIP flavors only. */
  policy_template: PolicyTemplate.optional(),
});
export const UpdateVgwRequestBody = z.strictObject({ vpn_gateway: UpdateVgwRequestBodyContent });

/** Change specification (ZH/EN 4.1.1.5): `flavor` mandatory. */
export const UpdateVgwSpecificationRequestBodyContent = z.strictObject({ flavor: F.specChangeFlavor });
export const UpdatePostpaidVgwSpecificationRequestBody = z.strictObject({ vpn_gateway: UpdateVgwSpecificationRequestBodyContent });

export const ListVgwsQuery = z.strictObject({ enterprise_project_id: enterpriseProjectIdQuery.optional() });

// ---------------------------------------------------------------- responses

/** ResponseEip (ZH/EN Table 4-15). */
export const ResponseEip = z.looseObject({
  id: str,
  ip_version: int,
  ip_billing_info: str,
  type: str,
  ip_address: str,
  charge_mode: str,
  bandwidth_id: str,
  bandwidth_size: int,
  bandwidth_name: str,
  bandwidth_billing_info: str,
  /** [EN] PER | WHOLE. */
  share_type: str,
});

export const PolicyTemplateOut = z.looseObject({
  ike_policy: z
    .looseObject({ encryption_algorithm: str, dh_group: str, authentication_algorithm: str, lifetime_seconds: int })
    .nullish(),
  ipsec_policy: z
    .looseObject({ authentication_algorithm: str, encryption_algorithm: str, pfs: str, lifetime_seconds: int })
    .nullish(),
});

/** ResponseVpnGateway: union of ZH and EN Table 4-14 (values in ./enums: GATEWAY_STATUSES, GATEWAY_FLAVORS, ...). */
export const ResponseVpnGateway = z.looseObject({
  id: z.string(),
  name: str,
  network_type: str,
  status: str,
  attachment_type: str,
  ip_version: str,
  certificate_id: str,
  er_id: str,
  er_attachment_id: str,
  vpc_id: str,
  local_subnets: strList,
  connect_subnet: str,
  bgp_asn: int,
  flavor: str,
  availability_zone_ids: strList,
  public_border_group: str,
  connection_number: int,
  used_connection_number: int,
  used_connection_group: int,
  enterprise_project_id: str,
  eip1: ResponseEip.nullish(),
  eip2: ResponseEip.nullish(),
  created_at: timestamp.nullish(),
  applied_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
  access_vpc_id: str,
  access_subnet_id: str,
  access_private_ip_1: str,
  access_private_ip_2: str,
  ha_mode: str,
  policy_template: PolicyTemplateOut.nullish(),
  supported_flavors: strList,
  supported_features: strList,
  tags: tagsOut,
});

export const CreateVgwResponse = wrapped("vpn_gateway", ResponseVpnGateway);
export const ShowVgwResponse = wrapped("vpn_gateway", ResponseVpnGateway);
export const UpdateVgwResponse = wrapped("vpn_gateway", ResponseVpnGateway);
export const UpdatePostpaidVgwSpecificationResponse = wrapped("vpn_gateway", ResponseVpnGateway);
export const ListVgwsResponse = z.looseObject({ vpn_gateways: z.array(ResponseVpnGateway), request_id: requestId.optional() });

/** VpnGatewayAvailabilityZones: AZs for VPC- and ER-attached gateways. */
export const VpnGatewayAvailabilityZones = z.looseObject({ vpc: strList, er: strList });
/** Keys: [ZH] basic, professional1, Professional1-NonFixedIP, professional2, Professional2-NonFixedIP, gm; [EN] professional1, professional2. */
export const ListAvailabilityZonesResponse = z.looseObject({
  availability_zones: z.record(z.string(), VpnGatewayAvailabilityZones),
  request_id: requestId.optional(),
});

/** [EN 4.1.1.8] Route table entry. */
export const VpnGatewayRoute = z.looseObject({
  destination: str,
  nexthop: str,
  outbound_interface_ip: str,
  origin: str,
  as_path: str,
  med: int,
  nexthop_resource: z.looseObject({ id: str, type: str }).nullish(),
});
export const ShowVpnGatewayRoutingTableResponse = z.looseObject({
  routing_table: z.array(VpnGatewayRoute),
  total_count: int,
  page_info: PageInfo.nullish(),
  request_id: requestId.optional(),
});

// ---------------------------------------------------------------- undocumented (official SDK only), lenient

/** Upgrade and jobs: the shared models of sdk/schemas/common/jobs.ts (the P2C gateway's are the same). */
export const UpgradeVpnGatewayRequestBody = UpgradeRequestBody;
export const UpgradeVpnGatewayResponse = UpgradeResponse;
export const ListVpnGatewayJobsQuery = ListJobsQuery;
export const ListVpnGatewayJobsResponse = ListJobsResponse;
export const ListExtendedAvailabilityZonesQuery = z.looseObject({});
export const ListExtendedAvailabilityZonesResponse = z.looseObject({ request_id: requestId.optional() });

// ---------------------------------------------------------------- types

export type CreateVgwRequestBody = z.input<typeof CreateVgwRequestBody>;
export type CreateVgwRequestBodyParsed = z.output<typeof CreateVgwRequestBody>;
export type UpdateVgwRequestBody = z.input<typeof UpdateVgwRequestBody>;
export type UpdatePostpaidVgwSpecificationRequestBody = z.input<typeof UpdatePostpaidVgwSpecificationRequestBody>;
export type ListVgwsQuery = z.input<typeof ListVgwsQuery>;
export type ResponseVpnGateway = z.output<typeof ResponseVpnGateway>;
export type ResponseEip = z.output<typeof ResponseEip>;
export type CreateVgwResponse = z.output<typeof CreateVgwResponse>;
export type ShowVgwResponse = z.output<typeof ShowVgwResponse>;
export type UpdateVgwResponse = z.output<typeof UpdateVgwResponse>;
export type ListVgwsResponse = z.output<typeof ListVgwsResponse>;
export type ListAvailabilityZonesResponse = z.output<typeof ListAvailabilityZonesResponse>;
export type ShowVpnGatewayRoutingTableResponse = z.output<typeof ShowVpnGatewayRoutingTableResponse>;
export type UpgradeVpnGatewayRequestBody = z.input<typeof UpgradeVpnGatewayRequestBody>;
export type ListVpnGatewayJobsResponse = z.output<typeof ListVpnGatewayJobsResponse>;
export type UpdatePostpaidVgwSpecificationResponse = z.output<typeof UpdatePostpaidVgwSpecificationResponse>;
export type UpgradeVpnGatewayResponse = z.output<typeof UpgradeVpnGatewayResponse>;
export type ListExtendedAvailabilityZonesResponse = z.output<typeof ListExtendedAvailabilityZonesResponse>;
