import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Popover,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBookmark, IconCheck, IconChevronDown, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import type { PortfolioSearch } from "../projects/portfolioSearch.ts";
import {
  activeView,
  findView,
  loadViews,
  MAX_VIEW_NAME,
  removeView,
  type SavedView,
  storeViews,
  upsertView,
  viewSearch,
} from "./savedViews.ts";
import "./dashboard.css";

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The views saved under `key`, kept in step with other tabs of the same browser. */
function useSavedViews(key: string) {
  const [views, setViews] = useState<SavedView[]>(() => loadViews(browserStorage(), key));
  useEffect(() => {
    setViews(loadViews(browserStorage(), key));
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) setViews(loadViews(browserStorage(), key));
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [key]);
  const save = useCallback(
    (next: SavedView[]) => {
      const stored = storeViews(browserStorage(), key, next);
      setViews(next);
      return stored;
    },
    [key],
  );
  return [views, save] as const;
}

interface SavedViewsProps {
  storageKey: string;
  search: PortfolioSearch;
  onApply: (search: PortfolioSearch) => void;
}

/**
 * Named portfolio views: save the filters and sort on screen under a name, open or delete one
 * later. Kept in this browser for this person and organisation; the URL itself can be shared.
 */
export function SavedViews({ storageKey, search, onApply }: SavedViewsProps) {
  const [views, save] = useSavedViews(storageKey);
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const current = activeView(views, search);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = upsertView(views, name, search);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const stored = save(result.views);
    setName("");
    setError(null);
    notifications.show({
      color: stored ? "green" : "orange",
      title: result.replaced ? `View "${result.name}" replaced` : `View "${result.name}" saved`,
      message: stored
        ? "Open it from Saved views."
        : "This browser refused to keep it: it lasts until the page is closed.",
    });
  }

  function remove(view: SavedView) {
    save(removeView(views, view.name));
    notifications.show({ color: "gray", title: `View "${view.name}" deleted`, message: "" });
  }

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={320}
      shadow="md"
      trapFocus
      returnFocus
      // Its own roles: the dialog keeps the name "Saved views" whatever the button says.
      withRoles={false}
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconBookmark size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          onClick={() => setOpened((o) => !o)}
          aria-haspopup="dialog"
          aria-expanded={opened}
        >
          {current ? `View: ${current.name}` : "Saved views"}
        </Button>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-labelledby={listId}>
        <Stack gap="sm">
          <Text id={listId} size="sm" fw={600}>
            Saved views
          </Text>
          {views.length === 0 ? (
            <Text size="sm" c="dimmed">
              No saved views yet. Set the filters and sort you review often, then name them below.
            </Text>
          ) : (
            <ul aria-labelledby={listId} className="task-list">
              {views.map((view) => {
                const isCurrent = view === current;
                return (
                  <li key={view.name}>
                    <UnstyledButton
                      className="task-title"
                      onClick={() => {
                        onApply(viewSearch(view));
                        setOpened(false);
                      }}
                      aria-current={isCurrent || undefined}
                      fw={isCurrent ? 700 : 500}
                      fz="sm"
                    >
                      {isCurrent ? (
                        <IconCheck size={14} aria-hidden style={{ marginRight: 4 }} />
                      ) : null}
                      {view.name}
                    </UnstyledButton>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={`Delete view "${view.name}"`}
                      onClick={() => remove(view)}
                    >
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </li>
                );
              })}
            </ul>
          )}
          <Divider />
          <form onSubmit={submit} noValidate aria-label="Save this view">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label="Save what is on screen as"
                placeholder="e.g. Red, build stage"
                value={name}
                maxLength={MAX_VIEW_NAME}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setError(null);
                }}
                error={error}
                style={{ flex: 1 }}
                size="sm"
              />
              <Button type="submit" size="sm">
                {findView(views, name) ? "Replace" : "Save"}
              </Button>
            </Group>
          </form>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
