/**
 * The values the provider's internals pass around, named instead of `any`: what the Pulumi engine hands a dynamic
 * provider (inputs, outputs) and what the API sends and receives (wire objects) are JSON.
 */

/** A JSON value, or `undefined` for an absent property. */
export type PropertyValue = string | number | boolean | null | undefined | PropertyValue[] | { [key: string]: PropertyValue };

/** A property bag: a resource's inputs or outputs, or a wire object of the API. */
export type Props = { [key: string]: PropertyValue };

/** `v?.[key]`, typed: the property of a value that should be an object (undefined when it is absent). */
export function at(v: PropertyValue, key: string): PropertyValue {
  return (v as Props | null | undefined)?.[key];
}
