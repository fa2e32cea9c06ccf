#!/usr/bin/env node
/**
 * Standalone emulator: `huaweicloud-vpn-emulator --port 8787 [--host 127.0.0.1] [--delay-scale 0.02]
 * [--duration-seed N] [--state FILE] [--access-key AK] [--secret-key SK] [--project-id ID] [--region cn-north-4] [--auth-token T]
 * [--admin-token T]`.
 *
 * Prints its URL and the settings a client needs as `HW_…=` lines (`eval "$(… | grep ^HW_)"` works). This
 * banner is the only place the (local, test-only) secret key and the admin token are ever printed.
 */
import { startEmulator, type StartEmulatorOptions } from "./index";

const USAGE = `usage: huaweicloud-vpn-emulator [options]
  --port N            TCP port (default 8787; 0 = any free port)
  --host ADDR         interface (default 127.0.0.1)
  --delay-scale X     scale of realistic status-transition durations (default 0.02; 0 = immediate)
  --duration-seed N   randomise each status transition's duration (0.5–1.5 × typical), reproducibly from N
  --state FILE        keep the state in FILE (loaded at start, written on every change)
  --access-key AK     accepted access key (generated when absent)
  --secret-key SK     accepted secret key (generated when absent)
  --project-id ID     project id to hand to clients (generated when absent)
  --region NAME       region name (default cn-north-4)
  --auth-token T      also accept X-Auth-Token: T
  --admin-token T     token the admin API requires (generated when absent)
  --help`;

export function parseArgs(argv: readonly string[]): StartEmulatorOptions & { help?: boolean } {
  const out: StartEmulatorOptions & { help?: boolean } = { port: 8787, delayScale: 0.02 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case "--port": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error("--port must be 0-65535");
        out.port = n;
        break;
      }
      case "--host":
        out.host = value();
        break;
      case "--delay-scale": {
        const n = Number(value());
        if (!(n >= 0)) throw new Error("--delay-scale must be a number >= 0");
        out.delayScale = n;
        break;
      }
      case "--duration-seed": {
        const n = Number(value());
        if (!Number.isInteger(n)) throw new Error("--duration-seed must be an integer");
        out.durationSeed = n;
        break;
      }
      case "--state":
        out.stateFile = value();
        break;
      case "--access-key":
        out.accessKey = value();
        break;
      case "--secret-key":
        out.secretKey = value();
        break;
      case "--project-id":
        out.projectId = value();
        break;
      case "--region":
        out.region = value();
        break;
      case "--auth-token":
        out.authToken = value();
        break;
      case "--admin-token":
        out.adminToken = value();
        break;
      case "--help":
      case "-h":
        out.help = true;
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { help: _help, ...options } = opts;
  const emu = await startEmulator(options);
  process.stdout.write(
    [
      `Huawei Cloud VPN v5 emulator listening on ${emu.url}`,
      `admin API: ${emu.url}/__emulator/ (loopback only, header X-Emulator-Admin-Token: $HW_EMULATOR_ADMIN_TOKEN)${options.stateFile ? `; state file: ${options.stateFile}` : ""}`,
      `HW_VPN_ENDPOINT=${emu.url}`,
      `HW_ACCESS_KEY=${emu.accessKey}`,
      `HW_SECRET_KEY=${emu.secretKey}`,
      `HW_PROJECT_ID=${emu.projectId}`,
      `HW_EMULATOR_ADMIN_TOKEN=${emu.adminToken}`,
      `HW_REGION_NAME=${emu.region}`,
      "",
    ].join("\n"),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`emulator: ${signal}, shutting down\n`);
    emu.close().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`emulator: error while closing: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`emulator: ${(e as Error).message}\n`);
    process.exit(1);
  });
}
