/**
 * The pack as a library: importing this module registers every policy (each area file registers its own) and
 * exposes the registry. It does not start anything; policies/index.ts builds the PolicyPack from it.
 */
import "./common";
import "./tagging";
import "./gateways";
import "./customerGateways";
import "./connections";
import "./monitors";
import "./p2c";
import "./bestPractice";
import "./dependencies";

export * from "./vpnGuard";
export { installSecretTracking, isSecretInput, secretPathsOf } from "./props";
export { KIND_CLASSES, tokenOf, type KindName } from "./kinds";
