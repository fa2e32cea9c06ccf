import { defineConfig } from "vitest/config";

/**
 * Three layers, each runnable alone (`vitest run --project <name>`):
 * - unit: schemas, rules, SDK, emulator, policies — no Pulumi engine;
 * - provider: the provider runtime driven in-process (check/diff/create/read/update/delete) against the emulator;
 * - engine: end-to-end through the real Pulumi engine (Automation API programs, the CLI in project directories).
 */
const engine = [
  "test/engine/**/*.test.ts",
  "test/provider/**/*.test.ts",
  "test/cli/**/*.test.ts",
  "test/chaos/**/*.test.ts",
  "test/policies/engine.test.ts",
  "test/types/package.test.ts",
  "test/types/get.test.ts",
  "test/types/regions.test.ts",
];
const provider = ["test/runtime/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Engine tests start Pulumi CLI processes; keep concurrency modest on two cores.
    maxWorkers: 2,
    fileParallelism: true,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...engine, ...provider] } },
      { extends: true, test: { name: "provider", include: provider } },
      { extends: true, test: { name: "engine", include: engine } },
    ],
  },
});
