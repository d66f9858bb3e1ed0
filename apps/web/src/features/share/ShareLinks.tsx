import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconEye, IconLink, IconPlus } from "@tabler/icons-react";
import { useId, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatDate, formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { NewShareLinkModal } from "./NewShareLinkModal.tsx";
import { SharePreview } from "./SharePreview.tsx";
import { useShareLinks, useShareWrites } from "./shareData.ts";
import { lastValidDay, type ShareLink, type ShareState, shareState } from "./shareModel.ts";

const stateBadges: Record<ShareState, { label: string; color: string }> = {
  active: { label: "Active", color: "green" },
  revoked: { label: "Revoked", color: "red" },
  expired: { label: "Expired", color: "gray" },
};

/**
 * Links to the stakeholder view for people without an account (PM and admin): who each is for,
 * until when, who made it, when it was last opened; revoking one ends it at once.
 */
export function ShareLinks({ projectId }: { projectId: string }) {
  const links = useShareLinks(projectId);
  const [creating, setCreating] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const headingId = useId();

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: "1 1 24rem" }}>
          <Title order={3} fz="h4" id={headingId}>
            Share links
          </Title>
          <Text size="sm" c="dimmed">
            A read-only stakeholder view for people without an account: health, progress,
            milestones, gates and published reports, never anything internal-only.
          </Text>
        </Stack>
        <Group gap="xs" className="no-print">
          <Button
            variant="default"
            leftSection={<IconEye size={16} aria-hidden />}
            onClick={() => setPreviewing(true)}
          >
            Preview what it shows
          </Button>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            New share link
          </Button>
        </Group>
      </Group>
      {links.isPending ? (
        <LoadingRows rows={2} label="Loading share links" />
      ) : links.isError ? (
        <ErrorAlert
          error={links.error}
          title="The share links could not be loaded"
          onRetry={() => void links.refetch()}
        />
      ) : links.data.length === 0 ? (
        <EmptyState
          icon={<IconLink size={28} aria-hidden />}
          title="No share links yet"
          description="Create one for a sponsor or a steering committee: they open it in any browser, no account needed."
        />
      ) : (
        <LinkTable projectId={projectId} links={links.data} />
      )}
      <SharePreview
        projectId={projectId}
        opened={previewing}
        onClose={() => setPreviewing(false)}
      />
      <NewShareLinkModal
        projectId={projectId}
        opened={creating}
        onClose={() => setCreating(false)}
      />
    </Stack>
  );
}

function LinkTable({ projectId, links }: { projectId: string; links: ShareLink[] }) {
  const writes = useShareWrites(projectId);
  function revoke(link: ShareLink) {
    writes.revoke.mutate(
      { projectId, shareId: link.id },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: "Link revoked",
            message: `“${link.label}” no longer opens the project.`,
          }),
        onError: (error) =>
          notifications.show({
            color: "red",
            title: "The link was not revoked",
            message: errorInfo(error).message,
          }),
      },
    );
  }
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table
        fz="sm"
        verticalSpacing={6}
        horizontalSpacing="xs"
        aria-label="Share links"
        className="reports-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>For</Table.Th>
            <Table.Th>Works until</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last opened</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.map((link) => {
            const state = shareState(link);
            return (
              <Table.Tr key={link.id} data-state={state}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {link.label}
                  </Text>
                </Table.Td>
                <Table.Td className="nowrap">{formatDate(lastValidDay(link))}</Table.Td>
                <Table.Td>
                  <Text size="sm">{link.createdByName ?? "—"}</Text>
                  <Text
                    size="xs"
                    c="dimmed"
                    title={formatTimestamp(link.createdAt)}
                    className="nowrap"
                  >
                    {formatDate(link.createdAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {link.lastUsedAt ? (
                    <Text size="sm" title={formatTimestamp(link.lastUsedAt)} className="nowrap">
                      {formatDate(link.lastUsedAt)}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={stateBadges[state].color}
                    style={{ minWidth: "max-content" }}
                  >
                    {stateBadges[state].label}
                  </Badge>
                  {link.revokedAt ? (
                    <Text size="xs" c="dimmed" title={formatTimestamp(link.revokedAt)}>
                      {formatDate(link.revokedAt)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">
                  {state === "active" ? (
                    <ConfirmButton
                      size="compact-sm"
                      variant="subtle"
                      title={`Revoke the link for “${link.label}”?`}
                      message="Whoever holds it sees a page saying the link no longer works, at once. This cannot be undone; you can create a new link."
                      confirmLabel="Revoke link"
                      onConfirm={() => revoke(link)}
                      loading={
                        writes.revoke.isPending && writes.revoke.variables?.shareId === link.id
                      }
                      aria-label={`Revoke the link for ${link.label}`}
                      className="no-print"
                    >
                      Revoke
                    </ConfirmButton>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
