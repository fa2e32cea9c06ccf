/**
 * The documented point-to-cloud example (API reference chapter 5, examples 5–7): remote access through P2C VPN
 * gateways bought yearly/monthly (adopted by id, kept on destroy), a VPN server in certificate mode on one and in
 * password mode on the other (example 5), a user group with a user on the password-mode server (example 6), and
 * an access policy that lets the group reach two destination networks (example 7).
 *
 * One difference from example 6: the user is created first and the group lists it (`users`, add-users), instead
 * of the user naming the group (`user_group_id`), so that the group's `userNumber` is right after `up`. The
 * user's password comes from secret config (`userPassword`).
 */
import * as pulumi from "@pulumi/pulumi";
import { P2cVpnGateway, VpnAccessPolicy, VpnServer, VpnUser, VpnUserGroup } from "../../provider";

export interface P2cRemoteAccessSettings {
  /** The P2C gateway of the certificate-mode server (bought in the console; adopted here). */
  certificateGatewayId: string;
  /** The P2C gateway of the password-mode server. */
  passwordGatewayId: string;
  /** The server certificate in Cloud Certificate Manager (CCM). */
  serverCertificateId: string;
  /** The client CA certificate of the certificate-mode server (PEM). */
  clientCaCertificate: string;
  certificateClientCidr: string;
  passwordClientCidr: string;
  localSubnets: string[];
  group: { name: string; description: string };
  user: { name: string; description: string };
  policy: { name: string; description: string; destIpCidrs: string[] };
}

/** The values of the seeds' examples 5–7 (masked certificate content as in the reference). */
export const documentedSettings: P2cRemoteAccessSettings = {
  certificateGatewayId: "595210dc-7998-4ba3-aeb9-516fbcf7853c",
  passwordGatewayId: "dea8c4fb-be5c-4d50-be9a-f9a5f3a9afc6",
  serverCertificateId: "scs1717051012106",
  clientCaCertificate: "-----BEGIN CERTIFICATE-----*****-----END CERTIFICATE-----",
  certificateClientCidr: "100.10.1.0/24",
  passwordClientCidr: "100.10.2.0/24",
  localSubnets: ["192.168.0.0/24", "192.168.1.0/24"],
  group: { name: "user-group1", description: "UserGroup1" },
  user: { name: "user001", description: "User1" },
  policy: { name: "policy-001", description: "AccessPolicy1", destIpCidrs: ["172.16.0.0/24", "172.16.1.0/24"] },
};

export function p2cRemoteAccess(settings: P2cRemoteAccessSettings = documentedSettings) {
  const password = new pulumi.Config().requireSecret("userPassword");

  // Yearly/monthly gateways: adopted, never deleted by this stack.
  const certGateway = new P2cVpnGateway("cert-gateway", { importId: settings.certificateGatewayId });
  const passwordGateway = new P2cVpnGateway("password-gateway", { importId: settings.passwordGatewayId });

  // Example 5: a server in certificate authentication mode…
  const certServer = new VpnServer("cert-server", {
    p2cVgwId: certGateway.id,
    clientCidr: settings.certificateClientCidr,
    localSubnets: settings.localSubnets,
    clientAuthType: "CERT",
    serverCertificate: { id: settings.serverCertificateId },
    clientCaCertificates: [{ content: settings.clientCaCertificate }],
    sslOptions: { port: 443, encryptionAlgorithm: "AES-128-GCM", isCompressed: false },
  });

  // … and one in password authentication mode.
  const passwordServer = new VpnServer("password-server", {
    p2cVgwId: passwordGateway.id,
    tunnelProtocol: "SSL",
    clientCidr: settings.passwordClientCidr,
    localSubnets: settings.localSubnets,
    clientAuthType: "LOCAL_PASSWORD",
    serverCertificate: { id: settings.serverCertificateId },
    sslOptions: { protocol: "TCP", port: 443, encryptionAlgorithm: "AES-128-GCM", isCompressed: false },
  });

  // Example 6: a user and a user group on the password-mode server.
  const user = new VpnUser("user", {
    vpnServerId: passwordServer.id,
    name: settings.user.name,
    password,
    description: settings.user.description,
  });
  const group = new VpnUserGroup("user-group", {
    vpnServerId: passwordServer.id,
    name: settings.group.name,
    description: settings.group.description,
    users: [user.id],
  });

  // Example 7: the group may reach two destination networks.
  const policy = new VpnAccessPolicy("access-policy", {
    vpnServerId: passwordServer.id,
    name: settings.policy.name,
    userGroupId: group.id,
    description: settings.policy.description,
    destIpCidrs: settings.policy.destIpCidrs,
  });

  return {
    certificateServer: {
      id: certServer.id,
      status: certServer.status,
      clientAuthType: certServer.clientAuthType,
      clientCaCertificates: certServer.clientCaCertificates,
    },
    passwordServer: { id: passwordServer.id, status: passwordServer.status, clientAuthType: passwordServer.clientAuthType },
    userGroup: { id: group.id, userNumber: group.userNumber },
    userId: user.id,
    accessPolicy: { id: policy.id, userGroupName: policy.userGroupName, destIpCidrs: policy.destIpCidrs },
  };
}
