// The trusted-browser cookie of the sign-in throttle (see sign-in.server.ts).
import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";
import { authCookieName } from "./cookie-names.server";
import { TRUSTED_DEVICE_DAYS } from "./sign-in.server";

export function deviceCookie() {
  const secure = config().cookieSecure;
  return createCookie(authCookieName("staffroom_device"), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    // Only the sign-in page reads it, but a __Host- cookie must have Path=/.
    path: secure ? "/" : "/login",
    maxAge: TRUSTED_DEVICE_DAYS * 86_400,
  });
}

export async function readDeviceToken(request: Request): Promise<string | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length <= 100 ? value : null;
}
