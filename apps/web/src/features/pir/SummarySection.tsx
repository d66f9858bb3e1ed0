import { Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Pir, type PirRating, pirRatingLabels, pirRatings } from "@rollout/domain";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { type FormEvent, useEffect, useState } from "react";
import { isOneOf } from "../../lib/isOneOf.ts";
import { ConflictNotice } from "../../ui/ConflictNotice.tsx";
import type { PirRights, PirWrites } from "./pirData.ts";
import { Section } from "./Section.tsx";
import { useFreshRow } from "./useFreshRow.ts";
import { useSave } from "./useSave.ts";

const pickReview = (r: Pir) => r;

/** The overall verdict and the summary in words. */
export function SummarySection({
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
  const [initial, setInitial] = useState({ summary: review.summary, rating: review.rating });
  const [values, setValues] = useState(initial);
  const [base, setBase] = useState(review.version);
  const save = useSave(["summary", "rating"]);
  const fresh = useFreshRow(projectId, pickReview);
  const dirty = values.summary !== initial.summary || values.rating !== initial.rating;

  // Someone else saved (a live update refetched the review): an untouched form follows.
  useEffect(() => {
    if (review.version === base || dirty || save.saving) return;
    const theirs = { summary: review.summary, rating: review.rating };
    setInitial(theirs);
    setValues(theirs);
    setBase(review.version);
  }, [review, base, dirty, save.saving]);

  if (!rights.edit) {
    return (
      <Section title="Overall rating and summary" testId="pir-summary">
        <Stack gap="xs">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              Rating:{" "}
            </Text>
            <b>{review.rating ? pirRatingLabels[review.rating] : "Not rated yet"}</b>
          </Text>
          <Text
            size="sm"
            style={{ whiteSpace: "pre-wrap" }}
            c={review.summary ? undefined : "dimmed"}
          >
            {review.summary || "No summary written yet."}
          </Text>
        </Stack>
      </Section>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes: { summary?: string; rating?: PirRating | null } = {};
    if (values.summary !== initial.summary) changes.summary = values.summary;
    if (values.rating !== initial.rating) changes.rating = values.rating;
    if (Object.keys(changes).length === 0) return;
    const saved = await save.run(() =>
      writes.update.mutateAsync({ projectId, pirId: review.id, version: base, changes }),
    );
    if (saved) {
      setInitial(values);
      setBase(base + 1);
      notifications.show({ color: "green", title: "Saved", message: "The summary is up to date." });
    }
  }

  return (
    <Section title="Overall rating and summary" testId="pir-summary">
      <form onSubmit={(e) => void submit(e)} aria-label="Overall rating and summary">
        <Stack gap="sm">
          {save.conflict ? (
            <ConflictNotice
              message={save.conflict}
              load={fresh}
              onReload={(r) => {
                const theirs = { summary: r.summary, rating: r.rating };
                setInitial(theirs);
                setValues(theirs);
                setBase(r.version);
                save.reset();
              }}
              onKeep={(r) => {
                setInitial({ summary: r.summary, rating: r.rating });
                setBase(r.version);
                save.setConflict(null);
              }}
              onGone={() => save.setConflict(null)}
            />
          ) : null}
          {save.failure ? (
            <Text size="sm" c="red" role="alert">
              {save.failure}
            </Text>
          ) : null}
          <NativeSelect
            label="Overall rating"
            data={[
              { value: "", label: "Not rated yet" },
              ...pirRatings.map((r) => ({ value: r, label: pirRatingLabels[r] })),
            ]}
            value={values.rating ?? ""}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setValues((prev) => ({ ...prev, rating: isOneOf(pirRatings, v) ? v : null }));
            }}
            error={save.errors.rating}
            maw={320}
          />
          <Textarea
            label="Summary"
            description="The review in a few sentences: what was achieved, what was not, and why."
            autosize
            minRows={3}
            maxLength={10_000}
            value={values.summary}
            onChange={(e) => {
              const summary = e.currentTarget.value;
              setValues((prev) => ({ ...prev, summary }));
            }}
            error={save.errors.summary}
          />
          <Group>
            <Button
              type="submit"
              variant={dirty ? "filled" : "default"}
              disabled={!dirty}
              loading={save.saving}
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            >
              Save summary
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
