import { MantineProvider } from "@mantine/core";
import { mentionToken } from "@rollout/domain";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown.tsx";

/** The comment as the browser would get it (without Mantine's own style tag). */
function html(body: string): string {
  const out = renderToStaticMarkup(
    createElement(MantineProvider, null, createElement(Markdown, { body })),
  );
  return out.replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
}

describe("the comment renderer", () => {
  it("shows raw HTML as the text typed, never as markup", () => {
    const out = html('<script>window.__x=1</script> and <img src=x onerror="alert(1)">');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;window.__x=1&lt;/script&gt;");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("keeps a javascript: link's words without an anchor", () => {
    for (const body of [
      "[x](javascript:alert(1))",
      "[x](JAVASCRIPT:alert(1))",
      "[x](data:text/html,hi)",
    ]) {
      const out = html(body);
      expect(out, body).not.toContain("<a");
      expect(out, body).not.toMatch(/javascript:|data:/i);
      expect(out, body).toContain(">x");
    }
  });

  it("opens http(s) links in a new tab, without a referrer or the page's window", () => {
    const out = html(
      "See [the runbook](https://example.test/runbook?a=1&b=2) and https://x.test/y",
    );
    const anchors = out.match(/<a [^>]*>/g) ?? [];
    expect(anchors).toHaveLength(2);
    for (const a of anchors) {
      expect(a).toContain('target="_blank"');
      expect(a).toContain('rel="noopener noreferrer nofollow"');
    }
    expect(anchors[0]).toContain('href="https://example.test/runbook?a=1&amp;b=2"');
    expect(out).toContain(">the runbook</a>");
  });

  it("draws mentions as name chips, code in monospace, lists, quotes and line breaks", () => {
    const out = html(
      `Hi ${mentionToken("Priya Patel", "u3")}\nsecond line\n\n- one\n- **two**\n\n1. first\n\n> quoted\n\n\`inline <b>\`\n\n\`\`\`\nblock <i>\n\`\`\``,
    );
    expect(out).toMatch(/<span[^>]*class="[^"]*comment-mention[^"]*"[^>]*>@Priya Patel<\/span>/);
    expect(out).not.toContain("user:u3");
    expect(out).toContain("<br/>");
    expect(out).toMatch(/<ul><li>one<\/li><li><strong>two<\/strong><\/li><\/ul>/);
    expect(out).toMatch(/<ol><li>first<\/li><\/ol>/);
    expect(out).toMatch(/<blockquote>quoted<\/blockquote>/);
    expect(out).toMatch(/<code[^>]*>inline &lt;b&gt;<\/code>/);
    expect(out).toMatch(/<pre[^>]*>block &lt;i&gt;<\/pre>/);
  });
});
