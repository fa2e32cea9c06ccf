/**
 * The typed surface of the resource classes. Arguments and output properties are the generated interfaces of
 * ./generated (from the schemas, kinds and field docs; see scripts/gen-types.ts): plain TypeScript, so the public
 * declarations need no zod and behave the same under every compiler setting.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Output properties of a resource class: each property of the state as `pulumi.Output` (`id` and `urn` are the resource's). */
export type OutputsOf<T> = { readonly [K in Exclude<keyof T, "id" | "urn">]-?: pulumi.Output<T[K]> };

/** The state a `get` may be given (its parents, such as a certificate's `vgwId`, are needed to read it). */
export type StateInputsOf<T> = { [K in keyof T]?: pulumi.Input<T[K]> };
