/**
 * A report's text fields are plain text: lines starting with "- " (or "* ") are list items,
 * the rest paragraphs, blank lines between paragraphs. The same reading as the Markdown export.
 */
export type TextBlock = { kind: "list"; items: string[] } | { kind: "paragraph"; text: string };

const bullet = /^\s*[-*•]\s+/;

export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === "") {
      endParagraph();
      continue;
    }
    if (bullet.test(line)) {
      endParagraph();
      const item = line.replace(bullet, "");
      const last = blocks.at(-1);
      if (last?.kind === "list") last.items.push(item);
      else blocks.push({ kind: "list", items: [item] });
      continue;
    }
    paragraph.push(line.trim());
  }
  endParagraph();
  return blocks;
}

/** How many list items (or paragraphs) a field holds: "3 items" beside a collapsed section. */
export function itemCount(text: string): number {
  return textBlocks(text).reduce(
    (n, block) => n + (block.kind === "list" ? block.items.length : 1),
    0,
  );
}
