import { Badge, Button, Group, Stack, Tabs, Text, Title } from "@mantine/core";
import {
  type Project,
  type RaidItem,
  type RaidKind,
  raidItemsToCsv,
  raidKindLabels,
  raidKindPluralLabels,
  raidKinds,
} from "@rollout/domain";
import { IconAlertTriangle, IconFileImport, IconPlus, IconPrinter } from "@tabler/icons-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { downloadCsv } from "../../lib/download.ts";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatNumber, todayLocal } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { ImportModal } from "./ImportModal.tsx";
import { type DrawerTarget, RaidDrawer } from "./RaidDrawer.tsx";
import { RaidExportMenu } from "./RaidExportMenu.tsx";
import { RaidKindView } from "./RaidKindView.tsx";
import { useRaidList, useRaidRights } from "./raidData.ts";
import { kindCounts, raidCsvFileName, switchKind } from "./raidModel.ts";
import type { OnRaidSearch, RaidSearch } from "./raidSearch.ts";
import "./raid.css";

/**
 * The RAID log: a tab per kind with its count, the risk heat map, filters, a sortable table,
 * and the item drawer. What is shown lives in the URL; everything filters the loaded log.
 */
export function RaidPage({
  project,
  search,
  onSearch,
}: {
  project: Project;
  search: RaidSearch;
  onSearch: OnRaidSearch;
}) {
  const list = useRaidList(project.id);
  const rights = useRaidRights(project);
  const [creating, setCreating] = useState<RaidKind | null>(null);
  const [importing, setImporting] = useState(false);
  const printing = usePrinting();

  const items = list.data?.items;
  const counts = useMemo(() => kindCounts(items ?? []), [items]);

  const openItem = useCallback(
    (kind: RaidKind, itemId: string) =>
      onSearch(
        kind === search.kind ? { item: itemId } : { ...switchKind(kind), item: itemId },
        false,
      ),
    [onSearch, search.kind],
  );

  if (list.isPending) return <LoadingRows rows={8} label="Loading the RAID log" />;
  if (list.isError) {
    return (
      <ErrorAlert
        error={list.error}
        title="The RAID log could not be loaded"
        onRetry={() => void list.refetch()}
      />
    );
  }
  const { thresholds } = list.data;
  const all = list.data.items;
  const kind = search.kind;
  const ofKind = all.filter((i) => i.kind === kind);
  const target: DrawerTarget | null = creating
    ? { mode: "new", kind: creating }
    : search.item
      ? { mode: "item", itemId: search.item }
      : null;

  function exportCsv(rows: readonly RaidItem[], scope: RaidKind | null, filtered = false) {
    downloadCsv(raidCsvFileName(project.key, scope, todayLocal(), filtered), raidItemsToCsv(rows));
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ flex: "1 1 24rem" }}>
          <Title order={2} fz="h3">
            RAID log
          </Title>
          <Text size="sm" c="dimmed">
            Risks, assumptions, issues, dependencies and decisions. A risk's score is probability ×
            impact; its band follows your organisation's thresholds.
            {rights.edit ? "" : " You can read this log; the project's managers keep it."}
          </Text>
        </Stack>
        <Group gap="xs" className="no-print">
          {rights.edit ? (
            <>
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(kind)}
              >
                New {raidKindLabels[kind].toLowerCase()}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                Import CSV
              </Button>
            </>
          ) : null}
          <RaidExportMenu
            kind={kind}
            all={all}
            ofKind={ofKind}
            search={search}
            onExport={exportCsv}
          />
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => {
              flushSync(() => printing.set(true));
              window.print();
            }}
          >
            Print
          </Button>
        </Group>
      </Group>

      <Tabs
        value={kind}
        onChange={(v) => {
          const next = raidKinds.find((k) => k === v);
          if (next && next !== kind) onSearch(switchKind(next));
        }}
        keepMounted={false}
        className="raid-tabs"
      >
        <Tabs.List aria-label="RAID kinds">
          {raidKinds.map((k) => (
            <Tabs.Tab
              key={k}
              value={k}
              rightSection={
                <Group gap={4} wrap="nowrap">
                  <Badge size="sm" variant="light" color="gray" circle={counts[k].total < 10}>
                    {formatNumber(counts[k].total)}
                  </Badge>
                  {counts[k].overdue > 0 ? (
                    <Badge
                      size="sm"
                      variant="light"
                      color="red"
                      leftSection={<IconAlertTriangle size={10} aria-hidden />}
                    >
                      {counts[k].overdue}
                      <span className="visually-hidden"> overdue</span>
                    </Badge>
                  ) : null}
                </Group>
              }
            >
              {raidKindPluralLabels[k]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {raidKinds.map((k) => (
          <Tabs.Panel key={k} value={k} pt="md">
            {k === kind ? (
              <RaidKindView
                project={project}
                items={all}
                ofKind={ofKind}
                search={search}
                onSearch={onSearch}
                rights={rights}
                printing={printing.on}
                onCreate={() => setCreating(kind)}
                onImport={() => setImporting(true)}
              />
            ) : null}
          </Tabs.Panel>
        ))}
      </Tabs>

      <RaidDrawer
        projectId={project.id}
        target={target}
        items={all}
        thresholds={thresholds}
        rights={rights}
        onClose={() => {
          if (creating) setCreating(null);
          else onSearch({ item: undefined }, false);
        }}
        onOpenItem={openItem}
      />
      {rights.edit ? (
        <ImportModal
          projectId={project.id}
          projectKey={project.key}
          opened={importing}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}

/** While printing, tables render every row (the screen shows a page at a time). */
function usePrinting() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setOn(true));
    const after = () => setOn(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return { on, set: setOn };
}
