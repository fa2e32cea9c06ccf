/**
 * Rule contexts built from the stack: the facts the S2C registry's cross-resource checks read
 * (`RuleContext` in sdk/rules/common.ts), taken from the related resources' inputs at preview and their outputs
 * after an update. A fact whose value is unknown is left out, so the rule skips it instead of guessing.
 */
import type { CustomerGatewayFacts, GatewayFacts, RuleContext } from "../sdk/rules/common";
import { CONFIG_NAMESPACE } from "../provider/settings";
import { UNKNOWN_MARK, type Path } from "./props";
import type { StackIndex, StackResource } from "./stack";

/**
 * The value at `path` of a related resource, `UNKNOWN_MARK` when it is not known yet (the rules evaluated with
 * `evaluateTracked` then skip what depends on it).
 */
function known(res: StackResource, path: Path): unknown {
  let cur: unknown = res.markedBody;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

const asString = (v: unknown) => (typeof v === "string" ? v : undefined);
const asNumber = (v: unknown) => (typeof v === "number" ? v : undefined);

function eipFacts(res: StackResource, key: "eip1" | "eip2"): { id?: string } | undefined {
  const eip = known(res, [key]);
  if (eip === UNKNOWN_MARK) return UNKNOWN_MARK as unknown as { id?: string };
  if (eip === undefined || eip === null || typeof eip !== "object") return undefined;
  const id = asString(known(res, [key, "id"]));
  return id ? { id } : {};
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Facts about a VPN gateway of the stack (plus its GM certificate, when one is declared for it). */
export function gatewayFacts(stack: StackIndex, gw: StackResource): GatewayFacts {
  const cert = stack.referencing(gw, "gatewayCertificate", "vgwId")[0];
  const certificateId =
    asString(known(gw, ["certificate_id"])) ?? (cert ? (asString(cert.props.id) ?? `(GatewayCertificate "${cert.name}")`) : undefined);
  const supported = known(gw, ["supported_flavors"]);
  return compact<GatewayFacts>({
    id: asString(known(gw, ["id"])),
    flavor: asString(known(gw, ["flavor"])),
    network_type: asString(known(gw, ["network_type"])),
    attachment_type: asString(known(gw, ["attachment_type"])),
    ha_mode: asString(known(gw, ["ha_mode"])),
    eip1: eipFacts(gw, "eip1"),
    eip2: eipFacts(gw, "eip2"),
    access_private_ip_1: asString(known(gw, ["access_private_ip_1"])),
    access_private_ip_2: asString(known(gw, ["access_private_ip_2"])),
    certificate_id: certificateId,
    supported_flavors: Array.isArray(supported) ? (supported.filter((s) => typeof s === "string") as string[]) : undefined,
    connection_number:
      asNumber(known(gw, ["connection_number"])) ??
      (known(gw, ["connection_number"]) === UNKNOWN_MARK ? (UNKNOWN_MARK as unknown as number) : undefined),
  });
}

/** Facts about a customer gateway of the stack. */
export function customerGatewayFacts(cgw: StackResource): CustomerGatewayFacts {
  const ca = known(cgw, ["ca_certificate"]);
  return compact<CustomerGatewayFacts>({
    id: asString(known(cgw, ["id"])),
    id_type: asString(known(cgw, ["id_type"])),
    bgp_asn: asNumber(known(cgw, ["bgp_asn"])) ?? (known(cgw, ["bgp_asn"]) === UNKNOWN_MARK ? (UNKNOWN_MARK as unknown as number) : undefined),
    ca_certificate: ca === UNKNOWN_MARK || (ca !== null && typeof ca === "object") ? (ca as object) : undefined,
  });
}

/**
 * A connection's context: its gateway and customer gateway when they are in the stack. `used_connection_number`
 * counts the gateway's other connections of the stack that come before this one by name, so that a capacity
 * check (CONN-38) reports exactly the connections beyond the gateway's `connection_number`.
 */
export function connectionContext(stack: StackIndex, conn: StackResource): RuleContext | undefined {
  const gw = stack.referenced(conn, "vgwId", "vpnGateway");
  const cgw = stack.referenced(conn, "cgwId", "customerGateway");
  if (!gw && !cgw) return undefined;
  const ctx: { gateway?: GatewayFacts; customerGateway?: CustomerGatewayFacts } = {};
  if (gw) {
    const siblings = stack
      .referencing(gw, "vpnConnection", "vgwId")
      .map((c) => c.name)
      .sort();
    ctx.gateway = { ...gatewayFacts(stack, gw), used_connection_number: siblings.indexOf(conn.name) };
  }
  if (cgw) ctx.customerGateway = customerGatewayFacts(cgw);
  return ctx;
}

/** A gateway certificate's context: its gateway. */
export function certificateContext(stack: StackIndex, cert: StackResource): RuleContext | undefined {
  const gw = stack.referenced(cert, "vgwId", "vpnGateway");
  return gw ? { gateway: gatewayFacts(stack, gw) } : undefined;
}

/**
 * The region the program deploys to: the provider's `huaweicloud-vpn:region` from the stack config (the engine
 * gives the pack the stack config in PULUMI_CONFIG), else HW_REGION_NAME as the SDK reads it.
 */
export function deploymentRegion(): string | undefined {
  const raw = process.env.PULUMI_CONFIG;
  if (raw) {
    try {
      const v = (JSON.parse(raw) as Record<string, unknown>)[`${CONFIG_NAMESPACE}:region`];
      if (typeof v === "string" && v !== "") return v;
    } catch {
      // not JSON: ignore
    }
  }
  const env = process.env.HW_REGION_NAME;
  return env && env !== "" ? env : undefined;
}

/** Context for rules that only need the region (GW-09). */
export function regionContext(): RuleContext | undefined {
  const region = deploymentRegion();
  return region ? { region } : undefined;
}
