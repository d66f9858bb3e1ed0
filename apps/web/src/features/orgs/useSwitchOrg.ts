import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { useOrgChanged } from "./useOrgChanged.ts";

/** Makes another organisation active and lands on its portfolio. */
export function useSwitchOrg() {
  const trpc = useTRPC();
  const changed = useOrgChanged();
  const mutation = useMutation(
    trpc.org.switch.mutationOptions({ onSuccess: () => changed.run({ to: "/projects" }) }),
  );
  return { ...mutation, switching: mutation.isPending || changed.settling };
}
