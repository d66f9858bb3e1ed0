import { Anchor, Code, Text } from "@mantine/core";
import { type Block, type Inline, parseMarkdown } from "@rollout/domain";
import { type ReactNode, useMemo } from "react";
import "./collab.css";

/**
 * A comment's Markdown as React elements, from the domain's small parser: never as HTML, so
 * whatever was typed (`<script>`, `<img onerror>`) shows as text. Only the parser's `link` nodes
 * become anchors, and those are http(s) only; they open in a new tab without handing it this page
 * (`noopener noreferrer`) or vouching for it (`nofollow`).
 */
export function Markdown({ body, className }: { body: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(body), [body]);
  // Keys come from a counter: the tree is rebuilt whole whenever the body changes.
  let n = 0;
  const key = () => `m${n++}`;

  const inline = (nodes: readonly Inline[]): ReactNode[] =>
    nodes.map((node) => {
      switch (node.type) {
        case "text":
          return node.text;
        case "break":
          return <br key={key()} />;
        case "code":
          return <Code key={key()}>{node.text}</Code>;
        case "strong":
          return <strong key={key()}>{inline(node.children)}</strong>;
        case "em":
          return <em key={key()}>{inline(node.children)}</em>;
        case "link":
          return (
            <Anchor
              key={key()}
              href={node.href}
              target="_blank"
              rel="noopener noreferrer nofollow"
              inherit
            >
              {inline(node.children)}
            </Anchor>
          );
        case "mention":
          return (
            <Text
              key={key()}
              component="span"
              inherit
              className="comment-mention"
              data-user-id={node.userId}
            >
              @{node.name}
            </Text>
          );
        default:
          return null;
      }
    });

  const block = (b: Block): ReactNode => {
    switch (b.type) {
      case "paragraph":
        return <p key={key()}>{inline(b.children)}</p>;
      case "quote":
        return <blockquote key={key()}>{inline(b.children)}</blockquote>;
      case "code":
        return (
          <Code key={key()} block>
            {b.text}
          </Code>
        );
      case "list": {
        const items = b.items.map((item) => <li key={key()}>{inline(item)}</li>);
        return b.ordered ? <ol key={key()}>{items}</ol> : <ul key={key()}>{items}</ul>;
      }
      default:
        return null;
    }
  };

  return (
    <div className={className ? `comment-markdown ${className}` : "comment-markdown"}>
      {blocks.map(block)}
    </div>
  );
}
