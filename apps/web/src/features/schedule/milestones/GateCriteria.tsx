import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Milestone, Plan } from "@rollout/domain";
import { IconCheck, IconPencil, IconTrash, IconX } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../../lib/trpc.ts";
import { ConfirmIcon } from "../ConfirmIcon.tsx";
import { useGateWrites } from "../scheduleData.ts";

type Criterion = Milestone["criteria"][number];
type People = Plan["people"];

/** Evidence that is a web address reads as a link; anything else as text. */
function Evidence({ text }: { text: string }) {
  if (!text) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (/^https?:\/\/\S+$/.test(text.trim())) {
    return (
      <Anchor href={text.trim()} target="_blank" rel="noreferrer noopener" size="sm">
        {text
          .trim()
          .replace(/^https?:\/\//, "")
          .slice(0, 48)}
      </Anchor>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
      {text}
    </Text>
  );
}

function ownerOptions(people: People) {
  return [
    { value: "", label: "No owner" },
    ...people.map((p) => ({ value: p.userId, label: p.name })),
  ];
}

/** The readiness criteria: who owns each, its evidence, whether it is required and met. */
export function GateCriteria({
  projectId,
  milestone,
  people,
  canEdit,
}: {
  projectId: string;
  milestone: Milestone;
  people: People;
  canEdit: boolean;
}) {
  const writes = useGateWrites(projectId);
  const [editing, setEditing] = useState<string | null>(null);

  function toggleMet(c: Criterion, met: boolean) {
    writes.updateCriterion.mutate(
      { projectId, criterionId: c.id, version: c.version, changes: { met } },
      {
        onError: (error) =>
          notifications.show({
            color: "red",
            title: `“${c.item}” was not changed`,
            message: errorInfo(error).message,
          }),
      },
    );
  }

  return (
    <Stack gap="sm">
      {milestone.criteria.length === 0 ? (
        <Text size="sm" c="dimmed">
          No readiness criteria yet.
          {canEdit ? " Add what must be true before this gate is passed." : ""}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} aria-label={`Readiness criteria for ${milestone.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>Met</Table.Th>
                <Table.Th>Criterion</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Evidence</Table.Th>
                <Table.Th w={100}>Required</Table.Th>
                {canEdit ? <Table.Th w={80}>{""}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {milestone.criteria.map((c) =>
                editing === c.id ? (
                  <Table.Tr key={c.id}>
                    <Table.Td colSpan={6}>
                      <CriterionEditor
                        projectId={projectId}
                        criterion={c}
                        people={people}
                        onDone={() => setEditing(null)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      {canEdit ? (
                        <Checkbox
                          checked={c.met}
                          aria-label={`Met: ${c.item}`}
                          onChange={(e) => toggleMet(c, e.currentTarget.checked)}
                        />
                      ) : c.met ? (
                        <IconCheck
                          size={18}
                          color="var(--mantine-color-green-6)"
                          aria-label="Met"
                        />
                      ) : (
                        <IconX size={18} color="var(--mantine-color-dimmed)" aria-label="Not met" />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {c.item}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.ownerName ?? "—"}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Evidence text={c.evidence} />
                    </Table.Td>
                    <Table.Td>
                      {c.required ? (
                        <Badge
                          size="sm"
                          variant="light"
                          color="grape"
                          style={{ minWidth: "max-content" }}
                        >
                          Required
                        </Badge>
                      ) : (
                        <Text size="xs" c="dimmed">
                          Optional
                        </Text>
                      )}
                    </Table.Td>
                    {canEdit ? (
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <Tooltip label="Edit">
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Edit ${c.item}`}
                              onClick={() => setEditing(c.id)}
                            >
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <ConfirmIcon
                            label={`Remove ${c.item}`}
                            title="Remove this criterion?"
                            message={`“${c.item}” will no longer count towards the gate.`}
                            confirmLabel="Remove"
                            icon={<IconTrash size={16} aria-hidden />}
                            onConfirm={() =>
                              writes.removeCriterion.mutate(
                                { projectId, criterionId: c.id },
                                {
                                  onError: (error) =>
                                    notifications.show({
                                      color: "red",
                                      title: "Not removed",
                                      message: errorInfo(error).message,
                                    }),
                                },
                              )
                            }
                          />
                        </Group>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit ? (
        <AddCriterion projectId={projectId} milestoneId={milestone.id} people={people} />
      ) : null}
    </Stack>
  );
}

function AddCriterion({
  projectId,
  milestoneId,
  people,
}: {
  projectId: string;
  milestoneId: string;
  people: People;
}) {
  const { addCriterion } = useGateWrites(projectId);
  const [item, setItem] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [required, setRequired] = useState(true);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!item.trim()) {
      setError("Say what must be true, e.g. “Cut-over rehearsal passed”");
      return;
    }
    setError(null);
    addCriterion.mutate(
      { projectId, milestoneId, item: item.trim(), ownerId: ownerId || null, required },
      {
        onSuccess: () => {
          setItem("");
          setOwnerId("");
          setRequired(true);
        },
        onError: (failure) => {
          const info = errorInfo(failure);
          setError(info.fieldErrors.item ?? info.message);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a criterion">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label="New criterion"
          placeholder="e.g. Cut-over rehearsal passed"
          maxLength={500}
          value={item}
          onChange={(e) => setItem(e.currentTarget.value)}
          error={error}
          style={{ flex: "1 1 16rem" }}
        />
        <NativeSelect
          label="Owner"
          data={ownerOptions(people)}
          value={ownerId}
          onChange={(e) => setOwnerId(e.currentTarget.value)}
          w={180}
        />
        <Checkbox
          label="Required"
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
          mt={32}
        />
        <Button type="submit" variant="light" mt={25} loading={addCriterion.isPending}>
          Add criterion
        </Button>
      </Group>
    </form>
  );
}

/**
 * Edits one criterion. If someone changed it meanwhile (CONFLICT) the typed text stays and the
 * next save goes over their change, as the message says.
 */
function CriterionEditor({
  projectId,
  criterion,
  people,
  onDone,
}: {
  projectId: string;
  criterion: Criterion;
  people: People;
  onDone: () => void;
}) {
  const { updateCriterion } = useGateWrites(projectId);
  const [item, setItem] = useState(criterion.item);
  const [ownerId, setOwnerId] = useState(criterion.ownerId ?? "");
  const [evidence, setEvidence] = useState(criterion.evidence);
  const [required, setRequired] = useState(criterion.required);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (item.trim() !== criterion.item) changes.item = item.trim();
    if ((ownerId || null) !== criterion.ownerId) changes.ownerId = ownerId || null;
    if (evidence !== criterion.evidence) changes.evidence = evidence;
    if (required !== criterion.required) changes.required = required;
    if (Object.keys(changes).length === 0) return onDone();
    if (changes.item === "") return setErrors({ item: "Criterion is required" });
    updateCriterion.mutate(
      { projectId, criterionId: criterion.id, version: criterion.version, changes },
      {
        onSuccess: onDone,
        onError: (error) => {
          const info = errorInfo(error);
          if (info.code === "CONFLICT") {
            setNotice({
              color: "orange",
              text: `${info.message}. What you typed is kept; save again to replace their change, or cancel to see it.`,
            });
            return;
          }
          const fields: Record<string, string> = {};
          for (const [k, v] of Object.entries(info.fieldErrors))
            fields[k.replace(/^changes\./, "")] = v;
          setErrors(fields);
          setNotice(Object.keys(fields).length ? null : { color: "red", text: info.message });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${criterion.item}`}>
      <Stack gap="xs">
        {notice ? (
          <Alert color={notice.color} variant="light" role="alert">
            {notice.text}
          </Alert>
        ) : null}
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Criterion"
            required
            data-autofocus
            maxLength={500}
            value={item}
            onChange={(e) => setItem(e.currentTarget.value)}
            error={errors.item}
            style={{ flex: "1 1 16rem" }}
          />
          <NativeSelect
            label="Owner"
            data={ownerOptions(people)}
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            w={180}
          />
          <Checkbox
            label="Required"
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
            mt={32}
          />
        </Group>
        <Textarea
          label="Evidence"
          description="What shows it is met: a note, or a link to a document"
          autosize
          minRows={2}
          maxLength={5000}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          error={errors.evidence}
        />
        <Group gap="sm" justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={updateCriterion.isPending}>
            Save criterion
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
