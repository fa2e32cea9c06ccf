/** Per-kind hooks by kind name (keys of `resourceKinds`). A kind without an entry uses the generic model only. */
import type { KindHooks } from "./base";
import { vpnGatewayHooks } from "./vpnGateway";
import { customerGatewayHooks } from "./customerGateway";
import { vpnConnectionHooks } from "./vpnConnection";
import { connectionMonitorHooks } from "./connectionMonitor";
import { gatewayCertificateHooks } from "./gatewayCertificate";
import { p2cVpnGatewayHooks } from "./p2cVpnGateway";
import { clientCaCertificateHooks, vpnServerHooks } from "./vpnServer";
import { vpnAccessPolicyHooks, vpnUserGroupHooks, vpnUserHooks } from "./vpnUser";

export const kindHooks: Readonly<Record<string, KindHooks>> = {
  vpnGateway: vpnGatewayHooks,
  customerGateway: customerGatewayHooks,
  vpnConnection: vpnConnectionHooks,
  connectionMonitor: connectionMonitorHooks,
  gatewayCertificate: gatewayCertificateHooks,
  p2cVpnGateway: p2cVpnGatewayHooks,
  vpnServer: vpnServerHooks,
  clientCaCertificate: clientCaCertificateHooks,
  vpnUser: vpnUserHooks,
  vpnUserGroup: vpnUserGroupHooks,
  vpnAccessPolicy: vpnAccessPolicyHooks,
};
