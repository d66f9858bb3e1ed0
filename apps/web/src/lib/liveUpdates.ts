import type { LiveEvent } from "@rollout/domain";
import type { Query, QueryClient } from "@tanstack/react-query";

/** Areas whose queries summarise many projects: any project's change may move them. */
const crossProject = new Set(["dashboard", "myWork", "project"]);

/** The procedure path and input of a tRPC query key (`[["raid", "list"], { input }]`). */
function keyParts(query: Query): { path: string[]; input: Record<string, unknown> } | null {
  const [path, options] = query.queryKey as [unknown, unknown];
  if (!Array.isArray(path)) return null;
  const input =
    typeof options === "object" && options !== null && "input" in options
      ? (options as { input: unknown }).input
      : undefined;
  return {
    path: path.map(String),
    input: typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {},
  };
}

/** Changes that only ever show in their own area's queries. */
const personal = new Set(["notification", "notification_prefs"]);

/**
 * Whether a cached query may show something this change touched: the project's own queries,
 * anything summarising projects, and (for an organisation-wide change) everything. A person's
 * notifications move only their bell; a comment moves only the project's threads and activity.
 */
export function isAffected(query: Query, event: LiveEvent): boolean {
  const parts = keyParts(query);
  if (!parts) return false;
  if (personal.has(event.entityType)) return parts.path[0] === "notification";
  if (event.entityType === "comment") {
    const area = parts.path[0];
    return (
      (area === "comment" || area === "activity") &&
      (event.projectId === null || parts.input.projectId === event.projectId)
    );
  }
  if (event.projectId === null) return parts.path[0] !== "session";
  if (parts.input.projectId === event.projectId) return true;
  const area = parts.path[0] ?? "";
  if (area === "project") return parts.path[1] === "list";
  // The lessons library reads every project's lessons: a lesson or review change may move it.
  if (area === "lesson") return event.entityType === "lesson" || event.entityType === "pir";
  return crossProject.has(area);
}

/** Refetches what the change may have moved (active queries now, the rest when next shown). */
export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent) {
  void queryClient.invalidateQueries({ predicate: (query) => isAffected(query, event) });
}
