import { Alert, Badge, Button, Divider, Drawer, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type RaidItem, type RaidKind, type RiskThresholds, raidKindLabels } from "@rollout/domain";
import { IconAlertTriangle, IconBolt, IconLock, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { LoadingRows } from "../../ui/Loading.tsx";
import { BandBadge, RaidStatusBadge } from "../../ui/raidBadges.tsx";
import { CommentsSection } from "../collab/CommentThread.tsx";
import { canComment } from "../collab/targets.ts";
import { useProject } from "../projects/useProject.ts";
import { OccurModal } from "./OccurModal.tsx";
import { RaidDetails } from "./RaidDetails.tsx";
import { RaidItemForm } from "./RaidItemForm.tsx";
import { type RaidRights, useRaidItem, useRaidWrites } from "./raidData.ts";
import { ScoreHistory } from "./ScoreHistory.tsx";

export type DrawerTarget = { mode: "new"; kind: RaidKind } | { mode: "item"; itemId: string };

interface RaidDrawerProps {
  projectId: string;
  target: DrawerTarget | null;
  /** The log as loaded (the open item comes from it, so it shows at once). */
  items: readonly RaidItem[];
  thresholds: RiskThresholds;
  rights: RaidRights;
  onClose: () => void;
  /** Opens another item (a risk's issue, an issue's risk), switching to its kind. */
  onOpenItem: (kind: RaidKind, itemId: string) => void;
}

/** One item in full: its fields (a form for editors), links, score history and actions. */
export function RaidDrawer({
  projectId,
  target,
  items,
  thresholds,
  rights,
  onClose,
  onOpenItem,
}: RaidDrawerProps) {
  const item = target?.mode === "item" ? items.find((i) => i.id === target.itemId) : undefined;
  const title =
    target?.mode === "new"
      ? `New ${raidKindLabels[target.kind].toLowerCase()}`
      : item
        ? `${item.ref} · ${item.title}`
        : "RAID item";
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={title}
      className="no-print"
      styles={{
        title: { fontWeight: 650, fontSize: "var(--mantine-font-size-lg)", lineHeight: 1.25 },
      }}
    >
      {target?.mode === "new" ? (
        <RaidItemForm
          key={`new-${target.kind}`}
          projectId={projectId}
          kind={target.kind}
          item={null}
          thresholds={thresholds}
          rights={rights}
          onCreated={onClose}
          onCancel={onClose}
        />
      ) : item ? (
        <ItemBody
          key={item.id}
          projectId={projectId}
          item={item}
          thresholds={thresholds}
          rights={rights}
          onClose={onClose}
          onOpenItem={onOpenItem}
        />
      ) : target ? (
        <EmptyState
          icon={<IconLock size={28} aria-hidden />}
          title="This item is not in the log"
          description="It was deleted, or it is not shown to you."
        />
      ) : null}
    </Drawer>
  );
}

function ItemBody({
  projectId,
  item,
  thresholds,
  rights,
  onClose,
  onOpenItem,
}: {
  projectId: string;
  item: RaidItem;
  thresholds: RiskThresholds;
  rights: RaidRights;
  onClose: () => void;
  onOpenItem: (kind: RaidKind, itemId: string) => void;
}) {
  const detail = useRaidItem(projectId, item.id);
  const writes = useRaidWrites(projectId);
  const [occurring, setOccurring] = useState(false);
  const { data: project } = useProject(projectId);
  const canOccur =
    rights.edit &&
    item.kind === "risk" &&
    !item.convertedTo &&
    (item.status === "open" || item.status === "mitigating");

  function remove() {
    writes.remove.mutate(
      { projectId, itemId: item.id, version: item.version },
      {
        onSuccess: () => {
          notifications.show({ color: "green", title: `${item.ref} deleted`, message: item.title });
          onClose();
        },
        onError: (error) => {
          const info = errorInfo(error);
          if (info.code === "CONFLICT") void writes.changed();
          notifications.show({
            color: info.code === "CONFLICT" ? "orange" : "red",
            title: `${item.ref} was not deleted`,
            message:
              info.code === "CONFLICT"
                ? "Someone changed it meanwhile. It has been reloaded: look again, then delete it."
                : info.message,
          });
        },
      },
    );
  }

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="default" tt="none">
          {raidKindLabels[item.kind]}
        </Badge>
        <RaidStatusBadge status={item.status} />
        {item.band ? <BandBadge band={item.band} score={item.score} /> : null}
        {item.internalOnly ? (
          <Badge variant="light" color="gray" tt="none" leftSection={<IconLock size={12} />}>
            Internal only
          </Badge>
        ) : null}
        {item.overdue ? (
          <Badge
            variant="light"
            color="red"
            tt="none"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
          >
            {item.kind === "risk" || item.kind === "assumption" ? "Review overdue" : "Overdue"}
          </Badge>
        ) : null}
      </Group>

      {item.convertedTo ? (
        <Alert color="grape" variant="light" icon={<IconBolt size={18} aria-hidden />}>
          <Group gap="xs" justify="space-between">
            <Text size="sm">This risk occurred and became an issue.</Text>
            <Button
              size="compact-sm"
              variant="light"
              color="grape"
              onClick={() => item.convertedTo && onOpenItem("issue", item.convertedTo.id)}
            >
              Became {item.convertedTo.ref}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {item.convertedFrom ? (
        <Alert color="grape" variant="light" icon={<IconBolt size={18} aria-hidden />}>
          <Group gap="xs" justify="space-between">
            <Text size="sm">Raised when a risk occurred.</Text>
            <Button
              size="compact-sm"
              variant="light"
              color="grape"
              onClick={() => item.convertedFrom && onOpenItem("risk", item.convertedFrom.id)}
            >
              From {item.convertedFrom.ref}
            </Button>
          </Group>
        </Alert>
      ) : null}

      {rights.edit ? (
        <RaidItemForm
          projectId={projectId}
          kind={item.kind}
          item={item}
          thresholds={thresholds}
          rights={rights}
          onCreated={() => undefined}
          onCancel={onClose}
        />
      ) : (
        <RaidDetails item={item} detail={detail.data} />
      )}

      {item.kind === "risk" ? (
        <Stack gap="xs">
          <Divider label="Score history" labelPosition="left" />
          {detail.isPending ? (
            <LoadingRows rows={2} label="Loading the score history" />
          ) : detail.isError ? (
            <ErrorAlert error={detail.error} title="The history could not be loaded" />
          ) : (
            <ScoreHistory history={detail.data.scoreHistory} />
          )}
        </Stack>
      ) : null}

      <CommentsSection
        projectId={projectId}
        targetType="raid_item"
        targetId={item.id}
        canWrite={canComment(project, "raid_item")}
      />

      {rights.edit ? (
        <Stack gap="xs">
          <Divider label="Actions" labelPosition="left" />
          <Group gap="sm">
            {canOccur ? (
              <Button
                variant="light"
                color="grape"
                leftSection={<IconBolt size={16} aria-hidden />}
                onClick={() => setOccurring(true)}
              >
                Risk occurred…
              </Button>
            ) : null}
            <ConfirmButton
              variant="subtle"
              leftSection={<IconTrash size={16} aria-hidden />}
              title={`Delete ${item.ref}?`}
              message={`“${item.title}” leaves the log${item.kind === "risk" ? " and the heat map" : ""}. The project's history keeps a record of it.`}
              confirmLabel="Delete"
              onConfirm={remove}
              loading={writes.remove.isPending}
            >
              Delete
            </ConfirmButton>
          </Group>
        </Stack>
      ) : null}

      {canOccur ? (
        <OccurModal
          projectId={projectId}
          risk={item}
          opened={occurring}
          onClose={() => setOccurring(false)}
          onOccurred={(issue) => {
            setOccurring(false);
            onOpenItem("issue", issue.id);
          }}
        />
      ) : null}
    </Stack>
  );
}
