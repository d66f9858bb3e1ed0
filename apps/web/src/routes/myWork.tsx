import { IconChecklist } from "@tabler/icons-react";
import { createLazyRoute } from "@tanstack/react-router";
import { ComingSoon } from "../features/projects/ComingSoon.tsx";
import { ButtonLink } from "../ui/links.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/my-work")({ component: MyWorkPage });

function MyWorkPage() {
  return (
    <>
      <PageHeader
        title="My work"
        description="Everything assigned to you, across projects."
        actions={
          <ButtonLink to="/projects" variant="default">
            Open the portfolio
          </ButtonLink>
        }
      />
      <ComingSoon
        icon={<IconChecklist size={28} aria-hidden />}
        title="Your work list arrives with the plan"
        description="Once projects have tasks, this page gathers yours in one place."
        holds={[
          "Tasks assigned to you, due soon first, across every project",
          "Risks and issues you own that need a review",
          "Milestones and gates waiting for your sign-off",
        ]}
      />
    </>
  );
}
