import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  type Pir,
  type Project,
  pirStatusLabels,
  projectAllows,
  projectStageLabels,
} from "@rollout/domain";
import {
  IconArrowBackUp,
  IconClipboardCheck,
  IconCopy,
  IconHistory,
  IconPrinter,
  IconSend,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { KpiSection } from "./KpiSection.tsx";
import { LessonsSection } from "./LessonsSection.tsx";
import { ObjectivesSection } from "./ObjectivesSection.tsx";
import { PirStatusBadge } from "./pirBadges.tsx";
import {
  notifyFailure,
  type PirRights,
  type PirWrites,
  pirRights,
  usePir,
  usePirRevisions,
  usePirWrites,
} from "./pirData.ts";
import { submitBlockers } from "./pirModel.ts";
import { LockedBanner, SignersSection, SignPanel } from "./SignOff.tsx";
import { SummarySection } from "./SummarySection.tsx";
import { VarianceCards } from "./VarianceCards.tsx";
import "./pir.css";

/**
 * The Review tab: the post-implementation review of the project. Managers write it while it is
 * a draft and send it for sign-off; the people named sign it here; the last signature locks it.
 * Earlier revisions stay readable (`revision` in the URL).
 */
export function PirPage({
  project,
  revision,
  onRevision,
}: {
  project: Project;
  revision: number | undefined;
  onRevision: (revision: number | undefined) => void;
}) {
  const trpc = useTRPC();
  const session = useQuery(trpc.session.get.queryOptions());
  const query = usePir(project.id, revision);
  const writes = usePirWrites(project.id);
  const userId = session.data?.user.id ?? null;

  if (query.isPending) return <LoadingRows rows={8} label="Loading the review" />;
  if (query.isError) {
    const missing = errorInfo(query.error).code === "NOT_FOUND" && revision !== undefined;
    return (
      <ErrorAlert
        error={query.error}
        title={missing ? `There is no revision ${revision}` : "The review could not be loaded"}
        onRetry={missing ? undefined : () => void query.refetch()}
      >
        {missing ? (
          <Button size="xs" variant="light" mt="sm" onClick={() => onRevision(undefined)}>
            Show the current revision
          </Button>
        ) : null}
      </ErrorAlert>
    );
  }
  const { review, due, stage, variance } = query.data;
  if (!review) {
    return (
      <Stack gap="lg">
        <Heading />
        <StartReview project={project} due={due} stage={stage} writes={writes} />
        <VarianceCards variance={variance} />
      </Stack>
    );
  }
  const rights = pirRights(project, review, userId);

  return (
    <Stack gap="lg" className="pir-page">
      <Heading
        review={review}
        actions={
          <ReviewActions
            project={project}
            review={review}
            rights={rights}
            writes={writes}
            onRevision={onRevision}
          />
        }
        revisions={
          <RevisionPicker
            projectId={project.id}
            current={review.revision}
            onRevision={onRevision}
          />
        }
      />
      {!review.latest ? (
        <Alert color="blue" variant="light" icon={<IconHistory size={18} aria-hidden />}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              You are reading revision {review.revision}, as it was signed off. A newer revision
              exists.
            </Text>
            <Button size="xs" variant="light" onClick={() => onRevision(undefined)}>
              Show the current revision
            </Button>
          </Group>
        </Alert>
      ) : null}
      {review.status === "signed_off" ? <LockedBanner review={review} /> : null}
      {rights.sign ? <SignPanel projectId={project.id} review={review} writes={writes} /> : null}
      {review.status === "in_review" && rights.manage ? (
        <Alert color="grape" variant="light" icon={<IconSend size={18} aria-hidden />}>
          <Text size="sm">
            Out for sign-off: its content cannot change now. Return it to draft to change it (the
            signatures given so far are then cleared).
          </Text>
        </Alert>
      ) : null}
      <VarianceCards variance={review.variance} />
      <ObjectivesSection projectId={project.id} review={review} rights={rights} writes={writes} />
      <KpiSection projectId={project.id} review={review} rights={rights} writes={writes} />
      <LessonsSection projectId={project.id} review={review} rights={rights} writes={writes} />
      <SummarySection
        key={review.id}
        projectId={project.id}
        review={review}
        rights={rights}
        writes={writes}
      />
      <SignersSection projectId={project.id} review={review} rights={rights} writes={writes} />
    </Stack>
  );
}

function Heading({
  review,
  actions,
  revisions,
}: {
  review?: Pir;
  actions?: React.ReactNode;
  revisions?: React.ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <Stack gap={4} style={{ flex: "1 1 24rem" }}>
        <Group gap="sm">
          <Title order={2} fz="h3">
            Post-implementation review
          </Title>
          {review ? <PirStatusBadge status={review.status} /> : null}
        </Group>
        <Text size="sm" c="dimmed">
          {review
            ? `Revision ${review.revision}${review.createdByName ? `, started by ${review.createdByName}` : ""} on ${formatTimestamp(review.createdAt)}.`
            : "What the implementation achieved against what it promised, its benefits, and the lessons for the next project."}
        </Text>
      </Stack>
      {revisions || actions ? (
        <Group gap="xs" align="flex-end" className="no-print">
          {revisions}
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}

function RevisionPicker({
  projectId,
  current,
  onRevision,
}: {
  projectId: string;
  current: number;
  onRevision: (revision: number | undefined) => void;
}) {
  const revisions = usePirRevisions(projectId);
  const list = revisions.data ?? [];
  if (list.length < 2) return null;
  const newest = list.at(-1)?.revision;
  return (
    <NativeSelect
      label="Revision"
      size="sm"
      data={[...list].reverse().map((r) => ({
        value: String(r.revision),
        label: `Revision ${r.revision} · ${pirStatusLabels[r.status]}`,
      }))}
      value={String(current)}
      onChange={(e) => {
        const n = Number(e.currentTarget.value);
        onRevision(n === newest ? undefined : n);
      }}
    />
  );
}

function ReviewActions({
  project,
  review,
  rights,
  writes,
  onRevision,
}: {
  project: Project;
  review: Pir;
  rights: PirRights;
  writes: PirWrites;
  onRevision: (revision: number | undefined) => void;
}) {
  const blockers = review.status === "draft" ? submitBlockers(review) : [];
  const ref = { projectId: project.id, pirId: review.id, version: review.version };
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPrinter size={16} aria-hidden />}
        onClick={() => window.print()}
      >
        Print
      </Button>
      {rights.manage && review.status === "draft" ? (
        <ConfirmButton
          color="grape"
          leftSection={<IconSend size={16} aria-hidden />}
          title="Send the review for sign-off?"
          message={
            blockers.length > 0
              ? `It is not ready yet: ${blockers.join(" ")}`
              : `${review.signers.map((s) => s.name).join(", ")} will be asked to sign. Its content cannot change while they sign; the last signature locks it.`
          }
          confirmLabel="Send for sign-off"
          onConfirm={() =>
            writes.submit.mutate(ref, {
              onSuccess: () =>
                notifications.show({
                  color: "grape",
                  title: "Sent for sign-off",
                  message: "The people named can sign it now.",
                }),
              onError: (error) => notifyFailure("Not sent for sign-off", error),
            })
          }
          loading={writes.submit.isPending}
        >
          Send for sign-off
        </ConfirmButton>
      ) : null}
      {rights.manage && review.status === "in_review" ? (
        <ConfirmButton
          color="orange"
          variant="light"
          leftSection={<IconArrowBackUp size={16} aria-hidden />}
          title="Return the review to draft?"
          message="Its content can then change again. The signatures given so far are cleared; everyone signs again when it is sent back."
          confirmLabel="Return to draft"
          onConfirm={() =>
            writes.reopen.mutate(ref, {
              onError: (error) => notifyFailure("Not returned to draft", error),
            })
          }
          loading={writes.reopen.isPending}
        >
          Return to draft
        </ConfirmButton>
      ) : null}
      {rights.revise ? (
        <ConfirmButton
          color="blue"
          variant="light"
          leftSection={<IconCopy size={16} aria-hidden />}
          title="Start a new revision?"
          message={`Revision ${review.revision + 1} starts as a draft copy of this one (objectives, KPIs, lessons and the same signers, unsigned). Revision ${review.revision} stays readable, exactly as signed.`}
          confirmLabel="Start revision"
          onConfirm={() =>
            writes.revise.mutate(ref, {
              onSuccess: ({ revision }) => {
                notifications.show({
                  color: "blue",
                  title: `Revision ${revision} started`,
                  message: "Change it, then send it for sign-off again.",
                });
                onRevision(undefined);
              },
              onError: (error) => notifyFailure("No new revision", error),
            })
          }
          loading={writes.revise.isPending}
        >
          Start a new revision
        </ConfirmButton>
      ) : null}
    </>
  );
}

/** No review yet: managers open it (early, on purpose, before go-live); others are told when. */
function StartReview({
  project,
  due,
  stage,
  writes,
}: {
  project: Project;
  due: boolean;
  stage: Project["stage"];
  writes: PirWrites;
}) {
  const canOpen = !project.archivedAt && projectAllows("pir.edit", project.myRole);
  const open = (early: boolean) =>
    writes.open.mutate(
      { projectId: project.id, early },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: "Review started",
            message: "Its objectives come from the project's objectives, one per line.",
          }),
        onError: (error) => notifyFailure("The review was not started", error),
      },
    );
  return (
    <EmptyState
      icon={<IconClipboardCheck size={28} aria-hidden />}
      title="No review yet"
      description={
        due
          ? canOpen
            ? "The project has gone live: start its review. Its objectives are copied from the project's objectives, ready for outcomes and evidence."
            : "The project has gone live; its managers start the review here."
          : `The review opens when the project reaches go-live (it is at ${projectStageLabels[stage]}).${canOpen ? " You can start it early if you need to." : ""}`
      }
      action={
        canOpen ? (
          due ? (
            <Button loading={writes.open.isPending} onClick={() => open(false)}>
              Start the review
            </Button>
          ) : (
            <ConfirmButton
              color="blue"
              variant="light"
              title="Start the review before go-live?"
              message="Reviews usually start at go-live, when outcomes can be judged. Starting early is fine for a phased rollout or a project stopped before go-live."
              confirmLabel="Start early"
              onConfirm={() => open(true)}
              loading={writes.open.isPending}
            >
              Start the review early
            </ConfirmButton>
          )
        ) : undefined
      }
    />
  );
}
