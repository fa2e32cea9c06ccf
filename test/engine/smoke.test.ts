/**
 * Smoke test of the engine harness: the real Pulumi CLI, the dynamic provider host (through our shim) and a
 * local policy pack (through our analyzer shim), all offline.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { smokeProgram } from "../../examples/smoke";
import { createTestStack, customResources, engineEnv } from "./harness";

describe("engine smoke", () => {
  it("uses the CLI version the project pins", () => {
    expect(engineEnv().pulumiVersion).toBe("v3.259.0");
  });

  it("previews, creates, refreshes, updates and destroys a dynamic resource", async () => {
    let text = "hello";
    const s = await createTestStack({ program: () => smokeProgram(text)() });
    try {
      const preview = await s.preview();
      expect(preview.error).toBeUndefined();
      expect(preview.summary?.create).toBe(2); // the stack and the note

      const up = await s.up();
      expect(up.ok).toBe(true);
      expect(up.outputs?.length.value).toBe(5);
      const state = await s.exportState();
      const [note] = customResources(state);
      expect(note.type).toBe("pulumi-nodejs:dynamic/huaweicloud-vpn-smoke:Note");
      // The provider is loaded by package name inside its methods, so its serialized form stays small.
      expect(typeof note.inputs.__provider).toBe("string");
      expect(note.inputs.__provider.length).toBeLessThan(2048);
      expect(note.inputs.__provider).toContain('require("pulumi-huaweicloud-vpn/examples/smoke/impl")');

      const refresh = await s.refresh();
      expect(refresh.ok).toBe(true);
      expect(refresh.summary?.update ?? 0).toBe(0);
      const noChange = await s.preview();
      expect(noChange.summary?.same).toBe(2);
      expect(noChange.summary?.update ?? 0).toBe(0);

      text = "hello, world";
      const update = await s.up();
      expect(update.ok).toBe(true);
      expect(update.summary?.update).toBe(1);
      expect(update.outputs?.length.value).toBe(12);

      const destroy = await s.destroy();
      expect(destroy.ok).toBe(true);
      expect(destroy.summary?.delete).toBe(2);
      expect(customResources(await s.exportState())).toHaveLength(0);
    } finally {
      await s.cleanup();
    }
  }, 240_000);

  it("fails check with the field, value and rule at preview", async () => {
    const s = await createTestStack({ program: () => smokeProgram("")() });
    try {
      const preview = await s.preview();
      expect(preview.ok).toBe(false);
      expect(preview.stdout + preview.stderr).toContain('text: "" — must be a non-empty string');
    } finally {
      await s.cleanup();
    }
  }, 120_000);

  it("a mandatory policy in a local pack blocks up with its message", async () => {
    const pack = path.resolve(__dirname, "fixtures", "smoke-policy");
    const s = await createTestStack({ program: () => smokeProgram("forbidden")() });
    try {
      const up = await s.up({ policyPacks: [pack] });
      expect(up.ok).toBe(false);
      const v = up.policyViolations.find((p) => p.policyName === "note-text-allowed");
      expect(v?.enforcementLevel).toBe("mandatory");
      expect(v?.message).toContain('Note text "forbidden" is not allowed.');
      expect(customResources(await s.exportState())).toHaveLength(0);
    } finally {
      await s.cleanup();
    }
  }, 120_000);
});
