/**
 * The Markdown of comments, parsed into a small tree that pages render as elements — never as
 * HTML. What is not in this subset stays plain text: raw HTML shows as typed, and only http(s)
 * links become links (a `javascript:` or `data:` link shows as its words, inert).
 *
 * Blocks: paragraphs (single line breaks kept), `-`/`*` and `1.` lists, `>` quotes, ``` fences.
 * Inline: `code`, **bold**, *italic* or _italic_, [text](https://…), bare https://… addresses,
 * and mentions `@[Name](user:ID)`.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  | { type: "mention"; userId: string; name: string }
  | { type: "break" };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "quote"; children: Inline[] }
  | { type: "code"; text: string };

const SAFE_HREF = /^https?:\/\/[^/?#\s"'<>\\]+([/?#][^\s"'<>\\]*)?$/i;

const hasControlCharacter = (text: string) =>
  [...text].some((c) => {
    const code = c.charCodeAt(0);
    return code < 32 || code === 127;
  });

/** Whether `href` may become a link: absolute http or https only. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  // http or https, a host, and no spaces, quotes, angle brackets, backslashes or control characters.
  return SAFE_HREF.test(trimmed) && !hasControlCharacter(trimmed) ? trimmed : null;
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;
const FENCE = /^\s*```/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i] as string)) body.push(lines[i++] as string);
      i++; // the closing fence (or the end)
      blocks.push({ type: "code", text: body.join("\n") });
      continue;
    }
    const bullet = BULLET.test(line);
    if (bullet || NUMBERED.test(line)) {
      const pattern = bullet ? BULLET : NUMBERED;
      const items: Inline[][] = [];
      while (i < lines.length && pattern.test(lines[i] as string)) {
        items.push(parseInline((lines[i] as string).replace(pattern, "$1")));
        i++;
      }
      blocks.push({ type: "list", ordered: !bullet, items });
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] as string)) {
        body.push((lines[i] as string).replace(QUOTE, "$1"));
        i++;
      }
      blocks.push({ type: "quote", children: withBreaks(body) });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length) {
      const l = lines[i] as string;
      if (l.trim() === "" || FENCE.test(l) || BULLET.test(l) || NUMBERED.test(l) || QUOTE.test(l))
        break;
      body.push(l);
      i++;
    }
    blocks.push({ type: "paragraph", children: withBreaks(body) });
  }
  return blocks;
}

function withBreaks(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((l, n) => {
    if (n > 0) out.push({ type: "break" });
    out.push(...parseInline(l));
  });
  return out;
}

// Tried in order at each position; the earliest match wins.
const INLINE =
  /(`[^`\n]+`)|(@\[[^\]\n]{1,120}\]\(user:[A-Za-z0-9_-]{1,64}\))|(\[[^\]\n]+\]\([^)\s]+\))|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*|\b_[^_\n]+_\b)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) pushText(out, text.slice(last, at));
    const [whole, code, mention, link, strong, em, bare] = m;
    if (code) out.push({ type: "code", text: code.slice(1, -1) });
    else if (mention) {
      const parts = /^@\[(.+)\]\(user:(.+)\)$/.exec(mention);
      out.push({ type: "mention", name: parts?.[1] ?? "", userId: parts?.[2] ?? "" });
    } else if (link) {
      const parts = /^\[(.+)\]\((.+)\)$/.exec(link);
      const href = safeHref(parts?.[2] ?? "");
      const label = parseInline(parts?.[1] ?? "");
      if (href) out.push({ type: "link", href, children: label });
      else out.push(...label); // an unsafe link keeps its words, not its target
    } else if (strong) out.push({ type: "strong", children: parseInline(strong.slice(2, -2)) });
    else if (em) out.push({ type: "em", children: parseInline(em.slice(1, -1)) });
    else if (bare) {
      const href = safeHref(bare);
      if (href) out.push({ type: "link", href, children: [{ type: "text", text: bare }] });
      else pushText(out, bare);
    } else pushText(out, whole);
    last = at + whole.length;
  }
  if (last < text.length) pushText(out, text.slice(last));
  return out;
}

function pushText(out: Inline[], text: string) {
  const prev = out.at(-1);
  if (prev?.type === "text") prev.text += text;
  else out.push({ type: "text", text });
}

/** The words of a comment without its marks: for notifications and previews. */
export function plainText(source: string, max = 140): string {
  const words = source
    .replace(/@\[([^\]\n]+)\]\(user:[A-Za-z0-9_-]+\)/g, "@$1")
    .replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, "$1")
    .replace(/[`*_>#]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return words.length > max ? `${words.slice(0, max - 1).trimEnd()}…` : words;
}
