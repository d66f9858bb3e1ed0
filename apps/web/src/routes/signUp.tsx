import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { AuthCard } from "../features/auth/AuthCard.tsx";
import { SignUpForm } from "../features/auth/SignUpForm.tsx";
import { AnchorLink } from "../ui/links.tsx";

const route = getRouteApi("/sign-up");

export const Route = createLazyRoute("/sign-up")({ component: SignUpPage });

function SignUpPage() {
  const { redirect, email } = route.useSearch();
  const forInvite = redirect?.startsWith("/invite/");
  return (
    <AuthCard
      title="Create your account"
      subtitle={
        forInvite
          ? "Create an account with the invited email address, then accept the invitation."
          : "Track implementation projects from kick-off to hypercare."
      }
      footer={
        <>
          Already have an account?{" "}
          <AnchorLink to="/sign-in" search={{ redirect, email }}>
            Sign in
          </AnchorLink>
        </>
      }
    >
      <SignUpForm email={email} redirect={redirect} />
    </AuthCard>
  );
}
