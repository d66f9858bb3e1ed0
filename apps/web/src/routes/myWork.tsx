import { createLazyRoute } from "@tanstack/react-router";
import { ExportMyTasksButton } from "../features/myWork/ExportMyTasksButton.tsx";
import { MyWorkList } from "../features/myWork/MyWorkList.tsx";
import { ButtonLink } from "../ui/links.tsx";
import { PageHeader } from "../ui/PageHeader.tsx";

export const Route = createLazyRoute("/_authed/_org/my-work")({ component: MyWorkPage });

function MyWorkPage() {
  return (
    <>
      <PageHeader
        title="My work"
        description="Your open tasks across projects: assigned to you, or where your role is responsible (R) or accountable (A)."
        actions={
          <>
            <ExportMyTasksButton />
            <ButtonLink to="/projects" variant="default">
              Open the portfolio
            </ButtonLink>
          </>
        }
      />
      <MyWorkList />
    </>
  );
}
