/** The most words of a search that reach the index; the rest are ignored. */
export const MAX_SEARCH_TERMS = 12;

/**
 * A full-text (FTS5) query built from what someone typed, never their syntax: the words (runs
 * of letters and digits) are each quoted as a plain string, so `"`, `*`, `NEAR(`, `col:`, `AND`,
 * `OR`, `NOT` and `^` mean nothing; all words must match; the last one also matches as a
 * prefix, so results follow the typing. Null when nothing searchable was typed.
 */
export function ftsQuery(text: string): string | null {
  const words =
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = words.slice(0, MAX_SEARCH_TERMS);
  if (terms.length === 0) return null;
  return terms
    .map((word, i) => {
      // Defensive: the pattern above never keeps a quote, but a quote inside a string is "".
      const quoted = `"${word.replaceAll('"', '""')}"`;
      return i === terms.length - 1 ? `${quoted}*` : quoted;
    })
    .join(" ");
}

/**
 * An FTS5 query finding lessons whose tags column holds `tag`'s words in a row (a fast first
 * pass: the exact tag is checked after). Null when the tag has nothing searchable.
 */
export function ftsTagQuery(tag: string): string | null {
  const words =
    tag
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return `tags : "${words.slice(0, MAX_SEARCH_TERMS).join(" ")}"`;
}

/** Both queries at once (all of the text's words, and the tag). */
export function ftsAnd(...queries: Array<string | null>): string | null {
  const present = queries.filter((q): q is string => q !== null);
  if (present.length === 0) return null;
  return present.length === 1 ? (present[0] as string) : present.map((q) => `(${q})`).join(" AND ");
}
