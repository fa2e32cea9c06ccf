/**
 * The resource kinds the pack knows, their type tokens, and the view of a resource's inputs that every policy
 * works on: the wire body (snake_case, inside the create request's wrapper) computed with the same mapping the
 * provider uses (`inputsToWire`), so the registry rules see exactly what the SDK would send.
 */
import { typeToken, resourceKinds } from "../sdk/spec/kinds";
import { inputsToWire, wireNamesOf } from "../sdk/spec/mapping";
import type { ResourceKindSpec } from "../sdk/spec/types";
import { camelToSnake } from "../sdk/util/case";
import { PROVIDER_ONLY } from "../provider/kinds";
import { formatPath, resolveProps, UNKNOWN_MARK, type Path, type ResolvedProps } from "./props";

/** Kind name (key of `resourceKinds`) → Pulumi class name. The class name makes the type token. */
export const KIND_CLASSES = {
  vpnGateway: "VpnGateway",
  customerGateway: "CustomerGateway",
  vpnConnection: "VpnConnection",
  connectionMonitor: "ConnectionMonitor",
  gatewayCertificate: "GatewayCertificate",
  p2cVpnGateway: "P2cVpnGateway",
  vpnServer: "VpnServer",
  vpnUser: "VpnUser",
  vpnUserGroup: "VpnUserGroup",
  vpnAccessPolicy: "VpnAccessPolicy",
  clientCaCertificate: "ClientCaCertificate",
} as const;

export type KindName = keyof typeof KIND_CLASSES;
export type ClassName = (typeof KIND_CLASSES)[KindName];

export const KIND_NAMES = Object.keys(KIND_CLASSES) as KindName[];

/** Type token of a kind: `pulumi-nodejs:dynamic/huaweicloud-vpn:<ClassName>`. */
export function tokenOf(kind: KindName): string {
  return typeToken(KIND_CLASSES[kind]);
}

const byToken = new Map<string, KindName>(KIND_NAMES.map((k) => [tokenOf(k), k]));

/** The kind of a resource type token, or undefined for other resources. */
export function kindOfType(type: string): KindName | undefined {
  return byToken.get(type);
}

/** Human label used in messages: `VpnConnection "vpn-1"`. */
export function label(kind: KindName, name: string): string {
  return `${KIND_CLASSES[kind]} "${name}"`;
}

/** The kind's spec from the shared table, when it has been declared there. */
export function kindSpec(kind: KindName): ResourceKindSpec | undefined {
  return (resourceKinds as Record<string, ResourceKindSpec>)[kind];
}

/**
 * Wire fields whose values are secret. From the kind spec's `secret` list; the fallback names the fields the API
 * reference documents as keys and passwords (PSK, private keys, VPN user passwords), so a message can never show
 * them even before the spec declares them.
 */
const FALLBACK_SECRETS: Partial<Record<KindName, readonly string[]>> = {
  vpnConnection: ["psk"],
  gatewayCertificate: ["private_key", "enc_private_key"],
  vpnUser: ["password", "old_password", "new_password"],
};

export function secretWireFields(kind: KindName): readonly string[] {
  return [...new Set([...(kindSpec(kind)?.secret ?? []), ...(FALLBACK_SECRETS[kind] ?? [])])];
}

/** Provider options that are inputs of the resource classes but never part of the API body. */
export const PROVIDER_ONLY_INPUTS: readonly string[] = PROVIDER_ONLY;

/** A camelCase input name → its wire name (exact, from the kind's schemas when declared). */
export function wireName(kind: KindName, camel: string): string {
  const spec = kindSpec(kind);
  if (spec) {
    try {
      const w = wireNamesOf(spec).get(camel);
      if (w) return w;
    } catch {
      // operations not declared yet: fall through to the default rule
    }
  }
  return camelToSnake(camel);
}

/** An input path (camelCase) → the same path in the wire body (snake_case, tags as a list). */
export function wirePathOf(kind: KindName, path: Path): (string | number)[] {
  const out: (string | number)[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    if (typeof p === "number") out.push(p);
    else if (i === 1 && path[0] === "tags") {
      // `tags.<key>` in inputs is an item of the `tags` list on the wire; the index is not known here.
      break;
    } else out.push(wireName(kind, p));
  }
  return out;
}

/** Inputs (camelCase, tags map) → the wire body inside the wrapper. */
export function toWireBody(kind: KindName, inputs: Record<string, unknown>): Record<string, unknown> {
  const spec = kindSpec(kind);
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(inputs)) if (!k.startsWith("__") && !PROVIDER_ONLY_INPUTS.includes(k)) copy[k] = v;
  if (copy.tags === UNKNOWN_MARK) {
    // The whole tag map is unknown: keep the mark rather than turning the string into tags.
    delete copy.tags;
    return { ...toWireBody(kind, copy), tags: UNKNOWN_MARK };
  }
  if (spec) {
    try {
      return inputsToWire(spec, copy, PROVIDER_ONLY_INPUTS);
    } catch {
      // the kind's operations are not declared yet: use the default name rule below
    }
  }
  const out: Record<string, unknown> = {};
  const conv = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(conv)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [camelToSnake(k), conv(x)]))
        : v;
  for (const [k, v] of Object.entries(copy)) {
    if (v === undefined) continue;
    if (k === "tags" && v !== null && typeof v === "object" && !Array.isArray(v)) {
      out.tags = Object.entries(v as Record<string, unknown>).map(([key, value]) => ({ key, value: value ?? "" }));
    } else out[camelToSnake(k)] = conv(v);
  }
  return out;
}

/** Everything a policy needs to know about one resource. */
export interface ResourceView {
  readonly kind: KindName;
  readonly name: string;
  readonly urn: string;
  /** Inputs (or outputs, for stack policies), plain, without unknowns. */
  readonly props: Record<string, unknown>;
  /** The wire body computed from `props`. */
  readonly body: Record<string, unknown>;
  /** The wire body with unknown values as `UNKNOWN_MARK`, for `evaluateTracked`. */
  readonly markedBody: Record<string, unknown>;
  /** Unknown values: input paths and the same paths on the wire. */
  readonly unknowns: readonly Path[];
  readonly wireUnknowns: readonly Path[];
  /** The original props object (for secretness lookups). */
  readonly raw: object;
}

export function viewOf(
  kind: KindName,
  name: string,
  urn: string,
  props: Record<string, unknown>,
  normalise: (plain: Record<string, unknown>) => Record<string, unknown> = (p) => p,
): ResourceView {
  const resolved: ResolvedProps = resolveProps(props);
  const plain = normalise(resolved.value);
  return {
    kind,
    name,
    urn,
    props: plain,
    body: toWireBody(kind, plain),
    markedBody: resolved.unknowns.length === 0 ? toWireBody(kind, plain) : toWireBody(kind, normalise(resolved.marked)),
    unknowns: resolved.unknowns,
    wireUnknowns: resolved.unknowns.map((u) => wirePathOf(kind, u)),
    raw: props,
  };
}

/** `a.b[2]` for a wire path. */
export const formatWirePath = formatPath;
