/** A review is written (draft), put to its signers (in review), and locked once all signed. */
export const pirStatuses = ["draft", "in_review", "signed_off"] as const;
export type PirStatus = (typeof pirStatuses)[number];
export const pirStatusLabels: Record<PirStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  signed_off: "Signed off",
};

/** Whether an objective's success criterion was reached. */
export const objectiveOutcomes = ["met", "partial", "not_met"] as const;
export type ObjectiveOutcome = (typeof objectiveOutcomes)[number];
export const objectiveOutcomeLabels: Record<ObjectiveOutcome, string> = {
  met: "Met",
  partial: "Partly met",
  not_met: "Not met",
};

/** The review's overall verdict on the implementation. */
export const pirRatings = [
  "successful",
  "mostly_successful",
  "partly_successful",
  "unsuccessful",
] as const;
export type PirRating = (typeof pirRatings)[number];
export const pirRatingLabels: Record<PirRating, string> = {
  successful: "Successful",
  mostly_successful: "Mostly successful",
  partly_successful: "Partly successful",
  unsuccessful: "Unsuccessful",
};

/** A lesson is something to repeat or something to do better. */
export const lessonKinds = ["went_well", "improve"] as const;
export type LessonKind = (typeof lessonKinds)[number];
export const lessonKindLabels: Record<LessonKind, string> = {
  went_well: "Went well",
  improve: "To improve",
};

/** Benefits are measured again this many months after go-live, when asked. */
export const remeasureMonths = [3, 6] as const;
