// Dismisses one of the member's own account notices (the banner on every page); the page reloads its data.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { dismissAccountNotice } from "~/models/account-notices.server";
import { requireActor } from "~/policies/enforce.server";

export async function loader() {
  return redirect("/account");
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const formData = await request.formData();
  await dismissAccountNotice(actor.id, params.noticeId ?? "");
  throw redirect(safeRedirectPath(formData.get("redirectTo"), "/home"));
}
