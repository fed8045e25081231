// Invitations at the model level, on SQLite and PostgreSQL: hashed link tokens,
// single use (also under concurrent acceptance), expiry, revocation, and the
// partnership boundary.
import type { ActionContext, Actor } from "~/policies/actor";
import { DomainError } from "~/lib/errors";
import { describe, expect, it } from "vitest";
import { hashToken } from "~/lib/tokens.server";
import { db } from "~/models/db.server";
import { acceptInvite, createInvite, findInviteByToken, listInvites, revokeInvite } from "~/models/invites.server";
import { verifyPassword } from "~/models/passwords.server";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

/** A model call's action context for a member of the test's world (no client address unless the test gives one). */
const acting = (actor: Actor, ipAddress = ""): ActionContext => ({ actor, ipAddress });

let counter = 0;
const newEmail = () => `new.colleague.${Date.now()}.${++counter}@brookfield.example`;

describe.each(PROVIDERS)("invitations on %s", (provider) => {
  const database = useModelDatabase(provider);
  const coordinator = () => actorOf(idOf(database.demo.userIds, "coordinator"));
  const brookfield = () => idOf(database.demo.institutionIds, "brookfield");

  async function invite(
    overrides: Partial<{
      email: string;
      role: "teacher" | "lsa" | "leader" | "coordinator";
      institutionId: string;
    }> = {},
  ) {
    return createInvite(acting(await coordinator()), {
      email: overrides.email ?? newEmail(),
      name: "New Colleague",
      role: overrides.role ?? "lsa",
      institutionId: overrides.institutionId ?? brookfield(),
    });
  }

  it("stores only the SHA-256 of the link's token", async () => {
    const { invite: created, token, path } = await invite();
    expect(path).toBe(`/invite/${token}`);
    const row = await db().invite.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await findInviteByToken(token))?.state).toBe("pending");
    expect(await findInviteByToken(hashToken(token))).toBeNull();
  });

  it("creates the account with the invited role, institution and partnership, and a hashed password", async () => {
    const email = newEmail();
    const { token } = await invite({ email, role: "teacher" });
    const user = await acceptInvite({ token, name: "  Nia Campbell ", password: "chalk dust and coffee" }, "");
    expect(user).toMatchObject({
      email,
      name: "Nia Campbell",
      role: "teacher",
      institutionId: brookfield(),
      partnershipId: database.demo.partnershipId,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(user.passwordHash!, "chalk dust and coffee")).toBe(true);
    expect((await findInviteByToken(token))?.state).toBe("accepted");
    const audit = await db().auditEvent.findFirst({ where: { action: "invite.accepted", subjectId: user.id } });
    expect(audit).not.toBeNull();
  });

  it("can be used only once", async () => {
    const { token } = await invite();
    await acceptInvite({ token, name: "First Person", password: "chalk dust and coffee" }, "");
    await expect(
      acceptInvite({ token, name: "Second Person", password: "another fine phrase" }, ""),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("is single use even when accepted twice at the same moment", async () => {
    const { token, invite: created } = await invite();
    const results = await Promise.allSettled([
      acceptInvite({ token, name: "Racer One", password: "chalk dust and coffee" }, ""),
      acceptInvite({ token, name: "Racer Two", password: "chalk dust and coffee" }, ""),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { email: created.email } })).toBe(1);
  });

  it("cannot be used after it expires", async () => {
    const { token, invite: created } = await invite();
    await db().invite.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findInviteByToken(token))?.state).toBe("expired");
    await expect(acceptInvite({ token, name: "Too Late", password: "chalk dust and coffee" }, "")).rejects.toThrow(
      /expired/,
    );
    expect(await db().user.count({ where: { email: created.email } })).toBe(0);
  });

  it("expires after the configured number of days", async () => {
    const { invite: created } = await invite();
    const days = (created.expiresAt.getTime() - created.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
  });

  it("cannot be used after it is revoked, and a new invite replaces a pending one", async () => {
    const email = newEmail();
    const first = await invite({ email });
    const second = await invite({ email });
    expect((await findInviteByToken(first.token))?.state).toBe("revoked");
    await expect(
      acceptInvite({ token: first.token, name: "Old Link", password: "chalk dust and coffee" }, ""),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await revokeInvite(acting(await coordinator()), second.invite.id)).toBe(true);
    await expect(
      acceptInvite({ token: second.token, name: "Revoked", password: "chalk dust and coffee" }, ""),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("refuses unknown and malformed tokens", async () => {
    expect(await findInviteByToken("")).toBeNull();
    expect(await findInviteByToken("x".repeat(200))).toBeNull();
    await expect(
      acceptInvite({ token: "no-such-token", name: "Nobody", password: "chalk dust and coffee" }, ""),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("refuses an address that already has an account", async () => {
    await expect(invite({ email: "helen.okafor@hollinspark.example" })).rejects.toMatchObject({ field: "email" });
    await expect(invite({ email: "HELEN.OKAFOR@hollinspark.example.other" })).rejects.toMatchObject({ field: "email" });
  });

  it("keeps to the inviter's partnership", async () => {
    // An institution of another partnership cannot be named.
    await expect(invite({ institutionId: idOf(database.other.institutionIds, "brookfield") })).rejects.toMatchObject({
      field: "institutionId",
    });
    const { invite: created } = await invite();
    const otherCoordinator = await actorOf(idOf(database.other.userIds, "coordinator"));
    expect(await revokeInvite(acting(otherCoordinator), created.id)).toBe(false);
    expect((await listInvites(database.other.partnershipId)).map((i) => i.id)).not.toContain(created.id);
    expect((await listInvites(database.demo.partnershipId)).map((i) => i.id)).toContain(created.id);
  });

  it("refuses an archived institution", async () => {
    const institutionId = idOf(database.demo.institutionIds, "thornbury");
    await db().institution.update({ where: { id: institutionId }, data: { archivedAt: new Date() } });
    try {
      await expect(invite({ institutionId })).rejects.toMatchObject({ field: "institutionId" });
    } finally {
      await db().institution.update({ where: { id: institutionId }, data: { archivedAt: null } });
    }
  });
});
