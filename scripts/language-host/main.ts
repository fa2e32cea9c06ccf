/**
 * A Node.js language host for our offline Pulumi CLI build (development and test infrastructure, not shipped).
 *
 * Pulumi's own host, `pulumi-language-nodejs`, is a Go program in a module that is never tagged, so the Go module
 * proxy cannot serve it. This program serves the same `pulumirpc.LanguageRuntime` gRPC service with the stubs and
 * @grpc/grpc-js that `@pulumi/pulumi` ships, for the calls the engine makes on v3.259.0:
 * - `Run`: starts `@pulumi/pulumi/cmd/run` (resolved from the program directory) on this Node, with the stack's
 *   config in `PULUMI_CONFIG`; exit code 32 means "the program already reported its error" (bail);
 * - `RunPlugin` for policy packs: a proxy Analyzer service answers `Handshake` and `ConfigureStack`, then starts
 *   `@pulumi/pulumi/cmd/run-policy-pack` with the stack's config and forwards every other call to it (the pack
 *   library reads its config from the environment, so a plain start would lose it);
 * - `GetPluginInfo`, `GetRequiredPackages` (`GetRequiredPlugins` is unimplemented, as in Pulumi's host), `About`,
 *   `GetProgramDependencies`, `InstallDependencies`, `Cancel`, `Handshake`.
 * Everything else answers UNIMPLEMENTED. Started by the engine as `pulumi-language-nodejs [flags] <engine address>`;
 * prints its port as the first line of stdout.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";

const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const grpc: typeof import("@grpc/grpc-js") = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
const langrpc = require("@pulumi/pulumi/proto/language_grpc_pb");
const langproto: typeof import("@pulumi/pulumi/proto/language_pb") = require("@pulumi/pulumi/proto/language_pb");
const pluginproto: typeof import("@pulumi/pulumi/proto/plugin_pb") = require("@pulumi/pulumi/proto/plugin_pb");
const analyzerrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const analyzerproto: typeof import("@pulumi/pulumi/proto/analyzer_pb") = require("@pulumi/pulumi/proto/analyzer_pb");
const emptyproto = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));

type RunRequest = import("@pulumi/pulumi/proto/language_pb").RunRequest;
type RunPluginRequest = import("@pulumi/pulumi/proto/language_pb").RunPluginRequest;
type ProgramInfo = import("@pulumi/pulumi/proto/language_pb").ProgramInfo;
type StackConfigure = import("@pulumi/pulumi/proto/analyzer_pb").AnalyzerStackConfigureRequest;
type Callback = (err: Partial<import("@grpc/grpc-js").ServiceError> | null, value?: unknown) => void;
type Unary = { request: any; on(event: "cancelled", fn: () => void): void };

/** The exit code by which `cmd/run` says it has already shown the user an actionable message. */
const BAIL_EXIT_CODE = 32;
const SDK_VERSION: string = require("@pulumi/pulumi/package.json").version;
const NODE = process.execPath;
const log = (msg: string) => process.stderr.write(`pulumi-language-nodejs: ${msg}\n`);

// ---- arguments: `[--tracing <url>] [--logtostderr] [-v=N] [--runtime nodejs] <engine address>` ----
let engineAddress = "";
let tracing = "";
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--version" || a === "-version") {
      process.stdout.write(`v${SDK_VERSION}\n`);
      process.exit(0);
    } else if (a === "--tracing" || a === "-tracing") tracing = argv[++i] ?? "";
    else if (a.startsWith("--tracing=") || a.startsWith("-tracing=")) tracing = a.slice(a.indexOf("=") + 1);
    else if (a === "--runtime" || a === "-runtime") {
      const r = argv[++i];
      if (r !== "nodejs") {
        log(`unsupported runtime: ${r} (this host runs Node.js only)`);
        process.exit(1);
      }
    } else if (!a.startsWith("-")) engineAddress = a;
  }
}

/** Children we started (programs and plugins), interrupted on Cancel and when we are interrupted. */
const children = new Set<ChildProcess>();

function interrupt(child: ChildProcess, graceMs = 5000): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGINT");
  setTimeout(() => child.kill("SIGKILL"), graceMs).unref();
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

// ---- helpers ----

function runtimeOptions(info: ProgramInfo | undefined): Record<string, unknown> {
  return (info?.getOptions()?.toJavaScript() as Record<string, unknown> | undefined) ?? {};
}

interface NodeOptions {
  typescript: boolean;
  tsconfig?: string;
  nodeargs: string[];
}

function parseOptions(options: Record<string, unknown>): NodeOptions {
  const opts: NodeOptions = { typescript: true, nodeargs: [] };
  if (options.typescript !== undefined) {
    if (typeof options.typescript !== "boolean") throw new Error("typescript option must be a boolean");
    opts.typescript = options.typescript;
  }
  if (options.tsconfig !== undefined) {
    if (typeof options.tsconfig !== "string") throw new Error("tsconfig option must be a string");
    opts.tsconfig = options.tsconfig;
  }
  if (options.nodeargs !== undefined) {
    if (typeof options.nodeargs !== "string") throw new Error("nodeargs option must be a string");
    opts.nodeargs = splitArgs(options.nodeargs);
  }
  return opts;
}

/** Splits `nodeargs` the way a POSIX shell would for plain words, single and double quotes. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let quote: string | undefined;
  for (const ch of s) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur ??= "";
    } else if (/\s/.test(ch)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else cur = (cur ?? "") + ch;
  }
  if (quote) throw new Error(`unterminated quote in nodeargs: ${s}`);
  if (cur !== undefined) out.push(cur);
  return out;
}

function typescriptEnv(opts: NodeOptions): Record<string, string> {
  return {
    ...(opts.typescript ? { PULUMI_NODEJS_TYPESCRIPT: "true" } : {}),
    ...(opts.tsconfig ? { PULUMI_NODEJS_TSCONFIG_PATH: opts.tsconfig } : {}),
  };
}

/** Resolves a module the way the program would: from its directory, with its node_modules. */
function locateModule(mod: string, dir: string, isPlugin: boolean): string {
  try {
    return require.resolve(mod, { paths: [dir] });
  } catch (e) {
    if ((e as { code?: string }).code === "MODULE_NOT_FOUND") {
      const fix = isPlugin ? `npm install in ${dir}` : "pulumi install (or npm install)";
      throw new Error(`It looks like the Pulumi SDK has not been installed. Have you run ${fix}?`);
    }
    throw e;
  }
}

/** `ns:name` (or the legacy `ns:config:name`) to the legacy form `@pulumi/pulumi` reads from PULUMI_CONFIG. */
function legacyConfigKey(key: string): string {
  if (/^[^:]+:config:/.test(key)) return key;
  const i = key.indexOf(":");
  if (i <= 0) throw new Error(`config key ${JSON.stringify(key)} has no namespace`);
  return `${key.slice(0, i)}:config:${key.slice(i + 1)}`;
}

function grpcError(code: number, details: string): Partial<import("@grpc/grpc-js").ServiceError> {
  return { code, details, message: details };
}

function unimplemented(name: string) {
  return (call: unknown, cb?: Callback) => {
    const err = grpcError(grpc.status.UNIMPLEMENTED, `method ${name} not implemented`);
    if (typeof cb === "function") cb(err);
    else (call as { destroy(e: unknown): void }).destroy(err);
  };
}

// ---- LanguageRuntime ----

function getPluginInfo(_call: Unary, cb: Callback) {
  const info = new pluginproto.PluginInfo();
  info.setVersion(SDK_VERSION);
  cb(null, info);
}

function handshake(call: Unary, cb: Callback) {
  const addr: string = call.request.getEngineAddress();
  if (addr) engineAddress = addr;
  cb(null, new langproto.LanguageHandshakeResponse());
}

/** Packages under the program's node_modules whose package.json says `"pulumi": { "resource": true }`. */
function getRequiredPackages(call: Unary, cb: Callback) {
  const dir: string = call.request.getInfo()?.getProgramDirectory() || call.request.getPwd?.() || process.cwd();
  const deps: InstanceType<typeof pluginproto.PackageDependency>[] = [];
  const seen = new Set<string>();
  const visitPackage = (pkgDir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(pkgDir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(real, "package.json"), "utf8"));
      const p = pkg.pulumi;
      if (p && p.resource === true) {
        let name: string | undefined = p.name;
        if (!name && typeof pkg.name === "string" && pkg.name.startsWith("@pulumi/")) name = pkg.name.slice(8);
        const version = String(p.version ?? pkg.version ?? "");
        if (name && version) {
          const d = new pluginproto.PackageDependency();
          d.setKind("resource");
          d.setName(name);
          d.setVersion(version.startsWith("v") ? version : `v${version}`);
          if (p.server) d.setServer(p.server);
          deps.push(d);
        }
      }
    } catch {
      // not a package, or an unreadable package.json: not a plugin source
    }
    visitModules(path.join(real, "node_modules"));
  };
  const visitModules = (nm: string) => {
    let entries: string[];
    try {
      entries = fs.readdirSync(nm);
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.startsWith(".")) continue;
      if (e.startsWith("@")) {
        let scoped: string[] = [];
        try {
          scoped = fs.readdirSync(path.join(nm, e));
        } catch {
          // unreadable scope directory
        }
        for (const s of scoped) visitPackage(path.join(nm, e, s));
      } else visitPackage(path.join(nm, e));
    }
  };
  visitModules(path.join(dir, "node_modules"));
  const resp = new langproto.GetRequiredPackagesResponse();
  resp.setPackagesList(deps);
  cb(null, resp);
}

function about(_call: Unary, cb: Callback) {
  const resp = new langproto.AboutResponse();
  resp.setExecutable(NODE);
  resp.setVersion(process.version);
  resp.getMetadataMap().set("packagemanager", "npm");
  resp.getMetadataMap().set("languageHost", "pulumi-huaweicloud-vpn scripts/language-host");
  cb(null, resp);
}

/** The program's direct (or, if asked, all) dependencies as installed, from `npm ls --json`. */
function getProgramDependencies(call: Unary, cb: Callback) {
  const dir: string = call.request.getInfo()?.getProgramDirectory() || process.cwd();
  const transitive: boolean = call.request.getTransitivedependencies();
  const npm = spawnSync("npm", ["ls", "--json", ...(transitive ? ["--all"] : [])], { cwd: dir, encoding: "utf8" });
  let tree: { dependencies?: Record<string, { version?: string; dependencies?: unknown }> } = {};
  try {
    tree = JSON.parse(npm.stdout || "{}");
  } catch {
    return cb(grpcError(grpc.status.INTERNAL, `failed to get node dependencies: ${npm.stderr || npm.error}`));
  }
  const list: InstanceType<typeof langproto.DependencyInfo>[] = [];
  const walk = (deps: typeof tree.dependencies) => {
    for (const [name, d] of Object.entries(deps ?? {})) {
      const info = new langproto.DependencyInfo();
      info.setName(name);
      info.setVersion(d.version ?? "");
      list.push(info);
      if (transitive) walk(d.dependencies as typeof tree.dependencies);
    }
  };
  walk(tree.dependencies);
  const resp = new langproto.GetProgramDependenciesResponse();
  resp.setDependenciesList(list);
  cb(null, resp);
}

/** `npm install` in the program (or plugin) directory, its output streamed back. */
function installDependencies(call: any) {
  const req = call.request;
  const dir: string = req.getInfo()?.getProgramDirectory() || req.getDirectory();
  const send = (kind: "stdout" | "stderr", b: Buffer) => {
    const resp = new langproto.InstallDependenciesResponse();
    if (kind === "stdout") resp.setStdout(b);
    else resp.setStderr(b);
    call.write(resp);
  };
  send("stdout", Buffer.from("Installing dependencies...\n\n"));
  const child = track(
    spawn("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] }),
  );
  child.stdout!.on("data", (b: Buffer) => send("stdout", b));
  child.stderr!.on("data", (b: Buffer) => send("stderr", b));
  child.on("error", (e) => call.destroy(grpcError(grpc.status.INTERNAL, `npm install failed to start: ${e.message}`)));
  child.on("exit", (code, signal) => {
    if (code === 0) {
      send("stdout", Buffer.from("Finished installing dependencies\n\n"));
      call.end();
    } else call.destroy(grpcError(grpc.status.UNKNOWN, `npm install failed (${signal ?? `exit code ${code}`})`));
  });
  call.on("cancelled", () => interrupt(child));
}

function run(call: Unary, cb: Callback) {
  const req: RunRequest = call.request;
  const resp = new langproto.RunResponse();
  const fail = (msg: string) => {
    resp.setError(msg);
    cb(null, resp);
  };
  const info = req.getInfo();
  const programDir = info?.getProgramDirectory() || req.getPwd();
  const entry = info?.getEntryPoint() || req.getProgram() || ".";
  let opts: NodeOptions;
  let runPath: string;
  let config: Record<string, string>;
  try {
    opts = parseOptions(runtimeOptions(info));
    runPath = locateModule(process.env.PULUMI_LANGUAGE_NODEJS_RUN_PATH || "@pulumi/pulumi/cmd/run", programDir, false);
    config = {};
    for (const [k, v] of req.getConfigMap().entries()) config[legacyConfigKey(k)] = v;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const args = [...opts.nodeargs, runPath];
  const flag = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") args.push(`--${name}`, String(value));
  };
  flag("monitor", req.getMonitorAddress());
  flag("engine", engineAddress);
  flag("organization", req.getOrganization());
  flag("project", req.getProject());
  flag("root-directory", info?.getRootDirectory());
  flag("stack", req.getStack());
  flag("pwd", programDir);
  if (req.getDryrun()) args.push("--dry-run");
  flag("parallel", req.getParallel());
  flag("tracing", tracing);
  args.push(entry, ...req.getArgsList());

  const env = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
    ...typescriptEnv(opts),
  };
  // The program's output goes straight to ours, which the engine shows as the program's.
  const child = track(spawn(NODE, args, { env, stdio: ["ignore", "inherit", "inherit"] }));
  let settled = false;
  const done = (msg?: string, bail = false) => {
    if (settled) return;
    settled = true;
    if (bail) resp.setBail(true);
    if (msg) resp.setError(msg);
    cb(null, resp);
  };
  call.on("cancelled", () => interrupt(child));
  child.on("error", (e) => done(`Problem executing program (could not run language executor): ${e.message}`));
  child.on("exit", (code, signal) => {
    if (code === 0) done();
    else if (code === BAIL_EXIT_CODE) done(undefined, true);
    else if (code !== null) done(`Program exited with non-zero exit code: ${code}`);
    else done(`Program exited unexpectedly: signal ${signal}`);
  });
}

function cancel(_call: Unary, cb: Callback) {
  for (const c of children) interrupt(c);
  cb(null, new emptyproto.Empty());
}

/** Streams a child's output back over a RunPlugin call. */
function pluginOutput(call: any) {
  return (kind: "stdout" | "stderr") => (b: Buffer) => {
    const resp = new langproto.RunPluginResponse();
    if (kind === "stdout") resp.setStdout(b);
    else resp.setStderr(b);
    call.write(resp);
  };
}

function runPlugin(call: any) {
  const req: RunPluginRequest = call.request;
  const info = req.getInfo();
  const dir = info?.getProgramDirectory() || req.getPwd();
  const isAnalyzer = req.getKind() === "analyzer";
  const out = pluginOutput(call);
  const finish = (code: number) => {
    const resp = new langproto.RunPluginResponse();
    resp.setExitcode(code);
    call.write(resp);
    call.end();
  };
  let opts: NodeOptions;
  let runPath: string;
  try {
    opts = parseOptions(runtimeOptions(info));
    runPath = locateModule(
      isAnalyzer
        ? "@pulumi/pulumi/cmd/run-policy-pack"
        : process.env.PULUMI_LANGUAGE_NODEJS_RUN_PATH || "@pulumi/pulumi/cmd/run-plugin",
      dir,
      true,
    );
  } catch (e) {
    call.destroy(grpcError(grpc.status.UNKNOWN, e instanceof Error ? e.message : String(e)));
    return;
  }
  // The engine sends the whole environment the plugin should see.
  const base: Record<string, string> = {};
  const list = req.getEnvList();
  if (list.length === 0) Object.assign(base, process.env);
  for (const kv of list) {
    const i = kv.indexOf("=");
    if (i > 0) base[kv.slice(0, i)] = kv.slice(i + 1);
  }
  Object.assign(base, typescriptEnv(opts));
  // Policy packs take the program (pack) directory last and run in it; other plugins take it first.
  const args = isAnalyzer
    ? [...opts.nodeargs, runPath, ...req.getArgsList(), dir]
    : [...opts.nodeargs, runPath, dir, ...req.getArgsList()];
  const cwd = isAnalyzer ? dir : req.getPwd() || dir;

  if (!isAnalyzer) {
    const child = track(spawn(NODE, args, { cwd, env: base, stdio: ["ignore", "pipe", "pipe"] }));
    child.stdout!.on("data", out("stdout"));
    child.stderr!.on("data", out("stderr"));
    call.on("cancelled", () => interrupt(child));
    child.on("error", (e) => call.destroy(grpcError(grpc.status.UNKNOWN, `could not run plugin: ${e.message}`)));
    child.on("exit", (code) => finish(code ?? 1));
    return;
  }
  new PolicyProxy(call, args, cwd, base, out, finish).start();
}

/**
 * Stands between the engine and a policy pack: answers Handshake and ConfigureStack itself, starts the pack with
 * the stack's organization/project/stack/dry-run/config in its environment, then forwards every other Analyzer call.
 */
class PolicyProxy {
  private server = new grpc.Server();
  private config?: Promise<StackConfigure | null>;
  private resolveConfig!: (c: StackConfigure | null) => void;
  private client?: Promise<any>;
  private child?: ChildProcess;
  private closed = false;

  constructor(
    private call: any,
    private args: string[],
    private cwd: string,
    private env: Record<string, string>,
    private out: ReturnType<typeof pluginOutput>,
    private finish: (code: number) => void,
  ) {
    this.config = new Promise((resolve) => (this.resolveConfig = resolve));
  }

  start(): void {
    const impl: Record<string, (call: Unary, cb: Callback) => void> = {};
    for (const name of Object.keys(analyzerrpc.AnalyzerService)) {
      impl[name] = (c, cb) => this.forward(name, c, cb);
    }
    impl.handshake = (_c, cb) => cb(null, new analyzerproto.AnalyzerHandshakeResponse());
    impl.configureStack = (c, cb) => {
      this.resolveConfig(c.request);
      cb(null, new analyzerproto.AnalyzerStackConfigureResponse());
    };
    this.server.addService(analyzerrpc.AnalyzerService, impl);
    this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
      if (err) {
        this.call.destroy(grpcError(grpc.status.INTERNAL, `could not start policy pack proxy: ${err.message}`));
        return;
      }
      // The engine reads the analyzer's port from the plugin's first line of output: ours.
      this.out("stdout")(Buffer.from(`${port}\n`));
    });
    this.call.on("cancelled", () => this.close());
  }

  private forward(name: string, c: Unary, cb: Callback): void {
    // Some commands (policy publish) call the pack before any ConfigureStack: start it without stack config.
    this.resolveConfig(null);
    this.attach().then(
      (client) =>
        client[name](c.request, (err: unknown, resp: unknown) =>
          cb(err as Partial<import("@grpc/grpc-js").ServiceError>, resp),
        ),
      (e: Error) => cb(grpcError(grpc.status.UNAVAILABLE, `policy pack not started: ${e.message}`)),
    );
  }

  private attach(): Promise<any> {
    this.client ??= this.config!.then((cfg) => this.spawnPack(cfg));
    return this.client;
  }

  private spawnPack(cfg: StackConfigure | null): Promise<any> {
    const env = { ...this.env };
    if (cfg) {
      const set = (k: string, v: string) => {
        if (v) env[k] = v;
      };
      set("PULUMI_NODEJS_ORGANIZATION", cfg.getOrganization());
      set("PULUMI_NODEJS_PROJECT", cfg.getProject());
      set("PULUMI_NODEJS_STACK", cfg.getStack());
      set("PULUMI_NODEJS_DRY_RUN", String(cfg.getDryRun()));
      const config: Record<string, string> = {};
      for (const [k, v] of cfg.getConfigMap().entries()) config[k] = v;
      env.PULUMI_CONFIG = JSON.stringify(config);
    }
    return new Promise((resolve, reject) => {
      const child = track(spawn(NODE, this.args, { cwd: this.cwd, env, stdio: ["ignore", "pipe", "pipe"] }));
      this.child = child;
      child.stderr!.on("data", this.out("stderr"));
      const lines = readline.createInterface({ input: child.stdout! });
      let port: number | undefined;
      lines.on("line", (line) => {
        if (port !== undefined) return this.out("stdout")(Buffer.from(`${line}\n`));
        port = Number.parseInt(line.trim(), 10);
        if (!Number.isInteger(port))
          return reject(new Error(`could not read policy pack port from ${JSON.stringify(line)}`));
        const Client = grpc.makeGenericClientConstructor(analyzerrpc.AnalyzerService, "Analyzer");
        const client: any = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        if (!cfg) return resolve(client);
        client.configureStack(cfg, (err: import("@grpc/grpc-js").ServiceError | null) => {
          // Older packs do not implement ConfigureStack; they read the environment we gave them.
          if (err && err.code !== grpc.status.UNIMPLEMENTED)
            reject(new Error(`policy pack configuration failed: ${err.message}`));
          else resolve(client);
        });
      });
      child.on("error", (e) => reject(e));
      child.on("exit", (code, signal) => {
        reject(new Error(`policy pack exited (${signal ?? `exit code ${code}`}) before it served`));
        if (!this.closed) {
          this.closed = true;
          this.server.forceShutdown();
          this.finish(code ?? 1);
        }
      });
    });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.server.forceShutdown();
    if (this.child) interrupt(this.child);
  }
}

// ---- serve ----

const server = new grpc.Server({
  "grpc.max_receive_message_length": 400 * 1024 * 1024,
  "grpc.max_send_message_length": 400 * 1024 * 1024,
});
const impl: Record<string, unknown> = {};
for (const name of Object.keys(langrpc.LanguageRuntimeService)) impl[name] = unimplemented(name);
Object.assign(impl, {
  handshake,
  getPluginInfo,
  getRequiredPackages,
  about,
  getProgramDependencies,
  installDependencies,
  run,
  runPlugin,
  cancel,
});
server.addService(langrpc.LanguageRuntimeService, impl as import("@grpc/grpc-js").UntypedServiceImplementation);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    log(`could not start language host RPC server: ${err.message}`);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});

// Ctrl-C reaches the whole process group: let the children wind down, then stop.
process.on("SIGINT", () => {
  for (const c of children) interrupt(c);
  server.tryShutdown(() => process.exit(0));
  setTimeout(() => process.exit(0), 6000).unref();
});
process.on("SIGTERM", () => {
  for (const c of children) interrupt(c, 1000);
  server.forceShutdown();
  setTimeout(() => process.exit(0), 1500).unref();
});
// The engine that started us is gone (we were re-parented): stop, as Pulumi's host does on a failed health check.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    for (const c of children) interrupt(c, 1000);
    setTimeout(() => process.exit(1), 1500).unref();
  }
}, 1000).unref();
