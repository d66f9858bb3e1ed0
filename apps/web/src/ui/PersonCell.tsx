import { Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { errorInfo } from "../lib/trpc.ts";

/** A table cell naming a person: name (and "you"), email below. */
export function PersonCell({ name, email, isMe }: { name: string; email: string; isMe: boolean }) {
  return (
    <Table.Td>
      <Text size="sm" fw={500}>
        {name}
        {isMe ? (
          <Text span size="xs" c="dimmed" ml={6}>
            (you)
          </Text>
        ) : null}
      </Text>
      <Text size="xs" c="dimmed">
        {email}
      </Text>
    </Table.Td>
  );
}

/** An `onError` for a mutation that shows its message in a red notification titled `title`. */
export const notifyFailure = (title: string) => (error: unknown) =>
  notifications.show({ color: "red", title, message: errorInfo(error).message });
