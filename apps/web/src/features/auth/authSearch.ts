import * as z from "zod";

/** `?redirect=/somewhere&email=a@b.c` on the sign-in and sign-up pages; bad values are dropped. */
export const authSearch = z.object({
  redirect: z.string().max(2000).optional().catch(undefined),
  email: z.string().max(254).optional().catch(undefined),
});
