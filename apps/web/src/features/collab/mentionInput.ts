import { mentionToken } from "@rollout/domain";

/**
 * The @-mention picker of the comment box, as pure functions: where an `@name` is being typed,
 * who it may mean, and the text after one is chosen (the token `@[Name](user:ID)` the server
 * reads back).
 */

/** An `@…` being typed: from the `@` (inclusive) to the caret (exclusive). */
export interface MentionQuery {
  start: number;
  end: number;
  /** What follows the `@`, possibly empty ("@" alone lists everyone). */
  query: string;
}

export interface MentionPerson {
  userId: string;
  name: string;
  email: string;
  role: string;
}

/** Longest name fragment looked up after an `@`. */
const MAX_QUERY = 40;

/**
 * The mention being typed at `caret`, if any: an `@` at the start of the text or after a space or
 * an opening bracket (so an e-mail address never opens the picker), followed by at most a few
 * words on the same line.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  if (caret < 1 || caret > text.length) return null;
  const at = text.lastIndexOf("@", caret - 1);
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  const before = at === 0 ? "" : (text[at - 1] as string);
  if (before !== "" && !/[\s(]/.test(before)) return null;
  const query = text.slice(at + 1, caret);
  // A finished token (`@[…`), a new line, or a space straight after the `@` ends it.
  if (/[\n@[\]()]/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, end: caret, query };
}

/** People whose name (any word of it) or e-mail starts with the query; name starts first. */
export function matchPeople<P extends MentionPerson>(
  people: readonly P[],
  query: string,
  limit = 8,
): P[] {
  const q = query.trim().toLowerCase();
  if (q === "") return people.slice(0, limit);
  const scored: Array<{ person: P; score: number }> = [];
  for (const person of people) {
    const name = person.name.toLowerCase();
    let score = -1;
    if (name.startsWith(q)) score = 0;
    else if (name.split(/\s+/).some((word) => word.startsWith(q))) score = 1;
    else if (person.email.toLowerCase().startsWith(q)) score = 2;
    if (score >= 0) scored.push({ person, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map((s) => s.person);
}

/** The text with the typed `@query` replaced by the person's token and a space; the new caret. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  person: Pick<MentionPerson, "name" | "userId">,
): { text: string; caret: number } {
  const token = mentionToken(person.name, person.userId);
  const after = text.slice(mention.end);
  const gap = /^\s/.test(after) ? "" : " ";
  const inserted = `${token}${gap}`;
  return {
    text: `${text.slice(0, mention.start)}${inserted}${after}`,
    caret: mention.start + inserted.length,
  };
}
