import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";

let counter = 0;

/** A notification saying what just happened, with an Undo button (for ten seconds). */
export function showUndo({
  title,
  message,
  onUndo,
}: {
  title: string;
  message: string;
  onUndo: () => void;
}) {
  counter += 1;
  const id = `undo-${counter}`;
  notifications.show({
    id,
    title,
    autoClose: 10_000,
    withCloseButton: true,
    message: (
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            onUndo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}
