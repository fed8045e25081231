// Any address no page answers, for a signed-in member: a 404 inside the shell (header, navigation, a way home),
// rather than the router's bare message. Signed out, the shell's loader sends them to sign in first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireActor } from "~/policies/enforce.server";

export function loader({ context, request }: LoaderFunctionArgs) {
  requireActor(context, request);
  notFound("There is no page at this address.");
}

export default function UnknownPage() {
  return null;
}
