import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useEffect, useRef } from "react";

/**
 * A dialog holding one form: its fields, a message for what is not about one field, and the
 * save and cancel buttons. After a refused save, focus moves to the first field with a message.
 */
export function FormModal({
  opened,
  title,
  onClose,
  onSubmit,
  saving,
  failure,
  notice,
  submitLabel,
  errors,
  children,
  size = "lg",
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  saving: boolean;
  failure: string | null;
  /** Shown above the fields, e.g. the "changed by someone else" notice. */
  notice?: ReactNode;
  submitLabel: string;
  errors: Record<string, string>;
  children: ReactNode;
  size?: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!saving) onSubmit();
  }
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form ref={form} onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          {notice}
          {failure ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title="Not saved"
              role="alert"
            >
              {failure}
            </Alert>
          ) : null}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
