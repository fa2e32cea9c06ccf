/**
 * The Node.js version check, imported first by the package's entry points (the provider, its runtime, the SDK,
 * the emulator and the policy pack): undici 8, our HTTP client, needs Node.js 22.19 or newer and fails on older
 * versions with an unhelpful `Cannot read properties of undefined (reading 'bind')`. Say what is needed instead.
 */
const REQUIRED = [22, 19] as const;

export function nodeVersionProblem(version: string = process.versions.node): string | undefined {
  const [major = 0, minor = 0] = version.split(".").map((n) => Number.parseInt(n, 10));
  if (major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1])) return undefined;
  return (
    `pulumi-huaweicloud-vpn needs Node.js >= ${REQUIRED.join(".")} (its HTTP client, undici 8, requires it); ` +
    `this is Node.js v${version} (${process.execPath}). Install Node.js 22.19 or newer and put it first on PATH: ` +
    `the Pulumi CLI starts the program and the dynamic-provider host with the \`node\` it finds there.`
  );
}

const problem = nodeVersionProblem();
if (problem) throw new Error(problem);
