/** Times `fn` `runs` times (after `warmup` untimed runs) and returns milliseconds per call. */
export async function sample(
  fn: () => unknown | Promise<unknown>,
  runs: number,
  warmup = 10,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export function percentile(times: readonly number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface Row {
  operation: string;
  p50: number;
  p95: number;
  baselineP50?: number;
  ratio?: number;
  aim?: string;
}

export function printTable(title: string, rows: readonly Row[]) {
  console.log(`\n${title}`);
  console.table(
    rows.map((r) => ({
      operation: r.operation,
      "p50 ms": r.p50.toFixed(2),
      "p95 ms": r.p95.toFixed(2),
      "SQL p50 ms": r.baselineP50?.toFixed(2) ?? "",
      ratio: r.ratio?.toFixed(2) ?? "",
      aim: r.aim ?? "",
    })),
  );
}
