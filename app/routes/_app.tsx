// Layout of every signed-in page: resolves the member and renders the shell.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { LiveUpdates } from "~/components/live-updates";
import { isRole } from "~/lib/roles";
import { navigationFor } from "~/lib/navigation";
import { getShellUser } from "~/models/members.server";
import { hasDeployments } from "~/models/deployments.server";
import { notFound, requireActor } from "~/policies/enforce.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const user = await getShellUser(actor.id);
  if (!user || !isRole(user.role)) notFound();
  return {
    user: {
      name: user.name,
      role: user.role,
      institutionName: user.institution.name,
      partnershipName: user.partnership.name,
    },
    nav: navigationFor(actor, { hasDeployments: actor.role !== "lsa" && (await hasDeployments(actor)) }),
  };
}

export default function AppLayout() {
  const { user, nav } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user} nav={nav}>
      <LiveUpdates />
      <Outlet />
    </AppShell>
  );
}
