import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type IssueSeverity,
  issueSeverities,
  issueSeverityLabels,
  type RaidItem,
  raidOccurInput,
  severityForBand,
} from "@rollout/domain";
import { type FormEvent, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { errorInfo } from "../../lib/trpc.ts";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { useRaidWrites } from "./raidData.ts";

/**
 * "Risk occurred": the risk is marked occurred and becomes a new issue that keeps its owner,
 * links and contingency; each names the other. The issue's severity starts from the risk's band.
 */
export function OccurModal({
  projectId,
  risk,
  opened,
  onClose,
  onOccurred,
}: {
  projectId: string;
  risk: RaidItem;
  opened: boolean;
  onClose: () => void;
  onOccurred: (issue: { id: string; ref: string }) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`${risk.ref} occurred`} size="lg">
      {opened ? (
        <OccurForm projectId={projectId} risk={risk} onClose={onClose} onOccurred={onOccurred} />
      ) : null}
    </Modal>
  );
}

function OccurForm({
  projectId,
  risk,
  onClose,
  onOccurred,
}: {
  projectId: string;
  risk: RaidItem;
  onClose: () => void;
  onOccurred: (issue: { id: string; ref: string }) => void;
}) {
  const writes = useRaidWrites(projectId);
  const [title, setTitle] = useState(risk.title);
  const [severity, setSeverity] = useState<IssueSeverity>(
    risk.band ? severityForBand(risk.band) : "medium",
  );
  const [dueDate, setDueDate] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = raidOccurInput.safeParse({
      itemId: risk.id,
      version: risk.version,
      title,
      severity,
      dueDate: dueDate === "" ? null : dueDate,
      note,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    writes.occur.mutate(
      { projectId, ...parsed.data },
      {
        onSuccess: (issue) => {
          notifications.show({
            color: "grape",
            title: `${risk.ref} became ${issue.ref}`,
            message: "The new issue is open; the risk is marked occurred.",
          });
          onOccurred(issue);
        },
        onError: (error) => {
          const info = errorInfo(error);
          setErrors(info.fieldErrors);
          if (info.code === "CONFLICT") {
            // The risk has moved on: fetch it again, so a second try sends its new version.
            void writes.changed();
            setFailure(
              "Someone changed this risk meanwhile. It has been reloaded: check it, then try again.",
            );
          } else setFailure(info.message);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Record that ${risk.ref} occurred`}>
      <Stack gap="md">
        <Text size="sm">
          {risk.ref} is marked <b>occurred</b> and a new issue is raised from it, with its owner,
          linked tasks and milestones, and contingency. Each links to the other.
        </Text>
        {failure ? (
          <Alert color="red" variant="light" role="alert" title="Not recorded">
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label="Issue title"
          required
          data-autofocus
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NativeSelect
            label="Severity"
            description={risk.band ? "Suggested from the risk's band" : undefined}
            data={issueSeverities.map((s) => ({ value: s, label: issueSeverityLabels[s] }))}
            value={severity}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (isOneOf(issueSeverities, v)) setSeverity(v);
            }}
            error={errors.severity}
          />
          <TextInput
            type="date"
            label="Due"
            description="When it must be resolved"
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={errors.dueDate}
          />
        </SimpleGrid>
        <Textarea
          label="What happened"
          autosize
          minRows={3}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="grape" loading={writes.occur.isPending}>
            Raise the issue
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
