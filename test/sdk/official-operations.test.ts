/**
 * The operation table against the official Node SDK's VPN client: every operation of Huawei's
 * `huaweicloud-sdk-nodejs-v3` 3.1.202 `VpnClient` (the list in test/fixtures/official-sdk, written from that
 * release's VpnClient.ts) is an operation of our table and a method of our `VpnClient`, and the table has no
 * operation the official client lacks. The four operations that release added are marked as outside both
 * editions of the API reference.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VpnClient } from "../../sdk/client";
import { operationList } from "../../sdk/spec/operations";

const official = JSON.parse(readFileSync(join(__dirname, "../fixtures/official-sdk/vpn-v5-operations-3.1.202.json"), "utf8")) as {
  source: string;
  added_in_3_1_202: string[];
  operations: string[];
};

const client = new VpnClient({ region: "cn-north-4", projectId: "p", accessKey: "ak", secretKey: "sk", env: {} });
const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

describe("the official Node SDK 3.1.202 VpnClient", () => {
  it("the list is the release's 89 operations, each once", () => {
    expect(official.operations).toHaveLength(89);
    expect(new Set(official.operations).size).toBe(official.operations.length);
  });

  it.each(official.operations)("%s is an operation of the table and a method of VpnClient", (name) => {
    const op = operationList.find((o) => o.name === name);
    expect(op?.name, `${name} is missing from sdk/spec`).toBe(name);
    expect(op!.key).toBe(lowerFirst(name));
    expect(typeof (client as unknown as Record<string, unknown>)[op!.key]).toBe("function");
  });

  it("the table has no operation the official client lacks", () => {
    const extra = operationList.map((o) => o.name).filter((n) => !official.operations.includes(n));
    expect(extra).toEqual([]);
  });

  it("the operations 3.1.202 added are marked as in neither edition, citing the release", () => {
    for (const name of official.added_in_3_1_202) {
      const op = operationList.find((o) => o.name === name)!;
      expect(op.documented, name).toBe("undocumented");
      expect(op.doc, name).toMatch(/Node SDK 3\.1\.202/);
    }
  });
});
