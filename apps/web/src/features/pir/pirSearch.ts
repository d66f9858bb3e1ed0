import * as z from "zod";

/** The Review tab's URL: an earlier revision to read (absent: the current one). */
export const pirSearch = z.object({
  revision: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type PirSearch = z.infer<typeof pirSearch>;
