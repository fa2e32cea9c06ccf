/**
 * Implementation of the smoke-test dynamic resource `Note`. It is loaded by package name from inside the
 * provider's methods (see ./index.ts), so the serialized provider in the state stays small.
 */
import { createHash } from "node:crypto";

export interface NoteInputs {
  text: string;
}

export function check(news: NoteInputs): { inputs: NoteInputs; failures: { property: string; reason: string }[] } {
  const failures =
    typeof news.text === "string" && news.text.length > 0
      ? []
      : [{ property: "text", reason: `text: ${JSON.stringify(news.text)} — must be a non-empty string` }];
  return { inputs: news, failures };
}

export function outputsOf(inputs: NoteInputs): Record<string, unknown> {
  return { text: inputs.text, length: inputs.text.length, digest: createHash("sha256").update(inputs.text).digest("hex") };
}

export function create(inputs: NoteInputs): { id: string; outs: Record<string, unknown> } {
  return { id: createHash("sha256").update(`${Date.now()}:${Math.random()}`).digest("hex").slice(0, 16), outs: outputsOf(inputs) };
}

export function diff(olds: Record<string, unknown>, news: NoteInputs): { changes: boolean } {
  return { changes: olds.text !== news.text };
}
