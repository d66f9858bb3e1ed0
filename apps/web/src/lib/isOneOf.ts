/** Narrows a string from a `<select>` or the URL to one of a domain enum's values. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
