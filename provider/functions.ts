/**
 * Data-source functions. They run in the program process (not in the provider), with the same settings:
 * Pulumi config `huaweicloud-vpn:*`, else the `HW_*` environment. Results are lowerCamelCase like outputs, typed
 * with the generated interfaces of ./generated/outputs. Each function has an `…Output` form that takes
 * `pulumi.Input` arguments (values of other resources, config) and returns a `pulumi.Output`, as Pulumi's own
 * functions do; paging is handled inside.
 */
import * as pulumi from "@pulumi/pulumi";
import { camelToSnake } from "../sdk/util/case";
import { wireToOutputs } from "../sdk/spec/mapping";
import type * as outputs from "./generated/outputs";
import { CONFIG_NAMESPACE, clientFor, placed, settingsFrom } from "./settings";

/** The SDK client for the program's settings (`huaweicloud-vpn:*` config, else the environment). */
function sdk(): any {
  const cfg = new pulumi.Config(CONFIG_NAMESPACE);
  return clientFor(placed(settingsFrom((k) => cfg.get(k)), {}));
}

/** Converts an API object to output style, as resource outputs are: camelCase keys, `tags` as a map. */
function outputStyle<T>(obj: unknown): T {
  return (obj && typeof obj === "object" ? wireToOutputs(obj as Record<string, unknown>) : obj) as T;
}

async function listAll<T>(op: string, params: Record<string, unknown>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of sdk().paginate(op, params)) items.push(outputStyle<T>(item));
  return items;
}

/** `pulumi.Input` at every level of a function's arguments, for its `…Output` form. */
export type InputsOf<T> = { [K in keyof T]: pulumi.Input<NonNullable<T[K]> extends readonly (infer E)[] ? pulumi.Input<E>[] : T[K]> };

function outputForm<A extends object, R>(fn: (args: A) => Promise<R>) {
  return (args: InputsOf<A>): pulumi.Output<R> => pulumi.output(args).apply((a) => fn(a as unknown as A)) as unknown as pulumi.Output<R>;
}

/**
 * The `…Output` form of a function whose arguments are optional: typed from them as `outputForm` is (a
 * misspelled argument does not compile), and callable without any.
 */
function optionalOutputForm<A extends object, R>(fn: (args?: A) => Promise<R>) {
  const form = outputForm(fn as (args: A) => Promise<R>);
  return (args: InputsOf<A> = {} as InputsOf<A>): pulumi.Output<R> => form(args);
}

// ---------------------------------------------------------------------------------------------------------------- gateways

export interface GetAvailabilityZonesArgs {
  /**
   * Only the AZs of this gateway flavor (`Professional1`, `Professional2`, `GM`, `Professional1-NonFixedIP`, …;
   * compared without case, as the API's keys mix it): the result holds that flavor's entry alone, or none.
   */
  flavor?: string;
  /**
   * Only the AZs for gateways of this attachment type: `vpc` or `er` (enterprise router); the other list of each
   * flavor is empty in the result.
   */
  attachmentType?: "vpc" | "er";
}

/**
 * Availability zones for VPN gateways, by flavor and attachment type (EN 4.1.1.7). The API takes no filter: the
 * whole table is read and `flavor` / `attachmentType` select from it here.
 */
export async function getAvailabilityZones(args: GetAvailabilityZonesArgs = {}): Promise<outputs.GetAvailabilityZonesResult> {
  const r = await sdk().listAvailabilityZones({});
  const zones: Record<string, { vpc?: string[]; er?: string[] }> = r?.availability_zones ?? {};
  const picked: Record<string, { vpc: string[]; er: string[] }> = {};
  for (const [flavor, z] of Object.entries(zones)) {
    if (args.flavor && flavor.toLowerCase() !== args.flavor.toLowerCase()) continue;
    picked[flavor] = {
      vpc: !args.attachmentType || args.attachmentType === "vpc" ? [...(z?.vpc ?? [])] : [],
      er: !args.attachmentType || args.attachmentType === "er" ? [...(z?.er ?? [])] : [],
    };
  }
  return { availabilityZones: picked };
}
/** {@link getAvailabilityZones} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getAvailabilityZonesOutput = optionalOutputForm(getAvailabilityZones);

export interface GetVpnGatewayArgs {
  /** ID of the VPN gateway. */
  id: string;
}

/** One VPN gateway by ID (EN 4.1.1.2). */
export async function getVpnGateway(args: GetVpnGatewayArgs): Promise<outputs.VpnGatewayInfo> {
  const r = await sdk().showVgw({ vgw_id: args.id });
  return outputStyle<outputs.VpnGatewayInfo>(r.vpn_gateway);
}
/** {@link getVpnGateway} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getVpnGatewayOutput = outputForm(getVpnGateway);

export interface GetVpnGatewaysArgs {
  /** Only the gateways of these enterprise projects (`"0"` is the default project). */
  enterpriseProjectIds?: string[];
}

export interface GetVpnGatewaysResult {
  /** The VPN gateways of the project (EN 4.1.1.3). */
  vpnGateways: outputs.VpnGatewayInfo[];
}

/** The project's VPN gateways (EN 4.1.1.3). */
export async function getVpnGateways(args: GetVpnGatewaysArgs = {}): Promise<GetVpnGatewaysResult> {
  const r = await sdk().listVgws(args.enterpriseProjectIds ? { enterprise_project_id: args.enterpriseProjectIds } : {});
  return { vpnGateways: ((r.vpn_gateways ?? []) as unknown[]).map((g) => outputStyle<outputs.VpnGatewayInfo>(g)) };
}
/** {@link getVpnGateways} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getVpnGatewaysOutput = optionalOutputForm(getVpnGateways);

/** The routing table of a VPN gateway (EN 4.1.1.8). */
export interface GetGatewayRoutingTableArgs {
  /** ID of the VPN gateway. */
  vgwId: string;
}

/** The routes a VPN gateway has learned and configured (EN 4.1.1.8). */
export async function getGatewayRoutingTable(args: GetGatewayRoutingTableArgs): Promise<outputs.GetGatewayRoutingTableResult> {
  return outputStyle<outputs.GetGatewayRoutingTableResult>(await sdk().showVpnGatewayRoutingTable({ vgw_id: args.vgwId }));
}
/** {@link getGatewayRoutingTable} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getGatewayRoutingTableOutput = outputForm(getGatewayRoutingTable);

// ---------------------------------------------------------------------------------------------------------------- customer gateways, connections

export interface GetCustomerGatewaysResult {
  /** Every customer gateway of the project (all pages, EN 4.1.2.3). */
  customerGateways: outputs.CustomerGatewayInfo[];
}

/** The project's customer gateways, all pages (EN 4.1.2.3). */
export async function getCustomerGateways(): Promise<GetCustomerGatewaysResult> {
  return { customerGateways: await listAll<outputs.CustomerGatewayInfo>("listCgws", {}) };
}
/** {@link getCustomerGateways} as a `pulumi.Output`. */
export function getCustomerGatewaysOutput(): pulumi.Output<GetCustomerGatewaysResult> {
  return pulumi.output(getCustomerGateways());
}

export interface GetVpnConnectionsArgs {
  /** Only the connections of this VPN gateway. */
  vgwId?: string;
  /** Only the connections on this gateway address (the ID of the gateway's EIP or private IP). */
  vgwIp?: string;
  /** Only the connections of these enterprise projects (`"0"` is the default project). */
  enterpriseProjectIds?: string[];
}

export interface GetVpnConnectionsResult {
  /** The matching VPN connections (all pages, EN 4.1.3.3). */
  vpnConnections: outputs.VpnConnectionInfo[];
}

/** The project's VPN connections, all pages, optionally of one gateway or gateway address (EN 4.1.3.3). */
export async function getVpnConnections(args: GetVpnConnectionsArgs = {}): Promise<GetVpnConnectionsResult> {
  const q: Record<string, unknown> = {};
  if (args.vgwId) q.vgw_id = args.vgwId;
  if (args.vgwIp) q.vgw_ip = args.vgwIp;
  if (args.enterpriseProjectIds) q.enterprise_project_id = args.enterpriseProjectIds;
  return { vpnConnections: await listAll<outputs.VpnConnectionInfo>("listVpnConnections", q) };
}
/** {@link getVpnConnections} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getVpnConnectionsOutput = optionalOutputForm(getVpnConnections);

export interface GetConnectionLogsArgs {
  /** ID of the VPN connection. */
  vpnConnectionId: string;
  /** Further query parameters of the log query (lowerCamelCase; sent in snake_case). */
  [param: string]: string | number | undefined;
}

/** The logs of a VPN connection (EN 4.1.3.7). */
export async function getConnectionLogs(args: GetConnectionLogsArgs): Promise<outputs.GetConnectionLogsResult> {
  const { vpnConnectionId, ...rest } = args;
  const q: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) q[camelToSnake(k)] = v;
  return outputStyle<outputs.GetConnectionLogsResult>(await sdk().showVpnConnectionLog({ vpn_connection_id: vpnConnectionId, ...q }));
}
/** {@link getConnectionLogs} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getConnectionLogsOutput = outputForm(getConnectionLogs);

// ---------------------------------------------------------------------------------------------------------------- quotas

/** The VPN quotas of the project: per resource type, the quota and how much is used (EN 4.3.1.1). */
export async function getQuotas(): Promise<outputs.GetQuotasResult> {
  return outputStyle<outputs.GetQuotasResult>(await sdk().showQuotasInfo({}));
}
/** {@link getQuotas} as a `pulumi.Output`. */
export function getQuotasOutput(): pulumi.Output<outputs.GetQuotasResult> {
  return pulumi.output(getQuotas());
}

// ---------------------------------------------------------------------------------------------------------------- monitors, point-to-cloud

export interface GetConnectionMonitorsArgs {
  /** Only the monitors of this VPN connection. */
  vpnConnectionId?: string;
}

export interface GetConnectionMonitorsResult {
  /** The matching connection monitors (EN 4.1.4.3). */
  connectionMonitors: outputs.ConnectionMonitorInfo[];
}

/** The project's connection monitors, optionally of one VPN connection (EN 4.1.4.3). */
export async function getConnectionMonitors(args: GetConnectionMonitorsArgs = {}): Promise<GetConnectionMonitorsResult> {
  const r = await sdk().listConnectionMonitors(args.vpnConnectionId ? { vpn_connection_id: args.vpnConnectionId } : {});
  return { connectionMonitors: ((r.connection_monitors ?? []) as unknown[]).map((m) => outputStyle<outputs.ConnectionMonitorInfo>(m)) };
}
/** {@link getConnectionMonitors} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getConnectionMonitorsOutput = optionalOutputForm(getConnectionMonitors);

export interface GetP2cVpnGatewaysResult {
  /** Every P2C VPN gateway of the project (all pages, EN 4.2.1.2). */
  p2cVpnGateways: outputs.P2cVpnGatewayInfo[];
}

/** The project's P2C VPN gateways, all pages (EN 4.2.1.2). */
export async function getP2cVpnGateways(): Promise<GetP2cVpnGatewaysResult> {
  return { p2cVpnGateways: await listAll<outputs.P2cVpnGatewayInfo>("listP2cVgws", {}) };
}
/** {@link getP2cVpnGateways} as a `pulumi.Output`. */
export function getP2cVpnGatewaysOutput(): pulumi.Output<GetP2cVpnGatewaysResult> {
  return pulumi.output(getP2cVpnGateways());
}

export interface GetVpnServersArgs {
  /** Only the server of this P2C gateway (a gateway has one); all the project's servers otherwise. */
  p2cVgwId?: string;
}

export interface GetVpnServersResult {
  /** The matching VPN servers (EN 4.2.2.2 for a gateway, all pages of EN 4.2.2.5 for the project). */
  vpnServers: outputs.VpnServerInfo[];
}

/** VPN servers: of one P2C gateway, or all the project's (all pages). */
export async function getVpnServers(args: GetVpnServersArgs = {}): Promise<GetVpnServersResult> {
  if (args.p2cVgwId) {
    const r = await sdk().listVpnServersByVgw({ p2c_vgw_id: args.p2cVgwId });
    return { vpnServers: ((r.vpn_servers ?? []) as unknown[]).map((v) => outputStyle<outputs.VpnServerInfo>(v)) };
  }
  return { vpnServers: await listAll<outputs.VpnServerInfo>("listVpnServersByProject", {}) };
}
/** {@link getVpnServers} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getVpnServersOutput = optionalOutputForm(getVpnServers);

/** The VPN server whose users, groups or policies are listed. */
export interface OnVpnServerArgs {
  /** ID of the VPN server. */
  vpnServerId: string;
}

export interface GetVpnUsersResult {
  /** The server's VPN users (all pages, EN 4.2.3.4). */
  users: outputs.VpnUserInfo[];
}

/** The VPN users of a server, all pages (EN 4.2.3.4). */
export async function getVpnUsers(args: OnVpnServerArgs): Promise<GetVpnUsersResult> {
  return { users: await listAll<outputs.VpnUserInfo>("listVpnUsers", { vpn_server_id: args.vpnServerId }) };
}
/** {@link getVpnUsers} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getVpnUsersOutput = outputForm(getVpnUsers);

export interface GetVpnUserGroupsResult {
  /** The server's user groups (all pages, EN 4.2.3.12). */
  userGroups: outputs.VpnUserGroupInfo[];
}

/** The user groups of a VPN server, all pages (EN 4.2.3.12). */
export async function getVpnUserGroups(args: OnVpnServerArgs): Promise<GetVpnUserGroupsResult> {
  return { userGroups: await listAll<outputs.VpnUserGroupInfo>("listVpnUserGroups", { vpn_server_id: args.vpnServerId }) };
}
/** {@link getVpnUserGroups} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getVpnUserGroupsOutput = outputForm(getVpnUserGroups);

export interface GetVpnAccessPoliciesResult {
  /** The server's access policies (all pages, EN 4.2.4.3). */
  accessPolicies: outputs.VpnAccessPolicyInfo[];
}

/** The access policies of a VPN server, all pages (EN 4.2.4.3). */
export async function getVpnAccessPolicies(args: OnVpnServerArgs): Promise<GetVpnAccessPoliciesResult> {
  return { accessPolicies: await listAll<outputs.VpnAccessPolicyInfo>("listVpnAccessPolicies", { vpn_server_id: args.vpnServerId }) };
}
/** {@link getVpnAccessPolicies} with `pulumi.Input` arguments, as a `pulumi.Output`. */
export const getVpnAccessPoliciesOutput = outputForm(getVpnAccessPolicies);
