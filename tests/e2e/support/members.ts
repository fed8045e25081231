// A member of the demo partnership made for one test, through the app's own invitation
// flow over HTTP (the coordinator's saved session invites, the invitee accepts the link),
// so a test that changes a member touches nobody another test signs in as.
import { expect, request } from "@playwright/test";
import type { Role } from "../../../app/lib/roles";
import { sessionOf } from "./sessions";

export interface NewMember {
  name: string;
  email: string;
  password: string;
}

export async function createMember(
  baseURL: string,
  member: { name: string; role: Role; institution: string },
): Promise<NewMember> {
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `member.${unique}@staffroom-e2e.example`;
  const password = `a fresh start ${unique}`;
  // The server refuses state-changing requests without this site's Origin.
  const extraHTTPHeaders = { origin: new URL(baseURL).origin };

  const coordinator = await request.newContext({ baseURL, extraHTTPHeaders, storageState: sessionOf("coordinator") });
  let link: string;
  try {
    const form = await coordinator.get("/people/invite");
    expect(form.status(), "the coordinator's saved session opens the invitation page").toBe(200);
    const institutionId = new RegExp(`<option value="([^"]+)"[^>]*>${member.institution}</option>`).exec(
      await form.text(),
    )?.[1];
    expect(institutionId, `an institution named ${member.institution}`).toBeTruthy();
    const invited = await coordinator.post("/people/invite", {
      form: { email, name: member.name, role: member.role, institutionId: institutionId! },
    });
    expect(invited.status()).toBe(200);
    const token = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(await invited.text())?.[1];
    expect(token, "the page shows the invitation link").toBeTruthy();
    link = `/invite/${token}`;
  } finally {
    await coordinator.dispose();
  }

  const invitee = await request.newContext({ baseURL, extraHTTPHeaders, storageState: undefined });
  try {
    const accepted = await invitee.post(link, {
      form: { name: member.name, password, confirmPassword: password },
      maxRedirects: 0,
    });
    expect([302, 303], "the invitation is accepted").toContain(accepted.status());
  } finally {
    await invitee.dispose();
  }
  return { name: member.name, email, password };
}
