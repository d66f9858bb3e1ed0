import {
  and,
  count,
  type Db,
  eq,
  isNull,
  lesson,
  newId,
  nowIso,
  pir,
  pirKpi,
  pirMeasurement,
  pirObjective,
  pirSigner,
  project,
  sql,
  type Tx,
  user,
  writeTx,
} from "@rollout/db";
import {
  objectivesFromText,
  type PirRating,
  projectStageLabels,
  reviewDue,
  submitProblems,
} from "@rollout/domain";
import { TRPCError } from "@trpc/server";
import { type Acting, audit, changedFields } from "../../audit.ts";
import { badRequest, forbidden, mapUnique, staleVersion } from "../../errors.ts";
import type { ProjectRow } from "../../trpc.ts";
import { notify } from "../collab/notifications.ts";
import {
  assertDraft,
  assertNotLocked,
  LOCKED_MESSAGE,
  latestPir,
  loadPir,
  type PirRow,
} from "./load.ts";
import { computeVariance, projectMemberIds } from "./read.ts";

const ALREADY_OPEN = "This project already has a review; open it, or start a new revision of it";

/** Writes `set` on the review if it is still at `expected`; else nothing and CONFLICT. */
export function writePir(tx: Tx, row: PirRow, expected: number, set: Partial<PirRow>): PirRow {
  const updatedAt = nowIso();
  const result = tx
    .update(pir)
    .set({ ...set, version: expected + 1, updatedAt })
    .where(and(eq(pir.id, row.id), eq(pir.version, expected)))
    .run();
  if (result.changes === 0) throw staleVersion("review");
  return { ...row, ...set, version: expected + 1, updatedAt };
}

/** The next free number in the lessons' full-text index (see the `lesson` table). */
export function nextLessonSeq(tx: Tx): number {
  return (
    (tx
      .select({ max: sql<number | null>`max(${lesson.seq})` })
      .from(lesson)
      .get()?.max ?? 0) + 1
  );
}

/**
 * Opens the project's review, with one objective per line of the project's objectives. From
 * go-live on it simply opens; before, only when `early` says the PM means it.
 */
export function openPir(db: Db, acting: Acting, p: ProjectRow, early: boolean) {
  return writeTx(db, (tx) => {
    if (latestPir(tx, p.id)) throw new TRPCError({ code: "CONFLICT", message: ALREADY_OPEN });
    if (!reviewDue(p.stage) && !early) {
      throw badRequest(
        `The review opens when the project reaches go-live; it is at “${projectStageLabels[p.stage]}”. Start it early to open it now.`,
        { early: "The project has not gone live yet" },
      );
    }
    const now = nowIso();
    const id = newId();
    mapUnique(
      () =>
        tx
          .insert(pir)
          .values({
            id,
            projectId: p.id,
            revision: 1,
            createdBy: acting.userId,
            createdAt: now,
            updatedAt: now,
          })
          .run(),
      "pir.project_id, pir.revision",
      "revision",
      ALREADY_OPEN,
    );
    const objectives = objectivesFromText(p.objectives);
    if (objectives.length > 0) {
      tx.insert(pirObjective)
        .values(
          objectives.map((objective, i) => ({
            id: newId(),
            pirId: id,
            sortOrder: i + 1,
            objective,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
    audit(tx, acting, {
      entityType: "pir",
      entityId: id,
      projectId: p.id,
      action: "create",
      after: { revision: 1, early: !reviewDue(p.stage), objectives },
    });
    return { id, revision: 1 };
  });
}

export function updatePir(
  db: Db,
  acting: Acting,
  projectId: string,
  input: {
    pirId: string;
    version: number;
    changes: { summary?: string | undefined; rating?: PirRating | null | undefined };
  },
) {
  writeTx(db, (tx) => {
    const current = loadPir(tx, projectId, input.pirId);
    assertDraft(current);
    const set: Partial<PirRow> = {};
    if (input.changes.summary !== undefined) set.summary = input.changes.summary;
    if (input.changes.rating !== undefined) set.rating = input.changes.rating;
    const after = writePir(tx, current, input.version, set);
    const diff = changedFields(
      { summary: current.summary, rating: current.rating },
      { summary: after.summary, rating: after.rating },
    );
    audit(tx, acting, {
      entityType: "pir",
      entityId: current.id,
      projectId,
      action: "update",
      before: diff?.before ?? {},
      after: diff?.after ?? {},
    });
  });
}

function signerIds(tx: Tx, pirId: string): string[] {
  return tx
    .select({ userId: pirSigner.userId })
    .from(pirSigner)
    .where(eq(pirSigner.pirId, pirId))
    .all()
    .map((s) => s.userId);
}

/** Names who must sign (project members; usually its stakeholders). Only while a draft. */
export function setSigners(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { pirId: string; version: number; userIds: string[] },
) {
  writeTx(db, (tx) => {
    const current = loadPir(tx, projectId, input.pirId);
    assertDraft(current);
    const members = projectMemberIds(tx, projectId, input.userIds);
    const outside = input.userIds.filter((u) => !members.has(u));
    if (outside.length > 0) {
      throw badRequest(
        outside.length === 1
          ? "A signer must be a member of this project"
          : `${outside.length} of the signers are not members of this project`,
        { userIds: "Name people on this project" },
      );
    }
    const before = signerIds(tx, current.id);
    writePir(tx, current, input.version, {});
    tx.delete(pirSigner).where(eq(pirSigner.pirId, current.id)).run();
    const now = nowIso();
    if (input.userIds.length > 0) {
      tx.insert(pirSigner)
        .values(input.userIds.map((userId) => ({ pirId: current.id, userId, createdAt: now })))
        .run();
    }
    audit(tx, acting, {
      entityType: "pir",
      entityId: current.id,
      projectId,
      action: "signers",
      before: { userIds: before },
      after: { userIds: input.userIds },
    });
  });
}

/**
 * Where the review asks its signers to sign: the one place a sign-off request (notification)
 * hooks in. Runs inside the submitting transaction, so a request exists exactly when the
 * review is out for sign-off: each signer is notified (unless they sent it themselves).
 */
export function requestSignatures(
  tx: Tx,
  acting: Acting,
  request: { projectId: string; pirId: string; revision: number; signerUserIds: string[] },
): void {
  const who =
    tx.select({ name: user.name }).from(user).where(eq(user.id, acting.userId)).get()?.name ??
    "Someone";
  const key =
    tx.select({ key: project.key }).from(project).where(eq(project.id, request.projectId)).get()
      ?.key ?? "";
  const what =
    request.revision > 1
      ? `revision ${request.revision} of the post-implementation review`
      : "the post-implementation review";
  notify(
    tx,
    request.signerUserIds.map((userId) => ({
      orgId: acting.orgId,
      projectId: request.projectId,
      userId,
      kind: "signoff_request" as const,
      message: `${who} asks you to sign off ${what} (${key})`,
      targetType: "pir",
      targetId: request.pirId,
      actorId: acting.userId,
      // Asked once per revision and sending: a return to draft and a new send asks again.
      dedupeKey: `pir:${request.pirId}:${Date.now()}`,
    })),
  );
}

/** Draft → in review: every objective has an outcome and someone is named to sign. */
export function submitPir(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { pirId: string; version: number },
) {
  writeTx(db, (tx) => {
    const current = loadPir(tx, projectId, input.pirId);
    assertNotLocked(current);
    if (current.status === "in_review") throw badRequest("This review is already out for sign-off");
    const objectives = tx
      .select({ objective: pirObjective.objective, outcome: pirObjective.outcome })
      .from(pirObjective)
      .where(eq(pirObjective.pirId, current.id))
      .orderBy(pirObjective.sortOrder)
      .all();
    const signers = signerIds(tx, current.id);
    const problems = submitProblems({ objectives, signerCount: signers.length });
    if (problems.length > 0) {
      throw badRequest(`Not ready for sign-off: ${problems.join("; ")}`, {
        ...(objectives.some((o) => o.outcome === null) || objectives.length === 0
          ? { objectives: problems.filter((p) => !p.startsWith("Name")).join("; ") }
          : {}),
        ...(signers.length === 0 ? { signers: "Name at least one person to sign the review" } : {}),
      });
    }
    writePir(tx, current, input.version, { status: "in_review" });
    audit(tx, acting, {
      entityType: "pir",
      entityId: current.id,
      projectId,
      action: "submit",
      before: { status: current.status },
      after: { status: "in_review", signers },
    });
    requestSignatures(tx, acting, {
      projectId,
      pirId: current.id,
      revision: current.revision,
      signerUserIds: signers,
    });
  });
}

/** In review → draft, to change it; the signatures given so far no longer count. */
export function reopenPir(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { pirId: string; version: number },
) {
  writeTx(db, (tx) => {
    const current = loadPir(tx, projectId, input.pirId);
    assertNotLocked(current);
    if (current.status !== "in_review") throw badRequest("This review is already a draft");
    writePir(tx, current, input.version, { status: "draft" });
    const cleared = tx
      .update(pirSigner)
      .set({ signedAt: null, comment: "" })
      .where(and(eq(pirSigner.pirId, current.id), sql`${pirSigner.signedAt} is not null`))
      .returning({ userId: pirSigner.userId })
      .all();
    audit(tx, acting, {
      entityType: "pir",
      entityId: current.id,
      projectId,
      action: "reopen",
      before: { status: "in_review" },
      after: { status: "draft", clearedSignatures: cleared.map((c) => c.userId) },
    });
  });
}

/**
 * The signed-in person signs — only if named on the review, only while it is in review, once.
 * The last signature locks it and freezes its variance figures.
 */
export function signPir(
  db: Db,
  acting: Acting,
  p: ProjectRow,
  input: { pirId: string; comment: string },
) {
  return writeTx(db, (tx) => {
    const current = loadPir(tx, p.id, input.pirId);
    if (current.status === "signed_off") throw badRequest(LOCKED_MESSAGE);
    const mine = tx
      .select()
      .from(pirSigner)
      .where(and(eq(pirSigner.pirId, current.id), eq(pirSigner.userId, acting.userId)))
      .get();
    if (!mine) throw forbidden("You are not named to sign this review");
    if (current.status !== "in_review") {
      throw badRequest("This review is not out for sign-off yet");
    }
    if (mine.signedAt) {
      throw new TRPCError({ code: "CONFLICT", message: "You have already signed this review" });
    }
    const now = nowIso();
    tx.update(pirSigner)
      .set({ signedAt: now, comment: input.comment })
      .where(and(eq(pirSigner.pirId, current.id), eq(pirSigner.userId, acting.userId)))
      .run();
    const remaining =
      tx
        .select({ n: count() })
        .from(pirSigner)
        .where(and(eq(pirSigner.pirId, current.id), isNull(pirSigner.signedAt)))
        .get()?.n ?? 0;
    audit(tx, acting, {
      entityType: "pir",
      entityId: current.id,
      projectId: p.id,
      action: "sign",
      after: { comment: input.comment, remaining },
    });
    if (remaining > 0) {
      writePir(tx, current, current.version, {});
      return { status: "in_review" as const, remaining };
    }
    const variance = computeVariance(tx, acting.orgId, p);
    writePir(tx, current, current.version, { status: "signed_off", lockedAt: now, variance });
    audit(tx, acting, {
      entityType: "pir",
      entityId: current.id,
      projectId: p.id,
      action: "signed_off",
      before: { status: "in_review" },
      after: { status: "signed_off", lockedAt: now, variance },
    });
    return { status: "signed_off" as const, remaining: 0 };
  });
}

/**
 * A new revision of a signed-off review. The signed one is never touched: objectives, KPIs
 * (with their re-measurements) and lessons are copied into the new draft, and the same people
 * are named to sign it again, unsigned. Lessons therefore exist once per revision; the lessons
 * library reads only each project's newest revision, so a lesson shows there once.
 */
export function revisePir(
  db: Db,
  acting: Acting,
  projectId: string,
  input: { pirId: string; version: number },
) {
  return writeTx(db, (tx) => {
    const signed = loadPir(tx, projectId, input.pirId);
    const newest = latestPir(tx, projectId);
    if (newest && newest.id !== signed.id) {
      throw badRequest(`Revision ${newest.revision} is already the current one`);
    }
    if (signed.status !== "signed_off") {
      throw badRequest("This review is not signed off yet: change it as it is");
    }
    if (signed.version !== input.version) throw staleVersion("review");
    const now = nowIso();
    const id = newId();
    const revision = signed.revision + 1;
    mapUnique(
      () =>
        tx
          .insert(pir)
          .values({
            id,
            projectId,
            revision,
            summary: signed.summary,
            rating: signed.rating,
            createdBy: acting.userId,
            createdAt: now,
            updatedAt: now,
          })
          .run(),
      "pir.project_id, pir.revision",
      "revision",
      "Someone started a new revision meanwhile",
    );
    const copy = { createdAt: now, updatedAt: now, version: 1 };
    const objectives = tx
      .select()
      .from(pirObjective)
      .where(eq(pirObjective.pirId, signed.id))
      .all();
    if (objectives.length > 0) {
      tx.insert(pirObjective)
        .values(objectives.map((o) => ({ ...o, ...copy, id: newId(), pirId: id })))
        .run();
    }
    const kpis = tx.select().from(pirKpi).where(eq(pirKpi.pirId, signed.id)).all();
    for (const k of kpis) {
      const kpiId = newId();
      tx.insert(pirKpi)
        .values({ ...k, ...copy, id: kpiId, pirId: id })
        .run();
      const measurements = tx
        .select()
        .from(pirMeasurement)
        .where(eq(pirMeasurement.kpiId, k.id))
        .all();
      if (measurements.length > 0) {
        tx.insert(pirMeasurement)
          .values(measurements.map((m) => ({ ...m, ...copy, id: newId(), kpiId })))
          .run();
      }
    }
    const lessons = tx
      .select()
      .from(lesson)
      .where(and(eq(lesson.pirId, signed.id), isNull(lesson.deletedAt)))
      .orderBy(lesson.seq)
      .all();
    // Copies keep when the lesson was first written: the library lists them by that date.
    let seq = nextLessonSeq(tx);
    for (const l of lessons) {
      tx.insert(lesson)
        .values({ ...l, ...copy, createdAt: l.createdAt, id: newId(), pirId: id, seq: seq++ })
        .run();
    }
    const signers = signerIds(tx, signed.id);
    if (signers.length > 0) {
      tx.insert(pirSigner)
        .values(signers.map((userId) => ({ pirId: id, userId, createdAt: now })))
        .run();
    }
    audit(tx, acting, {
      entityType: "pir",
      entityId: id,
      projectId,
      action: "revise",
      before: { revision: signed.revision, pirId: signed.id },
      after: {
        revision,
        objectives: objectives.length,
        kpis: kpis.length,
        lessons: lessons.length,
      },
    });
    return { id, revision };
  });
}
