// Lets `node -r ./test/emulator/ts-hook.cjs emulator/cli.ts` run the CLI from source in tests: .ts files are
// transpiled (types stripped) with the project's TypeScript on require.
const ts = require("typescript");
const fs = require("node:fs");
require.extensions[".ts"] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(out.outputText, filename);
};
