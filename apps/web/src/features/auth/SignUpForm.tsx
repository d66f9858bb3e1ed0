import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { signUp } from "../../lib/auth.ts";
import { type FieldErrors, zodFieldErrors } from "../../ui/fieldErrors.ts";
import { signUpForm } from "./authSchemas.ts";
import { useAfterAuth } from "./useAfterAuth.ts";

export function SignUpForm({
  email: initialEmail,
  redirect,
}: {
  email?: string;
  redirect?: string;
}) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState(initialEmail ?? "");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const afterAuth = useAfterAuth(redirect);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const parsed = signUpForm.safeParse({ name, email, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await signUp(parsed.data);
      await afterAuth();
    } catch (error) {
      const message = error instanceof Error ? error.message : "Could not create the account";
      // better-auth names the problem field only in prose; place the two common ones.
      if (/password/i.test(message)) setErrors({ password: message });
      else if (/email|exists/i.test(message)) setErrors({ email: message });
      setFailure(message);
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
          label="Your name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          autoFocus
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <PasswordInput
          label="Password"
          description="8 to 128 characters"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
        />
        <Button type="submit" loading={pending} fullWidth mt="xs">
          Create account
        </Button>
      </Stack>
    </form>
  );
}
