/**
 * The base of every resource class: a Pulumi dynamic resource whose provider methods load the generic runtime
 * by package name in the provider process. The serialized provider captures only the kind's name.
 */
import * as pulumi from "@pulumi/pulumi";
import { getKind, typeToken as kindTypeToken } from "../sdk/spec/kinds";
import { collectWireNames, objectShape, unwrapSchema, wrappedShape } from "../sdk/spec/mapping";
import { getOperation } from "../sdk/spec/operations";
import { snakeToCamel } from "../sdk/util/case";
import type { OutputsOf, StateInputsOf } from "./types";

export const TYPE_MODULE = "huaweicloud-vpn";

/** Per-resource deadlines: minutes (number) or durations ("90s", "10m", "1h"). */
export interface Timeouts {
  /** Deadline of a create (minutes, or a duration such as `10m`). */
  create?: pulumi.Input<string | number>;
  /** Deadline of an update. */
  update?: pulumi.Input<string | number>;
  /** Deadline of a delete. */
  delete?: pulumi.Input<string | number>;
}

/**
 * The one provider object every kind shares, and all of it that is serialized into the state: a `configure`
 * method that, in the provider process, loads the runtime by package name and installs the real methods
 * (the dynamic-provider host always configures a provider before calling it). So the serialized provider is a
 * few hundred bytes, captures nothing and holds no credentials: the settings arrive with the engine's
 * configuration, at run time. The runtime finds each resource's kind in its `__kind` property.
 */
export const provider = {
  async configure(req: { config: unknown }) {
    Object.assign(this, require("pulumi-huaweicloud-vpn/rt").methods(req.config));
  },
} as unknown as pulumi.dynamic.ResourceProvider;

/**
 * Output property names of a kind: every field of its show response object (or of the item of a show that
 * answers with a list, as the VPN server's), in lowerCamelCase.
 */
export function outputNames(kindName: string): string[] {
  const kind = getKind(kindName);
  const resp = getOperation(kind.ops.show).response;
  const listed = Object.values(objectShape(resp) ?? {}).map((f) => unwrapSchema(f)).find((f: any) => f?._zod?.def?.type === "array") as any;
  const shape = wrappedShape(resp, kind.wrapper) ?? (listed ? objectShape(listed._zod.def.element) : undefined);
  const names = new Set<string>(["status", ...(shape ? Object.keys(shape) : collectWireNames(resp).values())].map(snakeToCamel));
  names.delete("id");
  return [...names];
}

/**
 * Registers a resource of `kindName`. Secret fields are wrapped as secrets on the way in and declared as
 * additional secret outputs, so they are encrypted in the state even when given as plain strings.
 */
export function registerKind(
  kindName: string,
  name: string,
  args: object,
  opts: pulumi.CustomResourceOptions | undefined,
): [pulumi.dynamic.ResourceProvider, string, pulumi.Inputs, pulumi.CustomResourceOptions, string, string] {
  const kind = getKind(kindName);
  const secretKeys = kind.secret.filter((s) => !s.includes(".")).map(snakeToCamel);
  const props: pulumi.Inputs = {};
  for (const k of outputNames(kindName)) props[k] = undefined;
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined) continue;
    props[k] = secretKeys.includes(k) ? pulumi.secret(v) : v;
  }
  props.__logicalName = name;
  props.__kind = kindName;
  // The resource's identity for crash-safe creates (provider/identity.ts): the provider is not told the URN.
  props.__urn = pulumi.createUrn(name, tokenOf(kindName), opts?.parent);
  const merged: pulumi.CustomResourceOptions = {
    ...opts,
    additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secretKeys])],
  };
  return [provider, name, props, merged, TYPE_MODULE, kind.className];
}

/** The Pulumi type token of a class: `pulumi-nodejs:dynamic/huaweicloud-vpn:<ClassName>`. */
export const typeToken: (className: string) => string = kindTypeToken;

export function tokenOf(kindName: string): string {
  return typeToken(getKind(kindName).className);
}

/** An instance of a resource class: a Pulumi dynamic resource with the state's properties as outputs. */
export type ResourceInstance<State> = pulumi.dynamic.Resource & OutputsOf<State>;

/** A resource class of one kind: typed arguments, typed output properties, Pulumi's `get` and `isInstance`. */
export interface ResourceClass<Args, State> {
  new (name: string, args: Args, opts?: pulumi.CustomResourceOptions): ResourceInstance<State>;
  /**
   * Reads an existing resource into the stack by its ID, as Pulumi's `Resource.get` does: the provider reads it
   * from the service (nothing is created, changed or deleted). A resource under a parent needs the parent's ID in
   * `state` (a certificate's `vgwId`, a user's `vpnServerId`).
   */
  get(name: string, id: pulumi.Input<pulumi.ID>, state?: StateInputsOf<State>, opts?: pulumi.CustomResourceOptions): ResourceInstance<State>;
  /** Whether `obj` is an instance of this class (also when it comes from another copy of the package). */
  isInstance(obj: object | null | undefined): obj is ResourceInstance<State>;
  /** The type token, `pulumi-nodejs:dynamic/huaweicloud-vpn:<ClassName>`. */
  readonly __pulumiType: string;
}

/** Defines the class of a kind (one definition serves every kind; see ./resources and ./p2c). */
export function defineResource<Args, State>(kindName: string): ResourceClass<Args, State> {
  const kind = getKind(kindName);
  const token = tokenOf(kindName);
  const cls = class extends pulumi.dynamic.Resource {
    static readonly __pulumiType = token;
    static get(name: string, id: pulumi.Input<pulumi.ID>, state?: object, opts?: pulumi.CustomResourceOptions) {
      return new cls(name, (state ?? {}) as Args, { ...opts, id });
    }
    static override isInstance(obj: any): obj is pulumi.CustomResource {
      return !!obj && obj.__pulumiType === token;
    }
    constructor(name: string, args: Args, opts?: pulumi.CustomResourceOptions) {
      super(...registerKind(kindName, name, args as object, opts));
    }
  };
  Object.defineProperty(cls, "name", { value: kind.className });
  return cls as unknown as ResourceClass<Args, State>;
}
