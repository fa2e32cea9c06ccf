/**
 * `npm run demo`: the documented HA VPN example (examples/ha-vpn) on the real Pulumi engine against the
 * embedded emulator. Starts the emulator, previews with the policy pack (the review gate), runs `pulumi up`, prints
 * the outputs (secrets masked), shows that a second preview has no changes, destroys everything and stops the
 * emulator: nothing is left running.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { haVpn } from "../examples/ha-vpn/program";
import { createStack, repoRoot } from "./lib/engine";

/** A PSK that meets the documented rules (8–128 characters, at least three character kinds). */
function demoPsk(): string {
  return `Demo-${randomBytes(12).toString("base64url")}9a`;
}

async function main(): Promise<void> {
  const delayScale = Number(process.env.HWVPN_DEMO_DELAY_SCALE ?? "0.002");
  const emulator = await startEmulator({ delayScale });
  console.log(`demo: emulator at ${emulator.url} (project ${emulator.projectId}, delay scale ${delayScale})`);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-demo-"));
  let code = 0;
  try {
    const stack = await createStack({
      program: async () => haVpn(),
      projectName: "huaweicloud-vpn-demo",
      stackName: "demo",
      stateDir,
      config: {
        "huaweicloud-vpn:endpoint": emulator.url,
        "huaweicloud-vpn:region": emulator.region,
        "huaweicloud-vpn:projectId": emulator.projectId,
        "huaweicloud-vpn:accessKey": { value: emulator.accessKey, secret: true },
        "huaweicloud-vpn:secretKey": { value: emulator.secretKey, secret: true },
        psk: { value: demoPsk(), secret: true },
      },
    });
    try {
      // The review gate: preview with the policy pack (mandatory violations would stop the demo here).
      const policyPack = path.join(repoRoot, "policies");
      const review = await stack.preview({ policyPacks: [policyPack] });
      const mandatory = review.policyViolations.filter((v) => v.enforcementLevel === "mandatory");
      console.log(
        `demo: preview with the policy pack: ${mandatory.length} mandatory and ${review.policyViolations.length - mandatory.length} advisory findings`,
      );
      for (const v of review.policyViolations) console.log(`  [${v.enforcementLevel}] ${v.policyName}: ${v.message.trim().split("\n").pop()}`);
      if (!review.ok) throw new Error(`preview failed: ${review.error ?? ""}`);
      const started = Date.now();
      const up = await stack.up({ echo: true, policyPacks: [policyPack] });
      const upSeconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!up.ok) {
        console.error(`demo: pulumi up failed: ${up.error ?? ""}`);
        code = 1;
      } else {
        const calls = (await emulator.admin.requests({ projectId: emulator.projectId })).length;
        const created = (up.summary?.create ?? 1) - 1; // without the stack itself
        console.log(`\ndemo: pulumi up finished in ${upSeconds}s; ${calls} API calls for ${created} resources (${(calls / created).toFixed(1)} per resource). Outputs:`);
        for (const [k, v] of Object.entries(up.outputs ?? {})) {
          console.log(`  ${k}: ${v.secret ? "[secret]" : JSON.stringify(v.value)}`);
        }
        const again = await stack.preview();
        const changes = Object.entries(again.summary ?? {}).filter(([op, n]) => op !== "same" && n > 0);
        console.log(`demo: a second preview shows ${changes.length === 0 ? "no changes" : JSON.stringify(again.summary)}`);
        if (changes.length > 0) code = 1;
      }
      const down = await stack.destroy();
      console.log(`demo: destroy ${down.ok ? "removed every resource" : `failed: ${down.error ?? ""}`}`);
      if (!down.ok) code = 1;
    } finally {
      await stack.cleanup();
    }
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
    await emulator.close();
  }
  process.exit(code);
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
