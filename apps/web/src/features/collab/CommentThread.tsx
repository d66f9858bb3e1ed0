import { Avatar, Box, Button, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { COMMENT_EDIT_MINUTES, type Comment, type CommentTarget } from "@rollout/domain";
import { IconMessageCircle, IconPencil, IconTrash } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { ConfirmButton } from "../../ui/ConfirmButton.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorAlert } from "../../ui/ErrorAlert.tsx";
import { formatTimestamp } from "../../ui/format.ts";
import { LoadingRows } from "../../ui/Loading.tsx";
import { CommentComposer } from "./CommentComposer.tsx";
import {
  type CommentTargetRef,
  useCommentCount,
  useComments,
  useCommentWrites,
} from "./collabData.ts";
import { timeAgo } from "./collabTime.ts";
import { Markdown } from "./Markdown.tsx";
import "./collab.css";

export interface CommentThreadProps {
  projectId: string;
  targetType: CommentTarget;
  targetId: string;
  /** Whether to offer the comment box (see `canComment` in ./targets.ts). */
  canWrite: boolean;
}

interface SaveError {
  field: string | null;
  message: string | null;
}
const noError: SaveError = { field: null, message: null };

function initials(name: string | null): string {
  if (!name) return "?";
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts.at(-1)] : [parts[0]];
  return letters
    .map((p) => p?.[0] ?? "")
    .join("")
    .toUpperCase();
}

/** A clock for relative times and the edit window: ticks each half minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function saveError(error: unknown): SaveError {
  const info = errorInfo(error);
  return { field: info.fieldErrors.body ?? null, message: info.message };
}

/**
 * The comments on one thing (a task, a milestone, a RAID item, the review), oldest first, and
 * a box to add one. Reusable wherever a thing is shown in full.
 */
export function CommentThread({ projectId, targetType, targetId, canWrite }: CommentThreadProps) {
  const target: CommentTargetRef = { projectId, targetType, targetId };
  const comments = useComments(target);
  const writes = useCommentWrites();
  const [error, setError] = useState<SaveError>(noError);
  const now = useNow();

  async function create(body: string): Promise<boolean> {
    setError(noError);
    try {
      await writes.create.mutateAsync({ ...target, body });
      return true;
    } catch (e) {
      setError(saveError(e));
      return false;
    }
  }

  return (
    <Stack gap="md">
      {comments.isPending ? (
        <LoadingRows rows={2} label="Loading comments" />
      ) : comments.isError ? (
        <ErrorAlert
          error={comments.error}
          title="Comments could not be loaded"
          onRetry={() => void comments.refetch()}
        />
      ) : comments.data.length === 0 ? (
        <EmptyState
          icon={<IconMessageCircle size={26} aria-hidden />}
          title="No comments yet — start the conversation"
          description={
            canWrite
              ? "Ask a question, share a decision, or @mention someone to bring them in."
              : "Comments the team writes here show up in this place."
          }
        />
      ) : (
        <ol className="comment-list" aria-label="Comments">
          {comments.data.map((c) => (
            <CommentItem key={c.id} comment={c} projectId={projectId} target={target} now={now} />
          ))}
        </ol>
      )}
      {canWrite ? (
        <div className="no-print">
          <CommentComposer
            target={target}
            label="Add a comment"
            submitLabel="Comment"
            pending={writes.create.isPending}
            error={error}
            onSubmit={create}
          />
        </div>
      ) : null}
    </Stack>
  );
}

/**
 * The thread as a section of a drawer (under a "Comments (n)" divider, like the drawer's other
 * parts) or of a page panel (under a heading, set off by a rule).
 */
export function CommentsSection({
  variant = "divider",
  ...props
}: CommentThreadProps & { variant?: "divider" | "heading" }) {
  const count = useCommentCount(props);
  const title = `Comments (${count})`;
  if (variant === "heading") {
    return (
      <Stack gap="sm" component="section" aria-label={title}>
        <Divider />
        <Title order={4} fz="h5">
          {title}
        </Title>
        <Box maw={820}>
          <CommentThread {...props} />
        </Box>
      </Stack>
    );
  }
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Divider label={title} labelPosition="left" />
      <CommentThread {...props} />
    </Stack>
  );
}

function CommentItem({
  comment: c,
  projectId,
  target,
  now,
}: {
  comment: Comment;
  projectId: string;
  target: CommentTargetRef;
  now: number;
}) {
  const writes = useCommentWrites();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<SaveError>(noError);
  const author = c.authorName ?? "Former member";
  // The server's answer, kept current as the window closes while the page stays open.
  const editable = c.canEdit && now - Date.parse(c.createdAt) < COMMENT_EDIT_MINUTES * 60_000;
  const absolute = formatTimestamp(c.createdAt);

  async function update(body: string): Promise<boolean> {
    setError(noError);
    try {
      await writes.update.mutateAsync({ projectId, commentId: c.id, version: c.version, body });
      setEditing(false);
      return true;
    } catch (e) {
      const info = errorInfo(e);
      if (info.code === "CONFLICT") void writes.changed();
      setError(saveError(e));
      return false;
    }
  }

  function remove() {
    writes.remove.mutate(
      { projectId, commentId: c.id, version: c.version },
      {
        onSuccess: () =>
          notifications.show({ color: "green", title: "Comment deleted", message: "" }),
        onError: (e) => {
          const info = errorInfo(e);
          if (info.code === "CONFLICT") void writes.changed();
          notifications.show({ color: "red", title: "Not deleted", message: info.message });
        },
      },
    );
  }

  return (
    <li aria-label={`Comment by ${author}, ${absolute}`}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Avatar size={30} radius="xl" color="blue" aria-hidden>
          {initials(c.authorName)}
        </Avatar>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap" align="baseline">
            <Text size="sm" fw={600}>
              {author}
            </Text>
            <Text size="xs" c="dimmed" component="time" dateTime={c.createdAt} title={absolute}>
              <span aria-hidden>{timeAgo(c.createdAt, now)}</span>
              <span className="visually-hidden">{absolute}</span>
            </Text>
            {c.editedAt ? (
              <Text
                size="xs"
                c="dimmed"
                fs="italic"
                title={`Edited ${formatTimestamp(c.editedAt)}`}
              >
                · edited
              </Text>
            ) : null}
          </Group>
          {editing ? (
            <CommentComposer
              target={target}
              initial={c.body}
              label="Edit comment"
              submitLabel="Save"
              pending={writes.update.isPending}
              error={error}
              onSubmit={update}
              onCancel={() => {
                setEditing(false);
                setError(noError);
              }}
              autoFocus
            />
          ) : (
            <Markdown body={c.body} />
          )}
          {!editing && (editable || c.canDelete) ? (
            <Group gap={4} className="no-print">
              {editable ? (
                <Button
                  variant="subtle"
                  size="compact-xs"
                  color="gray"
                  leftSection={<IconPencil size={13} aria-hidden />}
                  onClick={() => setEditing(true)}
                  aria-label={`Edit your comment from ${absolute}`}
                >
                  Edit
                </Button>
              ) : null}
              {c.canDelete ? (
                <ConfirmButton
                  variant="subtle"
                  size="compact-xs"
                  leftSection={<IconTrash size={13} aria-hidden />}
                  title="Delete this comment?"
                  message="It leaves the thread for everyone. The project's history keeps a record that it was deleted."
                  confirmLabel="Delete comment"
                  onConfirm={remove}
                  loading={writes.remove.isPending}
                  aria-label={`Delete your comment from ${absolute}`}
                >
                  Delete
                </ConfirmButton>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Group>
    </li>
  );
}
