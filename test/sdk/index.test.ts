/** The public entry point re-exports the pieces other components use. */
import { describe, expect, it } from "vitest";

describe("sdk/index", () => {
  it("re-exports the client, errors, config, signing, the table, the kinds and the schemas", async () => {
    const sdk = await import("../../sdk");
    for (const name of [
      "VpnClient",
      "VpnSdkError",
      "ApiError",
      "ValidationError",
      "OutcomeUnknownError",
      "isNotFound",
      "isConflict",
      "isRetryable",
      "resolveConfig",
      "signRequest",
      "verifyRequest",
      "shouldRetry",
      "delayFor",
      "operations",
      "resourceKinds",
      "validate",
      "formatIssues",
      "ShowVgwResponse",
    ]) {
      expect(sdk, name).toHaveProperty(name);
    }
    expect(typeof sdk.signing.canonicalUri).toBe("function");
  });
});
