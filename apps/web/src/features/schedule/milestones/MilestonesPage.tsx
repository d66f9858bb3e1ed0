import { Alert, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { Project } from "@rollout/domain";
import { IconFileSpreadsheet, IconFlag, IconPlus, IconSignature } from "@tabler/icons-react";
import { useState } from "react";
import { EmptyState } from "../../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../../ui/ErrorAlert.tsx";
import { todayLocal } from "../../../ui/format.ts";
import { LoadingRows } from "../../../ui/Loading.tsx";
import { BaselinesPanel } from "../baselines/BaselinesPanel.tsx";
import { useSchedule, useSchedulePlan, useScheduleRights } from "../scheduleData.ts";
import type { MilestonesSearch } from "../scheduleSearch.ts";
import { MilestoneDrawer } from "./MilestoneDrawer.tsx";
import { MilestonePanel } from "./MilestonePanel.tsx";
import { MilestoneTable } from "./MilestoneTable.tsx";
import { MilestoneTimeline } from "./MilestoneTimeline.tsx";
import "../schedule.css";
import { downloadCsv } from "../../../lib/download.ts";
import { milestoneCsv } from "./milestoneCsv.ts";

type Drawer = { mode: "closed" } | { mode: "new" } | { mode: "edit"; id: string };

/** Milestones & gates: the list, a timeline, the open milestone (and its gate), baselines. */
export function MilestonesPage({
  project,
  search,
  onSearch,
}: {
  project: Project;
  search: MilestonesSearch;
  onSearch: (patch: Partial<MilestonesSearch>) => void;
}) {
  const schedule = useSchedule(project.id);
  const plan = useSchedulePlan(project.id);
  const rights = useScheduleRights(project);
  const [drawer, setDrawer] = useState<Drawer>({ mode: "closed" });

  if (schedule.isPending) return <LoadingRows rows={6} label="Loading milestones" />;
  if (schedule.isError) {
    return (
      <ErrorAlert
        error={schedule.error}
        title="The schedule could not be loaded"
        onRetry={() => void schedule.refetch()}
      />
    );
  }
  const milestones = schedule.data.milestones;
  // Opens the milestone in the URL; otherwise the go-live (the one most people come for).
  const selected =
    milestones.find((m) => m.id === search.milestone) ??
    (search.milestone === undefined ? milestones.find((m) => m.isGoLive) : undefined) ??
    null;
  const awaitingMe = milestones.filter((m) =>
    m.signers.some((s) => s.userId === rights.userId && !s.signedAt),
  );
  const editing = drawer.mode === "edit" ? milestones.find((m) => m.id === drawer.id) : undefined;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz="h3">
            Milestones and gates
          </Title>
          <Text size="sm" c="dimmed">
            Forecasts come from the linked tasks' schedule; slip is in working days against each
            milestone's baseline.
          </Text>
        </Stack>
        <Group gap="xs" className="no-print">
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            disabled={milestones.length === 0}
            onClick={() => downloadCsv(`${project.key}-milestones.csv`, milestoneCsv(milestones))}
          >
            Export CSV
          </Button>
          {rights.edit ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDrawer({ mode: "new" })}
            >
              New milestone
            </Button>
          ) : null}
        </Group>
      </Group>

      {awaitingMe.map((m) =>
        m.id === selected?.id ? null : (
          <Alert
            key={m.id}
            color="grape"
            variant="light"
            icon={<IconSignature size={18} aria-hidden />}
            title={`Your sign-off is requested on ${m.name}`}
          >
            <Button
              size="xs"
              variant="light"
              color="grape"
              onClick={() => onSearch({ milestone: m.id })}
            >
              Open {m.name}
            </Button>
          </Alert>
        ),
      )}

      {milestones.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={<IconFlag size={28} aria-hidden />}
            title="No milestones yet"
            description={
              rights.edit
                ? "Add the first, e.g. Go-live: link its tasks and the forecast and slip follow from the plan."
                : "The project's managers have not set milestones yet."
            }
            action={
              rights.edit ? (
                <Button onClick={() => setDrawer({ mode: "new" })}>Add a milestone</Button>
              ) : undefined
            }
          />
        </Paper>
      ) : (
        <>
          <Paper withBorder radius="md" p="md">
            <MilestoneTimeline milestones={milestones} today={todayLocal()} />
          </Paper>
          <Paper withBorder radius="md">
            <MilestoneTable
              milestones={milestones}
              selectedId={selected?.id ?? null}
              onSelect={(id) => onSearch({ milestone: id })}
            />
          </Paper>
          {selected ? (
            <MilestonePanel
              key={selected.id}
              projectId={project.id}
              milestone={selected}
              people={plan.data?.people ?? []}
              rights={rights}
              onEdit={() => setDrawer({ mode: "edit", id: selected.id })}
              onDeleted={() => onSearch({ milestone: undefined })}
            />
          ) : null}
        </>
      )}

      <BaselinesPanel
        projectId={project.id}
        canEdit={rights.edit}
        selectedId={search.baseline}
        onSelect={(id) => onSearch({ baseline: id })}
      />

      <MilestoneDrawer
        projectId={project.id}
        milestone={editing ?? null}
        opened={drawer.mode !== "closed" && (drawer.mode === "new" || editing !== undefined)}
        onClose={() => setDrawer({ mode: "closed" })}
        onCreated={(id) => {
          setDrawer({ mode: "closed" });
          onSearch({ milestone: id });
        }}
      />
    </Stack>
  );
}
