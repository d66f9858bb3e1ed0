import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { AuthCard } from "../features/auth/AuthCard.tsx";
import { SignInForm } from "../features/auth/SignInForm.tsx";
import { AnchorLink } from "../ui/links.tsx";

const route = getRouteApi("/sign-in");

export const Route = createLazyRoute("/sign-in")({ component: SignInPage });

function SignInPage() {
  const { redirect, email } = route.useSearch();
  const forInvite = redirect?.startsWith("/invite/");
  return (
    <AuthCard
      title="Sign in to Rollout"
      subtitle={forInvite ? "Sign in to accept your invitation." : "Welcome back."}
      footer={
        <>
          New to Rollout?{" "}
          <AnchorLink to="/sign-up" search={{ redirect, email }}>
            Create an account
          </AnchorLink>
        </>
      }
    >
      <SignInForm email={email} redirect={redirect} />
    </AuthCard>
  );
}
