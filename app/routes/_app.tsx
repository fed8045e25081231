// Layout of every signed-in page: resolves the member and renders the shell.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, isRouteErrorResponse, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { AccountNotices } from "~/components/account-notices";
import { AppShell } from "~/components/app-shell";
import { DemoBanner } from "~/components/demo-banner";
import { ErrorContent } from "~/components/error-page";
import { LiveUpdates } from "~/components/live-updates";
import { isRole } from "~/lib/roles";
import { navigationFor } from "~/lib/navigation";
import { getShellFacts } from "~/models/shell.server";
import { notFound, requireActor } from "~/policies/enforce.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const shell = await getShellFacts(actor.id);
  if (!shell || !isRole(shell.role)) notFound();
  return {
    user: {
      name: shell.name,
      role: shell.role,
      institutionName: shell.institutionName,
      partnershipName: shell.partnershipName,
    },
    demo: shell.isDemo,
    nav: navigationFor(actor, { hasDeployments: actor.role !== "lsa" && shell.hasDeployments }),
    accountNotices: shell.accountNotices,
    unreadNotifications: shell.unreadNotifications,
  };
}

export default function AppLayout() {
  const { user, nav, demo, accountNotices } = useLoaderData<typeof loader>();
  return (
    <>
      {demo ? <DemoBanner /> : null}
      <AppShell user={user} nav={nav}>
        <LiveUpdates />
        <AccountNotices notices={accountNotices} />
        <Outlet />
      </AppShell>
    </>
  );
}

/**
 * A page inside the shell that cannot be shown (an unknown address, a record out of reach, a failure) keeps the
 * header and navigation, so the way on is one click away. Without the shell's data (its own loader failed), the
 * root's bare error page shows instead.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const shell = useRouteLoaderData<typeof loader>("routes/_app");
  // On the server, entry.server's handleError has logged it already, as one line.
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  if (!shell) throw error;
  return (
    <>
      {shell.demo ? <DemoBanner /> : null}
      <AppShell user={shell.user} nav={shell.nav}>
        <ErrorContent error={error} />
      </AppShell>
    </>
  );
}
