import {
  heatMapOutput,
  id,
  ok,
  raidCreateInput,
  raidDeleteInput,
  raidImportInput,
  raidImportOutput,
  raidItemDetailOutput,
  raidItemRefInput,
  raidListOutput,
  raidOccurInput,
  raidSetLinksInput,
  raidUpdateInput,
} from "@rollout/domain";
import * as z from "zod";
import { acting } from "../audit.ts";
import { importRaid } from "../services/raid/import.ts";
import { getRaidItem, listRaid, raidHeatMap } from "../services/raid/read.ts";
import {
  createRaidItem,
  deleteRaidItem,
  occurRisk,
  setRaidLinks,
  updateRaidItem,
} from "../services/raid/write.ts";
import { projectProcedure, router } from "../trpc.ts";

const done = { ok: true as const };
const read = () => projectProcedure("raid.read");
const edit = () => projectProcedure("raid.edit");
const created = z.object({ id, ref: z.string() });

export const raidRouter = router({
  list: read()
    .output(raidListOutput)
    .query(({ ctx }) => listRaid(ctx.db, ctx.org.id, ctx.project.id, ctx.projectRole)),
  get: read()
    .input(raidItemRefInput)
    .output(raidItemDetailOutput)
    .query(({ ctx, input }) =>
      getRaidItem(ctx.db, ctx.org.id, ctx.project.id, ctx.projectRole, input.itemId),
    ),
  heatMap: read()
    .output(heatMapOutput)
    .query(({ ctx }) => raidHeatMap(ctx.db, ctx.org.id, ctx.project.id, ctx.projectRole)),
  create: edit()
    .input(raidCreateInput)
    .output(created)
    .mutation(({ ctx, input }) => createRaidItem(ctx.db, acting(ctx), ctx.project.id, input)),
  update: edit()
    .input(raidUpdateInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      updateRaidItem(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  setLinks: edit()
    .input(raidSetLinksInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      setRaidLinks(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  delete: edit()
    .input(raidDeleteInput)
    .output(ok)
    .mutation(({ ctx, input }) => {
      deleteRaidItem(ctx.db, acting(ctx), ctx.project.id, input);
      return done;
    }),
  occur: edit()
    .input(raidOccurInput)
    .output(created)
    .mutation(({ ctx, input }) =>
      occurRisk(ctx.db, acting(ctx), ctx.org.id, ctx.project.id, input),
    ),
  import: edit()
    .input(raidImportInput)
    .output(raidImportOutput)
    .mutation(({ ctx, input }) => importRaid(ctx.db, acting(ctx), ctx.project.id, input)),
});
