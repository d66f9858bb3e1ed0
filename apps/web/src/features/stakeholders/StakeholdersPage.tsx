import { Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from "@mantine/core";
import type { CommItem, Project } from "@rollout/domain";
import { IconFileSpreadsheet, IconLock, IconPlus, IconUsersGroup } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { todayLocal } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { CommDrawer } from "./CommDrawer.tsx";
import { CommsPlan } from "./CommsPlan.tsx";
import { EngagementMatrix } from "./EngagementMatrix.tsx";
import { PowerInterestGrid } from "./PowerInterestGrid.tsx";
import { RaidOwnership } from "./RaidOwnership.tsx";
import { RegisterTable } from "./RegisterTable.tsx";
import { StakeholderDrawer } from "./StakeholderDrawer.tsx";
import { StakeholderFilters } from "./StakeholderFilters.tsx";
import { stakeholderRights, useComms, useStakeholders } from "./stakeholderData.ts";
import { filterStakeholders, sortStakeholders } from "./stakeholderModel.ts";
import {
  clearedFilters,
  type StakeholderSection,
  type StakeholdersSearch,
  stakeholderSectionLabels,
  stakeholderSections,
} from "./stakeholderSearch.ts";
import "./stakeholders.css";
import { downloadCsv } from "../../lib/download.ts";
import { commsCsv, registerCsv } from "./stakeholderCsv.ts";

type CommDrawerState = { mode: "closed" } | { mode: "new" } | { mode: "edit"; comm: CommItem };

/** Stakeholders never see the register: it holds the team's candid view of them. */
function NotAvailable() {
  return (
    <Paper withBorder radius="md" p="lg">
      <EmptyState
        icon={<IconLock size={28} aria-hidden />}
        title="The stakeholder register is not available to stakeholders"
        description="It holds the project team's working notes. The overview and milestones show you how the rollout is going."
      />
    </Paper>
  );
}

/**
 * Stakeholders: the register, the power/interest grid, the engagement matrix with RAID
 * ownership, and the communication plan. The section, filters, sort and open person are in
 * the URL.
 */
export function StakeholdersPage({
  project,
  search,
  onSearch,
}: {
  project: Project;
  search: StakeholdersSearch;
  onSearch: (patch: Partial<StakeholdersSearch>) => void;
}) {
  const rights = stakeholderRights(project);
  const register = useStakeholders(project.id, rights.read);
  const comms = useComms(project.id, rights.read);
  const [creating, setCreating] = useState(false);
  const [commDrawer, setCommDrawer] = useState<CommDrawerState>({ mode: "closed" });

  const all = register.data ?? [];
  const filtered = useMemo(() => filterStakeholders(all, search), [all, search]);
  const sorted = useMemo(
    () => sortStakeholders(filtered, search.sort, search.desc),
    [filtered, search.sort, search.desc],
  );

  if (!rights.read) return <NotAvailable />;

  const open = search.stakeholder ? all.find((s) => s.id === search.stakeholder) : undefined;
  const overdue = comms.data?.items.filter((c) => c.overdue).length ?? 0;
  const addButton =
    search.section === "comms" ? (
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setCommDrawer({ mode: "new" })}
        disabled={!comms.data}
      >
        New communication
      </Button>
    ) : (
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => {
          if (search.stakeholder) onSearch({ stakeholder: undefined });
          setCreating(true);
        }}
      >
        New stakeholder
      </Button>
    );

  function sectionBody(section: StakeholderSection) {
    // RAID ownership names members too: it shows whatever the register holds.
    if (section === "engagement") {
      return (
        <Stack gap="lg">
          {registerBody(section)}
          <RaidOwnership projectId={project.id} />
        </Stack>
      );
    }
    return registerBody(section);
  }

  function registerBody(section: StakeholderSection) {
    if (section === "comms") {
      return (
        <CommsPlan
          projectId={project.id}
          canEdit={rights.edit}
          onAdd={() => setCommDrawer({ mode: "new" })}
          onEdit={(comm) => setCommDrawer({ mode: "edit", comm })}
        />
      );
    }
    if (register.isPending) return <LoadingRows rows={6} label="Loading the register" />;
    if (register.isError) {
      return (
        <ErrorAlert
          error={register.error}
          title="The register could not be loaded"
          onRetry={() => void register.refetch()}
        />
      );
    }
    if (all.length === 0) {
      return (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={<IconUsersGroup size={28} aria-hidden />}
            title="No stakeholders yet"
            description={
              rights.edit
                ? "Add the first, e.g. the sponsor: rate their power and interest, and how engaged they are against how engaged they need to be."
                : "The project's managers have not added anyone to the register yet."
            }
            action={
              rights.edit ? (
                <Button onClick={() => setCreating(true)}>Add a stakeholder</Button>
              ) : undefined
            }
          />
        </Paper>
      );
    }
    const filters = (
      <StakeholderFilters
        search={search}
        shown={filtered.length}
        total={all.length}
        onChange={onSearch}
      />
    );
    const nobody =
      filtered.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <EmptyState
            icon={<IconUsersGroup size={28} aria-hidden />}
            title="Nobody matches these filters"
            description="Try another search, or clear the filters to see everyone."
            action={
              <Button variant="light" onClick={() => onSearch(clearedFilters)}>
                Clear filters
              </Button>
            }
          />
        </Paper>
      ) : null;
    const openPerson = (id: string) => onSearch({ stakeholder: id });
    if (section === "register") {
      return (
        <Stack gap="sm">
          {filters}
          {nobody ?? (
            <Paper withBorder radius="md">
              <RegisterTable
                stakeholders={sorted}
                sort={{ column: search.sort, desc: search.desc }}
                onSort={(sort, desc) => onSearch({ sort, desc })}
                onOpen={openPerson}
                selectedId={search.stakeholder}
              />
            </Paper>
          )}
        </Stack>
      );
    }
    if (section === "grid") {
      return (
        <Stack gap="sm">
          {filters}
          {nobody ?? (
            <Paper withBorder radius="md" p="md">
              <PowerInterestGrid
                projectId={project.id}
                stakeholders={filtered}
                canEdit={rights.edit}
                onOpen={openPerson}
              />
            </Paper>
          )}
        </Stack>
      );
    }
    return (
      <Stack gap="sm">
        {filters}
        {nobody ?? (
          <Paper withBorder radius="md" p="md">
            <EngagementMatrix stakeholders={filtered} onOpen={openPerson} />
          </Paper>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: "1 1 24rem" }}>
          <Title order={2} fz="h3">
            Stakeholders
          </Title>
          <Text size="sm" c="dimmed">
            Who matters to this rollout, how much, how engaged they are against how engaged they
            need to be, and how you keep them informed. Internal to the project team.
          </Text>
        </Stack>
        <Group className="no-print">
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            disabled={search.section === "comms" ? !comms.data : !register.data}
            onClick={() =>
              search.section === "comms"
                ? downloadCsv(
                    `${project.key}-communication-plan.csv`,
                    commsCsv(comms.data?.items ?? []),
                  )
                : downloadCsv(`${project.key}-stakeholders.csv`, registerCsv(sorted))
            }
          >
            Export CSV
          </Button>
          {rights.edit ? addButton : null}
        </Group>
      </Group>

      <Tabs
        value={search.section}
        onChange={(value) => {
          const section = stakeholderSections.find((s) => s === value);
          if (section) onSearch({ section });
        }}
        keepMounted={false}
      >
        <Tabs.List className="no-print" mb="md">
          {stakeholderSections.map((s) => (
            <Tabs.Tab
              key={s}
              value={s}
              rightSection={
                s === "register" && register.data ? (
                  <Badge size="sm" variant="light" color="gray" circle={all.length < 10}>
                    {all.length}
                  </Badge>
                ) : s === "comms" && overdue > 0 ? (
                  <Badge size="sm" variant="light" color="red" tt="none">
                    {overdue} overdue
                  </Badge>
                ) : null
              }
            >
              {stakeholderSectionLabels[s]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {stakeholderSections.map((s) => (
          <Tabs.Panel key={s} value={s}>
            {sectionBody(s)}
          </Tabs.Panel>
        ))}
      </Tabs>

      <StakeholderDrawer
        projectId={project.id}
        stakeholder={creating ? null : (open ?? null)}
        canEdit={rights.edit}
        opened={creating || open !== undefined}
        onClose={() => {
          setCreating(false);
          if (search.stakeholder) onSearch({ stakeholder: undefined });
        }}
        onCreated={() => setCreating(false)}
      />
      <CommDrawer
        projectId={project.id}
        comm={commDrawer.mode === "edit" ? commDrawer.comm : null}
        stakeholders={all}
        today={comms.data?.today ?? todayLocal()}
        opened={commDrawer.mode !== "closed"}
        onClose={() => setCommDrawer({ mode: "closed" })}
      />
    </Stack>
  );
}
