/**
 * Generates the TypeScript surface a Pulumi program writes against (provider/generated/), from the one source of
 * truth: the zod request/response schemas of the operation table, the resource kinds (update in place or replace,
 * secrets, parents, statuses) and the field docs of sdk/spec/docs. The output is plain TypeScript (no zod types):
 * - inputs.ts: `<Class>Args` and their nested `…Args`, `pulumi.Input` at every level (property, array element,
 *   nested object), each property with its doc, allowed values, range, default and update/replace behaviour;
 * - outputs.ts: `<Class>Info` (the API object as the service returns it), `<Class>State` (a resource's output
 *   properties: the API object plus the inputs the provider keeps), function results; enums as literal unions.
 *
 * `npm run gen:types` writes the files; `--check` exits 1 when they differ from what is committed (the test
 * test/types/generated.test.ts does the same comparison).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { z } from "zod";
import { operationDocs, resourceDocs } from "../sdk/spec/docs";
import type { FieldDoc, FieldDocs } from "../sdk/spec/docs";
import { adoptedKinds, classNotes, providerInputDocs, updateOnlyInputs, type ProviderInputType } from "../sdk/spec/docs/provider";
import { pathParams, showShape } from "../sdk/spec/docs/paths";
import { actionSpecs, type ActionSpec } from "../sdk/spec/actions";
import { resourceKinds } from "../sdk/spec/kinds";
import { s2cKinds } from "../sdk/spec/s2c-kinds";
import { objectShape, wrappedShape } from "../sdk/spec/mapping";
import { getOperation, operations } from "../sdk/spec/operations";
import * as sharedSchemas from "../sdk/schemas/shared";
import * as s2cSchemas from "../sdk/schemas/s2c";
import * as p2cSchemas from "../sdk/schemas/p2c";
import * as commonSchemas from "../sdk/schemas/common";
import type { OperationSpec } from "../sdk/spec/types";
import type { ResourceKindSpec } from "../sdk/spec/types";
import { snakeToCamel } from "../sdk/util/case";
import { ruleFieldPaths, ruleOnKind, s2cRules, type Rule } from "../sdk/rules";
import { p2cRules } from "../sdk/rules/p2c";
import { MARKER_TAG_KEY } from "../provider/identity";

type AnySchema = z.ZodType;
type Def = Record<string, any>;
type Dir = "in" | "out";

const defOf = (s: AnySchema | undefined): Def | undefined => (s as any)?._zod?.def;
const pascal = (s: string) => snakeToCamel(s).replace(/^./, (c) => c.toUpperCase());
const singular = (s: string) => (s.endsWith("ies") ? `${s.slice(0, -3)}y` : s.endsWith("ses") ? s.slice(0, -2) : s.endsWith("s") ? s.slice(0, -1) : s);
const literal = (v: unknown) => JSON.stringify(v);

/** Inputs of every action that are not its operation's. */
const ACTION_OPTIONS = {
  triggers: "Perform the action again when any of these values changes (a timestamp, a version).",
  timeouts: "How long to wait for the outcome of the action (`create`; 20 minutes by default).",
  region: "Region of the resource the action acts on, overriding the stack's `huaweicloud-vpn:region`; a change performs it again.",
  projectId: "Project of the resource the action acts on, overriding the stack's `huaweicloud-vpn:projectId`.",
};

/** The functions of provider/functions.ts: which operation each reads, for their result types. */
export const FUNCTION_RESULTS: Readonly<Record<string, { op: string; name: string }>> = {
  getAvailabilityZones: { op: "listAvailabilityZones", name: "GetAvailabilityZonesResult" },
  getGatewayRoutingTable: { op: "showVpnGatewayRoutingTable", name: "GetGatewayRoutingTableResult" },
  getConnectionLogs: { op: "showVpnConnectionLog", name: "GetConnectionLogsResult" },
  getQuotas: { op: "showQuotasInfo", name: "GetQuotasResult" },
};

// ---------------------------------------------------------------------------------------------------------------- schema facts

interface Unwrapped {
  schema: AnySchema;
  optional: boolean;
  /** `.nullable()` somewhere in the wrappers: the value may be `null`. */
  nullable: boolean;
  defaultValue?: unknown;
}

/** Strips optional/nullable/default wrappers; the pipe side that the direction sees. */
function unwrap(s: AnySchema, dir: Dir): Unwrapped {
  let cur: AnySchema = s;
  let optional = false;
  let nullable = false;
  let defaultValue: unknown;
  for (let i = 0; i < 30; i++) {
    const def = defOf(cur);
    if (!def) break;
    if (def.type === "nullable") nullable = optional = true;
    else if (def.type === "optional") optional = true;
    else if (def.type === "default" || def.type === "prefault") {
      if (dir === "in") optional = true;
      const v = def.defaultValue;
      defaultValue = typeof v === "function" ? v() : v;
    } else if (def.type === "pipe") {
      const out = defOf(def.out);
      cur = dir === "out" && out && out.type !== "transform" ? def.out : def.in;
      continue;
    } else if (!["readonly", "catch", "nonoptional"].includes(def.type)) break;
    cur = def.innerType;
  }
  return { schema: cur, optional, nullable, ...(defaultValue !== undefined ? { defaultValue } : {}) };
}

/** Allowed values, lengths, ranges and item counts of a (request) schema, in words. */
/**
 * The documented rules (sdk/rules) on an input field of a kind, by wire path (`[]` ignored): the rules of the
 * kind's registry (S2C or P2C) that the provider's check, the emulator and the policy pack enforce.
 */
function rulesOf(kind: string, path: string): readonly Rule[] {
  const norm = (f: string) => f.replace(/\[\]/g, "");
  const registry: readonly Rule[] = kind in s2cKinds ? s2cRules : p2cRules;
  return registry.filter((r) => ruleOnKind(r, kind) && ruleFieldPaths(r.field).some((f) => norm(f) === norm(path)));
}

function constraints(s: AnySchema): string[] {
  const def = defOf(s);
  if (!def) return [];
  const out: string[] = [];
  if (def.type === "enum") out.push(`Allowed values: ${Object.values(def.entries as Record<string, string>).map((v) => `\`${v}\``).join(", ")}.`);
  if (def.type === "literal") out.push(`Allowed values: ${(def.values as unknown[]).map((v) => `\`${String(v)}\``).join(", ")}.`);
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  for (const c of (def.checks ?? []) as { _zod: { def: Def } }[]) {
    const cd = c._zod.def;
    if (cd.check === "min_length") min = cd.minimum;
    else if (cd.check === "max_length") max = cd.maximum;
    else if (cd.check === "length_equals") min = max = cd.length;
    else if (cd.check === "greater_than") min = cd.inclusive ? cd.value : cd.value + 1;
    else if (cd.check === "less_than") max = cd.inclusive ? cd.value : cd.value - 1;
    else if (cd.check === "number_format" && /int/.test(String(cd.format))) integer = true;
  }
  const unit = def.type === "string" ? " characters" : def.type === "array" ? " items" : "";
  const what = def.type === "number" ? (integer ? "An integer" : "A number") : def.type === "array" ? "" : "";
  if (min !== undefined && max !== undefined && (def.type !== "array" || min > 0)) {
    if (def.type === "number") out.push(`${what} from ${min} to ${max}.`);
    else out.push(min === max ? `Exactly ${min}${unit}.` : `${min}–${max}${unit}.`);
  } else if (max !== undefined) out.push(def.type === "number" ? `${what} up to ${max}.` : `At most ${max}${unit}.`);
  else if (min !== undefined && (def.type === "number" || min > 0)) out.push(def.type === "number" ? `${what} of at least ${min}.` : `At least ${min}${unit}.`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------- emitter

interface Prop {
  name: string;
  type: string;
  optional: boolean;
  doc: string[];
}

class Emitter {
  readonly interfaces = new Map<string, string>();

  /** Declares an interface; a taken name with another body gets a number. */
  declare(name: string, doc: string[], props: Prop[], exact = false): string {
    const body = props
      .map((p) => `${jsdoc(p.doc, "  ")}  ${p.name}${p.optional ? "?" : ""}: ${p.type};\n`)
      .join("");
    let n = name;
    if (exact && this.interfaces.has(n)) throw new Error(`${name}: declared twice`);
    for (let i = 2; this.interfaces.has(n) && this.interfaces.get(n)!.split("\n{\n")[1] !== `${body}}\n`; i++) n = `${name}${i}`;
    this.interfaces.set(n, `${jsdoc(doc, "")}export interface ${n}\n{\n${body}}\n`);
    return n;
  }

  text(header: string): string {
    return header + [...this.interfaces.values()].map((i) => i.replace("\n{\n", " {\n")).join("\n");
  }
}

/** Wire names (last path segments of every doc table), so that texts can name fields as a program spells them. */
const WIRE_NAMES = new Set(
  [...Object.values(resourceDocs).map((r) => r.fields), ...Object.values(operationDocs).map((o) => o.fields)].flatMap((f) =>
    Object.keys(f).map((p) => p.split(/[.[\]*]+/).pop()!),
  ),
);

/** A doc text as a program reads it: `vpc_id` → `vpcId` for wire names, lines wrapped at 110 columns. */
function programText(text: string, width: number): string[] {
  const t = text.replace(/`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`/g, (m, w: string) => (WIRE_NAMES.has(w) ? `\`${snakeToCamel(w)}\`` : m));
  const out: string[] = [];
  for (const para of t.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

function jsdoc(lines: string[], indent: string): string {
  const ls = lines.flatMap((l) => programText(l, 110 - indent.length)).map((l) => l.replace(/\*\//g, "*\\/"));
  while (ls.length && !ls[ls.length - 1]!.trim()) ls.pop();
  if (ls.length === 0) return "";
  return `${indent}/**\n${ls.map((l) => `${indent} *${l ? ` ${l}` : ""}`).join("\n")}\n${indent} */\n`;
}

/** What a walk knows: docs by wire path, the kind (update/replace, secrets), output enum values by path. */
interface Walk {
  readonly dir: Dir;
  readonly docs: FieldDocs;
  readonly kind?: ResourceKindSpec;
  /** Output values by path (status sets, request enums of the same path). */
  readonly values: Map<string, readonly string[]>;
  /** Request enums found while walking inputs, by path (fed to `values` for outputs). */
  readonly seenEnums?: Map<string, readonly string[]>;
  /** Doc lines for properties not in `docs` (provider inputs, parents). */
  readonly prefix: string;
  /** Where to add behaviour lines (resource args only). */
  readonly behaviour: boolean;
}

class Generator {
  readonly inputs = new Emitter();
  readonly outputs = new Emitter();
  /**
   * Wire mode (the SDK's types, sdk/generated/wire.ts): snake_case names as sent and received, no `pulumi.Input`,
   * `null` where a schema is nullable, and the exported schemas of sdk/schemas by their own names.
   */
  readonly wire: boolean;
  readonly wireTypes = new Emitter();
  /** Exported object schemas by identity → their type name (wire mode). */
  readonly named = new Map<unknown, string>();
  /** Named types declared (or being declared), by `name` or `nameInput`. */
  readonly declaredNamed = new Set<string>();

  constructor(wire = false) {
    this.wire = wire;
  }

  /** The name of an exported object schema's type in a direction, declaring it on first use. */
  namedType(schema: AnySchema, dir: Dir, docs: FieldDocs = {}, p = ""): string | undefined {
    const base = this.named.get(schema);
    if (!base) return undefined;
    const name = dir === "in" ? `${base}Input` : base;
    if (!this.declaredNamed.has(name)) {
      this.declaredNamed.add(name);
      this.object(objectShape(schema) ?? {}, p, base, { dir, docs, values: new Map(), prefix: `${base}.`, behaviour: false }, true);
    }
    return name;
  }
  /** Paths documented / total, per interface family, for the coverage script. */
  readonly missingDocs: string[] = [];

  /** The TypeScript type of a schema (without the outer `pulumi.Input` of inputs). */
  type(s: AnySchema, p: string, name: string, w: Walk): string {
    const { schema } = unwrap(s, w.dir);
    const def = defOf(schema);
    if (!def) throw new Error(`${p}: not a zod schema`);
    const named = this.wire ? this.namedType(schema, w.dir, w.docs, p) : undefined;
    if (named) return named;
    const input = w.dir === "in" && !this.wire;
    switch (def.type) {
      case "string": {
        const vals = w.dir === "out" ? w.values.get(p) : undefined;
        return vals ? vals.map(literal).join(" | ") : "string";
      }
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "enum": {
        const vals = Object.values(def.entries as Record<string, string>);
        w.seenEnums?.set(p, vals);
        const outVals = w.dir === "out" ? (w.values.get(p) ?? vals) : vals;
        return outVals.map(literal).join(" | ");
      }
      case "literal":
        return (def.values as unknown[]).map(literal).join(" | ");
      case "array": {
        const el = this.type(def.element, `${p}[]`, singular(name), w);
        const elType = el.includes("|") ? `(${el})` : el;
        return input ? `pulumi.Input<${el}>[]` : `${elType}[]`;
      }
      case "record": {
        const v = this.type(def.valueType, `${p}.*`, singular(name), w);
        return input ? `{ [key: string]: pulumi.Input<${v}> }` : `{ [key: string]: ${v} }`;
      }
      case "lazy":
        return this.type(def.getter(), p, name, w);
      case "union": {
        const shape = objectShape(schema);
        if (shape) return this.object(shape, p, name, w);
        return [...new Set((def.options as AnySchema[]).map((o) => this.type(o, p, name, w)))].join(" | ");
      }
      case "object":
      case "intersection":
        return this.object(objectShape(schema) ?? {}, p, name, w);
      case "unknown":
      case "any":
        // A response field the docs give no shape for: any JSON value.
        // (The SDK's wire types say `unknown`, as its schemas do.)
        if (this.wire) return "unknown";
        if (w.dir === "out") return "JsonValue";
        throw new Error(`${p}: a request field needs a schema with a shape`);
      default:
        throw new Error(`${p}: unsupported schema type ${def.type}`);
    }
  }

  object(shape: Record<string, AnySchema>, p: string, name: string, w: Walk, exact = false): string {
    const props = Object.entries(shape).map(([k, v]) => this.prop(k, v, p ? `${p}.${k}` : k, name, w));
    const emitter = this.wire ? this.wireTypes : w.dir === "in" ? this.inputs : this.outputs;
    const doc = w.docs[p]?.text;
    const suffix = this.wire ? (w.dir === "in" ? "Input" : "") : w.dir === "in" ? "Args" : "";
    return emitter.declare(`${name}${suffix}`, doc ? [doc] : [], props, exact);
  }

  /** A property of an object type: camelCase name, its type, optionality and doc. */
  prop(key: string, s: AnySchema, p: string, parent: string, w: Walk): Prop {
    const u = unwrap(s, w.dir);
    const inner = this.type(s, p, `${parent}${pascal(key)}`, w);
    if (this.wire) {
      const type = u.nullable ? `${inner.includes("=>") ? `(${inner})` : inner} | null` : inner;
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key);
      return { name, type, optional: u.optional, doc: this.doc(p, u, w) };
    }
    const type = w.dir === "in" ? `pulumi.Input<${inner}>` : inner;
    return { name: snakeToCamel(key), type, optional: u.optional, doc: this.doc(p, u, w) };
  }

  doc(p: string, u: Unwrapped, w: Walk): string[] {
    const fd: FieldDoc | undefined = w.docs[p];
    if (!fd && !this.wire) this.missingDocs.push(`${w.prefix}${p}`);
    const facts: string[] = [];
    if (w.dir === "in") {
      facts.push(...constraints(u.schema));
      if (u.defaultValue !== undefined) facts.push(`Default: \`${typeof u.defaultValue === "string" ? u.defaultValue : literal(u.defaultValue)}\`.`);
    } else {
      const vals = w.values.get(p);
      if (vals && defOf(u.schema)?.type === "string") facts.push(`Values: ${vals.map((v) => `\`${v}\``).join(", ")}.`);
    }
    const k = w.kind;
    if (k && w.behaviour) {
      const top = p.split(/[.[]/)[0]!;
      if (k.secret.includes(p)) facts.push("Secret: stored encrypted in the state and never logged.");
      if (w.dir === "in") {
        if (k.replaceNested?.includes(p)) facts.push("Changing it replaces the resource.");
        else if (k.updateVia?.[top]) facts.push(`Changing it updates the resource in place (through \`${k.updateVia[top]}\`).`);
        else if (k.updatable.includes(top)) facts.push("Changing it updates the resource in place.");
        else if (top !== "tags") facts.push("Changing it replaces the resource.");
      }
    }
    const lines: string[] = [];
    if (fd) lines.push(fd.text);
    if (facts.length) lines.push("", facts.join(" "));
    if (k && w.dir === "in" && w.behaviour) {
      const rules = rulesOf(k.kind, p);
      const sentence = (t: string) => (/[.?!]$/.test(t) ? t : `${t}.`);
      if (rules.length) lines.push("", ...rules.map((r) => `${r.severity === "advisory" ? "Advised" : "Rule"} ${r.id}: ${sentence(r.description)}`));
    }
    if (fd) lines.push("", `Source: ${fd.doc}.`);
    return lines;
  }

  // ------------------------------------------------------------------------------------------------------------ kinds

  kind(kind: ResourceKindSpec): void {
    const cls = kind.className;
    const docs = resourceDocs[kind.kind]?.fields ?? {};
    const createShape = wrappedShape(getOperation(kind.ops.create).body, kind.wrapper) ?? {};
    const updateShape = kind.ops.update ? (wrappedShape(getOperation(kind.ops.update).body, kind.wrapper) ?? {}) : {};
    const seenEnums = new Map<string, readonly string[]>();
    const inWalk: Walk = { dir: "in", docs, kind, values: new Map(), seenEnums, prefix: `${cls}Args.`, behaviour: true };

    // Args: parents, the create body's fields (tags as a map), update-only inputs, provider inputs.
    const args: Prop[] = [];
    for (const parent of kind.parentParams ?? []) {
      if (!docs[parent]) this.missingDocs.push(`${cls}Args.${parent}`);
      args.push({
        name: snakeToCamel(parent),
        type: "pulumi.Input<string>",
        optional: false,
        doc: [docs[parent]?.text ?? "", "", "Changing it replaces the resource.", ...(docs[parent] ? ["", `Source: ${docs[parent].doc}.`] : [])],
      });
    }
    const fields = { ...createShape };
    for (const k of updateOnlyInputs[kind.kind] ?? []) if (updateShape[k]) fields[k] = updateShape[k];
    for (const [k, v] of Object.entries(fields)) {
      if (k === "tags") {
        args.push({ name: "tags", type: "pulumi.Input<{ [key: string]: pulumi.Input<string> }>", optional: true, doc: this.tagsDoc(docs, inWalk) });
        continue;
      }
      const prop = this.prop(k, v, k, cls, inWalk);
      if (!createShape[k]) prop.optional = true;
      args.push(prop);
    }
    for (const [name, pi] of Object.entries(providerInputDocs)) {
      if (pi.kinds && !pi.kinds.includes(kind.kind)) continue;
      args.push({ name, type: `pulumi.Input<${this.providerType(pi.type, "in")}>`, optional: !pi.required, doc: [pi.text] });
    }
    const summary = resourceDocs[kind.kind]?.summary;
    this.inputs.declare(`${cls}Args`, [`The arguments of a {@link ${cls}}.${summary ? "" : ""}`], args);

    // Output values: the kind's statuses, the request enums of the same paths (not for case-normalised fields),
    // the docs' response value sets.
    const values = new Map<string, readonly string[]>();
    for (const [p, v] of seenEnums) if (!kind.caseInsensitive?.includes(p)) values.set(p, v);
    if (kind.status) {
      const st = kind.status;
      values.set(st.field, [...new Set([...st.pending, ...st.ready, ...st.failed, ...st.transitions.create, ...(st.transitions.update ?? []), ...(st.transitions.delete ?? [])])]);
    }
    for (const [p, fd] of Object.entries(docs)) if (fd.values) values.set(p, fd.values);

    // Info: the API object. State: Info plus the inputs the provider keeps (write-only fields, request-only
    // fields, parents, provider inputs), as resource outputs.
    const show = showShape(kind) ?? {};
    const outWalk: Walk = { dir: "out", docs, kind, values, prefix: `${cls}.`, behaviour: false };
    const info: Prop[] = [];
    for (const [k, v] of Object.entries(show)) {
      if (k === "tags") {
        info.push({ name: "tags", type: "{ [key: string]: string }", optional: true, doc: this.tagsDoc(docs, outWalk) });
        continue;
      }
      info.push(this.prop(k, v, k, cls, outWalk));
    }
    this.outputs.declare(`${cls}Info`, [`A ${cls} as the service returns it (lowerCamelCase, tags as a map).`], info);

    const state: Prop[] = info.filter((p) => p.name !== "id").map((p) => ({ ...p, optional: true }));
    const have = new Set(state.map((p) => p.name));
    const createOut: Walk = { ...outWalk, prefix: `${cls}State.` };
    for (const parent of kind.parentParams ?? []) {
      const name = snakeToCamel(parent);
      if (have.has(name)) continue;
      have.add(name);
      state.push({ name, type: "string", optional: true, doc: [docs[parent]?.text ?? ""] });
    }
    for (const [k, v] of Object.entries(fields)) {
      const name = snakeToCamel(k);
      if (have.has(name)) continue;
      have.add(name);
      state.push({ ...this.prop(k, v, k, `${cls}Input`, createOut), optional: true });
    }
    for (const [name, pi] of Object.entries(providerInputDocs)) {
      if ((pi.kinds && !pi.kinds.includes(kind.kind)) || have.has(name)) continue;
      state.push({ name, type: this.providerType(pi.type, "out"), optional: true, doc: [pi.text] });
    }
    this.outputs.declare(`${cls}State`, [`The output properties of a {@link ${cls}}: the API object and the inputs the provider keeps.`], state);
  }

  tagsDoc(docs: FieldDocs, w: Walk): string[] {
    const fd = docs["tags"];
    if (!fd) this.missingDocs.push(`${w.prefix}tags`);
    const lines = [fd?.text ?? "", "", "A map of tag keys to values (the API's `[{ key, value }]` list)."];
    if (w.dir === "in") lines.push("Changing it updates the tags in place.");
    const k = w.kind;
    if (w.dir === "in" && k?.tagResourceType && k.nameField && k.ops.list && k.maxTags) {
      lines.push(
        "",
        `With a \`name\` of your own, the provider adds the tag \`${MARKER_TAG_KEY}\` (how it finds the resource again ` +
          `after an interrupted create; not shown in the outputs), which leaves ${k.maxTags - 1} of the ${k.maxTags} for yours.`,
      );
    }
    if (fd) lines.push("", `Source: ${fd.doc}.`);
    return lines;
  }

  providerType(t: ProviderInputType, dir: Dir): string {
    switch (t) {
      case "boolean":
        return "boolean";
      case "string":
        return "string";
      case "string[]":
        return dir === "in" ? "pulumi.Input<string>[]" : "string[]";
      case "timeouts":
        return dir === "in" ? "Timeouts" : "TimeoutsState";
    }
  }

  // ------------------------------------------------------------------------------------------------------------ actions

  /** An action's args (its operation's path parameters and body fields, `triggers`, `timeouts`) and outputs. */
  action(spec: ActionSpec): void {
    const cls = spec.className;
    const op = getOperation(spec.operation);
    const docs = operationDocs[spec.operation]?.fields ?? {};
    const inWalk: Walk = { dir: "in", docs, values: new Map(), prefix: `${cls}Args.`, behaviour: false };
    const outWalk: Walk = { dir: "out", docs, values: new Map(), prefix: `${cls}State.`, behaviour: false };
    const params = pathParams(op);
    const body = objectShape(op.body) ?? {};
    const paramProp = (pName: string, dir: Dir): Prop => {
      if (!docs[pName]) this.missingDocs.push(`${cls}Args.${pName}`);
      const type = dir === "in" ? "pulumi.Input<string>" : "string";
      const doc = docs[pName] ? [docs[pName].text, "", "Changing it performs the action again.", "", `Source: ${docs[pName].doc}.`] : [];
      return { name: snakeToCamel(pName), type, optional: false, doc };
    };
    const rerun = (p: Prop): Prop => {
      const i = p.doc.findIndex((l) => l.startsWith("Source:"));
      if (i > 0) p.doc.splice(i - 1, 0, "", "Changing it performs the action again.");
      return p;
    };
    const args: Prop[] = [
      ...params.map((p) => paramProp(p, "in")),
      ...Object.entries(body).map(([k, v]) => rerun(this.prop(k, v, k, cls, inWalk))),
      { name: "triggers", type: "pulumi.Input<pulumi.Input<string | number | boolean>[]>", optional: true, doc: [ACTION_OPTIONS.triggers] },
      { name: "timeouts", type: "pulumi.Input<Timeouts>", optional: true, doc: [ACTION_OPTIONS.timeouts] },
      { name: "region", type: "pulumi.Input<string>", optional: true, doc: [ACTION_OPTIONS.region] },
      { name: "projectId", type: "pulumi.Input<string>", optional: true, doc: [ACTION_OPTIONS.projectId] },
    ];
    this.inputs.declare(`${cls}Args`, [`The arguments of a {@link ${cls}}: ${spec.summary}`], args);
    const state: Prop[] = [
      ...params.map((p) => ({ ...paramProp(p, "out"), optional: true })),
      ...Object.entries(body).map(([k, v]) => ({ ...this.prop(k, v, k, cls, outWalk), optional: true })),
      { name: "triggers", type: "(string | number | boolean)[]", optional: true, doc: [ACTION_OPTIONS.triggers] },
      { name: "timeouts", type: "TimeoutsState", optional: true, doc: [ACTION_OPTIONS.timeouts] },
      { name: "region", type: "string", optional: true, doc: [ACTION_OPTIONS.region] },
      { name: "projectId", type: "string", optional: true, doc: [ACTION_OPTIONS.projectId] },
      ...(params.includes("job_id") ? [] : [{ name: "jobId", type: "string", optional: true, doc: ["The job the action started or continued (upgrades)."] }]),
      { name: "jobStatus", type: "string", optional: true, doc: ["The status the job ended in (upgrades)."] },
      { name: "performedAt", type: "string", optional: false, doc: ["When the action ran (ISO 8601)."] },
    ];
    this.outputs.declare(`${cls}State`, [`The output properties of a {@link ${cls}}.`], state);
  }

  // ------------------------------------------------------------------------------------------------------------ functions

  result(fn: string, opName: string, name: string): void {
    const op = getOperation(opName);
    const docs = operationDocs[opName]?.fields ?? {};
    const kind = op.kind ? (resourceKinds as Record<string, ResourceKindSpec>)[op.kind] : undefined;
    const w: Walk = { dir: "out", docs, ...(kind ? { kind } : {}), values: new Map(), prefix: `${name}.`, behaviour: false };
    const shape = { ...(objectShape(op.response) ?? {}) };
    delete shape.request_id;
    const props = Object.entries(shape).map(([k, v]) => this.prop(k, v, k, name.replace(/Result$/, ""), w));
    this.outputs.declare(name, [`The result of {@link ${fn}}${operationDocs[opName] ? `: ${operationDocs[opName].summary}` : "."}`], props);
  }
}

// ---------------------------------------------------------------------------------------------------------------- files

const HEADER = `// Generated by scripts/gen-types.ts from the schemas (sdk/schemas), the kinds (sdk/spec) and the field docs
// (sdk/spec/docs). Do not edit: change the source and run \`npm run gen:types\`.
`;

/** The generated files, by path relative to the repository root. */
function run(): Generator {
  const g = new Generator();
  for (const kind of Object.values(resourceKinds as Record<string, ResourceKindSpec>)) g.kind(kind);
  for (const spec of Object.values(actionSpecs as Record<string, ActionSpec>)) g.action(spec);
  for (const [fn, { op, name }] of Object.entries(FUNCTION_RESULTS)) g.result(fn, op, name);
  return g;
}

export function generate(): Record<string, string> {
  const g = run();
  const inputs = g.inputs.text(
    `${HEADER}import type * as pulumi from "@pulumi/pulumi";\nimport type { Timeouts } from "../resource";\n\n`,
  );
  const outputs = g.outputs.text(
    `${HEADER}\n/** Deadlines as given to a resource (see {@link Timeouts}). */\nexport interface TimeoutsState {\n  /** Deadline of a create (minutes, or a duration such as \`10m\`). */\n  create?: string | number;\n  /** Deadline of an update. */\n  update?: string | number;\n  /** Deadline of a delete. */\n  delete?: string | number;\n}\n\n/** A JSON value: what a response field without a documented shape holds. */\nexport type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n\n`,
  );
  return {
    "sdk/generated/wire.ts": wire(),
    "provider/generated/classes.ts": classes(),
    "provider/generated/inputs.ts": inputs.replace(/\{@link Timeouts\}/g, "`timeouts`"),
    "provider/generated/outputs.ts": outputs.replace("{@link Timeouts}", "`timeouts`"),
  };
}

/** The schema modules the SDK entry point exports, by their path from sdk/generated/. */
const SCHEMA_MODULES: Readonly<Record<string, { ns: string; mod: Record<string, unknown> }>> = {
  "../schemas/shared": { ns: "shared", mod: sharedSchemas },
  "../schemas/s2c": { ns: "s2c", mod: s2cSchemas },
  "../schemas/p2c": { ns: "p2c", mod: p2cSchemas },
  "../schemas/common": { ns: "common", mod: commonSchemas },
};

const isSchema = (v: unknown): v is AnySchema => defOf(v as AnySchema) !== undefined;

/** The TypeScript type of a constant's value (what its `as const` declaration gives, read-only). */
function valueType(v: unknown): string {
  if (v === null) return "null";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return literal(v);
  if (isSchema(v)) return "Schema";
  if (v instanceof RegExp) return "RegExp";
  if (v instanceof Set) return `ReadonlySet<${[...new Set([...v].map(valueType))].join(" | ") || "never"}>`;
  if (Array.isArray(v)) return `readonly [${v.map(valueType).join(", ")}]`;
  if (typeof v === "object") {
    const props = Object.entries(v as Record<string, unknown>).map(([k, x]) => `readonly ${/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k)}: ${valueType(x)}`);
    return props.length ? `{ ${props.join("; ")} }` : "Record<string, never>";
  }
  throw new Error(`no type for a ${typeof v}`);
}

/**
 * The SDK's plain wire types (sdk/generated/wire.ts): each operation's query, body and response as sent and
 * received, the typed operation table `Operations`, and the schemas and constants of sdk/schemas declared with
 * these types, so that the SDK's public declarations reach no zod types.
 */
function wire(): string {
  const g = new Generator(true);
  const table = operations as unknown as Record<string, OperationSpec>;
  for (const { mod } of Object.values(SCHEMA_MODULES)) {
    for (const [name, v] of Object.entries(mod)) {
      if (!isSchema(v) || !objectShape(v)) continue;
      for (const dir of ["in", "out"] as const) {
        const u = unwrap(v, dir).schema;
        if (!g.named.has(u) && objectShape(u)) g.named.set(u, pascal(name));
      }
    }
  }
  const w = (dir: Dir, docs: FieldDocs, prefix: string): Walk => ({ dir, docs, values: new Map(), prefix, behaviour: false });
  /** A whole schema's type: a schema that is itself optional or nullable also gives `undefined` / `null`. */
  const whole = (s: AnySchema, name: string, walk: Walk): string => {
    const u = unwrap(s, walk.dir);
    return [g.type(s, "", name, walk), ...(u.nullable ? ["null"] : []), ...(u.optional ? ["undefined"] : [])].join(" | ");
  };
  const entries: string[] = [];
  for (const [key, op] of Object.entries(table)) {
    const docs = operationDocs[key]?.fields ?? {};
    const base = pascal(key);
    const schema = (part: "query" | "body", s: AnySchema): string =>
      `Schema<${whole(s, `${base}${pascal(part)}`, w("out", docs, `${key}.`))}, ${whole(s, `${base}${pascal(part)}`, w("in", docs, `${key}.`))}>`;
    const props = [
      `readonly name: ${literal(op.name)}`,
      `readonly method: ${literal(op.method)}`,
      `readonly path: ${literal(op.path)}`,
      `readonly successStatus: ${op.successStatus}`,
      ...(op.query ? [`readonly query: ${schema("query", op.query as AnySchema)}`] : []),
      ...(op.body ? [`readonly body: ${schema("body", op.body as AnySchema)}`] : []),
      ...(op.response ? [`readonly response: Schema<${whole(op.response as AnySchema, `${base}Response`, w("out", docs, `${key}.`))}, unknown>`] : []),
      ...(op.pagination ? [`readonly pagination: ${valueType(op.pagination)}`] : []),
    ];
    const summary = operationDocs[key]?.summary;
    entries.push(`${jsdoc([`${op.method} ${op.path}${summary ? `: ${summary}` : ""}`, "", `Source: ${op.doc}.`], "  ")}  readonly ${key}: OperationSpec & {\n${props.map((p) => `    ${p};\n`).join("")}  };\n`);
  }
  const consts: string[] = [];
  const imports: string[] = [];
  for (const [from, { ns, mod }] of Object.entries(SCHEMA_MODULES)) {
    let used = false;
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v === "function" && !isSchema(v)) continue; // builders of schemas: internal
      used = true;
      if (isSchema(v)) {
        const t = pascal(name);
        const out = whole(v, t, w("out", {}, `${t}.`));
        const inp = whole(v, t, w("in", {}, `${t}.`));
        consts.push(`export const ${name}: Schema<${out}, ${inp}> = ${ns}.${name};\n`);
      } else {
        let t: string;
        try {
          t = valueType(v);
        } catch {
          continue; // an object of schema builders (`fields`): internal, as the builders are
        }
        // The literal type of the value as generated (\`gen:types --check\` keeps it current); the source may
        // declare it wider (a Record).
        consts.push(`export const ${name}: ${t} = ${ns}.${name} as ${t};\n`);
      }
    }
    if (used) imports.push(`import * as ${ns} from "${from}";\n`);
  }
  return g.wireTypes.text(
    `${HEADER}import type { OperationSpec, Schema } from "../spec/types";\n${imports.join("")}\n/** A JSON value: what a field without a documented shape holds. */\nexport type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n\n`,
  ) +
    `\n/** The operation table (sdk/spec/operations.ts) with each operation's plain request and response types. */\nexport type Operations = {\n${entries.join("")}};\n\n// The schemas and constants of sdk/schemas, declared with the types above.\n${consts.join("")}`;
}

/** The resource classes, each with its doc block (summary, notes, example) from sdk/spec/docs. */
function classes(): string {
  let out = `${HEADER}import type * as pulumi from "@pulumi/pulumi";\nimport { defineResource } from "../resource";\nimport type * as inputs from "./inputs";\nimport type * as outputs from "./outputs";\n`;
  for (const kind of Object.values(resourceKinds as Record<string, ResourceKindSpec>)) {
    const cls = kind.className;
    const docs = resourceDocs[kind.kind];
    const adopted = adoptedKinds.includes(kind.kind);
    const args = adopted ? `inputs.${cls}Args | (Partial<inputs.${cls}Args> & { importId: pulumi.Input<string> })` : `inputs.${cls}Args`;
    const lines = programText(docs?.summary ?? cls, 107);
    if (classNotes[kind.kind]) lines.push("", ...programText(classNotes[kind.kind]!, 107));
    lines.push("", `Arguments: {@link inputs.${cls}Args}; output properties: {@link outputs.${cls}State}.`);
    if (adopted) lines.push("Adopting (`importId`) needs only the fields to manage.");
    if (docs?.example) lines.push("", "@example", "```typescript", ...docs.example.split("\n"), "```");
    const block = `/**\n${lines.map((l) => (l ? ` * ${l.replace(/\*\//g, "*\\/")}` : " *")).join("\n")}\n */\n`;
    if (adopted) out += `\n/** The arguments of a {@link ${cls}}: the create fields, or \`importId\` and the fields to manage. */\nexport type ${cls}Args = ${args};\n`;
    out += `\n${block}export const ${cls} = defineResource<${adopted ? `${cls}Args` : args}, outputs.${cls}State>(${literal(kind.kind)});\nexport type ${cls} = InstanceType<typeof ${cls}>;\n`;
  }
  return out;
}

/** Paths (interface.property) without a field doc, for the coverage report. */
export function undocumented(): string[] {
  return run().missingDocs;
}

if (require.main === module) {
  const root = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const [rel, text] of Object.entries(generate())) {
    const file = path.join(root, rel);
    const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (old === text) continue;
    if (check) {
      console.error(`${rel} is out of date: run npm run gen:types`);
      stale++;
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${rel}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
