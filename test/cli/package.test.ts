/**
 * The user's path, end to end: `npm pack` this package, install the tarball into an empty project (Pulumi.yaml,
 * tsconfig.json, index.ts, like `pulumi new typescript` makes), start the installed `huaweicloud-vpn-emulator`,
 * and run the plain CLI in the project directory — `pulumi config set [--secret]`, `preview`, `up`,
 * `preview --expect-no-changes`, `preview --policy-pack node_modules/pulumi-huaweicloud-vpn/policies`, `refresh`,
 * `destroy` — through our CLI build and its Node.js language host (scripts/language-host).
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmulatorAdmin } from "../../emulator/admin-client";
import { spawnEmulatorCli } from "../emulator/helpers";
import { secretMatches } from "../../emulator/util";
import { nodeVersionProblem } from "../../provider/node-version";
import { cliFor, type Cli, type CliResult } from "../../scripts/lib/cli";
import { engineEnv, repoRoot } from "../../scripts/lib/engine";

const PSK = "Cli-Test-Psk-4Hq8Vw2Rz";
const REGION = "ap-southeast-3"; // Singapore offers the Professional flavors only (GW-09)
const STACK = "dev";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as vpn from "pulumi-huaweicloud-vpn";

const config = new pulumi.Config();
const eip1 = "cff40e5e-demo-a8df-va86-7366077bf097";

const gateway = new vpn.VpnGateway("vpngw", {
  vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
  connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
  localSubnets: ["192.168.0.0/24"],
  flavor: config.get<"Basic" | "Professional1">("flavor") ?? "Professional1",
  eip1: { id: eip1 },
  eip2: { id: "d290f1ee-demo-a8df-va86-d701748f0851" },
});
const customerGateway = new vpn.CustomerGateway("cgw", { idType: "ip", idValue: "10.12.13.21" });
const connection = new vpn.VpnConnection("vpn-1", {
  vgwId: gateway.id,
  vgwIp: eip1,
  cgwId: customerGateway.id,
  peerSubnets: ["192.168.44.0/24"],
  psk: config.requireSecret("psk"),
});

if (config.getBoolean("secondGateway")) {
  new vpn.VpnGateway("vpngw-2", {
    vpcId: "cb4a631d-demo-a8df-va86-ca3fa348c36c",
    connectSubnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
    localSubnets: ["192.168.2.0/24"],
    eip1: { id: "e3c10c2a-demo-a8df-va86-2f1b8bd0a001" },
    eip2: { id: "e3c10c2a-demo-a8df-va86-2f1b8bd0a002" },
  });
}

export const gatewayId = gateway.id;
export const connectionStatus = connection.status;
`;

const PULUMI_YAML = `name: hwvpn-user-project
description: A user's project on the installed pulumi-huaweicloud-vpn package
runtime:
  name: nodejs
  options:
    typescript: true
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: "commonjs",
    moduleResolution: "node",
    esModuleInterop: true,
    skipLibCheck: true,
    types: ["node"],
  },
  files: ["index.ts"],
};

interface Emulator {
  child: ChildProcess;
  settings: Record<string, string>;
}

let tmp: string;
let project: string;
let packed: { filename: string; files: { path: string }[] };
let emulator: Emulator;
let cli: Cli;
const outputs: string[] = [];
const timings: Record<string, number> = {};

function node22Env(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.dirname(engineEnv().node)}:${process.env.PATH ?? ""}` };
}

function sh(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, env: node22Env(), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Starts the installed package's emulator bin and reads the settings it prints (`HW_…=` lines). */
async function startEmulator(dir: string): Promise<Emulator> {
  const bin = path.join(dir, "node_modules", ".bin", "huaweicloud-vpn-emulator");
  const args = ["--port", "0", "--delay-scale", "0", "--region", REGION, "--state", path.join(tmp, "emulator-state.json")];
  const started = spawnEmulatorCli(args, { command: bin, cwd: dir, env: node22Env() });
  return { child: started.child, settings: await started.banner };
}

async function timed(name: string, args: string[], opts?: Parameters<Cli["run"]>[1]): Promise<CliResult> {
  const t0 = Date.now();
  const r = await cli.run(args, opts);
  timings[name] = Date.now() - t0;
  outputs.push(r.output);
  return r;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Programs still running in the directory: `@pulumi/pulumi/cmd/run … --pwd <dir>`, as the language host starts them. */
function programsRunningIn(dir: string): string[] {
  const ps = spawnSync("ps", ["-eo", "pid,args"], { encoding: "utf8" }).stdout;
  return ps.split("\n").filter((l) => l.includes(`--pwd ${dir} `));
}

async function remaining(): Promise<Record<string, number>> {
  const st = await new EmulatorAdmin(emulator.settings.HW_VPN_ENDPOINT!, emulator.settings.HW_EMULATOR_ADMIN_TOKEN).state(emulator.settings.HW_PROJECT_ID);
  const out: Record<string, number> = {};
  for (const p of st.projects)
    for (const [kind, list] of Object.entries(p.resources)) if (list.length > 0) out[kind] = list.length;
  return out;
}

/** The `secrets.psk` digests of the records in an emulator state file. */
function pskDigests(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(pskDigests);
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  const own = (o.secrets as { psk?: unknown } | undefined)?.psk;
  return [...(typeof own === "string" ? [own] : []), ...Object.values(o).flatMap(pskDigests)];
}

beforeAll(async () => {
  const t0 = Date.now();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hwvpn-cli-"));
  project = path.join(tmp, "project");
  fs.mkdirSync(project);
  // One pack per run, of the dist/ that `npm run setup` built.
  [packed] = JSON.parse(sh("npm", ["pack", "--json", "--pack-destination", tmp, "--loglevel=error"], repoRoot));
  timings.pack = Date.now() - t0;
  const pulumiVersion = JSON.parse(
    fs.readFileSync(path.join(repoRoot, "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"),
  ).version;
  const typescriptVersion = JSON.parse(
    fs.readFileSync(path.join(repoRoot, "node_modules", "typescript", "package.json"), "utf8"),
  ).version;
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify(
      {
        name: "hwvpn-user-project",
        private: true,
        dependencies: {
          "@pulumi/pulumi": pulumiVersion,
          "pulumi-huaweicloud-vpn": `file:${path.join(tmp, packed.filename)}`,
        },
        devDependencies: { "@types/node": "^22", typescript: typescriptVersion },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), PULUMI_YAML);
  fs.writeFileSync(path.join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  fs.writeFileSync(path.join(project, "index.ts"), PROGRAM);
  const t1 = Date.now();
  // The packages are in npm's cache after the repository's own `npm ci`; the registry is asked only for the rest.
  sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], project);
  timings.install = Date.now() - t1;
  emulator = await startEmulator(project);
  cli = cliFor(path.join(tmp, "state"), { cwd: project });
  await cli.ok(["stack", "init", STACK]);
}, 240_000);

afterAll(async () => {
  if (emulator?.child.exitCode === null) {
    const exited = new Promise((r) => emulator.child.once("exit", r));
    emulator.child.kill("SIGTERM");
    await exited;
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`CLI path timings (ms): ${JSON.stringify(timings)}`);
});

describe("the package a user installs, through the plain CLI", () => {
  it("the tarball holds what users need and nothing of the repository's tooling", () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of [
      "dist/provider/index.js",
      "dist/provider/index.d.ts",
      "dist/sdk/index.js",
      "dist/emulator/cli.js",
      "policies/PulumiPolicy.yaml",
      "policies/package.json",
      "policies/index.js",
      "dist/policies/index.js",
      "README.md",
    ])
      expect(files).toContain(needed);
    const unwanted = files.filter(
      (f) =>
        /^(bench|scripts|test)\/|^dist\/(bench|scripts|test)\/|\.map$|tsbuildinfo|\.ts$/.test(f) &&
        !f.endsWith(".d.ts"),
    );
    expect(unwanted).toEqual([]);
    const installed = JSON.parse(
      fs.readFileSync(path.join(project, "node_modules", "pulumi-huaweicloud-vpn", "package.json"), "utf8"),
    );
    expect(installed.bin["huaweicloud-vpn-emulator"]).toBe("dist/emulator/cli.js");
    expect(installed.peerDependencies["@pulumi/pulumi"]).toBe("^3.259.0");
  });

  it("config and secrets set with `pulumi config set [--secret]` reach the provider: preview, up, no-change preview", async () => {
    const s = emulator.settings;
    await cli.ok(["config", "set", "huaweicloud-vpn:endpoint", s.HW_VPN_ENDPOINT!]);
    await cli.ok(["config", "set", "huaweicloud-vpn:region", s.HW_REGION_NAME!]);
    await cli.ok(["config", "set", "huaweicloud-vpn:projectId", s.HW_PROJECT_ID!]);
    // Secrets on stdin, not on the command line.
    await cli.ok(["config", "set", "--secret", "huaweicloud-vpn:accessKey"], { input: s.HW_ACCESS_KEY! });
    await cli.ok(["config", "set", "--secret", "huaweicloud-vpn:secretKey"], { input: s.HW_SECRET_KEY! });
    await cli.ok(["config", "set", "--secret", "psk"], { input: PSK });
    const stackFile = fs.readFileSync(path.join(project, `Pulumi.${STACK}.yaml`), "utf8");
    expect(stackFile).toContain(`huaweicloud-vpn:region: ${REGION}`);
    expect(stackFile).toMatch(/huaweicloud-vpn:secretKey:\n\s+secure: /);
    expect(stackFile).toMatch(/hwvpn-user-project:psk:\n\s+secure: /);
    expect(stackFile).not.toContain(PSK);
    expect(stackFile).not.toContain(s.HW_SECRET_KEY!);

    const preview = await timed("preview", ["preview"]);
    expect(preview.code, preview.output).toBe(0);
    expect(preview.stdout).toMatch(/\+ 4 to create/);
    expect(await remaining()).toEqual({});

    const up = await timed("up", ["up", "--yes"]);
    expect(up.code, up.output).toBe(0);
    expect(up.stdout).toMatch(/\+ 4 created/);
    expect(await remaining()).toEqual({ vpnGateway: 1, customerGateway: 1, vpnConnection: 1 });
    // The signed requests worked (access and secret key from secret config), and the PSK the emulator got is ours
    // (its state file keeps a salted digest of it).
    const digests = pskDigests(JSON.parse(fs.readFileSync(path.join(tmp, "emulator-state.json"), "utf8")));
    expect(digests).toHaveLength(1);
    expect(secretMatches(PSK, digests[0])).toBe(true);

    const stackState = fs.readFileSync(
      path.join(tmp, "state", "backend", ".pulumi", "stacks", "hwvpn-user-project", `${STACK}.json`),
      "utf8",
    );
    expect(stackState).toContain("pulumi-nodejs:dynamic/huaweicloud-vpn:VpnConnection");
    expect(stackState).not.toContain(PSK);
    expect(stackState).not.toContain(s.HW_SECRET_KEY!);

    const again = await timed("preview --expect-no-changes", ["preview", "--expect-no-changes"]);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout).toMatch(/4 unchanged/);
  }, 240_000);

  it("the installed policy pack runs with the stack's config: a region-dependent mandatory rule fails the preview", async () => {
    const pack = ["--policy-pack", "node_modules/pulumi-huaweicloud-vpn/policies"];
    const clean = await timed("preview --policy-pack", ["preview", ...pack]);
    expect(clean.code, clean.output).toBe(0);
    expect(clean.stdout).toContain("huaweicloud-vpn@v0.1.0");
    expect(clean.stdout).not.toContain("[mandatory]");
    expect(clean.stdout).toContain("[advisory]  vpn-connection-monitored");

    // Basic is offered in Beijing but not in Singapore: only the region from the stack config can tell (no HW_*
    // variable reaches the CLI).
    await cli.ok(["config", "set", "flavor", "Basic"]);
    const blocked = await timed("preview --policy-pack (violation)", ["preview", ...pack]);
    await cli.ok(["config", "rm", "flavor"]);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout).toContain("[mandatory]  vpn-gateway-flavor-in-region");
    expect(blocked.stdout).toContain('VpnGateway "vpngw": flavor: "Basic" — is not offered in 亚太-新加坡');
    expect(await remaining()).toEqual({ vpnGateway: 1, customerGateway: 1, vpnConnection: 1 });
  }, 240_000);

  it("Ctrl-C during up ends cleanly through the language host; the next up finishes the job", async () => {
    const admin = new EmulatorAdmin(emulator.settings.HW_VPN_ENDPOINT!, emulator.settings.HW_EMULATOR_ADMIN_TOKEN);
    // A second gateway whose creation takes 12 s: the interrupt comes while the provider waits for it (the
    // override applies to gateways created from now on; the one interrupted keeps its 12 s).
    await admin.setTransition({ kind: "vpnGateway", phase: "create", progression: { mode: "time", ms: 12_000 } });
    await cli.ok(["config", "set", "secondGateway", "true"]);
    const running = cli.start(["up", "--yes", "--skip-preview"]);
    const t0 = Date.now();
    while (!/vpngw-2 creating/.test(running.output()) && Date.now() - t0 < 60_000) await sleep(200);
    await sleep(1500);
    running.child.kill("SIGINT");
    const interrupted = await running.done;
    outputs.push(interrupted.output);
    timings["up (Ctrl-C)"] = Date.now() - t0;
    expect(interrupted.code, interrupted.output).not.toBe(0);
    expect(interrupted.output).toContain("^C received; cancelling");
    expect(interrupted.output).toMatch(
      /VpnGateway \(vpngw-2\)[^]*cancelled \(Ctrl-C\); run `pulumi up` again to continue/,
    );
    // The program ended with the CLI.
    expect(programsRunningIn(project)).toEqual([]);

    await admin.clearTransitions("vpnGateway");
    // The interrupted create goes on in the emulator; the state holds the gateway, and the next `up` finishes it.
    const resumed = await timed("up (after Ctrl-C)", ["up", "--yes", "--skip-preview"]);
    expect(resumed.code, resumed.output).toBe(0);
    expect(await remaining()).toEqual({ vpnGateway: 2, customerGateway: 1, vpnConnection: 1 });
    await cli.ok(["config", "rm", "secondGateway"]);
  }, 240_000);

  it("refresh finds no drift, destroy leaves nothing in the emulator", async () => {
    const refresh = await timed("refresh", ["refresh", "--yes"]);
    expect(refresh.code, refresh.output).toBe(0);
    expect(refresh.stdout).toMatch(/5 unchanged/);

    const destroy = await timed("destroy", ["destroy", "--yes"]);
    expect(destroy.code, destroy.output).toBe(0);
    expect(destroy.stdout).toMatch(/- 5 deleted/);
    expect(await remaining()).toEqual({});
    await cli.ok(["stack", "rm", "--yes", STACK]);
  }, 240_000);

  it("no secret in any output, and our language host is the one in use (no PATH warning)", () => {
    const all = outputs.join("\n");
    expect(all).not.toContain(PSK);
    expect(all).not.toContain(emulator.settings.HW_SECRET_KEY!);
    expect(all).not.toMatch(/using pulumi-language-nodejs from \$PATH/);
    expect(engineEnv().languageHost).toBe("scripts/language-host");
  });

  it("names the Node.js version it needs on an older Node", () => {
    expect(nodeVersionProblem("22.19.0")).toBeUndefined();
    expect(nodeVersionProblem("24.1.0")).toBeUndefined();
    expect(nodeVersionProblem("22.18.9")).toMatch(/needs Node\.js >= 22\.19.*this is Node\.js v22\.18\.9/);
    expect(nodeVersionProblem("20.20.2")).toMatch(/needs Node\.js >= 22\.19/);
  });
});
