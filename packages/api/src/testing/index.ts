export * from "./fixtures.ts";
export { sampleInput } from "./fuzz.ts";
