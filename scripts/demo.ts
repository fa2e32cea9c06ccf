/**
 * `npm run demo`: the documented HA VPN example (examples/ha-vpn) the way a user runs it — the plain Pulumi CLI in
 * the project directory — against the embedded emulator. Starts the emulator, creates a stack in a temporary
 * backend, sets the provider's settings with `pulumi config set [--secret]`, reviews with
 * `pulumi preview --policy-pack`, runs `pulumi up`, shows that `pulumi preview --expect-no-changes` holds, destroys
 * everything, removes the stack and stops the emulator: nothing is left running or behind.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { CONFIG_NAMESPACE, secretSettingKeys, stackConfig } from "../provider/settings";
import { cliFor, type CliResult } from "./lib/cli";
import { repoRoot } from "./lib/engine";

/** A PSK that meets the documented rules (8–128 characters, at least three character kinds). */
function demoPsk(): string {
  return `Demo-${randomBytes(12).toString("base64url")}9a`;
}

const STACK = "demo";

async function main(): Promise<void> {
  const delayScale = Number(process.env.HWVPN_DEMO_DELAY_SCALE ?? "0.002");
  const emulator = await startEmulator({ delayScale });
  console.log(`demo: emulator at ${emulator.url} (project ${emulator.projectId}, delay scale ${delayScale})`);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-demo-"));
  const project = path.join(repoRoot, "examples", "ha-vpn");
  // `npm run demo` has just type-checked these sources strictly (`tsc -b` in scripts/setup.sh); ts-node need not
  // do it again (a cold type-check of the provider sources costs 20–30 s, see README "Examples").
  const cli = cliFor(stateDir, { cwd: project, echo: true }, { PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
  console.log(`demo: project ${path.relative(repoRoot, project)}, stack "${STACK}" in a temporary file backend\n`);
  const pulumi = (args: string[], shown = args, input?: string): Promise<CliResult> => {
    console.log(`\n$ pulumi ${shown.join(" ")}`);
    return cli.run(args, input === undefined ? {} : { input });
  };
  const must = async (args: string[], shown = args, input?: string): Promise<CliResult> => {
    const r = await pulumi(args, shown, input);
    if (r.code !== 0) throw new Error(`pulumi ${shown.join(" ")} failed (exit code ${r.code})`);
    return r;
  };
  let code = 0;
  let created = false;
  try {
    await must(["stack", "init", STACK]);
    created = true;
    // Secret values go on stdin, never on the command line.
    const secret = new Set(secretSettingKeys.map((k) => `${CONFIG_NAMESPACE}:${k}`));
    for (const [key, value] of [...Object.entries(stackConfig(emulator.settings)), ["psk", demoPsk()] as const]) {
      if (secret.has(key) || key === "psk")
        await must(["config", "set", "--secret", key], ["config", "set", "--secret", key, "   # value on stdin"], value);
      else await must(["config", "set", key, value]);
    }

    // The review gate: mandatory policy violations fail this preview and stop the demo here.
    await must(["preview", "--policy-pack", "../../policies"]);
    const started = Date.now();
    await must(["up", "--yes", "--skip-preview", "--policy-pack", "../../policies"]);
    const upSeconds = ((Date.now() - started) / 1000).toFixed(1);
    const calls = (await emulator.admin.requests({ projectId: emulator.projectId })).length;
    const state = await emulator.admin.state(emulator.projectId);
    const resources = state.projects.reduce((n, p) => n + Object.values(p.resources).flat().length, 0);
    console.log(
      `\ndemo: pulumi up took ${upSeconds}s; the emulator holds ${resources} resources after ${calls} API calls`,
    );
    await must(["stack", "output"]);
    const again = await pulumi(["preview", "--expect-no-changes"]);
    console.log(`demo: a second preview ${again.code === 0 ? "shows no changes" : "shows changes"}`);
    if (again.code !== 0) code = 1;
  } catch (e) {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
    code = 1;
  } finally {
    if (created) {
      const down = await pulumi(["destroy", "--yes", "--skip-preview"]);
      if (down.code !== 0) code = 1;
      await pulumi(["stack", "rm", "--yes", STACK]);
      const left = (await emulator.admin.state(emulator.projectId)).projects.flatMap((p) =>
        Object.values(p.resources).flat(),
      );
      console.log(`demo: destroy ${left.length === 0 ? "removed every resource" : `left ${left.length} resources`}`);
      if (left.length > 0) code = 1;
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
    await emulator.close();
  }
  process.exit(code);
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
