import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { projectKindLabels, type TemplateSummaryItem } from "@rollout/domain";
import { IconCopy, IconLock, IconPlus, IconTemplate, IconTrash } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import { errorCode, errorInfo } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatNumber, formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { AnchorLink } from "../../ui/links.tsx";
import { useTemplateList, useTemplateWrites } from "./templateData.ts";
import { workingLength } from "./templatePreview.ts";

/** A template to start from: one phase, no tasks yet. */
const blankBody = {
  phases: [{ key: "p-1", name: "Planning" }],
  milestones: [],
  tasks: [],
  dependencies: [],
};

function length(t: TemplateSummaryItem): string {
  if (t.goLiveOffset !== null) return `Go-live after ${workingLength(t.goLiveOffset + 1)}`;
  return t.durationDays > 0 ? workingLength(t.durationDays) : "—";
}

/**
 * The organisation's templates in Settings: the built-ins (read-only, duplicated to adapt) and
 * its own (renamed, edited, deleted by owners and admins).
 */
export function TemplatesList({ canManage }: { canManage: boolean }) {
  const list = useTemplateList();
  const writes = useTemplateWrites();
  const navigate = useNavigate();

  function duplicate(t: TemplateSummaryItem) {
    writes.duplicate.mutate(
      { templateId: t.id },
      {
        onSuccess: (copy) => {
          notifications.show({
            color: "green",
            title: "Template duplicated",
            message: `“${copy.name}” is yours to edit.`,
          });
          void navigate({
            to: "/settings/templates/$templateId",
            params: { templateId: copy.id },
          });
        },
        onError: (error) =>
          notifications.show({
            color: "red",
            title: "Not duplicated",
            message: errorInfo(error).message,
          }),
      },
    );
  }

  function createBlank() {
    writes.create.mutate(
      { name: "New template", description: "", kind: "software", body: blankBody },
      {
        onSuccess: (created) =>
          void navigate({
            to: "/settings/templates/$templateId",
            params: { templateId: created.id },
          }),
        onError: (error) =>
          notifications.show({
            color: "red",
            title: "Not created",
            message: errorInfo(error).message,
          }),
      },
    );
  }

  if (list.isPending) return <LoadingRows rows={5} label="Loading templates" />;
  if (list.isError) {
    if (errorCode(list.error) === "FORBIDDEN") {
      return (
        <EmptyState
          icon={<IconLock size={28} aria-hidden />}
          title="Templates are for project teams"
          description="Once you are a PM, IPM or contributor on a project, the organisation's templates show here."
        />
      );
    }
    return (
      <ErrorAlert
        error={list.error}
        title="The templates could not be loaded"
        onRetry={() => void list.refetch()}
      />
    );
  }
  const own = list.data.filter((t) => !t.builtIn);

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Text size="sm" c="dimmed" maw={720}>
          New projects start from a template with its phases, tasks, responsibilities, dependencies
          and gates, dated from their start. Built-ins are read-only: duplicate one to adapt it. A
          project's plan is saved as a template from its Settings tab.
        </Text>
        {canManage ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            variant="default"
            loading={writes.create.isPending}
            onClick={createBlank}
          >
            New blank template
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={860} type="native">
        <Table verticalSpacing={6} highlightOnHover aria-label="Templates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Template</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col" ta="right">
                Phases
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Tasks
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Milestones
              </Table.Th>
              <Table.Th scope="col">Length</Table.Th>
              <Table.Th scope="col">Updated</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Th scope="row" fw={500}>
                  <Group gap={6} wrap="wrap">
                    <AnchorLink
                      to="/settings/templates/$templateId"
                      params={{ templateId: t.id }}
                      fw={600}
                    >
                      {t.name}
                    </AnchorLink>
                    {t.builtIn ? (
                      <Badge size="xs" variant="light" color="indigo" style={{ flexShrink: 0 }}>
                        Built-in
                      </Badge>
                    ) : null}
                  </Group>
                  {t.description ? (
                    <Text size="xs" c="dimmed" lineClamp={1} maw={420}>
                      {t.description}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>{projectKindLabels[t.kind]}</Table.Td>
                <Table.Td ta="right">{formatNumber(t.phaseCount)}</Table.Td>
                <Table.Td ta="right">{formatNumber(t.taskCount)}</Table.Td>
                <Table.Td ta="right">{formatNumber(t.milestoneCount)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{length(t)}</Table.Td>
                <Table.Td>{t.updatedAt ? formatTimestamp(t.updatedAt) : "—"}</Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Group gap={4} wrap="nowrap" justify="flex-end" className="no-print">
                      <Tooltip label={`Duplicate ${t.name}`}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Duplicate ${t.name}`}
                          loading={
                            writes.duplicate.isPending &&
                            writes.duplicate.variables?.templateId === t.id
                          }
                          onClick={() => duplicate(t)}
                        >
                          <IconCopy size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      {!t.builtIn && t.version !== null ? (
                        <ConfirmButton
                          size="compact-sm"
                          variant="subtle"
                          aria-label={`Delete ${t.name}`}
                          title={`Delete “${t.name}”?`}
                          message="Projects already made from it keep their plans. The template leaves the list and the new-project page."
                          confirmLabel="Delete template"
                          onConfirm={() =>
                            writes.remove.mutate(
                              { templateId: t.id, version: t.version ?? 1 },
                              {
                                onSuccess: () =>
                                  notifications.show({
                                    color: "green",
                                    title: "Template deleted",
                                    message: `“${t.name}” is gone from the list.`,
                                  }),
                                onError: (error) =>
                                  notifications.show({
                                    color: "red",
                                    title: "Not deleted",
                                    message: errorInfo(error).message,
                                  }),
                              },
                            )
                          }
                        >
                          <IconTrash size={16} aria-hidden />
                        </ConfirmButton>
                      ) : null}
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {own.length === 0 ? (
        <EmptyState
          icon={<IconTemplate size={28} aria-hidden />}
          title="No templates of your own yet"
          description={
            canManage
              ? "Duplicate a built-in to adapt it to how your organisation works, or save a finished project's plan as a template from its Settings tab."
              : "Your organisation's owners and admins add them: by duplicating a built-in or saving a project's plan."
          }
        />
      ) : null}
    </Paper>
  );
}
