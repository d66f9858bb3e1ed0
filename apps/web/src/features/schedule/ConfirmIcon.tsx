import { ActionIcon, Button, Group, Modal, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";

/** An icon button that asks before removing something (the icon twin of ui/ConfirmButton). */
export function ConfirmIcon({
  label,
  title,
  message,
  confirmLabel,
  icon,
  onConfirm,
}: {
  /** What the button does, e.g. "Remove Sarah Stone" (its accessible name and tooltip). */
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  icon: ReactNode;
  onConfirm: () => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={open}>
          {icon}
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            data-autofocus
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
