/** The arguments of the scale benchmarks (bench/scale.ts, bench/engine.ts): `[N...] [--parallel P] [--throttle F] [--quick]`. */
export interface ScaleArgs {
  /** Stack sizes given (connections), empty when none. */
  ns: number[];
  parallel: number | undefined;
  throttle: number | undefined;
  quick: boolean;
  /** Whether anything narrows the default plan. */
  given: boolean;
}

export function scaleArgs(args: readonly string[] = process.argv.slice(2)): ScaleArgs {
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const ns = args.filter((a, i) => /^\d+$/.test(a) && !["--parallel", "--throttle"].includes(args[i - 1] ?? "")).map(Number);
  const parallel = flag("--parallel");
  const throttle = flag("--throttle");
  return { ns, parallel, throttle, quick: args.includes("--quick"), given: ns.length > 0 || parallel !== undefined || throttle !== undefined };
}
