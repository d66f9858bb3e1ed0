import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { useCallback } from "react";
import { LessonsLibrary } from "../features/lessons/LessonsLibrary.tsx";
import type { LessonsSearch } from "../features/lessons/lessonsSearch.ts";
import { PageHeader } from "../ui/PageHeader.tsx";

const route = getRouteApi("/_authed/_org/lessons");

export const Route = createLazyRoute("/_authed/_org/lessons")({ component: LessonsPage });

function LessonsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // Typing and filtering replace the history entry: Back leaves the library, not each letter.
  const onSearch = useCallback(
    (patch: Partial<LessonsSearch>) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return (
    <>
      <PageHeader
        title="Lessons library"
        description="What every project of the organisation learned — what went well and what to do better — from their post-implementation reviews."
      />
      <LessonsLibrary search={search} onSearch={onSearch} />
    </>
  );
}
