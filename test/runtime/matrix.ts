/**
 * The update matrix, generated from the kind specs: for every updatable field and nested field of a kind (and
 * every field changed through its own operation, and tags), a valid value changed to another valid value alone
 * must be planned as an update (not a replacement), sent in a request the emulator's strict update schema
 * accepts, stored, read back equal, and then show no change; every replace-only field must be planned as a
 * replacement naming it. Values come from the schemas (./values), so a new field is covered without a new test.
 */
import { describe, expect, it } from "vitest";
import { getKind } from "../../sdk/spec/kinds";
import { objectShape, wrappedShape } from "../../sdk/spec/mapping";
import { getOperation } from "../../sdk/spec/operations";
import type { ResourceKindSpec } from "../../sdk/spec/types";
import { snakeToCamel } from "../../sdk/util/case";
import { actualWire, changedFields, desiredWire, normalise, subsetEqual } from "../../provider/plan";
import type { PropertyValue } from "../../provider/props";
import type { RunningEmulator } from "../../emulator";
import { programInputs, SimResource, type Props, type Runtime } from "./sim";
import { alternatives, leafPaths, schemaAt } from "./values";

export type Path = (string | number)[];

export interface Base {
  label: string;
  /** Program args (lowerCamelCase), given the matrix's shared fixtures. */
  args: Props;
}

export interface MatrixCase {
  kind: string;
  /** Wire path of the field changed (`ikepolicy.dh_group`), or `tags`. */
  path: Path;
  /** How it changes: the update operation, its own operation, or the tag API. */
  via: "update" | "own" | "tags";
}

/** Every update case a kind's spec declares. */
export function updateCases(kindName: string, bases: readonly Base[]): MatrixCase[] {
  const kind = getKind(kindName);
  const shape = kind.ops.update ? wrappedShape(getOperation(kind.ops.update).body, kind.wrapper) ?? {} : {};
  const cases: MatrixCase[] = [];
  for (const field of kind.updatable) {
    const schema = shape[field];
    const sample = bases.map((b) => desiredWire(kind, programInputs(kindName, "x", b.args))[field]).find((v) => v !== undefined);
    for (const p of leafPaths(schema, sample, [field])) cases.push({ kind: kindName, path: p, via: "update" });
  }
  for (const field of Object.keys(kind.updateVia ?? {})) cases.push({ kind: kindName, path: [field], via: "own" });
  if (kind.tagResourceType) cases.push({ kind: kindName, path: ["tags"], via: "tags" });
  return cases;
}

/** Every top-level create field that can only change by replacement. */
export function replaceFields(kindName: string): string[] {
  const kind = getKind(kindName);
  const shape = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper) ?? {};
  return Object.keys(shape).filter((k) => k !== "tags" && !kind.updatable.includes(k) && !kind.updateVia?.[k]);
}

function getIn(v: any, path: readonly (string | number)[]): unknown {
  for (const p of path) v = v?.[p];
  return v;
}

function setIn(obj: Props, path: readonly (string | number)[], value: unknown): Props {
  const out = structuredClone(obj);
  let cur: any = out;
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i]!;
    if (cur[p] === undefined || cur[p] === null) cur[p] = typeof path[i + 1] === "number" ? [] : {};
    cur = cur[p];
  }
  cur[path[path.length - 1]!] = value;
  return out;
}

/** Wire path → program path (lowerCamelCase keys). */
export function camelPath(path: readonly (string | number)[]): (string | number)[] {
  return path.map((p) => (typeof p === "string" ? snakeToCamel(p) : p));
}

/** The fields changed together with `field` (the kind's `updateTogether` group), else just `field`. */
function groupOf(kind: ResourceKindSpec, field: string): string[] {
  return [...(kind.updateTogether ?? []).find((g) => g.includes(field)) ?? [field]];
}

export interface Candidate {
  base: Base;
  args: Props;
  value: unknown;
}

/**
 * Program args with the case's field changed to another valid value: alternatives from the schema, kept when
 * the provider's preview check accepts them (`extra` adds reference values the schema cannot invent: ids).
 */
export async function findChange(
  rt: Runtime,
  c: MatrixCase,
  bases: readonly Base[],
  extra: (path: Path, current: unknown) => unknown[] = () => [],
): Promise<Candidate | undefined> {
  const kind = getKind(c.kind);
  const top = String(c.path[0]);
  for (const base of bases) {
    const inputs = programInputs(c.kind, `probe-${base.label}`, base.args);
    const desired = desiredWire(kind, inputs);
    let candidates: { args: Props; value: unknown }[];
    if (c.via === "tags") {
      const tags = (base.args.tags ?? {}) as Record<string, string>;
      candidates = [{ tags: { ...tags, owner: "net-team" } }, { tags: Object.fromEntries(Object.entries(tags).slice(1)) }].map((t) => ({
        args: { ...base.args, ...t },
        value: t.tags,
      }));
    } else {
      const group = groupOf(kind, top);
      const schemaOf = (p: Path) => schemaAt(c.via === "own" ? viaFieldSchema(kind, String(p[0])) : updateOrCreateSchema(kind, String(p[0])), p.slice(1));
      const current = getIn(desired, c.path);
      const alts = [...extra(c.path, current), ...alternatives(schemaOf(c.path), current, c.path)];
      candidates = alts.map((value) => {
        let args = setIn(base.args, camelPath(c.path), value);
        // A field of a group moves with its partners (the same alternative index of each member).
        if (group.length > 1) {
          const i = alts.indexOf(value);
          for (const g of group) {
            if (g === top) continue;
            const alt = alternatives(schemaOf([g]), getIn(desired, [g]), [g])[i];
            if (alt !== undefined) args = setIn(args, [snakeToCamel(g)], alt);
          }
        }
        return { args, value };
      });
    }
    for (const cand of candidates) {
      const r = await rt.check({}, programInputs(c.kind, `probe-${base.label}`, cand.args));
      if ((r.failures ?? []).length === 0) return { base, ...cand };
    }
  }
  return undefined;
}

/** The schema of a field changed through its own operation (`flavor` in update-specification's body). */
function viaFieldSchema(kind: ResourceKindSpec, field: string) {
  const body = getOperation(kind.updateVia![field]!).body;
  const shape = wrappedShape(body, kind.wrapper) ?? objectShape(body) ?? {};
  return shape[field] ?? Object.values(shape)[0];
}

function updateOrCreateSchema(kind: ResourceKindSpec, field: string) {
  const u = kind.ops.update ? wrappedShape(getOperation(kind.ops.update).body, kind.wrapper) : undefined;
  const cr = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper);
  return u?.[field] ?? cr?.[field];
}

export interface RunContext {
  rt: Runtime;
  emu: RunningEmulator;
  /** The operations a change of this case may call. */
  expectOps: string[];
}

/** Runs one update case on `res` (already created or adopted at `cand.base`): plan, update, read back, settle. */
export async function runUpdate(ctx: RunContext, res: SimResource, c: MatrixCase, cand: Candidate): Promise<void> {
  const kind = getKind(c.kind);
  const label = `${c.kind} ${c.path.join(".")}`;
  const plan = await res.plan(cand.args);
  expect(plan.failures, label).toEqual([]);
  expect(plan.replaces, `${label} must update in place`).toEqual([]);
  expect(plan.changes, `${label} must be a change`).toBe(true);

  const since = (await ctx.emu.admin.requests({ projectId: ctx.emu.projectId })).reduce((m, r) => Math.max(m, r.seq), 0);
  await res.update(cand.args);
  const calls = (await ctx.emu.admin.requests({ projectId: ctx.emu.projectId })).filter((r) => r.seq > since && r.method !== "GET");
  expect(calls.length, `${label}: a change request`).toBeGreaterThan(0);
  for (const call of calls) {
    expect(ctx.expectOps, `${label}: ${call.operation} is one of the expected operations`).toContain(call.operation);
    expect(call.status, `${label}: ${call.operation} answered ${call.status} ${call.errorCode ?? ""}`).toBeLessThan(300);
  }

  // Stored: a fresh read has the desired value (normalised as the diff normalises), and nothing shows a change.
  const props = (await res.refresh())!;
  expect(props, `${label}: the resource still exists`).toBeTypeOf("object");
  const want = normalise(kind, desiredWire(kind, res.inputs!));
  const have = normalise(kind, actualWire(kind, props));
  const top = String(c.path[0]);
  if (c.via === "tags") expect(props.tags, label).toEqual(cand.value);
  else if (!kind.writeOnly.some((w) => w === top || w.startsWith(`${top}.`)))
    expect(subsetEqual(getIn(want, [top]) as PropertyValue, getIn(have, [top]) as PropertyValue), `${label}: read back ${JSON.stringify(getIn(have, [top]))}`).toBe(true);
  const after = changedFields(kind, props, res.inputs!);
  expect({ ...after, unset: [] }, `${label}: no change after refresh`).toEqual({ inPlace: [], replace: [], via: [], tags: false, unset: [] });
  expect(await res.drifts(), `${label}: a preview after the update shows no change`).toBe(false);
}

// ---------------------------------------------------------------------------------------------------------------
// The suite

export interface MatrixFixtures {
  env: { readonly rt: Runtime; readonly emu: RunningEmulator };
  kinds: readonly string[];
  /** Bases per kind, built when the tests run (after the file's fixtures exist). */
  bases: Record<string, () => Base[]>;
  /** Values the schemas cannot invent for an update case (ids of other resources, certificate contents). */
  references?: (path: Path) => unknown[];
  /** Alternative values for a replace-only field (any well-formed id: a plan makes no API call). */
  replacements?: (field: string) => unknown[];
  /** `<kind> <path>` → why no test value can exist (kept short; each entry must name a real field). */
  noReference?: Record<string, string>;
}

/** The operations a case may call (besides reads). */
function opsFor(c: MatrixCase): string[] {
  const kind = getKind(c.kind);
  if (c.via === "tags") return ["batchCreateResourceTags", "batchDeleteResourceTags"];
  if (c.via === "own") return [kind.updateVia![String(c.path[0])]!];
  return [kind.ops.update!, ...(kind.kind === "vpnUser" ? ["removeVpnUsersFromGroup"] : [])];
}

/** True (and asserted) when the field is an enum the docs give exactly one value (`transform_protocol: esp`). */
function singleValued(c: MatrixCase, op: "update" | "create" = "update"): boolean {
  const kind = getKind(c.kind);
  const opName = op === "update" ? kind.ops.update : kind.ops.create;
  const shape = opName ? wrappedShape(getOperation(opName).body, kind.wrapper) : undefined;
  const s = schemaAt(shape?.[String(c.path[0])], c.path.slice(1)) as any;
  let d = s?._zod?.def;
  while (d && (d.innerType || (d.type === "pipe" && d.in))) d = (d.innerType ?? d.in)._zod.def;
  if (d?.type !== "enum") return false;
  const values = Object.values(d.entries);
  if (values.length !== 1) return false;
  expect(alternatives(s, values[0], c.path)).toEqual([]);
  return true;
}

/** Registers the matrix's tests for `kinds`. */
export function matrixSuite(fx: MatrixFixtures): void {
  const refs = fx.references ?? (() => []);
  describe.each(fx.kinds)("%s: every updatable field changes in place and settles", (kindName) => {
    const kind = getKind(kindName);
    const cases = updateCases(kindName, []);
    if (cases.length === 0) {
      it("declares no updatable field (every change replaces)", () => {
        expect(kind.updatable).toEqual([]);
        expect(kind.ops.update).toBeUndefined();
      });
    }
    for (const key of Object.keys(fx.noReference ?? {}).filter((k) => k.startsWith(`${kindName} `))) {
      it(`${key.slice(kindName.length + 1)} has no test value: ${fx.noReference![key]}`, () => {
        expect(cases.map((c) => c.path.join("."))).toContain(key.slice(kindName.length + 1));
      });
    }
    const runnable = cases.filter((c) => !fx.noReference?.[`${kindName} ${c.path.join(".")}`]);
    it.each(runnable.map((c) => [c.path.join("."), c] as const))("%s, from a created and from an adopted resource", async (_label, c) => {
      if (singleValued(c)) return; // a documented single-value enum: there is nothing else to change it to
      const cand = await findChange(fx.env.rt, c, fx.bases[kindName]!(), refs);
      expect(cand, `${kindName} ${c.path.join(".")}: no valid alternative value found`).toBeDefined();
      const ctx = { rt: fx.env.rt, emu: fx.env.emu, expectOps: opsFor(c) };
      const tag = c.path.join("-").replace(/_/g, "-");

      const created = await new SimResource(fx.env.rt, kindName, `mx-${tag}`).create(cand!.base.args);
      await runUpdate(ctx, created, c, cand!);
      await created.destroy();

      // From an adopted resource: made outside this program (here: by another resource), then taken over.
      const original = await new SimResource(fx.env.rt, kindName, `mx-orig-${tag}`).create(cand!.base.args);
      const nameKey = kind.nameField ? snakeToCamel(kind.nameField) : undefined;
      const named = (args: Props, keep: boolean) => (nameKey && keep ? { ...args, [nameKey]: original.outs![nameKey] } : args);
      const adopted = await new SimResource(fx.env.rt, kindName, `mx-adopt-${tag}`).create({ ...named(cand!.base.args, true), importId: original.id });
      expect(adopted.id).toBe(original.id);
      expect(await adopted.drifts(), `${kindName}: an adopted resource matching the program shows no change`).toBe(false);
      const keep = !kind.nameField || c.path[0] !== kind.nameField;
      await runUpdate(ctx, adopted, c, { ...cand!, args: { ...named(cand!.args, keep), importId: original.id } });
      await adopted.destroy();
    });
  });

  describe.each(fx.kinds)("%s: every replace-only field is planned as a replacement", (kindName) => {
    if (replaceFields(kindName).length === 0) {
      it("has none: every create field updates in place", () => {
        const kind = getKind(kindName);
        const shape = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper) ?? {};
        for (const k of Object.keys(shape)) if (k !== "tags") expect([...kind.updatable, ...Object.keys(kind.updateVia ?? {})]).toContain(k);
      });
    }
    it.each(replaceFields(kindName))("%s", async (field) => {
      const kind = getKind(kindName);
      if (singleValued({ kind: kindName, path: [field], via: "update" }, "create")) return;
      const base = fx.bases[kindName]!()[0]!;
      const res = await new SimResource(fx.env.rt, kindName, `rp-${field.replace(/_/g, "-")}`).create(base.args);
      try {
        const shape = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper)!;
        const current = desiredWire(kind, res.inputs!)[field] ?? actualWire(kind, res.outs!)[field];
        const values = [...(fx.replacements?.(field) ?? []), ...alternatives(shape[field], current, [field])];
        let planned: { replaces: string[] } | undefined;
        for (const v of values) {
          const p = await res.plan({ ...base.args, [snakeToCamel(field)]: v });
          if (p.failures.length === 0 && p.changes) {
            planned = p;
            break;
          }
        }
        if (planned) expect(planned.replaces).toContain(snakeToCamel(field));
        else {
          // No valid value changes it alone (another field must change with it): the diff decision itself.
          const v = values[0];
          expect(v, `${kindName}.${field}: no alternative value at all`).toBeDefined();
          const news = programInputs(kindName, `rp-${field}`, { ...base.args, [snakeToCamel(field)]: v });
          expect(changedFields(kind, res.outs!, { ...res.inputs!, ...news }).replace).toContain(field);
        }
      } finally {
        await res.destroy();
      }
    });
  });
}
