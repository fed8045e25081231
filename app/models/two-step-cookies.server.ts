// The cookies of two-step sign-in (decision 015): the pending sign-in between the password and the second step, and
// a remembered browser. Both hold random tokens whose hashes the database keeps; both are read only by /login pages.
import { createCookie, redirect } from "@remix-run/node";
import { config } from "~/config.server";
import { deviceCookie } from "./device-cookie.server";
import { REMEMBER_DEVICE_DAYS } from "~/lib/forms/two-step";
import { PENDING_SIGN_IN_MINUTES, type SecondStep } from "./two-step-sign-in.server";

function tokenCookie(name: string, maxAgeSeconds: number) {
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    secure: config().cookieSecure,
    path: "/login",
    maxAge: maxAgeSeconds,
  });
}

export const pendingSignInCookie = () => tokenCookie("staffroom_two_step", PENDING_SIGN_IN_MINUTES * 60);
export const rememberedDeviceCookie = () => tokenCookie("staffroom_remembered", REMEMBER_DEVICE_DAYS * 86_400);

export async function readTokenCookie(
  cookie: ReturnType<typeof pendingSignInCookie>,
  request: Request,
): Promise<string | null> {
  const value: unknown = await cookie.parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length <= 100 ? value : null;
}

/** Clears the pending sign-in cookie once it is used (or found stale). */
export function clearPendingSignIn(): Promise<string> {
  return pendingSignInCookie().serialize("", { maxAge: 0 });
}

export const SECOND_STEP_PATH = "/login/two-step";
export const SET_UP_PATH = "/login/set-up";

/** After a right password: on to the second step, or to setting up an app, with the pending sign-in's cookie. */
export async function redirectToSecondStep(step: SecondStep, throttleDeviceToken: string): Promise<Response> {
  const headers = new Headers();
  headers.append("Set-Cookie", await pendingSignInCookie().serialize(step.pendingToken));
  headers.append("Set-Cookie", await deviceCookie().serialize(throttleDeviceToken));
  return redirect(step.step === "code" ? SECOND_STEP_PATH : SET_UP_PATH, { headers });
}
