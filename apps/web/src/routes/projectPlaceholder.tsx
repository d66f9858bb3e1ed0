import { IconClipboardCheck } from "@tabler/icons-react";
import { createLazyRoute } from "@tanstack/react-router";
import { ComingSoon } from "../features/projects/ComingSoon.tsx";

/** Project areas that later releases build; each says what it will hold. */

export const ReviewRoute = createLazyRoute("/_authed/_org/projects/$projectId/review")({
  component: () => (
    <ComingSoon
      icon={<IconClipboardCheck size={28} aria-hidden />}
      title="The post-implementation review arrives in a coming release"
      description="Objectives against outcomes, benefits, and lessons reusable across projects."
      holds={[
        "Objectives with outcome (met, partial, not met) and evidence",
        "KPIs and benefits: baseline, target, actual",
        "Lessons learned, searchable across the organisation",
        "Stakeholder sign-off",
      ]}
    />
  ),
});
