/**
 * The smoke program: one trivial dynamic resource whose provider implementation is required by package name
 * inside its methods, the pattern every resource of this package follows.
 */
import * as pulumi from "@pulumi/pulumi";

/** Loads the implementation by package name at call time, in the provider process. */
function impl(): typeof import("./impl") {
  return require("pulumi-huaweicloud-vpn/examples/smoke/impl");
}

const noteProvider: pulumi.dynamic.ResourceProvider = {
  check: async (_olds, news) => impl().check(news),
  diff: async (_id, olds, news) => impl().diff(olds, news),
  create: async (inputs) => impl().create(inputs),
  read: async (id, props) => ({ id, props }),
  update: async (_id, _olds, news) => ({ outs: impl().outputsOf(news) }),
  delete: async () => {},
};

export class Note extends pulumi.dynamic.Resource {
  declare public readonly text: pulumi.Output<string>;
  declare public readonly length: pulumi.Output<number>;
  declare public readonly digest: pulumi.Output<string>;
  constructor(name: string, args: { text: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(noteProvider, name, { text: args.text, length: undefined, digest: undefined }, opts, "huaweicloud-vpn-smoke", "Note");
  }
}

/** The smoke program: `text` picks the note's text (changing it is an in-place update). */
export function smokeProgram(text: string): () => Promise<Record<string, unknown>> {
  return async () => {
    const note = new Note("hello", { text });
    return { id: note.id, length: note.length, digest: note.digest };
  };
}
