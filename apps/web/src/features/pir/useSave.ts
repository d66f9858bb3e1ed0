import { useState } from "react";
import { errorInfo } from "../../lib/trpc.ts";
import { formFieldErrors } from "./pirData.ts";

/**
 * The state of saving one form: busy, the messages by field, one message for the rest, and a
 * stale-version conflict (what was typed is kept; the person chooses what to do).
 */
export function useSave(fields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  function reset() {
    setErrors({});
    setFailure(null);
    setConflict(null);
  }

  /** Runs `write`; resolves true when it was saved. */
  async function run(write: () => Promise<unknown>): Promise<boolean> {
    setSaving(true);
    setFailure(null);
    try {
      await write();
      reset();
      return true;
    } catch (error) {
      const info = errorInfo(error);
      const byField = formFieldErrors(info.fieldErrors);
      const placed = Object.fromEntries(
        Object.entries(byField).filter(([key]) => fields.includes(key)),
      );
      if (info.code === "CONFLICT" && Object.keys(placed).length === 0) {
        setConflict(info.message);
      } else {
        setErrors(placed);
        const rest = Object.entries(byField)
          .filter(([key]) => !fields.includes(key))
          .map(([, m]) => m);
        setFailure(
          Object.keys(placed).length > 0 && rest.length === 0
            ? null
            : rest.length > 0
              ? rest.join(" ")
              : info.message,
        );
      }
      return false;
    } finally {
      setSaving(false);
    }
  }

  return { saving, errors, setErrors, failure, conflict, setConflict, reset, run };
}
