/**
 * Runs Pulumi programs on the real engine offline: our CLI build (scripts/setup.sh), a file backend, passphrase
 * secrets, no update checks and no plugin downloads. Inline Automation API programs need no Node.js language
 * host. Shared by the demo and the end-to-end test harness.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as automation from "@pulumi/pulumi/automation";

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "pulumi-huaweicloud-vpn") return dir;
    if (path.dirname(dir) === dir) throw new Error(`no pulumi-huaweicloud-vpn package.json above ${from}`);
  }
}

/** The repository (works from the TypeScript sources and from dist/). */
export const repoRoot = findRepoRoot(__dirname);

export interface EngineEnv {
  pulumiRoot: string;
  pulumiVersion: string;
  /** "scripts/language-host" (ours, on PATH first) or "none" (HWVPN_LANGUAGE_HOST=none at setup). */
  languageHost: string;
  node: string;
}

export function engineEnv(): EngineEnv {
  const file = path.join(repoRoot, "node_modules", ".cache", "hwvpn", "env.json");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run 'npm run setup' first`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as EngineEnv;
}

export interface ProgramRun {
  ok: boolean;
  /** Everything the engine printed (the CLI's stdout and stderr). */
  stdout: string;
  stderr: string;
  /** The error the Automation API raised, if any (message only). */
  error?: string;
  policyViolations: { policyName: string; message: string; enforcementLevel: string; urn?: string }[];
  diagnostics: { severity: string; message: string; urn?: string }[];
  events: automation.EngineEvent[];
  summary?: Record<string, number>;
  outputs?: automation.OutputMap;
}

export interface StackOptions {
  program: automation.PulumiFn;
  projectName?: string;
  stackName?: string;
  /** Stack config; keys without a namespace get the project's. */
  config?: Record<string, string | { value: string; secret?: boolean }>;
  /** Extra environment for the CLI and its plugins (the dynamic provider host inherits it). */
  env?: Record<string, string>;
  /**
   * Directory for the backend, PULUMI_HOME, the Automation API workspace and the CLI's temporary files; a new
   * temporary directory by default, removed (with everything in it) by `cleanup()`.
   */
  stateDir?: string;
}

export interface RunOptions {
  policyPacks?: string[];
  /** Written to a temporary JSON file and passed as --policy-pack-config. */
  policyPackConfig?: Record<string, unknown>;
  /** For preview: show replacement/diff details (passes --diff). */
  diff?: boolean;
  /** Print the engine's output as it comes. */
  echo?: boolean;
  parallel?: number;
}

export interface EngineStack {
  stack: automation.Stack;
  stateDir: string;
  preview(o?: RunOptions): Promise<ProgramRun>;
  up(o?: RunOptions): Promise<ProgramRun>;
  refresh(o?: RunOptions): Promise<ProgramRun>;
  destroy(o?: RunOptions): Promise<ProgramRun>;
  /** The deployment as `pulumi stack export --show-secrets` gives it (secrets in plaintext: for assertions). */
  exportState(): Promise<automation.Deployment>;
  /** The state file exactly as the backend stores it (secrets encrypted). */
  rawState(): string;
  cleanup(): Promise<void>;
}

let counter = 0;

export function offlineEnv(stateDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env = engineEnv();
  return {
    PULUMI_BACKEND_URL: `file://${path.join(stateDir, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "hwvpn-local-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "false",
    // Our shims start the dynamic-provider host and policy packs with this Node.
    HWVPN_NODE: env.node,
    PATH: `${path.dirname(env.node)}:${process.env.PATH ?? ""}`,
    ...extra,
  };
}

export async function createStack(opts: StackOptions): Promise<EngineStack> {
  const env = engineEnv();
  const stateDir = opts.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-engine-"));
  fs.mkdirSync(path.join(stateDir, "backend"), { recursive: true });
  fs.mkdirSync(path.join(stateDir, "home"), { recursive: true });
  // The workspace (Pulumi.yaml, stack settings) and the CLI's own temporary files live in the state directory
  // too: without a workDir the Automation API makes an `automation-*` directory in the system temp directory and
  // never removes it.
  const workDir = fs.mkdtempSync(path.join(stateDir, "work-"));
  const tmpDir = path.join(workDir, ".tmp");
  fs.mkdirSync(tmpDir);
  const projectName = opts.projectName ?? "hwvpn-test";
  const stackName = opts.stackName ?? `s${process.pid}-${++counter}`;
  const envVars = offlineEnv(stateDir, { TMPDIR: tmpDir, ...opts.env });
  const pulumiCommand = await automation.PulumiCommand.get({ root: env.pulumiRoot });
  const stack = await automation.LocalWorkspace.createOrSelectStack(
    { stackName, projectName, program: opts.program },
    {
      pulumiCommand,
      workDir,
      pulumiHome: path.join(stateDir, "home"),
      envVars,
      secretsProvider: "passphrase",
      projectSettings: {
        name: projectName,
        runtime: "nodejs",
        // The engine starts plugins (our dynamic provider host) in `main`: the repository, whose node_modules
        // resolve @pulumi/pulumi and pulumi-huaweicloud-vpn.
        main: repoRoot,
        backend: { url: envVars.PULUMI_BACKEND_URL },
      },
    },
  );
  for (const [k, v] of Object.entries(opts.config ?? {})) {
    const value = typeof v === "string" ? { value: v } : v;
    await stack.setConfig(k, { value: value.value, secret: !!value.secret });
  }

  const run = async (
    op: "preview" | "up" | "refresh" | "destroy",
    o: RunOptions = {},
  ): Promise<ProgramRun> => {
    const events: automation.EngineEvent[] = [];
    let stdout = "";
    let stderr = "";
    let cfgFile: string | undefined;
    if (o.policyPackConfig) {
      cfgFile = path.join(workDir, `policy-config-${++counter}.json`);
      fs.writeFileSync(cfgFile, JSON.stringify(o.policyPackConfig));
    }
    const common = {
      onEvent: (e: automation.EngineEvent) => events.push(e),
      onOutput: (s: string) => {
        stdout += s;
        if (o.echo) process.stdout.write(s);
      },
      onError: (s: string) => {
        stderr += s;
        if (o.echo) process.stderr.write(s);
      },
      ...(o.parallel ? { parallel: o.parallel } : {}),
    };
    const policy = {
      ...(o.policyPacks ? { policyPacks: o.policyPacks } : {}),
      ...(cfgFile ? { policyPackConfigs: [cfgFile] } : {}),
    };
    const result: ProgramRun = { ok: true, stdout: "", stderr: "", policyViolations: [], diagnostics: [], events };
    try {
      if (op === "preview") {
        const r = await stack.preview({ ...common, ...policy, ...(o.diff ? { diff: true } : {}) });
        result.summary = r.changeSummary as Record<string, number>;
      } else if (op === "up") {
        const r = await stack.up({ ...common, ...policy });
        result.summary = r.summary.resourceChanges as Record<string, number>;
        result.outputs = r.outputs;
      } else if (op === "refresh") {
        const r = await stack.refresh({ ...common });
        result.summary = r.summary.resourceChanges as Record<string, number>;
      } else {
        const r = await stack.destroy({ ...common });
        result.summary = r.summary.resourceChanges as Record<string, number>;
      }
    } catch (e) {
      result.ok = false;
      result.error = e instanceof Error ? e.message : String(e);
    }
    result.stdout = stdout;
    result.stderr = stderr;
    for (const e of events) {
      if (e.policyEvent) {
        result.policyViolations.push({
          policyName: e.policyEvent.policyName,
          message: e.policyEvent.message,
          enforcementLevel: e.policyEvent.enforcementLevel,
          ...(e.policyEvent.resourceUrn ? { urn: e.policyEvent.resourceUrn } : {}),
        });
      }
      if (e.diagnosticEvent) {
        result.diagnostics.push({
          severity: e.diagnosticEvent.severity,
          message: e.diagnosticEvent.message,
          ...(e.diagnosticEvent.urn ? { urn: e.diagnosticEvent.urn } : {}),
        });
      }
    }
    return result;
  };

  return {
    stack,
    stateDir,
    preview: (o) => run("preview", o),
    up: (o) => run("up", o),
    refresh: (o) => run("refresh", o),
    destroy: (o) => run("destroy", o),
    exportState: () => stack.exportStack(),
    rawState: () => {
      const dir = path.join(stateDir, "backend", ".pulumi", "stacks", projectName);
      const file = fs.readdirSync(dir).find((f) => f === `${stackName}.json`);
      if (!file) throw new Error(`no state file for stack ${stackName} in ${dir}`);
      return fs.readFileSync(path.join(dir, file), "utf8");
    },
    cleanup: async () => {
      try {
        await stack.workspace.removeStack(stackName, { force: true });
      } catch {
        // the stack may not exist any more
      }
      if (opts.stateDir) {
        // A caller's directory stays; what this helper made in it goes.
        fs.rmSync(workDir, { recursive: true, force: true });
      } else {
        fs.rmSync(stateDir, { recursive: true, force: true });
      }
    },
  };
}
