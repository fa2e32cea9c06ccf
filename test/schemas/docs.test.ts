/**
 * The field-doc tables (sdk/spec/docs) against the schemas they document: no doc at a path the schemas lack, every
 * citation names a section that the operation table knows, every example constructs its kind's class with real
 * arguments, and the coverage of each kind's create/update/show fields and of each read operation.
 */
import { describe, expect, it } from "vitest";
import { operationDocs, resourceDocs } from "../../sdk/spec/docs";
import type { FieldDocs } from "../../sdk/spec/docs";
import { kindList, kindPaths, operationEntries, operationPaths, isReadOperation } from "../../sdk/spec/docs/paths";
import { resourceKinds } from "../../sdk/spec/kinds";
import { wireNamesOf } from "../../sdk/spec/mapping";
import { operations } from "../../sdk/spec/operations";
import type { OperationSpec, ResourceKindSpec } from "../../sdk/spec/types";
import { snakeToCamel } from "../../sdk/util/case";

const kinds = resourceKinds as Record<string, ResourceKindSpec>;
const ops = operations as Record<string, OperationSpec>;

// ---------------------------------------------------------------------------------------------------------------- citations

/** Citation of a documented section: "EN 4.1.3.1", optionally followed by more ("EN 4.1.3.1; ZH 4.1.3.1"). */
const CITATION = /^(EN|ZH) \d+(\.\d+)*/;
const SECTION = /\b(ZH\/EN|EN\/ZH|EN|ZH) (\d+(?:\.\d+)+)/g;

/** "EN 4.1.3.1" strings named by a doc string of the operation table ("ZH 4.1.3.2 / EN 4.1.3.3", "ZH/EN 4.2.4"). */
function sectionsIn(doc: string): string[] {
  const out: string[] = [];
  for (const m of doc.matchAll(SECTION)) {
    const editions = m[1]!.includes("/") ? ["EN", "ZH"] : [m[1]!];
    for (const e of editions) out.push(`${e} ${m[2]}`);
  }
  return out;
}

const knownSections = new Set(Object.values(ops).flatMap((o) => sectionsIn(o.doc)));

/** Sections of the operations of a kind (where its fields are documented). */
function kindSections(kind: string): Set<string> {
  return new Set(
    Object.values(ops)
      .filter((o) => o.kind === kind)
      .flatMap((o) => sectionsIn(o.doc)),
  );
}

/** The problem with a citation, or undefined. `op` is the operation whose docs hold it, for the SDK-only exception. */
function citationProblem(doc: string, firstIn: ReadonlySet<string>, op?: OperationSpec): string | undefined {
  if (doc.startsWith("official SDK")) {
    if (!op || op.documented !== "undocumented") return "cites the official SDK for an operation the editions document";
    if (!doc.startsWith(`official SDK vpn_meta ${op.name}`)) return `must name the SDK operation ${op.name}`;
    return undefined;
  }
  if (!CITATION.test(doc)) return "does not match (EN|ZH) n.n.n";
  const cited = sectionsIn(doc);
  const unknown = cited.filter((s) => !knownSections.has(s));
  if (unknown.length) return `cites ${unknown.join(", ")}, which no operation of the table has`;
  if (!firstIn.has(cited[0]!)) return `first cites ${cited[0]}, not a section of its kind's or operation's operations`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------- texts

/** Sentences of a text: ". " ends one, except after "e.g." / "i.e.". */
function sentenceCount(text: string): number {
  return text
    .replace(/\b(e\.g|i\.e)\./g, "$1")
    .split(/[.!?](?:\s|$)/)
    .filter((s) => s.trim()).length;
}

function textProblems(fields: FieldDocs): string[] {
  const out: string[] = [];
  for (const [path, f] of Object.entries(fields)) {
    if (!f.text.trim()) out.push(`${path}: empty text`);
    else if (f.text !== f.text.trim() || /\s{2}/.test(f.text)) out.push(`${path}: stray whitespace`);
    else if (!/[.)]$/.test(f.text)) out.push(`${path}: does not end a sentence`);
    else if (sentenceCount(f.text) > 3) out.push(`${path}: ${sentenceCount(f.text)} sentences (at most 3)`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------- coverage

function coverage(paths: readonly string[], fields: FieldDocs): { covered: number; total: number; missing: string[] } {
  const missing = paths.filter((p) => !(p in fields));
  return { covered: paths.length - missing.length, total: paths.length, missing };
}

const pct = (c: { covered: number; total: number }) => (c.total === 0 ? 100 : (100 * c.covered) / c.total);
const fmt = (c: { covered: number; total: number }) => `${c.covered}/${c.total} (${pct(c).toFixed(1)}%)`;

// ---------------------------------------------------------------------------------------------------------------- examples

/**
 * Reads the object literal of the second argument of `new vpn.<Class>(…)` in an example: its keys, with nested
 * object literals (also inside array literals, as `key[]`) and where each key's value is a string literal.
 */
function parseExample(src: string): { className: string; paths: string[]; stringValued: Set<string> } {
  const m = /new vpn\.(\w+)\(/.exec(src);
  if (!m) throw new Error("the example constructs no vpn.<Class>");
  let i = m.index + m[0].length;
  const paths: string[] = [];
  const stringValued = new Set<string>();

  const skipSpace = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i]!)) i++;
      if (src.startsWith("//", i)) while (i < src.length && src[i] !== "\n") i++;
      else return;
    }
  };
  const skipString = () => {
    const q = src[i]!;
    for (i++; i < src.length && src[i] !== q; i++) if (src[i] === "\\") i++;
    i++;
  };
  /** Skips one expression up to a `,` or closing bracket at depth 0. */
  const skipExpr = () => {
    let depth = 0;
    while (i < src.length) {
      const c = src[i]!;
      if (c === '"' || c === "'" || c === "`") skipString();
      else if ("([{".includes(c)) {
        depth++;
        i++;
      } else if (")]}".includes(c)) {
        if (depth === 0) return;
        depth--;
        i++;
      } else if (c === "," && depth === 0) return;
      else i++;
    }
  };
  const value = (path: string): void => {
    skipSpace();
    const c = src[i];
    if (c === "{" && path !== "tags") object(path);
    else if (c === "[") {
      i++;
      for (;;) {
        skipSpace();
        if (src[i] === "]") return void i++;
        if (src[i] === "{") object(`${path}[]`);
        else skipExpr();
        skipSpace();
        if (src[i] === ",") i++;
      }
    } else {
      const start = i;
      skipExpr();
      if (/^\s*(["'`]).*\1\s*$/s.test(src.slice(start, i))) stringValued.add(path);
    }
  };
  const object = (prefix: string): void => {
    i++; // {
    for (;;) {
      skipSpace();
      if (src[i] === "}") return void i++;
      const k = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
      if (!k) throw new Error(`unexpected ${JSON.stringify(src.slice(i, i + 20))} in the example's arguments`);
      i += k[0].length;
      const path = prefix ? `${prefix}.${k[0]}` : k[0];
      paths.push(path);
      skipSpace();
      if (src[i] === ":") {
        i++;
        value(path);
      }
      skipSpace();
      if (src[i] === ",") i++;
    }
  };

  skipSpace();
  skipString(); // the resource name
  skipSpace();
  if (src[i] !== ",") throw new Error("the example passes no arguments object");
  i++;
  skipSpace();
  object("");
  return { className: m[1]!, paths, stringValued };
}

/** A camelCase argument path of a kind → its wire path (`ikepolicy.dhGroup` → `ikepolicy.dh_group`). */
function wirePath(kind: ResourceKindSpec, camelPath: string): string {
  const names = wireNamesOf(kind);
  const parents = new Map((kind.parentParams ?? []).map((p) => [snakeToCamel(p), p]));
  return camelPath
    .split(".")
    .map((seg) => {
      const arr = seg.endsWith("[]");
      const name = arr ? seg.slice(0, -2) : seg;
      const wire = names.get(name) ?? parents.get(name) ?? `?${name}`;
      return arr ? `${wire}[]` : wire;
    })
    .join(".");
}

// ---------------------------------------------------------------------------------------------------------------- tests

describe("resource docs", () => {
  it("document exactly the resource kinds", () => {
    expect(Object.keys(resourceDocs).sort()).toEqual(Object.keys(kinds).sort());
  });

  for (const kind of kindList) {
    describe(kind.kind, () => {
      const docs = resourceDocs[kind.kind];
      const paths = kindPaths(kind);
      const all = new Set([...paths.parents, ...paths.create, ...paths.update, ...paths.show]);

      it("documents only paths of its create, update or show schemas (or its parent parameters)", () => {
        const stale = Object.keys(docs?.fields ?? {}).filter((p) => !all.has(p));
        expect(stale, `${kind.kind}: documented paths the schemas lack`).toEqual([]);
      });

      it("cites a section of its operations for every field", () => {
        const firstIn = kindSections(kind.kind);
        const bad = Object.entries(docs?.fields ?? {})
          .map(([p, f]) => [p, citationProblem(f.doc, firstIn)] as const)
          .filter(([, problem]) => problem)
          .map(([p, problem]) => `${p}: "${docs!.fields[p]!.doc}" ${problem}`);
        expect(bad).toEqual([]);
      });

      it("has one to three plain sentences per field, a summary and an example", () => {
        expect(textProblems(docs?.fields ?? {})).toEqual([]);
        expect(docs?.summary.trim().length ?? 0).toBeGreaterThan(20);
        expect(sentenceCount(docs?.summary ?? "")).toBeLessThanOrEqual(3);
        expect(docs?.example ?? "").toContain('import * as vpn from "pulumi-huaweicloud-vpn";');
      });

      it("has an example that constructs its class with its own create arguments, secrets not in plain text", () => {
        const ex = parseExample(docs?.example ?? "");
        expect(ex.className).toBe(kind.className);
        const create = new Set([...paths.create, ...paths.parents]);
        const unknown = ex.paths.map((p) => [p, wirePath(kind, p)] as const).filter(([, w]) => !create.has(w));
        expect(
          unknown.map(([p, w]) => `${p} → ${w}`),
          "example arguments that are no create field",
        ).toEqual([]);
        const plainSecrets = ex.paths.filter((p) => kind.secret.includes(wirePath(kind, p)) && ex.stringValued.has(p));
        expect(plainSecrets, "secret arguments given as string literals").toEqual([]);
        for (const p of [...paths.parents]) expect(ex.paths.map((x) => wirePath(kind, x))).toContain(p);
      });
    });
  }
});

describe("operation docs", () => {
  it("document only operations of the table", () => {
    expect(Object.keys(operationDocs).filter((k) => !(k in ops))).toEqual([]);
  });

  for (const [name, docs] of Object.entries(operationDocs)) {
    const op = ops[name];
    if (!op) continue;
    describe(name, () => {
      const p = operationPaths(op);
      const all = new Set([...p.params, ...p.query, ...p.body, ...p.response]);

      it("documents only its path and query parameters, body and response fields", () => {
        expect(Object.keys(docs.fields).filter((k) => !all.has(k))).toEqual([]);
      });

      it("cites a section of its own (or its kind's) operations, or the official SDK when undocumented", () => {
        const firstIn = op.kind ? kindSections(op.kind) : new Set(sectionsIn(op.doc));
        const bad = Object.entries(docs.fields)
          .map(([path, f]) => [path, f.doc, citationProblem(f.doc, firstIn, op)] as const)
          .filter(([, , problem]) => problem)
          .map(([path, doc, problem]) => `${path}: "${doc}" ${problem}`);
        expect(bad).toEqual([]);
        expect(textProblems(docs.fields)).toEqual([]);
        expect(docs.summary.trim().length).toBeGreaterThan(10);
      });
    });
  }
});

describe("coverage", () => {
  it("documents at least 95% of every kind's create, update and show fields", () => {
    const rows: string[] = [];
    const low: string[] = [];
    for (const kind of kindList) {
      const paths = kindPaths(kind);
      const fields = resourceDocs[kind.kind]?.fields ?? {};
      const parts = {
        create: coverage(paths.create, fields),
        update: coverage(paths.update, fields),
        show: coverage(paths.show, fields),
      };
      rows.push(
        `${kind.kind.padEnd(20)} create ${fmt(parts.create).padEnd(16)} update ${fmt(parts.update).padEnd(16)} show ${fmt(parts.show)}`,
      );
      for (const [dir, c] of Object.entries(parts))
        if (pct(c) < 95) low.push(`${kind.kind} ${dir}: ${fmt(c)}, missing ${c.missing.join(", ")}`);
    }
    console.log(`field-doc coverage of the resource kinds\n${rows.join("\n")}`);
    expect(low).toEqual([]);
  });

  it("documents at least 95% of the parameters and response fields of every documented read operation", () => {
    const rows: string[] = [];
    const low: string[] = [];
    const undocumented: string[] = [];
    for (const [name, op] of operationEntries) {
      if (!isReadOperation(op)) continue;
      const p = operationPaths(op);
      const docs = operationDocs[name];
      if (!docs) {
        undocumented.push(name);
        continue;
      }
      const c = coverage([...p.params, ...p.query, ...p.response], docs.fields);
      rows.push(`${name.padEnd(32)} ${fmt(c)}`);
      if (pct(c) < 95) low.push(`${name}: ${fmt(c)}, missing ${c.missing.join(", ")}`);
    }
    const others = operationEntries.filter(([n, o]) => !isReadOperation(o) && operationDocs[n]);
    const otherCov = others.map(([n, o]) => {
      const p = operationPaths(o);
      return coverage([...p.params, ...p.query, ...p.body, ...p.response], operationDocs[n]!.fields);
    });
    const sum = otherCov.reduce((a, c) => ({ covered: a.covered + c.covered, total: a.total + c.total }), {
      covered: 0,
      total: 0,
    });
    console.log(
      `field-doc coverage of the read operations\n${rows.join("\n")}` +
        (undocumented.length ? `\nread operations without docs: ${undocumented.join(", ")}` : "") +
        `\nother operations with docs: ${others.length}, fields ${fmt(sum)}`,
    );
    expect(low).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });
});
