/** At most this many tags on a lesson, each at most this long. */
export const MAX_LESSON_TAGS = 10;
export const MAX_TAG_LENGTH = 30;

const tagPattern = /^[a-z0-9-]+$/;

/**
 * One tag as stored: lower-case, accents dropped, spaces and underscores as hyphens, no leading
 * "#", no hyphens at the ends. May still be invalid (other characters, too long): see `checkTags`.
 */
export function normaliseTag(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/^#+/, "")
    .replace(/[\s_]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface TagCheck {
  /** Normalised, de-duplicated, in the order first given; empty entries dropped. */
  tags: string[];
  /** What is wrong, in words; empty when the tags can be saved. */
  problems: string[];
}

/** Normalises tags and says what keeps them from being saved (characters, length, count). */
export function checkTags(raw: readonly string[]): TagCheck {
  const tags: string[] = [];
  const problems: string[] = [];
  for (const entry of raw) {
    const tag = normaliseTag(entry);
    if (tag === "" || tags.includes(tag)) continue;
    tags.push(tag);
    if (!tagPattern.test(tag)) {
      problems.push(`Tag “${tag}” may use only letters a–z, digits and hyphens`);
    } else if (tag.length > MAX_TAG_LENGTH) {
      problems.push(`Tag “${tag.slice(0, 12)}…” is longer than ${MAX_TAG_LENGTH} characters`);
    }
  }
  if (tags.length > MAX_LESSON_TAGS) problems.push(`At most ${MAX_LESSON_TAGS} tags`);
  return { tags, problems };
}

/**
 * Tags typed or pasted as one line ("uat, key users; #vendor"): split on commas, semicolons and
 * line breaks. Spaces stay inside a tag, which `normaliseTag` turns into hyphens ("key-users").
 */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}
