import { List, Text } from "@mantine/core";
import { useMemo } from "react";
import { textBlocks } from "./reportText.ts";

/** A report's plain text as written: "- " lines as a list, the rest as paragraphs. */
export function TextBlocks({
  text,
  empty = "Nothing reported.",
}: {
  text: string;
  empty?: string;
}) {
  const blocks = useMemo(() => textBlocks(text), [text]);
  if (blocks.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {empty}
      </Text>
    );
  }
  return (
    <div className="report-text">
      {blocks.map((block, i) =>
        block.kind === "list" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a text never reorder
          <List key={i} size="sm" spacing={2} withPadding>
            {block.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same item may be written twice
              <List.Item key={j}>{item}</List.Item>
            ))}
          </List>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of a text never reorder
          <Text key={i} size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {block.text}
          </Text>
        ),
      )}
    </div>
  );
}
