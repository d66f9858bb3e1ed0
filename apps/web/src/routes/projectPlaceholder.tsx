import {
  IconAlertTriangle,
  IconClipboardCheck,
  IconFileDescription,
  IconUsersGroup,
} from "@tabler/icons-react";
import { createLazyRoute } from "@tanstack/react-router";
import { ComingSoon } from "../features/projects/ComingSoon.tsx";

/** Project areas that later releases build; each says what it will hold. */

export const RaidRoute = createLazyRoute("/_authed/_org/projects/$projectId/raid")({
  component: () => (
    <ComingSoon
      icon={<IconAlertTriangle size={28} aria-hidden />}
      title="The RAID log arrives in a coming release"
      description="Risks, assumptions, issues, dependencies and decisions, scored and tracked."
      holds={[
        "Risks scored by probability × impact, with a 5×5 heat map",
        "Responses, mitigation, contingency and triggers",
        "Issues, assumptions, dependencies and decisions with owners and due dates",
      ]}
    />
  ),
});

export const StakeholdersRoute = createLazyRoute("/_authed/_org/projects/$projectId/stakeholders")({
  component: () => (
    <ComingSoon
      icon={<IconUsersGroup size={28} aria-hidden />}
      title="The stakeholder register arrives in a coming release"
      description="Who matters to this rollout, how much, and how you keep them on board."
      holds={[
        "A register with a power/interest grid",
        "Current and desired engagement, and the gap between them",
        "A communication plan: audience, channel, frequency, next due",
      ]}
    />
  ),
});

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
