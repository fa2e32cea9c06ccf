/**
 * Cancellation in the provider process. A Ctrl-C reaches us two ways: as SIGINT (a terminal sends it to the
 * whole process group, provider included) and as the engine's `Cancel` RPC, which Pulumi's Node dynamic-provider
 * host acknowledges and otherwise ignores. Both end every wait and retry of this process within a poll tick: the
 * operation fails with `CancelledError` (a created resource is still recorded with its id), so the engine can
 * finish its graceful stop instead of waiting for the deadlines.
 */
import * as path from "node:path";

export class CancelledError extends Error {
  constructor(what: string) {
    super(`${what}: cancelled (Ctrl-C); run \`pulumi up\` again to continue`);
    this.name = "CancelledError";
  }
}

const controller = new AbortController();

/** Aborted once the engine or the user cancels the operation. */
export const cancelSignal: AbortSignal = controller.signal;

export function cancel(): void {
  if (!controller.signal.aborted) controller.abort();
}

export function throwIfCancelled(what: string): void {
  if (controller.signal.aborted) throw new CancelledError(what);
}

/** A sleep that ends early (resolving) when the operation is cancelled. */
export function cancellableSleep(ms: number): Promise<void> {
  if (controller.signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      controller.signal.removeEventListener("abort", done);
      resolve();
    }
    controller.signal.addEventListener("abort", done, { once: true });
  });
}

let installed = false;

/**
 * Installs the two hooks, once per process, when the runtime is configured inside the dynamic-provider host.
 * The RPC hook wraps the gRPC server's handler lookup for `/pulumirpc.ResourceProvider/Cancel` (grpc-js is the
 * copy `@pulumi/pulumi` loads); if grpc-js ever changes that internal, only the SIGINT path remains.
 */
export function installCancelHooks(): void {
  if (installed) return;
  installed = true;
  process.on("SIGINT", cancel);
  try {
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
    const proto = grpc?.Server?.prototype;
    const original = proto?._retrieveHandler;
    if (typeof original !== "function") return;
    proto._retrieveHandler = function (this: unknown, name: string) {
      if (typeof name === "string" && name.endsWith("/Cancel") && name.includes("ResourceProvider")) cancel();
      return original.call(this, name);
    };
  } catch {
    // Not in a Pulumi provider process (tests driving the runtime directly): SIGINT only.
  }
}
