import { type LiveEvent, liveEventOutput, liveInput } from "@rollout/domain";
import { type TrackedEnvelope, tracked } from "@trpc/server";
import * as z from "zod";
import { liveChanges } from "../services/live.ts";
import { orgProcedure, router } from "../trpc.ts";

let sequence = 0;

export const liveRouter = router({
  /**
   * Server-sent events: one per committed change the caller may see (their projects; for a
   * stakeholder, nothing internal-only and nothing of the stakeholder register).
   */
  changes: orgProcedure("project.list")
    .input(liveInput)
    // Subscriptions yield a stream; each event is checked against `liveEventOutput` below.
    .output(
      z.custom<AsyncIterable<TrackedEnvelope<LiveEvent>>>(
        (v) => typeof v === "object" && v !== null && Symbol.asyncIterator in v,
      ),
    )
    .subscription(async function* ({ ctx, signal }) {
      const who = { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId, orgId: ctx.org.id };
      for await (const event of liveChanges(ctx.db, who, signal)) {
        sequence += 1;
        yield tracked(String(sequence), liveEventOutput.parse(event) satisfies LiveEvent);
      }
    }),
});
