export { expected, type Outcome } from "./expected.ts";
export * from "./fixtures.ts";
export { sampleInput } from "./fuzz.ts";
export { matrix, type Row, type Target } from "./matrix.ts";
