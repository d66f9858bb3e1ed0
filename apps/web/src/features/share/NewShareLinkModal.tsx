import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { shareCreateInput } from "@rollout/domain";
import { IconAlertTriangle, IconCheck, IconCopy } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { type FieldErrors, unplacedErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { formatDate, todayLocal } from "../../ui/format.ts";
import { useShareWrites } from "./shareData.ts";
import { DEFAULT_SHARE_DAYS, defaultExpiry } from "./shareModel.ts";

/**
 * Makes a link to the project's stakeholder view: who it is for, and until when. The link holds
 * the only copy of its token, so it is shown once, with a copy button.
 */
export function NewShareLinkModal({
  projectId,
  opened,
  onClose,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [created, setCreated] = useState<{ url: string; label: string; expiresOn: string } | null>(
    null,
  );
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? "Share link created" : "New share link"}
      size="lg"
      // Closing by a stray click outside would lose the only copy of the link.
      closeOnClickOutside={!created}
    >
      {!opened ? null : created ? (
        <CreatedLink {...created} onDone={close} />
      ) : (
        <ShareForm projectId={projectId} onCancel={close} onCreated={setCreated} />
      )}
    </Modal>
  );
}

function ShareForm({
  projectId,
  onCancel,
  onCreated,
}: {
  projectId: string;
  onCancel: () => void;
  onCreated: (created: { url: string; label: string; expiresOn: string }) => void;
}) {
  const today = todayLocal();
  const [label, setLabel] = useState("");
  const [expiresOn, setExpiresOn] = useState(() => defaultExpiry(today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const writes = useShareWrites(projectId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = shareCreateInput.safeParse({ label, expiresOn });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    if (parsed.data.expiresOn < today) {
      setErrors({ expiresOn: "Choose a date from today on" });
      return;
    }
    setErrors({});
    writes.create.mutate(
      { projectId, ...parsed.data },
      {
        onSuccess: (result) =>
          onCreated({
            url: result.url,
            label: result.link.label,
            expiresOn: parsed.data.expiresOn,
          }),
        onError: (error) => {
          const info = errorInfo(error);
          const extra = unplacedErrors(info.fieldErrors, ["label", "expiresOn"]);
          setErrors({
            ...info.fieldErrors,
            ...(extra.length > 0 || Object.keys(info.fieldErrors).length === 0
              ? { _: extra.length > 0 ? extra.join(" ") : info.message }
              : {}),
          });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} aria-label="New share link" noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Anyone holding the link can read the project's stakeholder view without an account:
          health, progress, milestones, gates and published reports. Internal-only items are never
          on it. You can revoke the link at any time.
        </Text>
        <TextInput
          label="Who it is for"
          description="A name you will recognise in the list, e.g. “Acme steering committee”"
          required
          data-autofocus
          maxLength={120}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.label}
        />
        <TextInput
          type="date"
          label="Works until"
          description={`The link stops working after this day (${DEFAULT_SHARE_DAYS} days unless you change it).`}
          required
          min={today}
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.currentTarget.value)}
          error={errors.expiresOn}
        />
        {errors._ ? (
          <Alert color="red" variant="light" role="alert">
            {errors._}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={writes.create.isPending}>
            Create link
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CreatedLink({
  url,
  label,
  expiresOn,
  onDone,
}: {
  url: string;
  label: string;
  expiresOn: string;
  onDone: () => void;
}) {
  return (
    <Stack gap="md">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        title="Copy it now: it is not shown again"
      >
        Rollout keeps only a fingerprint of the link, so nobody can look it up later. If it is lost,
        revoke it and create a new one.
      </Alert>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={`Link for ${label}`}
          description={`Works until ${formatDate(expiresOn)}`}
          readOnly
          value={url}
          style={{ flex: 1 }}
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)", fontSize: 13 } }}
          data-testid="share-url"
        />
        <CopyButton value={url} timeout={2500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? "Copied" : "Copy the link"} withArrow>
              <ActionIcon
                size="lg"
                variant={copied ? "filled" : "default"}
                color={copied ? "teal" : undefined}
                onClick={copy}
                aria-label={copied ? "Link copied" : "Copy the link"}
                data-autofocus
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
