/**
 * The engine helper (scripts/lib/engine.ts) leaves nothing behind (issue 14 item 5): the Automation API
 * workspace, the backend, PULUMI_HOME and the CLI's temporary files all live in the stack's state directory, and
 * `cleanup()` removes what the helper made.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestStack } from "./harness";

const inside = (dir: string, parent: string) => path.relative(parent, dir).split(path.sep)[0] !== "..";

describe("the engine helper's temporary directories", () => {
  it("are inside the state directory and gone after cleanup", async () => {
    const s = await createTestStack({ program: async () => ({ greeting: "hello" }) });
    const workDir = s.stack.workspace.workDir;
    try {
      expect(inside(workDir, s.stateDir), `${workDir} in ${s.stateDir}`).toBe(true);
      expect(inside(s.stack.workspace.envVars.TMPDIR!, s.stateDir)).toBe(true);
      const up = await s.up();
      expect(up.error, up.stdout).toBeUndefined();
      expect(up.outputs?.greeting?.value).toBe("hello");
      expect(fs.existsSync(path.join(workDir, "Pulumi.yaml"))).toBe(true);
    } finally {
      await s.cleanup();
    }
    expect(fs.existsSync(s.stateDir)).toBe(false);
    expect(fs.existsSync(workDir)).toBe(false);
  }, 120_000);

  it("with a caller's state directory: only the helper's own workspace goes, the backend stays", async () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-caller-"));
    try {
      const s = await createTestStack({ program: async () => ({}), stateDir });
      const workDir = s.stack.workspace.workDir;
      expect(inside(workDir, stateDir)).toBe(true);
      await s.cleanup();
      expect(fs.existsSync(workDir)).toBe(false);
      expect(fs.readdirSync(stateDir).sort()).toEqual(["backend", "home"]);
    } finally {
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  }, 120_000);
});
