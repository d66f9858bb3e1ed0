import { Text, type TextProps } from "@mantine/core";
import { formatDate, formatTimestamp } from "./format.ts";

interface DateTextProps extends TextProps {
  /** A calendar date `YYYY-MM-DD`, or an ISO timestamp when `withTime` is set. */
  value: string | null | undefined;
  withTime?: boolean;
}

/** A date in the reader's locale, inside a `<time>` element carrying the machine value. */
export function DateText({ value, withTime = false, ...props }: DateTextProps) {
  if (!value) {
    return (
      <Text span c="dimmed" {...props}>
        —
      </Text>
    );
  }
  return (
    <Text component="time" dateTime={value} {...props}>
      {withTime ? formatTimestamp(value) : formatDate(value)}
    </Text>
  );
}
