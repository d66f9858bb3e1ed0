import { IconClipboardCheck, IconFileDescription } from "@tabler/icons-react";
import { createLazyRoute } from "@tanstack/react-router";
import { ComingSoon } from "../features/projects/ComingSoon.tsx";

/** Project areas that later releases build; each says what it will hold. */

export const ReportsRoute = createLazyRoute("/_authed/_org/projects/$projectId/reports")({
  component: () => (
    <ComingSoon
      icon={<IconFileDescription size={28} aria-hidden />}
      title="Status reports arrive in a coming release"
      description="Weekly status, pre-filled from the project's live data, published and kept."
      holds={[
        "Overall and per-dimension RAG: schedule, budget, scope, risk",
        "Summary, accomplishments, next steps and asks",
        "Published reports that never change, with their metrics snapshot",
      ]}
    />
  ),
});

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
