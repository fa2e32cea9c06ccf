/**
 * The package as a user gets it: `npm pack`, unpacked into an empty project's node_modules with the dependencies a
 * user's install brings (the repository's own copies of @pulumi/pulumi, zod, undici and @types/node, linked), then
 * a realistic program type-checked by `tsc` under each common setup: the tsconfig of `pulumi new typescript`
 * (strict, moduleResolution node, no skipLibCheck), `strict: false`, moduleResolution node16 and bundler, and an
 * ES-module consumer (nodenext). Programs that misuse the types must fail with the expected error codes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const tsc = path.join(root, "node_modules/typescript/bin/tsc");
let dir = "";

/** `pulumi new typescript`'s tsconfig (Pulumi templates, typescript/tsconfig.json). */
const PULUMI_NEW = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: false,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};

const SETUPS: Record<string, { compilerOptions: Record<string, unknown>; type?: "module" }> = {
  "pulumi new typescript": { compilerOptions: PULUMI_NEW },
  "strict: false": { compilerOptions: { ...PULUMI_NEW, strict: false } },
  "moduleResolution node16 (CommonJS)": { compilerOptions: { ...PULUMI_NEW, module: "node16", moduleResolution: "node16" } },
  "moduleResolution bundler": { compilerOptions: { ...PULUMI_NEW, module: "esnext", moduleResolution: "bundler" } },
  "ES module consumer (nodenext)": { compilerOptions: { ...PULUMI_NEW, module: "nodenext", moduleResolution: "nodenext" }, type: "module" },
};

/** The HA example with values from other resources and from config, reading typed outputs. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as vpn from "pulumi-huaweicloud-vpn";

const cfg = new pulumi.Config();
const cfgSubnet = cfg.require("localSubnet");
const eipOutput: pulumi.Output<string> = pulumi.output(cfg.require("eip1"));

const gw = new vpn.VpnGateway("gw", {
  vpcId: cfg.require("vpcId"),
  connectSubnet: cfg.require("subnetId"),
  localSubnets: [cfgSubnet, "192.168.10.0/24"],
  haMode: "active-active",
  flavor: "Professional1",
  eip1: { id: eipOutput },
  eip2: pulumi.output({ id: cfg.require("eip2") }),
  tags: { app: "ha", owner: cfg.require("owner") },
  timeouts: { create: "30m" },
});
const cgw = new vpn.CustomerGateway("cgw", { idType: "ip", idValue: cfg.require("peerIp") });
const conn = new vpn.VpnConnection("conn", {
  vgwId: gw.id,
  vgwIp: gw.eip1.apply((e) => e?.id ?? ""),
  cgwId: cgw.id,
  peerSubnets: [cfg.require("peerSubnet")],
  psk: cfg.requireSecret("psk"),
  ikepolicy: { dhGroup: cfg.require("dhGroup") as "group15", lifetimeSeconds: 86400, dpd: { interval: 30 } },
  ipsecpolicy: { pfs: "group16" },
  policyRules: [{ source: cfgSubnet, destination: [gw.localSubnets.apply((s) => s?.[0] ?? "")] }],
});
const policy = new vpn.VpnAccessPolicy("pol", {
  vpnServerId: cfg.require("serverId"),
  name: "ops",
  userGroupId: cfg.require("groupId"),
  destIpCidrs: [cfgSubnet],
});
const found = vpn.VpnGateway.get("existing", cfg.require("existingId"));
const zones = vpn.getAvailabilityZonesOutput({ flavor: gw.flavor.apply((f) => f ?? "Professional1") });
const other = vpn.getVpnGatewayOutput({ id: found.id });
const isGw: boolean = vpn.VpnGateway.isInstance(found);

export const eipAddress: pulumi.Output<string | undefined> = gw.eip1.apply((e) => e?.ipAddress);
export const status: pulumi.Output<"PENDING_CREATE" | "PENDING_UPDATE" | "PENDING_DELETE" | "ACTIVE" | "FAULT" | "FREEZED" | undefined> = gw.status;
export const both = pulumi.all([gw.eip1, gw.eip2]).apply(([a, b]) => [a?.ipAddress, b?.ipAddress]);
export const dh = conn.ikepolicy.apply((p) => p?.dhGroup);
export const policyName = policy.name;
export const zoneNames = zones.apply((z) => Object.keys(z.availabilityZones ?? {}));
export const otherName = other.apply((g) => g.name);
export const instance = isGw;
`;

/**
 * An SDK program against the emulator, through the subpaths: a client, typed operations (request bodies, path and
 * query parameters, responses with the fields the API may return as null), a typed API error, pagination. The
 * declarations of /sdk and /emulator reach no zod types, so it compiles under every setup as is (no
 * `esModuleInterop`).
 */
const SUBPATHS = `import {
  ApiError,
  VpnClient,
  isNotFound,
  resolveConfig,
  getOperation,
  CreateCgwRequestBody,
  type CreateCgwRequestBodyInput,
  type ResponseCustomerGateway,
} from "pulumi-huaweicloud-vpn/sdk";
import { startEmulator, type RunningEmulator } from "pulumi-huaweicloud-vpn/emulator";

export const endpoint: string = resolveConfig({ region: "cn-north-4", projectId: "p", accessKey: "a", secretKey: "s" }).endpoint;
export const op: string = getOperation("showVgw").path;

export async function main(): Promise<string[]> {
  const emu: RunningEmulator = await startEmulator({ port: 0 });
  const vpn = new VpnClient(emu.settings);
  const body: CreateCgwRequestBodyInput = { customer_gateway: { name: "peer", id_type: "ip", id_value: "203.0.113.7", bgp_asn: 65000 } };
  const checked = CreateCgwRequestBody.safeParse(body);
  if (!checked.success) throw new Error(checked.error.issues.map((i) => i.message).join("; "));
  const { customer_gateway } = await vpn.createCgw({ body });
  const id: string = customer_gateway.id;
  const shown: ResponseCustomerGateway = (await vpn.showCgw({ customer_gateway_id: id })).customer_gateway;
  const asn: number | null | undefined = shown.bgp_asn;
  const names: string[] = [String(asn)];
  for await (const cgw of vpn.paginate("listCgws", { limit: 50 })) names.push(cgw.name ?? cgw.id);
  const all = await vpn.listAll("listVpnConnections", { vgw_id: "g" });
  names.push(...all.map((c) => c.status ?? ""));
  try {
    await vpn.showVgw({ vgw_id: "00000000-0000-0000-0000-000000000000" });
  } catch (e) {
    if (e instanceof ApiError && e.errorCode === "VPN.0004") names.push(\`gone (HTTP \${e.httpStatus}, request \${e.requestId ?? "-"})\`);
    else if (!isNotFound(e)) throw e;
  }
  await vpn.deleteCgw({ customer_gateway_id: id });
  await vpn.close();
  await emu.close();
  return names;
}
`;

/** SDK misuses that must not compile, with the error each must give. */
const SDK_NEGATIVE: Record<string, { code: string[]; text: string }> = {
  "a misspelled body field": { code: ["TS2353", "TS2561"], text: `vpn.createCgw({ body: { customer_gateway: { id_valu: "1.2.3.4" } } });` },
  "a wrong enum in a body": { code: ["TS2322", "TS2820"], text: `vpn.createCgw({ body: { customer_gateway: { id_type: "dns", id_value: "x" } } });` },
  "a missing path parameter": { code: ["TS2345"], text: `vpn.showCgw({});` },
  "a misspelled response field": { code: ["TS2551", "TS2339"], text: `vpn.showCgw({ customer_gateway_id: "x" }).then((r) => r.customer_gateway.bgp_asnn);` },
  "paginating an operation without pages": { code: ["TS2345"], text: `vpn.paginate("showCgw", {});` },
};

/** Misuses that must not compile, with the error each must give. */
const NEGATIVE: Record<string, { code: string[]; text: string }> = {
  "a misspelled output property": { code: ["TS2551", "TS2339"], text: `export const s = gw.statsu;` },
  "a wrong enum literal": { code: ["TS2322", "TS2820"], text: `new vpn.VpnGateway("x", { haMode: "active-passive" });` },
  "a wrong nested type": { code: ["TS2322"], text: `new vpn.VpnGateway("x", { eip1: { id: 42 } });` },
  "a wrong enum in a nested object": {
    code: ["TS2322", "TS2820"],
    text: `new vpn.VpnConnection("x", { vgwId: "a", vgwIp: "b", cgwId: "c", psk: "d", ikepolicy: { dhGroup: "group3" } });`,
  },
  "a misspelled argument": { code: ["TS2353", "TS2561"], text: `new vpn.CustomerGateway("x", { idTyp: "ip", idValue: "1.2.3.4" });` },
};

function link(target: string, at: string) {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at, "dir");
}

function project(name: string, setup: (typeof SETUPS)[string], program: string): string {
  const p = path.join(dir, name.replace(/\W+/g, "-"));
  fs.mkdirSync(p);
  fs.symlinkSync(path.join(dir, "node_modules"), path.join(p, "node_modules"), "dir");
  fs.writeFileSync(path.join(p, "package.json"), JSON.stringify({ name: "consumer", private: true, ...(setup.type ? { type: setup.type } : {}) }));
  fs.writeFileSync(path.join(p, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...setup.compilerOptions, noEmit: true }, files: ["index.ts"] }));
  fs.writeFileSync(path.join(p, "index.ts"), program);
  return p;
}

function typecheck(p: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [tsc, "-p", p], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  execFileSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpn-types-"));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" })) as { filename: string }[];
  const pkg = path.join(dir, "node_modules/pulumi-huaweicloud-vpn");
  fs.mkdirSync(pkg, { recursive: true });
  execFileSync("tar", ["xzf", path.join(dir, packed[0]!.filename), "-C", pkg, "--strip-components=1"]);
  for (const dep of ["@pulumi/pulumi", "zod", "undici", "@types/node"]) link(path.join(root, "node_modules", dep), path.join(dir, "node_modules", dep));
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Declaration files reachable from the package's main types entry, following relative imports. */
function publicDeclarations(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const base = path.resolve(path.dirname(file), m[1]!);
      const next = [`${base}.d.ts`, path.join(base, "index.d.ts")].find((f) => fs.existsSync(f));
      if (next) walk(next);
    }
  };
  walk(entry);
  return [...seen];
}

/** Every declaration file under a directory of dist/. */
function declarationsUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? declarationsUnder(f) : e.name.endsWith(".d.ts") ? [f] : [];
  });
}

/**
 * `any`/`unknown` left in dist/provider on purpose, by file and declaration: `parseDuration` in provider/wait.ts
 * reads a resource's `timeouts` entry, whatever the program put there (another change owns wait.ts).
 */
const ALLOWED_UNKNOWN: readonly { file: string; declaration: RegExp }[] = [
  { file: "dist/provider/wait.d.ts", declaration: /^export declare function parseDuration\(v: unknown, fallbackMs: number\): number;$/ },
];

/** `any` / `unknown` type keywords in a declaration file (comments and strings do not count). */
function anyOrUnknown(file: string): string[] {
  const ts = require(path.join(root, "node_modules/typescript")) as typeof import("typescript");
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: import("typescript").Node) => {
    if (n.kind === ts.SyntaxKind.AnyKeyword || n.kind === ts.SyntaxKind.UnknownKeyword) {
      const { line } = sf.getLineAndCharacterOfPosition(n.getStart());
      let decl: import("typescript").Node = n;
      while (decl.parent && decl.parent.kind !== ts.SyntaxKind.SourceFile) decl = decl.parent;
      const rel = path.relative(root, file);
      const text = decl.getText().replace(/\s+/g, " ");
      if (!ALLOWED_UNKNOWN.some((a) => a.file === rel && a.declaration.test(text))) found.push(`${rel}:${line + 1}: ${n.getText()} in ${text.slice(0, 120)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe("the public declarations of the provider", () => {
  it("reach no zod and no SDK internals, and contain no any/unknown", () => {
    const files = publicDeclarations(path.join(root, "dist/provider/index.d.ts"));
    const rel = files.map((f) => path.relative(root, f)).sort();
    console.log(`public declarations: ${rel.join(", ")}`);
    expect(rel.every((f) => f.startsWith("dist/provider/"))).toBe(true);
    for (const f of files) expect(fs.readFileSync(f, "utf8"), f).not.toMatch(/from "zod"/);
    expect(files.flatMap(anyOrUnknown)).toEqual([]);
  });

  it("every declaration file of dist/provider (internal modules and ./rt too) has no any/unknown", () => {
    const files = declarationsUnder(path.join(root, "dist/provider"));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(anyOrUnknown)).toEqual([]);
  });
});

describe("the declarations of /sdk and /emulator", () => {
  it("reach no zod types", () => {
    for (const entry of ["dist/sdk/index.d.ts", "dist/emulator/index.d.ts"]) {
      const files = publicDeclarations(path.join(root, entry));
      expect(files.length).toBeGreaterThan(1);
      for (const f of files) expect(fs.readFileSync(f, "utf8"), f).not.toMatch(/from "zod"|import\("zod"\)/);
    }
  });
});

describe("the packed package type-checks in a user's project", () => {
  for (const [name, setup] of Object.entries(SETUPS)) {
    it(`compiles the HA program with 0 errors under ${name}`, () => {
      const r = typecheck(project(name, setup, PROGRAM));
      expect(r.out).toBe("");
      expect(r.status).toBe(0);
    }, 120_000);
  }

  for (const [name, setup] of Object.entries(SETUPS)) {
    it(`compiles an SDK program through /sdk and /emulator under ${name}`, () => {
      expect(setup.compilerOptions).not.toHaveProperty("esModuleInterop");
      expect(setup.compilerOptions).not.toHaveProperty("skipLibCheck");
      const r = typecheck(project(`sub-${name}`, setup, SUBPATHS));
      expect(r.out).toBe("");
      expect(r.status).toBe(0);
    }, 120_000);
  }

  const sdkPreamble = `import { VpnClient } from "pulumi-huaweicloud-vpn/sdk";\nconst vpn = new VpnClient({ region: "cn-north-4" });\n`;
  for (const [name, neg] of Object.entries(SDK_NEGATIVE)) {
    it(`refuses ${name} in an SDK call`, () => {
      const r = typecheck(project(`sdkneg-${name}`, SETUPS["pulumi new typescript"]!, `${sdkPreamble}${neg.text}\n`));
      expect(r.status).not.toBe(0);
      const codes = [...r.out.matchAll(/error (TS\d+)/g)].map((m) => m[1]!);
      expect(codes.length, r.out).toBeGreaterThan(0);
      for (const c of codes) expect(neg.code, r.out).toContain(c);
    }, 120_000);
  }

  const preamble = PROGRAM.slice(0, PROGRAM.indexOf("const cgw"));
  for (const [name, neg] of Object.entries(NEGATIVE)) {
    it(`refuses ${name}`, () => {
      const r = typecheck(project(`neg-${name}`, SETUPS["pulumi new typescript"]!, `${preamble}\n${neg.text}\n`));
      expect(r.status).not.toBe(0);
      const codes = [...r.out.matchAll(/error (TS\d+)/g)].map((m) => m[1]!);
      expect(codes.length, r.out).toBeGreaterThan(0);
      for (const c of codes) expect(neg.code, r.out).toContain(c);
    }, 120_000);
  }
});
