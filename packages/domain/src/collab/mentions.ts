/**
 * Mentions are written into a comment's Markdown as `@[Name](user:ID)`: the page inserts them
 * from a picker, the server reads the ids back out, and the renderer shows a name chip.
 */
const MENTION = /@\[([^\]\n]{1,120})\]\(user:([A-Za-z0-9_-]{1,64})\)/g;

export function mentionToken(name: string, userId: string): string {
  return `@[${name.replace(/[[\]\n]/g, " ").trim()}](user:${userId})`;
}

/** The distinct user ids a body mentions, in order of first mention. */
export function parseMentions(body: string): string[] {
  const ids: string[] = [];
  for (const m of body.matchAll(MENTION)) {
    const id = m[2] as string;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

export const mentionPattern = MENTION;
