// Entry point of the policy pack (package.json "main", PulumiPolicy.yaml "main"). The pack is written in
// TypeScript and compiled with the repository (`tsc -b tsconfig.build.json`, run by scripts/setup.sh), so this
// file only loads the compiled module, with a clear message when the build has not run.
"use strict";
const path = require("path");
const compiled = path.join(__dirname, "..", "dist", "policies", "index.js");
try {
  require.resolve(compiled);
} catch {
  throw new Error(`The policy pack is not built: ${compiled} is missing. Run 'npm run setup' (or 'npm run build') in ${path.dirname(__dirname)}.`);
}
require(compiled);
