/**
 * `npm run demo`: runs the demo program on the real Pulumi engine, offline, and prints the update summary and
 * the stack outputs (secrets masked). Leaves nothing running and no state behind.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { smokeProgram } from "../examples/smoke";
import { createStack } from "./lib/engine";

async function main(): Promise<void> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-demo-"));
  const stack = await createStack({ program: smokeProgram("hello from the demo"), projectName: "hwvpn-demo", stackName: "demo", stateDir });
  let code = 0;
  try {
    const up = await stack.up({ echo: true });
    if (!up.ok) {
      console.error(`demo: pulumi up failed: ${up.error ?? ""}`);
      code = 1;
    } else {
      console.log("\nOutputs:");
      for (const [k, v] of Object.entries(up.outputs ?? {})) console.log(`  ${k}: ${v.secret ? "[secret]" : JSON.stringify(v.value)}`);
    }
    const down = await stack.destroy();
    if (!down.ok) code = 1;
  } finally {
    await stack.cleanup();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
