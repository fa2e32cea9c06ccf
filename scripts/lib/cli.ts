/**
 * The user's path: the plain Pulumi CLI in a project directory (`pulumi config set`, `preview`, `up`, …) through
 * scripts/pulumi.sh, i.e. our CLI build with its language host, against a backend and PULUMI_HOME of the caller's
 * choosing. Shared by the demo and the CLI end-to-end tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { engineEnv, repoRoot } from "./engine";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, in the order they came. */
  output: string;
}

export interface CliOptions {
  /** The project directory (`pulumi -C`); the CLI's cwd. */
  cwd: string;
  /** Text written to stdin (e.g. a secret for `pulumi config set --secret key` without the value on argv). */
  input?: string;
  /** Print the CLI's output as it comes. */
  echo?: boolean;
  /** Extra environment for this command. */
  env?: Record<string, string>;
}

export interface RunningCli {
  /** The CLI process (to send it a signal, as Ctrl-C does). */
  child: ChildProcess;
  /** Output so far. */
  output(): string;
  done: Promise<CliResult>;
}

export interface Cli {
  /** Runs `pulumi <args>` (with `--non-interactive`); resolves with its exit code and output. */
  run(args: string[], opts?: Partial<CliOptions>): Promise<CliResult>;
  /** Starts `pulumi <args>` and returns at once. */
  start(args: string[], opts?: Partial<CliOptions>): RunningCli;
  /** Like `run`, but rejects with the output when the command fails. */
  ok(args: string[], opts?: Partial<CliOptions>): Promise<CliResult>;
  /** The environment every command gets. */
  readonly env: Record<string, string>;
}

/**
 * A CLI bound to a state directory: `<stateDir>/backend` (file backend), `<stateDir>/home` (PULUMI_HOME), a
 * passphrase for the stack's secrets. The HW_* variables of the caller are removed, so that settings only come
 * from the stack config unless `extraEnv` sets them.
 */
export function cliFor(stateDir: string, defaults: CliOptions, extraEnv: Record<string, string> = {}): Cli {
  const { node } = engineEnv();
  fs.mkdirSync(path.join(stateDir, "backend"), { recursive: true });
  fs.mkdirSync(path.join(stateDir, "home"), { recursive: true });
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("HW_")) base[k] = v;
  const env: Record<string, string> = {
    ...base,
    PATH: `${path.dirname(node)}:${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${path.join(stateDir, "backend")}`,
    PULUMI_HOME: path.join(stateDir, "home"),
    PULUMI_CONFIG_PASSPHRASE: "hwvpn-local-passphrase",
    ...extraEnv,
  };
  const start = (args: string[], o: Partial<CliOptions> = {}): RunningCli => {
    const opts = { ...defaults, ...o };
    // scripts/pulumi.sh execs the CLI: this process becomes the CLI, so a signal sent to it reaches the CLI.
    const child = spawn("bash", [path.join(repoRoot, "scripts", "pulumi.sh"), ...args, "--non-interactive"], {
      cwd: opts.cwd,
      env: { ...env, ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout!.on("data", (b: Buffer) => {
      stdout += b;
      output += b;
      if (opts.echo) process.stdout.write(b);
    });
    child.stderr!.on("data", (b: Buffer) => {
      stderr += b;
      output += b;
      if (opts.echo) process.stderr.write(b);
    });
    child.stdin!.end(opts.input ?? "");
    const done = new Promise<CliResult>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr, output }));
    });
    return { child, output: () => output, done };
  };
  const run = (args: string[], o: Partial<CliOptions> = {}): Promise<CliResult> => start(args, o).done;
  return {
    env,
    run,
    start,
    ok: async (args, o) => {
      const r = await run(args, o);
      if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited with ${r.code}:\n${r.output}`);
      return r;
    },
  };
}
