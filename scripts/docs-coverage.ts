/**
 * Hover-doc coverage of the provider's public surface, measured with the TypeScript compiler (what an editor's
 * language service shows): for every exported interface of the provider's public modules (resource and action
 * args and states, nested types, function args and results), the share of properties that carry a doc comment.
 * Prints one row per interface family and the total; exits 1 when any resource's args or state is below 95 %.
 */
import * as path from "node:path";
import * as ts from "typescript";

const MIN = 95;
const root = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");
const files = ["provider/generated/inputs.ts", "provider/generated/outputs.ts", "provider/functions.ts"].map((f) => path.join(root, f));

const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, types: ["node"] });
const checker = program.getTypeChecker();

interface Row {
  documented: number;
  total: number;
  missing: string[];
}
const rows = new Map<string, Row>();

for (const file of files) {
  const sf = program.getSourceFile(file)!;
  ts.forEachChild(sf, (node) => {
    if (!ts.isInterfaceDeclaration(node) || !node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return;
    const name = node.name.text;
    const type = checker.getTypeAtLocation(node);
    for (const prop of checker.getPropertiesOfType(type)) {
      // A resource's nested types count with the resource (`VpnGatewayEip1Args` with `VpnGateway`).
      const family = name.replace(/(Args|State|Info|Result)$/, "");
      const doc = ts.displayPartsToString(prop.getDocumentationComment(checker)).trim();
      const row = rows.get(family) ?? { documented: 0, total: 0, missing: [] };
      row.total++;
      if (doc) row.documented++;
      else row.missing.push(`${name}.${prop.name}`);
      rows.set(family, row);
    }
  });
}

/** Families grouped by the resource/action/function whose name they start with. */
const top = new Map<string, Row>();
const heads = [...rows.keys()].filter((k) => !([...rows.keys()].some((o) => o !== k && k.startsWith(o) && /^[A-Z]/.test(k.slice(o.length)))));
for (const [k, r] of rows) {
  const head = heads.filter((h) => k.startsWith(h)).sort((a, b) => b.length - a.length)[0] ?? k;
  const t = top.get(head) ?? { documented: 0, total: 0, missing: [] };
  t.documented += r.documented;
  t.total += r.total;
  t.missing.push(...r.missing);
  top.set(head, t);
}

const pct = (r: Row) => (r.total ? (100 * r.documented) / r.total : 100);
let documented = 0;
let total = 0;
const low: string[] = [];
for (const [k, r] of [...top].sort(([a], [b]) => a.localeCompare(b))) {
  documented += r.documented;
  total += r.total;
  console.log(`${k.padEnd(40)} ${String(r.documented).padStart(4)}/${String(r.total).padEnd(4)} ${pct(r).toFixed(1)}%`);
  if (pct(r) < MIN) low.push(`${k}: ${pct(r).toFixed(1)}% (missing ${r.missing.join(", ")})`);
}
console.log(`${"total".padEnd(40)} ${String(documented).padStart(4)}/${String(total).padEnd(4)} ${((100 * documented) / total).toFixed(1)}%`);
if (low.length) {
  console.error(`below ${MIN}%:\n${low.join("\n")}`);
  process.exit(1);
}
