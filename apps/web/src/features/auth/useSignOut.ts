import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { signOut } from "../../lib/auth.ts";

/** Signs out, forgets every cached answer (they belong to the old session), then goes to `to`. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function run(to: string = "/sign-in") {
    setPending(true);
    try {
      await signOut();
      queryClient.clear();
      await router.navigate({ href: to, replace: true });
    } catch (error) {
      notifications.show({
        color: "red",
        title: "Could not sign out",
        message: error instanceof Error ? error.message : "Try again",
      });
    } finally {
      setPending(false);
    }
  }
  return { signOut: run, pending };
}
