/**
 * VPN server of a P2C gateway (ZH/EN §4.2.2.1–4.2.2.5): create, list by gateway, update, export client config, list
 * by project. A gateway has at most one server and there is no delete API.
 */
import { z } from "zod";
import {
  clientCaDuplicates,
  clientCaRequiredForCert,
  clientCidrFormat,
  clientCidrPrefix,
  clientCidrReserved,
  clientCidrVsLocalSubnets,
  dnsServers,
  localSubnetCount,
  localSubnetDuplicates,
  localSubnetFormat,
  localSubnetReserved,
  serverCertificateRequired,
  sslOptionsRequired,
} from "../../rules/p2c";
import { requestId, timestamp } from "../shared";
import { certificateFactFields, ClientCaCertificate, ClientCaCertificateIn } from "./client-ca";
import { createdIdResponse, markerListResponse, RequestIdResponse } from "./fields";
import { refineObject, refineValue } from "./refine";

export const VPN_SERVER_STATUSES = ["PENDING_CREATE", "PENDING_UPDATE", "ACTIVE", "FAULT", "FROZEN"] as const;
export type VpnServerStatus = (typeof VPN_SERVER_STATUSES)[number];

export const TUNNEL_PROTOCOLS = ["SSL"] as const;
export const CLIENT_AUTH_TYPES = ["CERT", "LOCAL_PASSWORD"] as const;
export const SSL_PROTOCOLS = ["TCP"] as const;
export const SSL_PORTS = [443, 1194] as const;
export const SSL_ENCRYPTION_ALGORITHMS = ["AES-128-GCM", "AES-256-GCM"] as const;
/** Response only: not settable. */
export const SSL_AUTHENTICATION_ALGORITHMS = ["SHA256", "SHA384"] as const;
export const CLIENT_OS_TYPES = ["Windows", "Linux", "MacOS", "Android", "iOS"] as const;

const tunnelProtocol = z.enum(TUNNEL_PROTOCOLS, { message: "tunnel_protocol must be SSL (ZH/EN 4.2.2.1)" });
const clientAuthType = z.enum(CLIENT_AUTH_TYPES, {
  message: "client_auth_type must be CERT (certificate) or LOCAL_PASSWORD (local password) (ZH/EN 4.2.2.1)",
});
const sslProtocol = z.enum(SSL_PROTOCOLS, { message: "protocol must be TCP (ZH/EN 4.2.2.1 ssl_options)" });
const sslPort = z.literal(SSL_PORTS, { message: "port must be 443 or 1194 (ZH/EN 4.2.2.1 ssl_options)" });
const sslEncryption = z.enum(SSL_ENCRYPTION_ALGORITHMS, {
  message: "encryption_algorithm must be AES-128-GCM or AES-256-GCM (ZH/EN 4.2.2.1 ssl_options)",
});

// ---------------------------------------------------------------------------------------------------------------
// Request fields

const clientCidr = z.string().superRefine(refineValue(clientCidrFormat, clientCidrPrefix, clientCidrReserved));
const localSubnets = z
  .array(z.string())
  .superRefine(refineValue(localSubnetCount, localSubnetFormat, localSubnetReserved, localSubnetDuplicates));
const dnsServerList = z.array(z.string()).superRefine(refineValue(dnsServers));

/** A certificate uploaded to Cloud Certificate Manager (CCM), by its ID (`scs1716171403922`, not a UUID). */
export const ServerCertificateRef = z.strictObject({
  id: z.string().min(1, { message: "must be the ID of a certificate uploaded to Cloud Certificate Manager (CCM)" }),
});

/** Create: every field has a documented default. */
export const CreateSslOptions = z.strictObject({
  protocol: sslProtocol.default("TCP"),
  port: sslPort.default(443),
  encryption_algorithm: sslEncryption.default("AES-128-GCM"),
  is_compressed: z.boolean().default(false),
});

/** Update: no `is_compressed` (it cannot be changed). */
export const UpdateSslOptions = z.strictObject({
  protocol: sslProtocol.default("TCP"),
  port: sslPort.default(443),
  encryption_algorithm: sslEncryption.default("AES-128-GCM"),
});

// ---------------------------------------------------------------------------------------------------------------
// Response objects

/** server_certificate in responses (ZH T4-195 / EN T4-204); `id` is empty once the certificate leaves CCM. */
export const ServerCertificate = z.looseObject({
  id: z.string().nullish(),
  ...certificateFactFields,
});

export const SslOptions = z.looseObject({
  protocol: z.string().optional(),
  port: z.number().int().optional(),
  encryption_algorithm: z.string().optional(),
  authentication_algorithm: z.string().optional(),
  is_compressed: z.boolean().optional(),
});

/** ShowServerResponse (ZH T4-194 / EN T4-203); `dns_servers` is EN only. */
export const VpnServer = z.looseObject({
  id: z.string(),
  p2c_vgw_id: z.string().optional(),
  client_cidr: z.string().optional(),
  local_subnets: z.array(z.string()).optional(),
  client_auth_type: z.string().optional(),
  tunnel_protocol: z.string().optional(),
  server_certificate: ServerCertificate.nullish(),
  client_ca_certificates: z.array(ClientCaCertificate).optional(),
  ssl_options: SslOptions.nullish(),
  dns_servers: z.array(z.string()).optional(),
  status: z.string().optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
});
export type VpnServer = z.output<typeof VpnServer>;

// ---------------------------------------------------------------------------------------------------------------
// S1 create

export const CreateVpnServerRequest = z.strictObject({
  vpn_server: z
    .strictObject({
      tunnel_protocol: tunnelProtocol.default("SSL"),
      client_cidr: clientCidr,
      local_subnets: localSubnets,
      client_auth_type: clientAuthType.default("LOCAL_PASSWORD"),
      server_certificate: ServerCertificateRef.optional(),
      client_ca_certificates: z.array(ClientCaCertificateIn).optional(),
      ssl_options: CreateSslOptions.optional(),
      dns_servers: dnsServerList.optional(),
    })
    .superRefine(
      refineObject(
        clientCidrVsLocalSubnets,
        serverCertificateRequired,
        sslOptionsRequired,
        clientCaRequiredForCert,
        clientCaDuplicates,
      ),
    ),
});
export type CreateVpnServerRequest = z.input<typeof CreateVpnServerRequest>;

export const CreateVpnServerResponse = createdIdResponse("vpn_server");
export type CreateVpnServerResponse = z.output<typeof CreateVpnServerResponse>;

// ---------------------------------------------------------------------------------------------------------------
// S2 list by gateway, S5 list by project

export const ListVpnServersResponse = markerListResponse("vpn_servers", VpnServer);
export type ListVpnServersResponse = z.output<typeof ListVpnServersResponse>;
export const ListVpnServersByVgwResponse = ListVpnServersResponse;
export type ListVpnServersByVgwResponse = z.output<typeof ListVpnServersByVgwResponse>;
export const ListVpnServersByProjectResponse = ListVpnServersResponse;
export type ListVpnServersByProjectResponse = z.output<typeof ListVpnServersByProjectResponse>;

// ---------------------------------------------------------------------------------------------------------------
// S3 update (asynchronous: PENDING_UPDATE). `vpn_server` is optional in ZH, mandatory in EN.

export const UpdateVpnServerRequest = z.strictObject({
  vpn_server: z
    .strictObject({
      client_cidr: clientCidr.optional(),
      local_subnets: localSubnets.optional(),
      server_certificate: ServerCertificateRef.optional(),
      ssl_options: UpdateSslOptions.optional(),
      client_auth_type: clientAuthType.optional(),
      dns_servers: dnsServerList.optional(),
    })
    .superRefine(refineObject(clientCidrVsLocalSubnets)),
});
export type UpdateVpnServerRequest = z.input<typeof UpdateVpnServerRequest>;

export const UpdateVpnServerResponse = RequestIdResponse;
export type UpdateVpnServerResponse = z.output<typeof UpdateVpnServerResponse>;

// ---------------------------------------------------------------------------------------------------------------
// S4 export client configuration (EN adds the optional body)

export const ExportClientConfigRequest = z
  .strictObject({
    os_type: z
      .enum(CLIENT_OS_TYPES, { message: "os_type must be Windows, Linux, MacOS, Android or iOS (EN 4.2.2.4)" })
      .default("Windows"),
  })
  .optional();
export type ExportClientConfigRequest = z.input<typeof ExportClientConfigRequest>;

/** An OpenVPN client profile. */
export const ExportClientConfigResponse = z.looseObject({
  client_config: z.string(),
  request_id: requestId.optional(),
});
export type ExportClientConfigResponse = z.output<typeof ExportClientConfigResponse>;
