import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  MultiSelect,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Pir, projectRoleLabels } from "@rollout/domain";
import { IconCircleCheck, IconClock, IconLock, IconSignature } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { formatTimestamp } from "../../ui/format.ts";
import { notifyFailure, type PirRights, type PirWrites } from "./pirData.ts";
import { signatureProgress } from "./pirModel.ts";
import { Section } from "./Section.tsx";

/** A signed-off review: who signed it when, and that it no longer changes. */
export function LockedBanner({ review }: { review: Pir }) {
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconLock size={20} aria-hidden />}
      title={`Signed off and locked${review.lockedAt ? ` on ${formatTimestamp(review.lockedAt)}` : ""}`}
      data-testid="pir-locked"
    >
      <Text size="sm">
        Revision {review.revision} no longer changes: it reads as it was signed, with its variance
        figures frozen.{" "}
        {review.latest ? "A project manager can start a new revision to change it." : ""}
      </Text>
      <List size="sm" mt={6} spacing={2} aria-label="Signatures">
        {review.signers.map((s) => (
          <List.Item key={s.userId}>
            Signed by <b>{s.name}</b>
            {s.signedAt ? ` on ${formatTimestamp(s.signedAt)}` : ""}
            {s.comment ? ` — “${s.comment}”` : ""}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The signed-in signer's own signature, with an optional comment. */
export function SignPanel({
  projectId,
  review,
  writes,
}: {
  projectId: string;
  review: Pir;
  writes: PirWrites;
}) {
  const [comment, setComment] = useState("");
  const { signed, total } = signatureProgress(review);
  const last = total - signed === 1;

  function submit(event: FormEvent) {
    event.preventDefault();
    writes.sign.mutate(
      { projectId, pirId: review.id, comment },
      {
        onSuccess: (result) =>
          notifications.show({
            color: "green",
            title: "Signed",
            message:
              result.status === "signed_off"
                ? "Yours was the last signature: the review is signed off and locked."
                : `Thank you. ${result.remaining} more ${result.remaining === 1 ? "signature is" : "signatures are"} needed.`,
          }),
        onError: (error) => notifyFailure("Not signed", error),
      },
    );
  }

  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconSignature size={20} aria-hidden />}
      title="Your signature is requested"
      className="no-print"
    >
      <form onSubmit={submit} aria-label="Sign the review">
        <Stack gap="xs">
          <Text size="sm">
            Read the objectives, benefits and lessons below, then sign the review.{" "}
            {last
              ? "Yours is the last signature: signing locks the review."
              : `${signed} of ${total} have signed.`}
          </Text>
          <Textarea
            label="Comment (optional)"
            autosize
            minRows={1}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            maw={560}
          />
          <Group>
            <Button
              type="submit"
              color="grape"
              leftSection={<IconSignature size={16} aria-hidden />}
              loading={writes.sign.isPending}
            >
              Sign the review
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}

/** Who must sign, and who has. Named (from the project's people) while the review is a draft. */
export function SignersSection({
  projectId,
  review,
  rights,
  writes,
}: {
  projectId: string;
  review: Pir;
  rights: PirRights;
  writes: PirWrites;
}) {
  const trpc = useTRPC();
  const members = useQuery({
    ...trpc.project.members.list.queryOptions({ projectId }),
    enabled: rights.edit,
  });
  const { signed, total } = signatureProgress(review);
  const options = (members.data ?? []).map((m) => ({
    value: m.userId,
    label: `${m.name} (${projectRoleLabels[m.role]})`,
  }));
  // People named earlier who have left the project stay choosable, so they can be removed.
  for (const s of review.signers) {
    if (!options.some((o) => o.value === s.userId)) {
      options.push({ value: s.userId, label: `${s.name} (not on the project)` });
    }
  }

  return (
    <Section
      title="Sign-off"
      description={
        total === 0
          ? "Name the people who must sign the review — usually its stakeholders."
          : `${signed} of ${total} signed.`
      }
      testId="pir-signers"
    >
      <Stack gap="sm">
        {total === 0 ? null : (
          <List listStyleType="none" spacing="xs" aria-label="Signers">
            {review.signers.map((s) => (
              <List.Item key={s.userId}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  {s.signedAt ? (
                    <IconCircleCheck size={20} color="var(--mantine-color-green-6)" aria-hidden />
                  ) : (
                    <IconClock size={20} color="var(--mantine-color-dimmed)" aria-hidden />
                  )}
                  <Stack gap={0}>
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {s.name}
                        {s.userId === rights.userId ? (
                          <Text span size="xs" c="dimmed" ml={6}>
                            (you)
                          </Text>
                        ) : null}
                      </Text>
                      {s.role ? (
                        <Text size="xs" c="dimmed">
                          {projectRoleLabels[s.role]}
                        </Text>
                      ) : null}
                      <Badge color={s.signedAt ? "green" : "gray"} variant="light" size="sm">
                        {s.signedAt ? "Signed" : review.status === "draft" ? "To sign" : "Waiting"}
                      </Badge>
                    </Group>
                    {s.signedAt ? (
                      <Text size="xs" c="dimmed">
                        {formatTimestamp(s.signedAt)}
                        {s.comment ? ` · “${s.comment}”` : ""}
                      </Text>
                    ) : null}
                  </Stack>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {rights.edit ? (
          <SignerPicker
            projectId={projectId}
            review={review}
            options={options}
            loading={members.isPending}
            writes={writes}
          />
        ) : null}
      </Stack>
    </Section>
  );
}

/** Choose the signers, then save the list (one change, one version). */
function SignerPicker({
  projectId,
  review,
  options,
  loading,
  writes,
}: {
  projectId: string;
  review: Pir;
  options: Array<{ value: string; label: string }>;
  loading: boolean;
  writes: PirWrites;
}) {
  const current = review.signers.map((s) => s.userId);
  const [selected, setSelected] = useState(current);
  const dirty = JSON.stringify(selected) !== JSON.stringify(current);
  // Someone else changed the list (a live update): an untouched picker follows it.
  const key = current.join(",");
  const [seen, setSeen] = useState(key);
  if (key !== seen) {
    setSeen(key);
    if (!writes.setSigners.isPending) setSelected(current);
  }
  function save(event: FormEvent) {
    event.preventDefault();
    writes.setSigners.mutate(
      { projectId, pirId: review.id, version: review.version, userIds: selected },
      {
        onSuccess: () =>
          notifications.show({
            color: "green",
            title: "Signers saved",
            message:
              selected.length === 0
                ? "Nobody is named to sign yet."
                : `${selected.length} ${selected.length === 1 ? "person signs" : "people sign"} the review.`,
          }),
        onError: (error) => {
          setSelected(current);
          notifyFailure("Signers not changed", error);
        },
      },
    );
  }
  return (
    <form onSubmit={save} aria-label="Signers of the review">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <MultiSelect
          label="People who sign"
          description="Members of this project. They are asked to sign when the review is sent for sign-off."
          placeholder={loading ? "Loading the project's people…" : "Choose people"}
          data={options}
          value={selected}
          onChange={setSelected}
          searchable
          style={{ flex: "1 1 22rem", maxWidth: 560 }}
        />
        <Button type="submit" disabled={!dirty} loading={writes.setSigners.isPending}>
          Save signers
        </Button>
      </Group>
    </form>
  );
}
