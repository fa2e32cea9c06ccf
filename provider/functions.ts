/**
 * Data-source functions. They run in the program process (not in the provider), with the same settings:
 * Pulumi config `huaweicloud-vpn:*`, else the `HW_*` environment. Results are lowerCamelCase like outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { camelToSnake } from "../sdk/util/case";
import { wireToOutputs } from "../sdk/spec/mapping";
import { CONFIG_NAMESPACE, clientFor, settingsFrom } from "./settings";

/** The SDK client for the program's settings (`huaweicloud-vpn:*` config, else the environment). */
function sdk(): any {
  const cfg = new pulumi.Config(CONFIG_NAMESPACE);
  return clientFor(settingsFrom((k) => cfg.get(k)));
}

/** Converts an API object to output style, as resource outputs are: camelCase keys, `tags` as a map. */
function outputStyle<T = Record<string, unknown>>(obj: unknown): T {
  return (obj && typeof obj === "object" ? wireToOutputs(obj as Record<string, unknown>) : obj) as T;
}

async function listAll(op: string, params: Record<string, unknown>): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  for await (const item of sdk().paginate(op, params)) items.push(outputStyle(item));
  return items;
}

/** Availability zones for VPN gateways (optionally for a flavor, attachment type and IP version). */
export async function getAvailabilityZones(args: { flavor?: string; attachmentType?: string; ipVersion?: string } = {}) {
  const query: Record<string, unknown> = {};
  if (args.flavor) query.flavor = args.flavor;
  if (args.attachmentType) query.attachment_type = args.attachmentType;
  if (args.ipVersion) query.ip_version = args.ipVersion;
  return outputStyle<{ availabilityZones: string[] }>(await sdk().listAvailabilityZones(query));
}

export async function getVpnGateway(args: { id: string }) {
  const r = await sdk().showVgw({ vgw_id: args.id });
  return outputStyle<Record<string, any>>(r.vpn_gateway);
}

export async function getVpnGateways(args: { enterpriseProjectIds?: string[] } = {}) {
  const r = await sdk().listVgws(args.enterpriseProjectIds ? { enterprise_project_id: args.enterpriseProjectIds } : {});
  return { vpnGateways: ((r.vpn_gateways ?? []) as unknown[]).map((g) => outputStyle<Record<string, any>>(g)) };
}

export async function getCustomerGateways() {
  return { customerGateways: await listAll("listCgws", {}) };
}

export async function getVpnConnections(args: { vgwId?: string; vgwIp?: string; enterpriseProjectIds?: string[] } = {}) {
  const q: Record<string, unknown> = {};
  if (args.vgwId) q.vgw_id = args.vgwId;
  if (args.vgwIp) q.vgw_ip = args.vgwIp;
  if (args.enterpriseProjectIds) q.enterprise_project_id = args.enterpriseProjectIds;
  return { vpnConnections: await listAll("listVpnConnections", q) };
}

export async function getGatewayRoutingTable(args: { vgwId: string }) {
  return outputStyle<Record<string, any>>(await sdk().showVpnGatewayRoutingTable({ vgw_id: args.vgwId }));
}

export async function getConnectionLogs(args: { vpnConnectionId: string; [k: string]: unknown }) {
  const { vpnConnectionId, ...rest } = args;
  const q: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) q[camelToSnake(k)] = v;
  return outputStyle<Record<string, any>>(await sdk().showVpnConnectionLog({ vpn_connection_id: vpnConnectionId, ...q }));
}

export async function getQuotas() {
  return outputStyle<Record<string, any>>(await sdk().showQuotasInfo({}));
}
