import { Badge } from "@mantine/core";
import { AnchorLink } from "../../ui/links.tsx";
import "./lessons.css";

/** A lesson's tags; as links into the library (filtered by the tag) where the reader may use it. */
export function LessonTags({ tags, linked = false }: { tags: string[]; linked?: boolean }) {
  if (tags.length === 0) return null;
  return (
    <ul className="lesson-tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          {linked ? (
            <AnchorLink
              to="/lessons"
              search={{ tag }}
              underline="never"
              aria-label={`Lessons tagged ${tag}`}
            >
              <Badge
                variant="outline"
                color="gray"
                size="sm"
                tt="none"
                style={{ cursor: "pointer" }}
              >
                #{tag}
              </Badge>
            </AnchorLink>
          ) : (
            <Badge variant="outline" color="gray" size="sm" tt="none">
              #{tag}
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
