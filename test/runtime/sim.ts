/**
 * The in-process provider layer: the generic runtime's methods driven the way the engine drives them (check with
 * the old inputs, diff against the old outputs, then create/update/read/delete), against an emulator, without the
 * engine. Milliseconds per step; the engine tests stay for what only the engine shows.
 */
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "../../emulator";
import { VpnClient } from "../../sdk/client";
import { getKind, typeToken } from "../../sdk/spec/kinds";
import { methods } from "../../provider/runtime";
import { stackConfig } from "../../provider/settings";

export type Props = Record<string, any>;
export type Runtime = ReturnType<typeof methods>;

/** An emulator for the file, with the runtime configured for it. */
export function useRuntime(options: StartEmulatorOptions = {}): { readonly emu: RunningEmulator; readonly rt: Runtime; readonly api: any } {
  let emu: RunningEmulator | undefined;
  let rt: Runtime | undefined;
  let api: any;
  beforeAll(async () => {
    emu = await startEmulator({ delayScale: 0, ...options });
    const cfg = stackConfig(emu.settings);
    rt = methods({ get: (k) => cfg[k] });
    api = new VpnClient(emu.settings);
  });
  afterAll(async () => {
    await emu?.close();
  });
  return {
    get emu() {
      if (!emu) throw new Error("the emulator starts in beforeAll");
      return emu;
    },
    get rt() {
      if (!rt) throw new Error("the runtime is configured in beforeAll");
      return rt;
    },
    get api() {
      return api;
    },
  };
}

/** What a resource class registers (see provider/resource.ts), for a kind, a logical name and program args. */
export function programInputs(kind: string, name: string, args: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined) out[k] = v;
  out.__logicalName = name;
  out.__kind = kind;
  out.__urn = `urn:pulumi:sim::runtime-tests::${typeToken(getKind(kind).className)}::${name}`;
  out.__provider = "serialized-provider";
  return out;
}

export class CheckFailed extends Error {
  constructor(readonly failures: { property: string; reason: string }[]) {
    super(`check failed: ${failures.map((f) => f.reason).join("; ")}`);
  }
}

/** One resource as the engine sees it: last checked inputs, id and outputs. */
export class SimResource {
  inputs: Props | undefined;
  outs: Props | undefined;
  id: string | undefined;

  constructor(
    private readonly rt: Runtime,
    readonly kind: string,
    readonly name: string,
  ) {}

  async check(args: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const r = await this.rt.check(this.inputs ?? {}, programInputs(this.kind, this.name, args));
    return { inputs: r.inputs ?? {}, failures: r.failures ?? [] };
  }

  async create(args: Props): Promise<this> {
    const c = await this.check(args);
    if (c.failures.length > 0) throw new CheckFailed(c.failures);
    const r = await this.rt.create(c.inputs);
    this.id = r.id;
    this.outs = r.outs;
    this.inputs = c.inputs;
    return this;
  }

  /** check + diff of a change, as a preview does. */
  async plan(args: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[]; changes: boolean; replaces: string[] }> {
    const c = await this.check(args);
    if (c.failures.length > 0) return { ...c, changes: true, replaces: [] };
    const d = await this.rt.diff(this.id!, this.outs!, c.inputs);
    return { ...c, changes: d.changes !== false, replaces: d.replaces ?? [] };
  }

  /** An in-place update (fails when the plan is a replacement or check fails). */
  async update(args: Props): Promise<{ changes: boolean; replaces: string[] }> {
    const p = await this.plan(args);
    if (p.failures.length > 0) throw new CheckFailed(p.failures);
    if (p.replaces.length > 0) return { changes: true, replaces: p.replaces };
    if (p.changes) this.outs = (await this.rt.update(this.id!, this.outs!, p.inputs)).outs;
    this.inputs = p.inputs;
    return { changes: p.changes, replaces: [] };
  }

  async refresh(): Promise<Props | undefined> {
    const r = await this.rt.read(this.id!, this.outs!);
    if (r.id) this.outs = r.props;
    return r.id ? r.props : undefined;
  }

  /** diff of the current inputs against the current outputs: true when a preview would show a change. */
  async drifts(): Promise<boolean> {
    const c = await this.rt.check(this.inputs!, { ...this.inputs! });
    const d = await this.rt.diff(this.id!, this.outs!, c.inputs ?? {});
    return d.changes !== false;
  }

  async destroy(): Promise<void> {
    await this.rt.delete(this.id!, this.outs!);
  }
}
