import { createLazyRoute, getRouteApi } from "@tanstack/react-router";
import { SharedProjectPage } from "../features/share/SharedProjectPage.tsx";

const route = getRouteApi("/share/$token");

export const Route = createLazyRoute("/share/$token")({ component: SharePage });

function SharePage() {
  const { token } = route.useParams();
  return <SharedProjectPage token={token} />;
}
