import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { InvitationView } from "../features/invitations/InvitationView.tsx";

const route = getRouteApi("/invite/$token");

export const Route = createLazyRoute("/invite/$token")({ component: InvitePage });

function InvitePage() {
  const { token } = route.useParams();
  return <InvitationView token={token} />;
}
