import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { safeRedirect } from "../../lib/auth.ts";

/** After signing in or up: every cached answer is from before, so refresh all, then go on. */
export function useAfterAuth(redirect: string | undefined) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await queryClient.invalidateQueries();
    await router.navigate({ href: safeRedirect(redirect) ?? "/projects", replace: true });
  };
}
