/**
 * Point-to-cloud resource kinds (api-p2c-common.md §4–§7, §2.9 for the asynchronous behaviour).
 *
 * Kind-specific facts the table cannot express, for the generic provider and the emulator:
 * - `vpnServer` has no show-by-id and no delete API. `ops.show` is the gateway's server list (S2), which returns
 *   at most one server; a server goes away with its gateway.
 * - Users, groups and policies are asynchronous but have no status field (§2.9): a read right after create may
 *   miss them, and rapid changes return `VPN.0030`.
 * - A client CA certificate change puts its server in PENDING_UPDATE; wait on the server (`vpnServer.status`).
 */
import { P2C_GATEWAY_STATUSES, VPN_SERVER_STATUSES } from "../schemas/p2c";
import { MAX_TAGS } from "../schemas/shared";
import { defineKinds } from "./types";

/** Codes that mean "busy or not ready, try again later" for any P2C change. */
const BUSY = ["VPN.0030", "VPN.0031", "VPN.1801"] as const;
/** The gateway is being created, updated or deleted, or not ready. */
const GATEWAY_NOT_READY = ["VPN.0506", "VPN.0507", "VPN.0508", "VPN.0511"] as const;
/** The server is being created or updated. */
const SERVER_NOT_READY = ["VPN.1113", "VPN.1114"] as const;

const gatewayPending = P2C_GATEWAY_STATUSES.filter((st) => st.startsWith("PENDING_"));
const serverPending = VPN_SERVER_STATUSES.filter((st) => st.startsWith("PENDING_"));

export const p2cKinds = defineKinds({
  p2cVpnGateway: {
    kind: "p2cVpnGateway",
    className: "P2cVpnGateway",
    wrapper: "p2c_vpn_gateway",
    idField: "id",
    idParam: "p2c_vgw_id",
    ops: {
      create: "createP2cVgw",
      show: "showP2cVgw",
      update: "updateP2cVgw",
      delete: "deleteP2cVgw",
      list: "listP2cVgws",
    },
    status: {
      field: "status",
      ready: ["ACTIVE"],
      pending: gatewayPending,
      failed: ["FAULT", "FROZEN"],
      transitions: {
        create: ["PENDING_CREATE", "ACTIVE"],
        update: ["PENDING_UPDATE", "ACTIVE"],
        delete: ["PENDING_DELETE"],
      },
    },
    /** G3: only the name and the EIP (bind a new one after unbinding the old, VPN.0512). */
    updatable: ["name", "eip_id"],
    secret: [],
    /** The response has `eip.id`, never the `eip_id` input. */
    writeOnly: ["eip_id"],
    tagResourceType: "p2c-vpn-gateways",
    notReadyCodes: [...GATEWAY_NOT_READY, ...BUSY],
    nameField: "name",
    unordered: ["availability_zone_ids"],
    maxTags: MAX_TAGS,
    documented: "both",
    doc: "ZH/EN 4.2.1 (get, list, update); create and delete: official SDK only",
  },
  vpnServer: {
    kind: "vpnServer",
    className: "VpnServer",
    wrapper: "vpn_server",
    idField: "id",
    idParam: "vpn_server_id",
    parentParams: ["p2c_vgw_id"],
    ops: {
      create: "createVpnServer",
      show: "listVpnServersByVgw",
      update: "updateVpnServer",
      list: "listVpnServersByProject",
    },
    status: {
      field: "status",
      ready: ["ACTIVE"],
      pending: serverPending,
      failed: ["FAULT", "FROZEN"],
      transitions: {
        create: ["PENDING_CREATE", "ACTIVE"],
        update: ["PENDING_UPDATE", "ACTIVE"],
      },
    },
    /**
     * S3. `ssl_options.is_compressed` is not in the update body (the schema rejects it) and `tunnel_protocol`
     * cannot change: both would need a replacement, which a server cannot have (no delete API, one per gateway).
     * `client_ca_certificates` change certificate by certificate through import/delete (C2, C5).
     */
    updatable: ["client_cidr", "local_subnets", "server_certificate", "ssl_options", "client_auth_type", "dns_servers"],
    replaceNested: ["ssl_options.is_compressed"],
    updateVia: { client_ca_certificates: "importClientCa" },
    secret: [],
    /** The API returns CA certificate metadata, never their content. */
    writeOnly: ["client_ca_certificates"],
    notReadyCodes: [...SERVER_NOT_READY, ...GATEWAY_NOT_READY, ...BUSY],
    unordered: ["local_subnets", "dns_servers", "client_ca_certificates"],
    documented: "both",
    doc: "ZH/EN 4.2.2.1–4.2.2.5",
  },
  connectionLogConfig: {
    kind: "connectionLogConfig",
    className: "ConnectionLogConfig",
    wrapper: "log_config",
    /** One per gateway, without an id: the resource's id is its gateway's (provider hook `createdId`). */
    idField: "p2c_vgw_id",
    idParam: "p2c_vgw_id",
    parentParams: ["p2c_vgw_id"],
    /** L1 creates and updates (PUT), L2 shows, L3 deletes. */
    ops: {
      create: "updateVpnConnectionsLogConfig",
      show: "showVpnConnectionsLogConfig",
      update: "updateVpnConnectionsLogConfig",
      delete: "deleteVpnConnectionsLogConfig",
    },
    /** The PUT takes the whole configuration (both fields are mandatory). */
    updatable: ["log_group_id", "log_stream_id"],
    updateWhole: true,
    secret: [],
    writeOnly: [],
    notReadyCodes: [...GATEWAY_NOT_READY, ...BUSY],
    documented: "en",
    doc: "EN 4.2.2.11–4.2.2.13",
  },
  clientCaCertificate: {
    kind: "clientCaCertificate",
    className: "ClientCaCertificate",
    wrapper: "client_ca_certificate",
    idField: "id",
    idParam: "client_ca_certificate_id",
    parentParams: ["vpn_server_id"],
    ops: {
      create: "importClientCa",
      show: "showClientCa",
      update: "updateClientCa",
      delete: "deleteClientCa",
    },
    /** C4: only the name; the content cannot change. */
    updatable: ["name"],
    secret: [],
    writeOnly: ["content"],
    notReadyCodes: [...SERVER_NOT_READY, ...BUSY],
    nameField: "name",
    documented: "both",
    doc: "ZH/EN 4.2.2.6–4.2.2.10",
  },
  vpnUser: {
    kind: "vpnUser",
    className: "VpnUser",
    wrapper: "user",
    idField: "id",
    idParam: "user_id",
    parentParams: ["vpn_server_id"],
    ops: {
      create: "createVpnUser",
      show: "showVpnUser",
      update: "updateVpnUser",
      delete: "deleteVpnUser",
      list: "listVpnUsers",
    },
    /** U5. The name cannot change; the password changes through reset-password (U9). */
    updatable: ["description", "user_group_id", "static_ip"],
    updateVia: { password: "resetVpnUserPassword" },
    secret: ["password"],
    writeOnly: ["password"],
    notReadyCodes: [...SERVER_NOT_READY, ...BUSY],
    nameField: "name",
    documented: "both",
    doc: "ZH 4.2.3.1–4.2.3.7 / EN 4.2.3.1–4.2.3.9",
  },
  vpnUserGroup: {
    kind: "vpnUserGroup",
    className: "VpnUserGroup",
    wrapper: "user_group",
    idField: "id",
    idParam: "group_id",
    parentParams: ["vpn_server_id"],
    ops: {
      create: "createVpnUserGroup",
      show: "showVpnUserGroup",
      update: "updateVpnUserGroup",
      delete: "deleteVpnUserGroup",
      list: "listVpnUserGroups",
    },
    updatable: ["name", "description"],
    secret: [],
    writeOnly: [],
    notReadyCodes: [...SERVER_NOT_READY, ...BUSY],
    nameField: "name",
    documented: "both",
    doc: "ZH 4.2.3.8–4.2.3.15 / EN 4.2.3.10–4.2.3.17",
  },
  vpnAccessPolicy: {
    kind: "vpnAccessPolicy",
    className: "VpnAccessPolicy",
    wrapper: "access_policy",
    idField: "id",
    idParam: "policy_id",
    parentParams: ["vpn_server_id"],
    ops: {
      create: "createVpnAccessPolicy",
      show: "showVpnAccessPolicy",
      update: "updateVpnAccessPolicy",
      delete: "deleteVpnAccessPolicy",
      list: "listVpnAccessPolicies",
    },
    updatable: ["name", "user_group_id", "description", "dest_ip_cidrs"],
    secret: [],
    writeOnly: [],
    notReadyCodes: [...SERVER_NOT_READY, ...BUSY],
    nameField: "name",
    unordered: ["dest_ip_cidrs"],
    documented: "both",
    doc: "ZH/EN 4.2.4",
  },
});

export { p2cQuotaLimits, QUOTA_TYPES, defaultQuotas } from "./quotas";
