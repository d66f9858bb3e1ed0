import { Button, type ButtonProps, Group, Modal, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";

interface ConfirmButtonProps extends Omit<ButtonProps, "onClick"> {
  /** What the dialog asks, e.g. "Remove Ian from this project?" */
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  children: ReactNode;
  "aria-label"?: string;
}

/** A button that asks before doing something hard to undo. */
export function ConfirmButton({
  title,
  message,
  confirmLabel,
  onConfirm,
  children,
  color = "red",
  ...buttonProps
}: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color={color} {...buttonProps} onClick={open}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color={color}
            onClick={() => {
              close();
              onConfirm();
            }}
            data-autofocus
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
