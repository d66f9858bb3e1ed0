import { lessonKinds, projectKinds, taskCategories } from "@rollout/domain";
import * as z from "zod";

/**
 * The library's search lives in the URL, so a search can be bookmarked and shared: the words,
 * and the category, tag, project kind and lesson kind filters. Bad values fall back to none.
 */
export const lessonsSearch = z.object({
  q: z.string().max(200).default("").catch(""),
  category: z.enum(taskCategories).optional().catch(undefined),
  tag: z
    .string()
    .max(30)
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .catch(undefined),
  kind: z.enum(projectKinds).optional().catch(undefined),
  lesson: z.enum(lessonKinds).optional().catch(undefined),
});

export type LessonsSearch = z.infer<typeof lessonsSearch>;

/** Left out of the URL when they hold these values. */
export const lessonsSearchDefaults = { q: "" } as const satisfies Partial<LessonsSearch>;

/** Whether any filter or words narrow the library (for the empty state's wording). */
export function isFiltered(search: LessonsSearch): boolean {
  return (
    search.q.trim() !== "" ||
    search.category !== undefined ||
    search.tag !== undefined ||
    search.kind !== undefined ||
    search.lesson !== undefined
  );
}

/** The API's input for a search (the page cursor is added by the infinite query). */
export function searchInput(search: LessonsSearch) {
  return {
    text: search.q.trim(),
    ...(search.category ? { category: search.category } : {}),
    ...(search.tag ? { tag: search.tag } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.lesson ? { lessonKind: search.lesson } : {}),
    limit: 20,
  };
}
