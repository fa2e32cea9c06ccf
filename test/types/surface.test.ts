/**
 * The type assertions of ./fixtures/surface.ts, for every resource class, action and function, compiled with the
 * repository's compiler options: the positive ones hold (Inputs in nested fields, exact output types, typed
 * function results), and each negative one (`@ts-expect-error`: a typo, a wrong enum, a number for a string, a
 * missing required input) is an error, or the compiler reports the directive as unused.
 */
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function diagnostics(file: string, overrides: ts.CompilerOptions = {}): string[] {
  const cfg = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram([file], { ...cfg.options, ...overrides, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? `${path.relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : ""}TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
}

describe("the typed surface of every class, action and function", () => {
  const file = path.join(__dirname, "fixtures/surface.ts");

  it("holds under strict settings", () => {
    expect(diagnostics(file)).toEqual([]);
  }, 60_000);

  it("holds with strict: false (args do not collapse to Input<never>)", () => {
    // Without strictNullChecks `T | undefined` is `T`, so the exact output assertions (TS2344) do not apply; the
    // arguments and the negative cases do. Only the fixture counts: the repository's sources are built strict.
    const out = diagnostics(file, { strict: false }).filter((d) => d.startsWith("test/types/fixtures/") && !d.includes("TS2344"));
    expect(out).toEqual([]);
  }, 60_000);
});
