// Two-step sign-in as an authenticator app sees it, for HTTP tests: the key the set-up page shows for typing in,
// and the set-up of a browser that holds a pending sign-in.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { expect } from "vitest";
import type { HttpClient } from "./http-client";

/** The key on a set-up page, as the app would store it. */
export function secretFrom(body: string): Uint8Array {
  const text = /class="two-step-secret"[^>]*>([A-Z2-7 ]+)</.exec(body)?.[1];
  expect(text, "the set-up page shows the key").toBeTruthy();
  return decodeBase32IgnorePadding(text!.replace(/\s/g, ""));
}

/** Sets up an app from /login/set-up, where a pending sign-in is sent; the client then holds a session. */
export async function setUpTwoStep(client: HttpClient): Promise<{ secret: Uint8Array; body: string }> {
  const page = await client.get("/login/set-up");
  expect(page.status).toBe(200);
  const secret = secretFrom(page.body);
  const done = await client.post("/login/set-up", { code: generateTOTP(secret, 30, 6) });
  expect(done.status).toBe(200);
  return { secret, body: done.body };
}
