// Sign out: ends this session on the server and closes its live sockets.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { blankSessionCookie, endSession } from "~/models/sessions.server";

export async function loader() {
  return redirect("/home");
}

export async function action({ context }: ActionFunctionArgs) {
  if (!context.session || !context.user) {
    throw redirect("/login", { headers: { "Set-Cookie": blankSessionCookie().serialize() } });
  }
  const blank = await endSession(context.session.id);
  await context.realtime.disconnectSession(context.session.id);
  await recordAudit({
    partnershipId: context.user.partnershipId,
    actorId: context.user.id,
    action: "sign-out",
    subjectType: "user",
    subjectId: context.user.id,
    ipAddress: context.clientIp,
  });
  throw redirect("/login", { headers: { "Set-Cookie": blank.serialize(), "Cache-Control": "no-store" } });
}
