/**
 * End-to-end harness: real Pulumi engine (our CLI build), inline Automation API programs, offline backend.
 * See scripts/lib/engine.ts; this module adds helpers that only tests need.
 */
import * as automation from "@pulumi/pulumi/automation";
import { createStack, type EngineStack, type StackOptions } from "../../scripts/lib/engine";

export type { EngineStack, ProgramRun, RunOptions } from "../../scripts/lib/engine";
export { engineEnv, repoRoot } from "../../scripts/lib/engine";

/** A stack for one test; call `cleanup()` (or use `withStack`). */
export function createTestStack(opts: StackOptions): Promise<EngineStack> {
  return createStack(opts);
}

export async function withStack<T>(opts: StackOptions, fn: (s: EngineStack) => Promise<T>): Promise<T> {
  const s = await createStack(opts);
  try {
    return await fn(s);
  } finally {
    await s.cleanup();
  }
}

/** Resources of the exported state other than the stack and provider resources. */
export function customResources(d: automation.Deployment): any[] {
  const resources: any[] = (d.deployment as any).resources ?? [];
  return resources.filter((r) => r.custom && !String(r.type).startsWith("pulumi:providers:"));
}
