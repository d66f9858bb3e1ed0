import { Group, SegmentedControl, SimpleGrid, Text } from "@mantine/core";
import type { RiskThresholds } from "@rollout/domain";
import type { Dispatch, SetStateAction } from "react";
import type { FieldErrors } from "../../ui/fieldErrors.ts";
import { BandBadge } from "../../ui/raidBadges.tsx";
import { RatingInput } from "./RatingInput.tsx";
import { previewScore, type RaidValues, withPolarity } from "./raidForm.ts";

/**
 * A risk's ratings: threat or opportunity, probability and impact with the score and band they
 * make (live, under the organisation's thresholds), and the residual pair after the response.
 */
export function RiskRatingFields({
  values,
  errors,
  thresholds,
  onChange,
}: {
  values: RaidValues;
  errors: FieldErrors;
  thresholds: RiskThresholds;
  onChange: Dispatch<SetStateAction<RaidValues>>;
}) {
  const set =
    (key: "probability" | "impact" | "residualProbability" | "residualImpact") => (value: string) =>
      onChange((v) => ({ ...v, [key]: value }));
  return (
    <>
      <SegmentedControl
        aria-label="Threat or opportunity"
        size="xs"
        w="max-content"
        value={values.polarity}
        onChange={(v) =>
          onChange((prev) => withPolarity(prev, v === "opportunity" ? "opportunity" : "threat"))
        }
        data={[
          { value: "threat", label: "Threat" },
          { value: "opportunity", label: "Opportunity" },
        ]}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <RatingInput
          label="Probability"
          description="1 rare … 5 almost certain"
          value={values.probability}
          onChange={set("probability")}
          error={errors.probability}
        />
        <RatingInput
          label="Impact"
          description="1 negligible … 5 severe"
          value={values.impact}
          onChange={set("impact")}
          error={errors.impact}
        />
      </SimpleGrid>
      <ScoreLine
        label="Score"
        preview={previewScore(values.probability, values.impact, thresholds)}
        empty="Rate probability and impact"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <RatingInput
          optional
          label="Residual probability"
          description="After the response"
          value={values.residualProbability}
          onChange={set("residualProbability")}
          error={errors.residualProbability}
        />
        <RatingInput
          optional
          label="Residual impact"
          description="After the response"
          value={values.residualImpact}
          onChange={set("residualImpact")}
          error={errors.residualImpact}
        />
      </SimpleGrid>
      <ScoreLine
        label="Residual score"
        preview={previewScore(values.residualProbability, values.residualImpact, thresholds)}
        empty="Not rated"
      />
    </>
  );
}

function ScoreLine({
  label,
  preview,
  empty,
}: {
  label: string;
  preview: ReturnType<typeof previewScore>;
  empty: string;
}) {
  return (
    <Group gap="xs" aria-live="polite">
      <Text size="sm" fw={500}>
        {label}:
      </Text>
      {preview ? (
        <BandBadge band={preview.band} score={preview.score} size="lg" />
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Group>
  );
}
