import {
  ActionIcon,
  Group,
  NativeSelect,
  NumberInput,
  Pagination,
  Table,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { raciValues, type TemplateBody, taskCategories, taskCategoryLabels } from "@rollout/domain";
import { IconAlertTriangle, IconLock, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { RaciChip, raciAria, raciText } from "../plan/raci.tsx";
import "../plan/plan.css";
import type { DraftIssues, TaskEdit } from "./templateDraft.ts";

const PAGE = 100;
const categoryOptions = taskCategories.map((c) => ({ value: c, label: taskCategoryLabels[c] }));
const letterOptions = [
  { value: "", label: "—" },
  ...raciValues.map((v) => ({ value: v, label: raciText(v) })),
];

/** Working days as typed: an empty box is not a number (the row then says so). */
const asNumber = (value: number | string) =>
  typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);

/**
 * The template's tasks as a table: title, phase, category, start (working day from the
 * project's start), duration, and the IPM and PM letters; problems under the row they concern.
 * Read-only for built-ins and for people who do not manage templates. Long templates page by
 * 100 rows, so the table stays quick.
 */
export function TemplateTaskTable({
  body,
  issues,
  editable,
  onEdit,
  onRemove,
}: {
  body: TemplateBody;
  issues: DraftIssues;
  editable: boolean;
  onEdit: (key: string, edit: TaskEdit) => void;
  onRemove: (key: string) => void;
}) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(body.tasks.length / PAGE));
  const current = Math.min(page, pages);
  const phaseOptions = body.phases.map((p) => ({ value: p.key, label: p.name || p.key }));
  const phaseName = new Map(body.phases.map((p) => [p.key, p.name]));
  const titleOf = new Map(body.tasks.map((t) => [t.key, t.title]));
  const first = (current - 1) * PAGE;
  const rows = body.tasks.slice(first, first + PAGE);

  return (
    <>
      <Table.ScrollContainer minWidth={editable ? 1000 : 860} type="native">
        <Table
          verticalSpacing={4}
          fz="sm"
          aria-label="Template tasks"
          className="template-editor"
          stickyHeader
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={44}>
                #
              </Table.Th>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">Phase</Table.Th>
              <Table.Th scope="col">Category</Table.Th>
              <Table.Th scope="col" ta="right" style={{ whiteSpace: "nowrap" }}>
                Start day
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Days
              </Table.Th>
              <Table.Th scope="col" ta="center">
                IPM
              </Table.Th>
              <Table.Th scope="col" ta="center">
                PM
              </Table.Th>
              {editable ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">Remove</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t, offset) => {
              const index = first + offset;
              const problems = issues.rows.tasks.get(index) ?? [];
              const warnings = issues.warnings.get(index) ?? [];
              const label = t.title.trim() || `Task ${index + 1}`;
              const describedBy =
                problems.length || warnings.length ? `task-issues-${t.key}` : undefined;
              const cells = (
                <Table.Tr
                  key={t.key}
                  className={problems.length ? "template-row-problem" : undefined}
                  aria-invalid={problems.length > 0 || undefined}
                >
                  <Table.Td c="dimmed">{index + 1}</Table.Td>
                  <Table.Td>
                    {editable ? (
                      <TextInput
                        size="xs"
                        aria-label={`Title of task ${index + 1}`}
                        aria-describedby={describedBy}
                        value={t.title}
                        maxLength={300}
                        onChange={(e) =>
                          onEdit(t.key, { field: "title", value: e.currentTarget.value })
                        }
                        miw={200}
                        pl={t.parentKey ? 16 : 0}
                      />
                    ) : (
                      <Group gap={6} wrap="nowrap" pl={t.parentKey ? 16 : 0}>
                        <Text size="sm">{t.title}</Text>
                        {t.internalOnly ? (
                          <Tooltip label="Internal-only: never shown to stakeholders">
                            <IconLock size={14} aria-label="Internal-only" />
                          </Tooltip>
                        ) : null}
                      </Group>
                    )}
                    {t.parentKey ? (
                      <Text size="xs" c="dimmed" pl={16}>
                        under {titleOf.get(t.parentKey) ?? t.parentKey}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <NativeSelect
                        size="xs"
                        w={150}
                        aria-label={`Phase of ${label}`}
                        data={phaseOptions}
                        value={t.phaseKey}
                        onChange={(e) =>
                          onEdit(t.key, { field: "phaseKey", value: e.currentTarget.value })
                        }
                      />
                    ) : (
                      (phaseName.get(t.phaseKey) ?? t.phaseKey)
                    )}
                  </Table.Td>
                  <Table.Td>
                    {editable ? (
                      <NativeSelect
                        size="xs"
                        w={150}
                        aria-label={`Category of ${label}`}
                        data={categoryOptions}
                        value={t.category}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          if (isOneOf(taskCategories, value)) {
                            onEdit(t.key, { field: "category", value });
                          }
                        }}
                      />
                    ) : (
                      taskCategoryLabels[t.category]
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {editable ? (
                      <NumberInput
                        size="xs"
                        w={76}
                        ml="auto"
                        aria-label={`Start day of ${label}`}
                        min={0}
                        allowDecimal={false}
                        value={Number.isNaN(t.startOffset) ? "" : t.startOffset}
                        onChange={(v) =>
                          onEdit(t.key, { field: "startOffset", value: asNumber(v) })
                        }
                      />
                    ) : (
                      t.startOffset
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {editable ? (
                      <NumberInput
                        size="xs"
                        w={66}
                        ml="auto"
                        aria-label={`Duration of ${label} in working days`}
                        min={1}
                        allowDecimal={false}
                        value={Number.isNaN(t.duration) ? "" : t.duration}
                        onChange={(v) => onEdit(t.key, { field: "duration", value: asNumber(v) })}
                      />
                    ) : (
                      t.duration
                    )}
                  </Table.Td>
                  {(["ipm", "pm"] as const).map((party) => (
                    <Table.Td key={party} ta="center">
                      {editable ? (
                        <NativeSelect
                          size="xs"
                          w={64}
                          mx="auto"
                          aria-label={`${party.toUpperCase()} letter for ${label}`}
                          data={letterOptions}
                          value={t.raci[party] ?? ""}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            onEdit(t.key, {
                              field: party,
                              value: isOneOf(raciValues, value) ? value : null,
                            });
                          }}
                        />
                      ) : (
                        <>
                          <RaciChip value={t.raci[party] ?? null} />
                          <span className="visually-hidden">
                            {raciAria(party, t.raci[party] ?? null)}
                          </span>
                        </>
                      )}
                    </Table.Td>
                  ))}
                  {editable ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${label}`}
                        onClick={() => onRemove(t.key)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
              if (!describedBy) return cells;
              return [
                cells,
                <Table.Tr key={`${t.key}-issues`} id={describedBy}>
                  <Table.Td />
                  <Table.Td colSpan={editable ? 8 : 7}>
                    {problems.map((m) => (
                      <Text key={m} size="xs" className="template-row-problems">
                        {m}
                      </Text>
                    ))}
                    {warnings.map((m) => (
                      <Text key={m} size="xs" className="template-row-warning">
                        <IconAlertTriangle size={12} aria-hidden /> {m}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>,
              ];
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 ? (
        <Group justify="center" mt="sm" className="no-print">
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            getItemProps={(n) => ({ "aria-label": `Tasks page ${n}` })}
          />
        </Group>
      ) : null}
    </>
  );
}
