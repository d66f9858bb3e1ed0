import {
  Alert,
  Button,
  Combobox,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  useCombobox,
} from "@mantine/core";
import { MAX_COMMENT_CHARS } from "@rollout/domain";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { type CommentTargetRef, useMentionable, useMyUserId } from "./collabData.ts";
import { Markdown } from "./Markdown.tsx";
import { insertMention, type MentionQuery, matchPeople, mentionQueryAt } from "./mentionInput.ts";

const roleLabels: Record<string, string> = {
  pm: "PM",
  ipm: "IPM",
  contributor: "Contributor",
  stakeholder: "Stakeholder",
  owner: "Organisation owner",
  admin: "Organisation admin",
};

interface CommentComposerProps {
  target: CommentTargetRef;
  /** The text to start from (editing a comment). */
  initial?: string;
  label: string;
  submitLabel: string;
  pending: boolean;
  /** The server's message for the body, or a general one, after a refused save. */
  error: { field: string | null; message: string | null };
  /** Sends the text; resolves true when it was saved (the box then empties). */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/**
 * The comment box: Markdown with a preview, `@` to pick someone to mention (arrows and Enter, or
 * the mouse), Ctrl/Cmd+Enter to send.
 */
export function CommentComposer({
  target,
  initial = "",
  label,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  autoFocus,
}: CommentComposerProps) {
  const [value, setValue] = useState(initial);
  const [mode, setMode] = useState<"write" | "preview">("write");
  const [mention, setMention] = useState<MentionQuery | null>(null);
  // The `@` whose list was dismissed with Escape: it stays shut until another `@` is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const people = useMentionable(target, true);
  const me = useMyUserId();
  // Mentioning oneself notifies nobody: not offered.
  const others = useMemo(
    () => (people.data ?? []).filter((p) => p.userId !== me),
    [people.data, me],
  );
  const matches = mention ? matchPeople(others, mention.query) : [];
  const open =
    mode === "write" && mention !== null && dismissed !== mention.start && matches.length > 0;
  const combobox = useCombobox();
  const query = mention?.query;

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the typed name changes
  useEffect(() => {
    if (open) combobox.openDropdown();
    else combobox.closeDropdown();
  }, [open, query]);
  // Once the options are on screen, the first is the one Enter picks.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the options change
  useEffect(() => {
    if (combobox.dropdownOpened) combobox.selectFirstOption();
  }, [combobox.dropdownOpened, query]);

  function track(text: string, caret: number | null) {
    const found = caret === null ? null : mentionQueryAt(text, caret);
    setMention(found);
    if (!found) setDismissed(null);
  }

  function choose(userId: string) {
    const person = people.data?.find((p) => p.userId === userId);
    if (!person || !mention) return;
    const next = insertMention(value, mention, person);
    setValue(next.text);
    setMention(null);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  async function submit() {
    const body = value.trim();
    if (body === "") {
      setLocalError("Write something first");
      return;
    }
    if (body.length > MAX_COMMENT_CHARS) {
      setLocalError(`A comment is at most ${MAX_COMMENT_CHARS.toLocaleString()} characters`);
      return;
    }
    setLocalError(null);
    if (await onSubmit(body)) {
      setValue("");
      setMode("write");
      setMention(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!pending) void submit();
      return;
    }
    if (event.key === "Escape" && open && mention) setDismissed(mention.start);
  }

  const fieldError = localError ?? error.field;
  const over = value.length > MAX_COMMENT_CHARS;

  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600} component="span">
          {label}
        </Text>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => setMode(v === "preview" ? "preview" : "write")}
          data={[
            { value: "write", label: "Write" },
            { value: "preview", label: "Preview" },
          ]}
          aria-label={`${label}: write or preview`}
        />
      </Group>
      {error.message && error.message !== fieldError ? (
        <Alert color="red" variant="light" role="alert" p="xs">
          <Text size="sm">{error.message}</Text>
        </Alert>
      ) : null}
      {mode === "write" ? (
        <Combobox
          store={combobox}
          onOptionSubmit={choose}
          position="bottom-start"
          width={300}
          withinPortal
          keepMounted={false}
        >
          <Combobox.Target withKeyboardNavigation={open} withExpandedAttribute={false}>
            <Textarea
              ref={textarea}
              aria-label={label}
              aria-describedby={hintId}
              placeholder="Write a comment… type @ to mention someone"
              autosize
              minRows={3}
              maxRows={14}
              value={value}
              data-autofocus={autoFocus || undefined}
              autoFocus={autoFocus}
              error={fieldError ?? (over ? "Too long" : undefined)}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setLocalError(null);
                track(e.currentTarget.value, e.currentTarget.selectionStart);
              }}
              onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
              onKeyDown={onKeyDown}
              onBlur={() => combobox.closeDropdown()}
            />
          </Combobox.Target>
          <Combobox.Dropdown>
            <Combobox.Options aria-label="People to mention">
              {matches.map((p) => (
                <Combobox.Option value={p.userId} key={p.userId} className="mention-option">
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  <Text size="xs" className="mention-option-sub">
                    {roleLabels[p.role] ?? p.role} · {p.email}
                  </Text>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
      ) : (
        <section className="comment-preview" aria-label={`${label}: preview`}>
          {value.trim() ? (
            <Markdown body={value} />
          ) : (
            <Text size="sm" c="dimmed">
              Nothing to preview yet.
            </Text>
          )}
          {fieldError ? (
            <Text size="xs" c="red" mt={4} role="alert">
              {fieldError}
            </Text>
          ) : null}
        </section>
      )}
      <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
        <Text size="xs" c="dimmed" id={hintId} style={{ flex: "1 1 14rem" }}>
          **bold**, *italic*, `code`, lists, &gt; quotes and https:// links. @ mentions someone;
          Ctrl+Enter sends.
          {value.length > MAX_COMMENT_CHARS * 0.9
            ? ` ${value.length.toLocaleString()} / ${MAX_COMMENT_CHARS.toLocaleString()}`
            : ""}
        </Text>
        <Group gap="xs">
          {onCancel ? (
            <Button variant="default" size="xs" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          ) : null}
          <Button size="xs" loading={pending} onClick={() => void submit()}>
            {submitLabel}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
