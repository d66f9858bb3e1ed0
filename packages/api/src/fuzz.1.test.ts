// Fuzzing, shard 2 of 4 (the shards run side by side); see testing/fuzz.ts.
import { expect, it } from "vitest";
import { fuzzShard, RUNS_PER_PROCEDURE } from "./testing/fuzz.ts";

it(`answers only 2xx or an actionable 4xx to ${RUNS_PER_PROCEDURE} generated inputs per procedure (shard 2/4)`, {
  timeout: 600_000,
}, async () => {
  const run = await fuzzShard(1, 4);
  console.log(
    `fuzz shard 2/4: ${run.outcomes.length} procedures, ${run.calls} calls in ${run.milliseconds} ms; by status ${JSON.stringify(run.statuses)}`,
  );
  expect(run.problems).toEqual([]);
  expect(run.statuses[500] ?? 0).toBe(0);
  expect(run.outcomes.every((o) => o.calls >= RUNS_PER_PROCEDURE)).toBe(true);
});
