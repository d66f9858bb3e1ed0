import { Alert, Button, Stack, TextInput } from "@mantine/core";
import { orgCreateInput } from "@rollout/domain";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorInfo, useTRPC } from "../../lib/trpc.ts";
import { type FieldErrors, unplacedErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { slugify } from "./slug.ts";
import { useOrgChanged } from "./useOrgChanged.ts";

/** Name and address of a new organisation; the creator becomes its owner and it turns active. */
export function CreateOrgForm() {
  const trpc = useTRPC();
  const changed = useOrgChanged();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.org.create.mutationOptions({
      // The new organisation is the active one: nothing cached from before applies.
      onSuccess: () => changed.run({ to: "/projects" }),
      onError: (error) => setErrors(errorInfo(error).fieldErrors),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = orgCreateInput.safeParse({ name, slug });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }

  const other = unplacedErrors(errors, ["name", "slug"]);
  const failure = create.error && Object.keys(errorInfo(create.error).fieldErrors).length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure || other.length ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            role="alert"
          >
            {other.length ? other.join(" ") : errorInfo(create.error).message}
          </Alert>
        ) : null}
        <TextInput
          label="Organisation name"
          placeholder="e.g. Northwind Implementation Services"
          required
          value={name}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setName(value);
            if (!slugEdited) setSlug(slugify(value));
          }}
          error={errors.name}
          autoFocus
        />
        <TextInput
          label="Short address"
          description="Lowercase letters, digits and hyphens; used in links."
          required
          value={slug}
          onChange={(e) => {
            setSlug(e.currentTarget.value);
            setSlugEdited(true);
          }}
          error={errors.slug}
        />
        <Button type="submit" loading={create.isPending || changed.settling}>
          Create organisation
        </Button>
      </Stack>
    </form>
  );
}
