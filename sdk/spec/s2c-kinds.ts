/**
 * S2C resource kinds: ids, lifecycles (api-s2c.md §1.7), update-in-place vs replace (§2.12, §3.4, §4.5, §5),
 * secrets and normalisation hints.
 */
import { CERTIFICATE_STATUSES, CONNECTION_STATUSES, GATEWAY_STATUSES, MONITOR_STATUSES } from "../schemas/s2c/enums";
import { MAX_TAGS } from "../schemas/shared";
import { defineKinds } from "./types";

/** "Not ready yet, try again": gateway creating/updating (VPN.0003 as used in the examples, 0506, 0507, 0511), busy (0030), repeated (0031), order in progress (1801). */
const GATEWAY_NOT_READY = ["VPN.0003", "VPN.0506", "VPN.0507", "VPN.0511", "VPN.0030", "VPN.0031", "VPN.1801"] as const;

const pending = <T extends readonly string[]>(all: T) => all.filter((s) => s.startsWith("PENDING_"));

export const s2cKinds = defineKinds({
  vpnGateway: {
    kind: "vpnGateway",
    className: "VpnGateway",
    wrapper: "vpn_gateway",
    idField: "id",
    idParam: "vgw_id",
    ops: { create: "createVgw", show: "showVgw", update: "updateVgw", delete: "deleteVgw", list: "listVgws" },
    status: {
      field: "status",
      ready: ["ACTIVE"],
      pending: pending(GATEWAY_STATUSES),
      failed: ["FAULT", "FREEZED"],
      transitions: { create: ["PENDING_CREATE", "ACTIVE"], update: ["PENDING_UPDATE", "ACTIVE"], delete: ["PENDING_DELETE"] },
    },
    /**
     * §2.12. eip1/eip2 are not listed: the update takes `eip_id_1`/`eip_id_2` (a different field, and the old EIP
     * must first be unbound through the EIP service), so a changed EIP replaces the gateway.
     */
    updatable: ["name", "local_subnets", "policy_template"],
    updateVia: { flavor: "updatePostpaidVgwSpecification" },
    secret: [],
    writeOnly: [],
    tagResourceType: "vpn-gateway",
    notReadyCodes: GATEWAY_NOT_READY,
    nameField: "name",
    unordered: ["local_subnets", "availability_zone_ids"],
    maxTags: MAX_TAGS,
    documented: "both",
    doc: "ZH 4.1.1 / EN 4.1.1",
  },
  gatewayCertificate: {
    kind: "gatewayCertificate",
    className: "GatewayCertificate",
    wrapper: "certificate",
    idField: "id",
    idParam: "certificate_id",
    parentParams: ["vgw_id"],
    ops: { create: "createVgwCertificate", show: "showVpnGatewayCertificate", update: "updateVgwCertificate" },
    status: {
      field: "status",
      ready: ["BOUND"],
      pending: CERTIFICATE_STATUSES.filter((s) => s === "BINDING"),
      failed: ["FAULT"],
      transitions: { create: ["BINDING", "BOUND"], update: ["BINDING", "BOUND"] },
    },
    updatable: ["name", "certificate", "private_key", "certificate_chain", "enc_certificate", "enc_private_key"],
    secret: ["private_key", "enc_private_key"],
    writeOnly: ["certificate", "private_key", "certificate_chain", "enc_certificate", "enc_private_key"],
    nameField: "name",
    documented: "zh",
    doc: "ZH 4.1.1.8-4.1.1.10 (no delete API)",
  },
  customerGateway: {
    kind: "customerGateway",
    className: "CustomerGateway",
    wrapper: "customer_gateway",
    idField: "id",
    idParam: "customer_gateway_id",
    ops: { create: "createCgw", show: "showCgw", update: "updateCgw", delete: "deleteCgw", list: "listCgws" },
    // Synchronous, no status field (§3).
    updatable: ["name", "ca_certificate"],
    secret: [],
    writeOnly: ["ca_certificate.content"],
    tagResourceType: "customer-gateway",
    notReadyCodes: ["VPN.0030", "VPN.0031"],
    nameField: "name",
    maxTags: MAX_TAGS,
    documented: "both",
    doc: "ZH 4.1.2 / EN 4.1.2",
  },
  vpnConnection: {
    kind: "vpnConnection",
    className: "VpnConnection",
    wrapper: "vpn_connection",
    idField: "id",
    idParam: "vpn_connection_id",
    ops: {
      create: "createVpnConnection",
      show: "showVpnConnection",
      update: "updateVpnConnection",
      delete: "deleteVpnConnection",
      list: "listVpnConnections",
    },
    status: {
      field: "status",
      // DOWN = provisioned, tunnel not negotiated yet (every example shows DOWN).
      ready: ["DOWN", "ACTIVE"],
      pending: pending(CONNECTION_STATUSES),
      failed: ["ERROR", "FREEZED", "UNKNOWN"],
      transitions: { create: ["PENDING_CREATE", "DOWN"], update: ["PENDING_UPDATE", "DOWN"], delete: ["PENDING_DELETE"] },
    },
    /**
     * §4.5. `ikepolicy` is updatable except `ikepolicy.authentication_method`, which replaces (CONN-37); see
     * `replaceNested`. vgw_id, vgw_ip, style, enable_nqa, ha_role replace.
     */
    updatable: [
      "name",
      "cgw_id",
      "peer_subnets",
      "tunnel_local_address",
      "tunnel_peer_address",
      "psk",
      "policy_rules",
      "ikepolicy",
      "ipsecpolicy",
      "enable_hub",
    ],
    replaceNested: ["ikepolicy.authentication_method"],
    updateTogether: [["tunnel_local_address", "tunnel_peer_address"]],
    secret: ["psk"],
    writeOnly: ["psk"],
    tagResourceType: "vpn-connection",
    notReadyCodes: GATEWAY_NOT_READY,
    nameField: "name",
    caseInsensitive: ["style"],
    unordered: ["peer_subnets"],
    maxTags: MAX_TAGS,
    documented: "both",
    doc: "ZH 4.1.3 / EN 4.1.3",
  },
  connectionMonitor: {
    kind: "connectionMonitor",
    className: "ConnectionMonitor",
    wrapper: "connection_monitor",
    idField: "id",
    idParam: "connection_monitor_id",
    ops: {
      create: "createConnectionMonitor",
      show: "showConnectionMonitor",
      delete: "deleteConnectionMonitor",
      list: "listConnectionMonitors",
    },
    status: {
      field: "status",
      ready: ["ACTIVE"],
      pending: pending(MONITOR_STATUSES),
      failed: [],
      transitions: { create: ["PENDING_CREATE", "ACTIVE"], delete: ["PENDING_DELETE"] },
    },
    // No update API (§5): every change replaces.
    updatable: [],
    secret: [],
    writeOnly: [],
    notReadyCodes: GATEWAY_NOT_READY,
    documented: "both",
    doc: "ZH 4.1.4 / EN 4.1.4",
  },
});

export type S2cKindName = keyof typeof s2cKinds;
