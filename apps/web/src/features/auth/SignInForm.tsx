import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { signIn } from "../../lib/auth.ts";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { signInForm } from "./authSchemas.ts";
import { useAfterAuth } from "./useAfterAuth.ts";

export function SignInForm({
  email: initialEmail,
  redirect,
}: {
  email?: string;
  redirect?: string;
}) {
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const afterAuth = useAfterAuth(redirect);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = signInForm.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await signIn(parsed.data);
      await afterAuth();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "Could not sign in");
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {failure ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            role="alert"
          >
            {failure}
          </Alert>
        ) : null}
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          autoFocus={!initialEmail}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          autoFocus={Boolean(initialEmail)}
        />
        <Button type="submit" loading={pending} fullWidth mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
