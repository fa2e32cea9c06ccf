/**
 * One program, two paths: the plain CLI in a project directory (our language host runs test/cli/fixtures/
 * same-program/index.ts) and the Automation API inline program the other engine tests use (the same
 * `sameProgram()`), each from an empty stack of the same name against the same emulator, give the same state
 * (up to what the service assigns: ids, times, tunnel addresses).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cliFor } from "../../scripts/lib/cli";
import { createTestStack } from "../engine/harness";
import { emulatorConfig, remaining, useEmulator } from "../provider/helpers";
import { sameProgram } from "./fixtures/same-program/program";

const PROJECT_DIR = path.join(__dirname, "fixtures", "same-program");
const PROJECT = "hwvpn-same-program";
const STACK = "same";

const env = useEmulator();

/** The custom resources of an exported deployment, with what differs between any two runs masked. */
function comparable(deployment: unknown): unknown[] {
  const resources = (deployment as { deployment: { resources?: any[] } }).deployment.resources ?? [];
  const ids = new Map<string, string>();
  const mask = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v) && !v.includes("-demo-")) {
        if (!ids.has(v)) ids.set(v, `<id ${ids.size + 1}>`);
        return ids.get(v);
      }
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v)) return "<time>";
      // Tunnel addresses the service picks from 169.254.0.0/16 when the request names none.
      if (/^169\.254\./.test(v)) return "<link-local>";
      return v;
    }
    if (Array.isArray(v)) return v.map(mask);
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      // Secrets are encrypted with a fresh nonce each time: keep that it is a secret, not the ciphertext.
      if (o["4dabf18193072939515e22adfaf3e4b0"] === "1b47061264138c4ac30d75fd1eb44270") return "<secret>";
      return Object.fromEntries(
        Object.entries(o)
          .filter(([k]) => k !== "__provider") // the serialized provider text depends on how the code was compiled
          .map(([k, x]) => [k, mask(x)]),
      );
    }
    return v;
  };
  // Resources created in parallel are recorded in the order they finish: compare them by URN.
  return resources
    .filter((r) => r.custom && !String(r.type).startsWith("pulumi:providers:"))
    .sort((a, b) => String(a.urn).localeCompare(String(b.urn)))
    .map((r) => ({
      urn: r.urn,
      type: r.type,
      id: mask(r.id),
      inputs: mask(r.inputs),
      outputs: mask(r.outputs),
      dependencies: [...(r.dependencies ?? [])].sort(),
      additionalSecretOutputs: r.additionalSecretOutputs,
    }));
}

describe("the CLI path and the inline path", () => {
  it("give the same state for the same program", async () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-same-"));
    const cli = cliFor(stateDir, { cwd: PROJECT_DIR });
    let viaCli: unknown[];
    try {
      await cli.ok(["stack", "init", STACK]);
      for (const [key, v] of Object.entries(emulatorConfig(env.emu))) {
        if (typeof v === "string") await cli.ok(["config", "set", key, v]);
        else await cli.ok(["config", "set", "--secret", key], { input: v.value });
      }
      const up = await cli.run(["up", "--yes", "--skip-preview"]);
      expect(up.code, up.output).toBe(0);
      const exported = await cli.ok(["stack", "export", "--show-secrets"]);
      viaCli = comparable(JSON.parse(exported.stdout));
      const destroy = await cli.run(["destroy", "--yes", "--skip-preview"]);
      expect(destroy.code, destroy.output).toBe(0);
      await cli.ok(["stack", "rm", "--yes", STACK]);
    } finally {
      fs.rmSync(stateDir, { recursive: true, force: true });
      fs.rmSync(path.join(PROJECT_DIR, `Pulumi.${STACK}.yaml`), { force: true }); // when a step above failed
    }
    expect(await remaining(env.emu)).toEqual({});

    const s = await createTestStack({
      program: async () => sameProgram(),
      projectName: PROJECT,
      stackName: STACK,
      config: emulatorConfig(env.emu),
    });
    try {
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      const inline = comparable(await s.exportState());
      expect(viaCli.length).toBe(3);
      expect(inline).toEqual(viaCli);
    } finally {
      await s.destroy();
      await s.cleanup();
    }
    expect(await remaining(env.emu)).toEqual({});
  }, 240_000);
});
