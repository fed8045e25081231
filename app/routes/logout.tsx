// Sign out: ends this session on the server and closes its live sockets.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { blankSessionCookie, signOut } from "~/models/sessions.server";
import { requireActionContext } from "~/policies/enforce.server";

export async function loader() {
  return redirect("/home");
}

export async function action({ context, request }: ActionFunctionArgs) {
  if (!context.session || !context.user) {
    throw redirect("/login", { headers: { "Set-Cookie": blankSessionCookie().serialize() } });
  }
  const blank = await signOut(requireActionContext(context, request), context.session.id);
  await context.realtime.disconnectSession(context.session.id);
  throw redirect("/login", { headers: { "Set-Cookie": blank.serialize(), "Cache-Control": "no-store" } });
}
