/**
 * Input and output types of the resources, derived from the request and response schemas (never written by
 * hand): wire names become lowerCamelCase, `tags` becomes a `{ key: value }` map.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { Timeouts } from "./resource";

type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

export type Camelize<T> = T extends readonly (infer U)[]
  ? Camelize<U>[]
  : T extends object
    ? { [K in keyof T as K extends string ? CamelCase<K> : K]: Camelize<T[K]> }
    : T;

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** The wrapped object of a request body schema `{ <wrapper>: {...} }`. */
type Wrapped<S extends z.ZodType, W extends string> = z.input<S> extends { [P in W]: infer O } ? NonNullable<O> : never;
type WrappedOut<S extends z.ZodType, W extends string> = z.output<S> extends { [P in W]?: infer O } ? NonNullable<O> : never;

/** Resource arguments: the create request's fields in lowerCamelCase, tags as a map, provider options. */
export type ArgsOf<S extends z.ZodType, W extends string> = Inputs<Camelize<Omit<Wrapped<S, W>, "tags">>> & {
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Deadlines for create / update / delete (Pulumi's customTimeouts do not reach dynamic providers). */
  timeouts?: pulumi.Input<Timeouts>;
  /**
   * Adopt the existing resource with this id instead of creating one (Pulumi's `import` option does not work
   * for dynamic resources). Updatable fields are brought to these inputs; other differences are refused.
   */
  importId?: pulumi.Input<string>;
};

/** The state of a resource: the show response's fields in lowerCamelCase. */
export type StateOf<S extends z.ZodType, W extends string> = Camelize<Omit<WrappedOut<S, W>, "tags">> & {
  tags?: Record<string, string>;
};

/** Output properties of a resource class (merged into the class by an interface declaration). */
export type OutputsOf<T> = { readonly [K in Exclude<keyof T, "id" | "urn">]-?: pulumi.Output<T[K]> };
