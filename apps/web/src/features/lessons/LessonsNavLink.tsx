import { IconBooks } from "@tabler/icons-react";
import { NavLinkLink } from "../../ui/links.tsx";
import { useCanReadLessons } from "./useCanReadLessons.ts";

/** The main navigation's entry to the lessons library, for the people it is open to. */
export function LessonsNavLink({ onClick }: { onClick: () => void }) {
  if (!useCanReadLessons()) return null;
  return (
    <NavLinkLink
      to="/lessons"
      label="Lessons"
      leftSection={<IconBooks size={18} aria-hidden />}
      activeProps={{ active: true, "aria-current": "page" }}
      activeOptions={{ includeSearch: false }}
      onClick={onClick}
    />
  );
}
