/**
 * Quotas and limits, in one place for the emulator (which enforces and reports them) and the docs.
 *
 * - `QUOTA_TYPES` / `defaultQuotas`: what the quota API (ZH/EN 4.3.1.1) reports. The docs give no default values;
 *   these are the values of the documented example response. There are no P2C quota types.
 * - `p2cQuotaLimits`: per-parent limits of P2C resources, from the error table (ZH 7.3 / EN A.3) and the field
 *   descriptions; the quota API does not report them.
 */
import { MAX_CLIENT_CA_CERTIFICATES, MAX_DEST_IP_CIDRS, MAX_DNS_SERVERS, MAX_LOCAL_SUBNETS } from "../rules/p2c";
import { MAX_TAGS } from "../schemas/shared";

export const QUOTA_TYPES = ["customer_gateway", "vpn_connection", "vpn_gateway"] as const;
export type QuotaType = (typeof QUOTA_TYPES)[number];

/** Values of the ZH/EN 4.3.1.1 example response (the docs document no defaults). */
export const defaultQuotas: Readonly<Record<QuotaType, number>> = {
  customer_gateway: 100,
  vpn_connection: 5000,
  vpn_gateway: 50,
};

/** Error code returned when a quota type is exhausted, where the docs name one. */
export const quotaExceededCodes: Readonly<Partial<Record<QuotaType, string>>> = {
  vpn_gateway: "VPN.0513",
};

export interface LimitSpec {
  /** The maximum count, or the parent field that holds it. */
  readonly limit: number | { readonly field: string; readonly of: string };
  /** Kind (or request body) the count is taken within. */
  readonly per: string;
  /** Error code the service returns when the limit is exceeded (HTTP 400). */
  readonly errorCode: string;
  readonly doc: string;
}

export const p2cQuotaLimits = {
  vpnServersPerGateway: { limit: 1, per: "p2cVpnGateway", errorCode: "VPN.1102", doc: "VPN.1102" },
  clientCaCertificatesPerServer: {
    limit: MAX_CLIENT_CA_CERTIFICATES,
    per: "vpnServer",
    errorCode: "VPN.1111",
    doc: "ZH/EN 4.2.2.1 / VPN.1111",
  },
  localSubnetsPerServer: {
    limit: MAX_LOCAL_SUBNETS,
    per: "vpnServer",
    errorCode: "VPN.1105",
    doc: "EN 4.2.2.1, 4.2.2.3 / VPN.1105",
  },
  dnsServersPerServer: { limit: MAX_DNS_SERVERS, per: "vpnServer", errorCode: "VPN.0001", doc: "EN 4.2.2.1, 4.2.2.3" },
  /** "The number of users cannot exceed the maximum number of gateway connections." */
  usersPerServer: {
    limit: { field: "max_connection_number", of: "p2cVpnGateway" },
    per: "vpnServer",
    errorCode: "VPN.1307",
    doc: "VPN.1307",
  },
  /** Whether the system's default group counts is not documented. */
  userGroupsPerServer: { limit: 50, per: "vpnServer", errorCode: "VPN.1306", doc: "VPN.1306" },
  accessPoliciesPerServer: { limit: 100, per: "vpnServer", errorCode: "VPN.1400", doc: "VPN.1400" },
  destCidrsPerPolicy: {
    limit: MAX_DEST_IP_CIDRS,
    per: "vpnAccessPolicy",
    errorCode: "VPN.1402",
    doc: "ZH/EN 4.2.4.1 / VPN.1402",
  },
  tagsPerRequest: { limit: MAX_TAGS, per: "request", errorCode: "VPN.0001", doc: "ZH/EN 4.3.2.1–4.3.2.4" },
  /** "The new password must be different from the latest five old passwords." */
  passwordHistory: {
    limit: 5,
    per: "vpnUser",
    errorCode: "VPN.1311",
    doc: "ZH 4.2.3.6, 4.2.3.7 / EN 4.2.3.8, 4.2.3.9",
  },
} as const satisfies Readonly<Record<string, LimitSpec>>;
