/**
 * The policy pack's entry point: `pulumi preview --policy-pack ./policies` runs policies/index.js, which loads
 * this module compiled to dist/policies/index.js. Constructing the PolicyPack starts the analyzer's gRPC server,
 * so nothing else imports this file; the policies themselves live in ./lib and the area files.
 */
import "../provider/node-version";
import { PolicyPack } from "@pulumi/policy";
import { installSecretTracking, vpnGuard } from "./lib";

// Secret inputs are only visible to validation policies through this hook (see ./props).
installSecretTracking();

const { policies, initialConfig } = vpnGuard();

new PolicyPack(
  "huaweicloud-vpn",
  {
    policies,
    description:
      "Documented constraints of the Huawei Cloud Enterprise VPN API v5 (site-to-cloud and point-to-cloud) and security best practice, for pulumi-huaweicloud-vpn resources.",
  },
  initialConfig,
);
