import { describe, expect, it } from "vitest";
import { collectSecretValues, redactHeaders, redactSecrets, scrubText } from "../../sdk/redact";

describe("redaction", () => {
  const body = {
    vpn_connection: { name: "c", psk: "p-s-k-1", ikepolicy: { dh_group: "group14" } },
    users: [
      { name: "a", password: "pw-a-1234" },
      { name: "b", password: "pw-b-5678" },
    ],
    certificate: { content: "-----BEGIN-----", private_key: { pem: "KEY-MATERIAL" } },
  };
  const secrets = ["vpn_connection.psk", "users[].password", "certificate.private_key"];

  it("replaces values at secret paths, including arrays and whole subtrees, without mutating", () => {
    expect(redactSecrets(body, secrets)).toEqual({
      vpn_connection: { name: "c", psk: "<redacted>", ikepolicy: { dh_group: "group14" } },
      users: [
        { name: "a", password: "<redacted>" },
        { name: "b", password: "<redacted>" },
      ],
      certificate: { content: "-----BEGIN-----", private_key: "<redacted>" },
    });
    expect(body.vpn_connection.psk).toBe("p-s-k-1");
  });

  it("collects secret values and scrubs them from text", () => {
    const values = collectSecretValues(body, secrets);
    expect(values.sort()).toEqual(["KEY-MATERIAL", "p-s-k-1", "pw-a-1234", "pw-b-5678"]);
    expect(scrubText("bad psk p-s-k-1 for pw-a-1234", values)).toBe("bad psk <redacted> for <redacted>");
  });

  it("hides credential headers whatever their case", () => {
    expect(
      redactHeaders({
        Authorization: "SDK-HMAC-SHA256 x",
        "X-Security-Token": "t",
        "content-type": "application/json",
      }),
    ).toEqual({
      Authorization: "<redacted>",
      "X-Security-Token": "<redacted>",
      "content-type": "application/json",
    });
  });
});
