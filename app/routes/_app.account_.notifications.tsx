// Saves the member's notification choices from the account page, then goes back to it (with or without JavaScript).
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { parseDeliveryChoices } from "~/lib/forms/notifications";
import { saveDeliveryChoices } from "~/models/notification-preferences.server";
import { requireActor } from "~/policies/enforce.server";

export async function loader() {
  return redirect("/account#notification-choices");
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  await saveDeliveryChoices(actor.id, parseDeliveryChoices(await request.formData()));
  return redirect("/account?notifications=saved#notification-choices");
}
