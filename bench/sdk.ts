/**
 * Benchmark: signed GET round trips per second, our `VpnClient` versus the official
 * `@huaweicloud/huaweicloud-sdk-core` pipeline (`ClientBuilder` -> `HcClient` -> `DefaultHttpClient` (axios) with
 * `BasicCredentials` and `withEndpoint` to the same local server), same request (ShowVgw), same concurrency.
 *
 * Run: `npm run bench` (both benchmarks, after the build), or one of them:
 *
 *   bash scripts/with-node22.sh node dist/bench/sdk.js [seconds-per-round=3] [concurrency=16]
 *
 * (`node --experimental-strip-types bench/sdk.ts` cannot work here: the SDK's extensionless imports need a
 * TypeScript-aware resolver, so the file is compiled instead.)
 *
 * The server runs in a worker thread (its own core on a two-core machine), answers every GET with the
 * documented ShowVgw example body, and verifies the signature of every 8th request of both clients with
 * `verifyRequest`; any failure aborts the run. After a warm-up, five pairs of rounds alternate between the two
 * clients (the order flips every pair); the median and the spread of the pairs' ratios are reported. Both use keep-alive: ours an undici Agent, the official one Node 22's keep-alive global agent.
 *
 * The official package's packaging bug: `http/DefaultUserAgent.js` (loaded by `ClientBuilder`) requires `uuid`,
 * which the package does not declare; this repo installs `uuid` as a devDependency so it loads. We pass
 * `customUserAgent`, so it does not write `~/.huaweicloud/application_id` either.
 */
import { Worker } from "node:worker_threads";
import * as path from "node:path";
import { VpnClient } from "../sdk/client";
import { operations } from "../sdk/spec/operations";
import type { OperationSpec } from "../sdk/spec/types";
import { median } from "./stats";

const AK = "HWBENCHAK00000000001";
const SK = "BenchSecretKey0000000000000000000000001";
const PROJECT = "0123456789abcdef0123456789abcdef";
const VGW = "66ddeacb-demo-a8df-va86-9a414b5bd7d5";

const seconds = Number(process.argv[2] ?? 3);
const concurrency = Number(process.argv[3] ?? 16);

const RESPONSE = {
  vpn_gateway: {
    id: VGW,
    name: "vpngw-5bd6",
    network_type: "private",
    status: "ACTIVE",
    attachment_type: "vpc",
    vpc_id: "91a74241-demo-a8df-va86-9b5f98c66c8c",
    local_subnets: ["192.168.0.0/24"],
    connect_subnet: "f5741286-demo-a8df-va86-2c82bd9ee114",
    bgp_asn: 64512,
    flavor: "Professional1",
    availability_zone_ids: ["cn-south-1f", "cn-south-1e"],
    connection_number: 200,
    used_connection_number: 0,
    used_connection_group: 0,
    enterprise_project_id: "0",
    created_at: "2022-11-28T02:22:27.24Z",
    updated_at: "2022-11-28T02:22:27.24Z",
    access_vpc_id: "0cf79a3f-demo-a8df-va86-d7ace626b0fa",
    access_subnet_id: "f5741286-demo-a8df-va86-2c82bd9ee114",
    access_private_ip_1: "192.168.146.45",
    access_private_ip_2: "192.168.146.77",
    ha_mode: "active-active",
  },
  request_id: "28b795f8-d431-4f1e-93ab-1c401a82b799",
};

// The server, in plain CommonJS for an eval'd worker. It loads the compiled verifier next to this file.
const SERVER_SOURCE = `
const http = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const { verifyRequest } = require(workerData.signingModule);
const body = JSON.stringify(workerData.response);
let n = 0, verified = 0, failures = 0, lastFailure = "";
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    if (++n % 8 === 1) {
      const r = verifyRequest({ method: req.method, rawTarget: req.url, headers: req.headers, body: Buffer.concat(chunks) },
        (ak) => (ak === workerData.ak ? workerData.sk : undefined));
      if (r.ok) verified++; else { failures++; lastFailure = r.reason; }
    }
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "bench" });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => parentPort.postMessage({ port: server.address().port }));
parentPort.on("message", (m) => {
  if (m === "stats") parentPort.postMessage({ n, verified, failures, lastFailure });
});
`;

interface Stats {
  n: number;
  verified: number;
  failures: number;
  lastFailure: string;
}

function ask<T>(worker: Worker, msg: string): Promise<T> {
  return new Promise((resolve) => {
    worker.once("message", (m: T) => resolve(m));
    worker.postMessage(msg);
  });
}

async function run(fn: () => Promise<unknown>, ms: number): Promise<number> {
  let count = 0;
  const end = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await fn();
        count++;
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/** The shared table's ShowVgw when it is there (real response schema parsing), else an equivalent local spec. */
function showVgwSpec(): { spec: OperationSpec; shared: boolean } {
  const shared = (operations as Record<string, OperationSpec>)["showVgw"];
  if (shared) return { spec: shared, shared: true };
  return {
    shared: false,
    spec: {
      name: "ShowVgw",
      method: "GET",
      path: "/v5/{project_id}/vpn-gateways/{vgw_id}",
      successStatus: 200,
      documented: "both",
      doc: "ZH 4.1.1.2 / EN 4.1.1.2",
    },
  };
}

async function main(): Promise<void> {
  const worker = new Worker(SERVER_SOURCE, {
    eval: true,
    workerData: { signingModule: path.join(__dirname, "../sdk/signing"), response: RESPONSE, ak: AK, sk: SK },
  });
  const { port } = await new Promise<{ port: number }>((resolve) => worker.once("message", resolve));
  const endpoint = `http://127.0.0.1:${port}`;

  // Ours.
  const { spec, shared } = showVgwSpec();
  let mismatch = "";
  const ours = new VpnClient({
    region: "cn-north-4",
    projectId: PROJECT,
    accessKey: AK,
    secretKey: SK,
    endpoint,
    env: {},
    operations: { showVgw: spec },
    onResponseMismatch: (_op, issues) => (mismatch = issues.map((i) => `${i.field}: ${i.rule}`).join("; ")),
  });
  const oursCall = () => ours.call("showVgw", { vgw_id: VGW } as never);

  // Official.
  const { ClientBuilder } = require("@huaweicloud/huaweicloud-sdk-core/ClientBuilder");
  const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials");
  const credential = new BasicCredentials().withAk(AK).withSk(SK).withProjectId(PROJECT);
  const hc = new ClientBuilder((c: unknown) => c)
    .withCredential(credential)
    .withEndpoint(endpoint)
    .withOptions({ customUserAgent: "bench" })
    .build();
  // What a generated client's ShowVgw does: fresh options per call, then HcClient.sendRequest.
  const officialCall = () =>
    hc.sendRequest({
      method: "GET",
      url: "/v5/{project_id}/vpn-gateways/{vgw_id}",
      contentType: "application/json",
      headers: {},
      queryParams: {},
      pathParams: { vgw_id: VGW },
    }) as Promise<unknown>;

  // Sanity: both return the gateway and both sign correctly.
  const a = (await oursCall()) as unknown as { vpn_gateway?: { id?: string } };
  const b = (await officialCall()) as { vpn_gateway?: { id?: string } };
  if (a.vpn_gateway?.id !== VGW || b.vpn_gateway?.id !== VGW) throw new Error("unexpected response");
  if (mismatch) console.log(`note: the sample response does not match the ShowVgw schema (${mismatch})`);

  // Warm-up, then pairs of alternating rounds (the order flips every pair, so a drift of the machine's speed
  // does not favour one client); each pair gives a ratio.
  await run(oursCall, 1000);
  await run(officialCall, 1000);
  const PAIRS = 5;
  const oursRounds: number[] = [];
  const officialRounds: number[] = [];
  for (let pair = 0; pair < PAIRS; pair++) {
    if (pair % 2 === 0) {
      oursRounds.push(await run(oursCall, seconds * 1000));
      officialRounds.push(await run(officialCall, seconds * 1000));
    } else {
      officialRounds.push(await run(officialCall, seconds * 1000));
      oursRounds.push(await run(oursCall, seconds * 1000));
    }
  }

  const stats = await ask<Stats>(worker, "stats");
  await ours.close();
  await worker.terminate();
  if (stats.failures > 0)
    throw new Error(`${stats.failures} signature verification failures (last: ${stats.lastFailure})`);

  const ratios = oursRounds.map((o, i) => o / officialRounds[i]!);
  const fmt = (x: number) => x.toFixed(0).padStart(7);
  console.log(`Signed GET round trips per second (ShowVgw, concurrency ${concurrency}, ${PAIRS} pairs of alternating ${seconds}s rounds after a warm-up; load ${require("node:os").loadavg()[0].toFixed(2)})`);
  console.log(
    `  operation spec: ${shared ? "shared table (response validated with its zod schema)" : "local stand-in (table not filled yet)"}`,
  );
  console.log(
    `  ours     (VpnClient, undici):            ${fmt(median(oursRounds))} median   rounds: ${oursRounds.map((x) => x.toFixed(0)).join(", ")}`,
  );
  console.log(
    `  official (huaweicloud-sdk-core, axios):  ${fmt(median(officialRounds))} median   rounds: ${officialRounds.map((x) => x.toFixed(0)).join(", ")}`,
  );
  console.log(
    `  P4 ratio ours / official: median of the pairs ${median(ratios).toFixed(2)}x, spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x (pairs: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
  );
  console.log(`  server: ${stats.n} requests, ${stats.verified} signatures verified, ${stats.failures} failures`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
