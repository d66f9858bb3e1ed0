import {
  healthThresholdsInput,
  holidayOutput,
  holidaysInput,
  id,
  invitationCreatedOutput,
  invitationCreateInput,
  invitationOutput,
  invitationPreviewOutput,
  invitationToken,
  memberRemoveInput,
  memberRoleInput,
  noInput,
  ok,
  orgCreateInput,
  orgMemberOutput,
  orgOutput,
  orgSummaryOutput,
  orgUpdateInput,
  riskThresholdsInput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "../services/invitations.ts";
import {
  changeMemberRole,
  createOrg,
  getOrg,
  listHolidays,
  listMembers,
  listMyOrgs,
  removeMember,
  setHealthThresholds,
  setHolidays,
  setRiskThresholds,
  switchOrg,
  updateOrg,
} from "../services/orgs.ts";
import { orgProcedure, publicProcedure, router, userProcedure } from "../trpc.ts";

export const orgRouter = router({
  list: userProcedure("org.list")
    .input(noInput)
    .output(z.array(orgSummaryOutput))
    .query(({ ctx }) => listMyOrgs(ctx.db, ctx.actor.userId)),

  create: userProcedure("org.create")
    .input(orgCreateInput)
    .output(orgOutput)
    .mutation(({ ctx, input }) =>
      createOrg(
        ctx.db,
        { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId, requestId: ctx.requestId },
        input,
      ),
    ),

  switch: userProcedure("org.switch")
    .input(z.object({ orgId: id }))
    .output(ok)
    .mutation(({ ctx, input }) => {
      switchOrg(ctx.db, ctx.actor, input.orgId, ctx.requestId);
      return { ok: true as const };
    }),

  get: orgProcedure("org.read")
    .input(noInput)
    .output(orgOutput)
    .query(({ ctx }) => getOrg(ctx.db, ctx.org.id)),

  update: orgProcedure("org.update")
    .input(orgUpdateInput)
    .output(orgOutput)
    .mutation(({ ctx, input }) => updateOrg(ctx.db, acting(ctx), input)),

  members: orgProcedure("org.read")
    .input(noInput)
    .output(z.array(orgMemberOutput))
    .query(({ ctx }) => listMembers(ctx.db, ctx.org.id)),

  changeRole: orgProcedure("org.members.manage")
    .input(memberRoleInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      changeMemberRole(ctx.db, acting(ctx), ctx.org.role, input);
      return { ok: true as const };
    }),

  removeMember: orgProcedure("org.members.manage")
    .input(memberRemoveInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      removeMember(ctx.db, acting(ctx), ctx.org.role, input.memberId);
      return { ok: true as const };
    }),

  invitations: orgProcedure("org.members.manage")
    .input(noInput)
    .output(z.array(invitationOutput))
    .query(({ ctx }) => listInvitations(ctx.db, ctx.org.id)),

  invite: orgProcedure("org.members.manage")
    .input(invitationCreateInput)
    .output(invitationCreatedOutput)
    .mutation(({ ctx, input }) => {
      const created = createInvitation(ctx.db, acting(ctx), ctx.org.role, ctx.appUrl, input);
      // There is no mail server: the link is shown to the inviter and written to the log.
      ctx.log.info(
        { invitationId: created.invitation.id, email: input.email, link: created.link },
        "invitation created",
      );
      return created;
    }),

  holidays: orgProcedure("org.read")
    .input(noInput)
    .output(z.array(holidayOutput))
    .query(({ ctx }) => listHolidays(ctx.db, ctx.org.id)),

  setHealthThresholds: orgProcedure("org.update")
    .input(healthThresholdsInput)
    .output(orgOutput)
    .mutation(({ ctx, input }) => setHealthThresholds(ctx.db, acting(ctx), input)),

  setRiskThresholds: orgProcedure("org.update")
    .input(riskThresholdsInput)
    .output(orgOutput)
    .mutation(({ ctx, input }) => setRiskThresholds(ctx.db, acting(ctx), input)),

  setHolidays: orgProcedure("org.update")
    .input(holidaysInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      setHolidays(ctx.db, acting(ctx), input.holidays);
      return { ok: true as const };
    }),

  revokeInvitation: orgProcedure("org.members.manage")
    .input(z.object({ invitationId: id }))
    .output(ok)
    .mutation(({ ctx, input }) => {
      revokeInvitation(ctx.db, acting(ctx), input.invitationId);
      return { ok: true as const };
    }),
});

export const invitationRouter = router({
  /** What an invitation link offers; the token itself is the secret, so no sign-in is needed. */
  preview: publicProcedure("invitation.read")
    .input(z.object({ token: invitationToken }))
    .output(invitationPreviewOutput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token)),

  accept: userProcedure("invitation.accept")
    .input(z.object({ token: invitationToken }))
    .output(z.object({ orgId: id, projectId: id.nullable() }))
    .mutation(({ ctx, input }) =>
      acceptInvitation(
        ctx.db,
        {
          userId: ctx.actor.userId,
          email: ctx.actor.email,
          sessionId: ctx.actor.sessionId,
          requestId: ctx.requestId,
        },
        input.token,
      ),
    ),
});
