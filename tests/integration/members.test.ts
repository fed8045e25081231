// Managing members at the model level, on SQLite and PostgreSQL: role changes,
// deactivation ending every session, and the partnership boundary.
import type { ActionContext, Actor } from "~/policies/actor";
import { describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { deactivateMember, getMember, listMembers, reactivateMember, updateMember } from "~/models/members.server";
import { startSession, validateSessionToken } from "~/models/sessions.server";
import { signIn } from "~/models/sign-in.server";
import {
  createInstitution,
  listInstitutions,
  setInstitutionArchived,
  updateInstitution,
} from "~/models/institutions.server";
import { listAuditEvents } from "~/models/audit.server";
import { DEMO_PASSWORD, DEMO_USERS, demoUser } from "../../prisma/seed-data";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";

/** A model call's action context for a member of the test's world (no client address unless the test gives one). */
const acting = (actor: Actor, ipAddress = ""): ActionContext => ({ actor, ipAddress });

const meta = { userAgent: "vitest", ipAddress: "127.0.0.1" };

describe.each(PROVIDERS)("members and institutions on %s", (provider) => {
  const database = useModelDatabase(provider);
  const coordinator = () => actorOf(idOf(database.demo.userIds, "coordinator"));

  it("lists only the partnership's own members", async () => {
    const members = await listMembers(database.demo.partnershipId);
    expect(members).toHaveLength(DEMO_USERS.length);
    expect(members.every((m) => m.partnershipId === database.demo.partnershipId)).toBe(true);
    expect(await getMember(database.demo.partnershipId, idOf(database.other.userIds, "teacher"))).toBeNull();
  });

  it("deactivation ends every session and blocks sign-in; reactivation restores sign-in", async () => {
    const userId = idOf(database.demo.userIds, "teacherSpecial");
    const a = await startSession(userId, meta);
    const b = await startSession(userId, meta);
    expect(await deactivateMember(acting(await coordinator()), userId)).toBe(true);
    expect(await deactivateMember(acting(await coordinator()), userId)).toBe(false);
    expect((await validateSessionToken(a.cookie.value)).user).toBeNull();
    expect((await validateSessionToken(b.cookie.value)).user).toBeNull();
    expect(await db().session.count({ where: { userId } })).toBe(0);
    const email = demoUser("teacherSpecial").email;
    expect((await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta })).ok).toBe(false);
    expect((await listMembers(database.demo.partnershipId)).map((m) => m.id)).not.toContain(userId);
    expect((await listMembers(database.demo.partnershipId, { includeDeactivated: true })).map((m) => m.id)).toContain(
      userId,
    );

    expect(await reactivateMember(acting(await coordinator()), userId)).toBe(true);
    expect((await signIn({ email, password: DEMO_PASSWORD, deviceToken: null, meta })).ok).toBe(true);
  });

  it("cannot deactivate, reactivate or update a member of another partnership", async () => {
    const foreignId = idOf(database.other.userIds, "teacher");
    const session = await startSession(foreignId, meta);
    expect(await deactivateMember(acting(await coordinator()), foreignId)).toBe(false);
    expect((await validateSessionToken(session.cookie.value)).user?.id).toBe(foreignId);
    expect(await reactivateMember(acting(await coordinator()), foreignId)).toBe(false);
    await expect(
      updateMember(acting(await coordinator()), foreignId, {
        role: "lsa",
        institutionId: idOf(database.demo.institutionIds, "hollins"),
        jobTitle: "",
      }),
    ).rejects.toMatchObject({ code: "invalid", field: undefined });
  });

  it("a role change takes effect at once: the member's sessions end", async () => {
    const userId = idOf(database.demo.userIds, "teacherFe");
    const session = await startSession(userId, meta);
    const updated = await updateMember(acting(await coordinator()), userId, {
      role: "leader",
      institutionId: idOf(database.demo.institutionIds, "ashbury"),
      jobTitle: " Head of sport ",
    });
    expect(updated).toMatchObject({ role: "leader", jobTitle: "Head of sport" });
    expect((await validateSessionToken(session.cookie.value)).user).toBeNull();
    const audit = await listAuditEvents(database.demo.partnershipId, { action: "member.updated" });
    expect(audit.events[0]?.detail).toMatchObject({ role: { from: "teacher", to: "leader" } });
  });

  it("refuses to move a member to another partnership's institution", async () => {
    const userId = idOf(database.demo.userIds, "teacherDance");
    await expect(
      updateMember(acting(await coordinator()), userId, {
        role: "teacher",
        institutionId: idOf(database.other.institutionIds, "kestrel"),
        jobTitle: "",
      }),
    ).rejects.toMatchObject({ field: "institutionId" });
  });

  it("creates, renames and archives institutions within the partnership only", async () => {
    const actor = await coordinator();
    const created = await createInstitution(acting(actor), {
      name: " Ridgeway Academy ",
      kind: "secondary_school",
      town: "Lowerby",
    });
    expect(created).toMatchObject({ name: "Ridgeway Academy", partnershipId: database.demo.partnershipId });
    await expect(
      createInstitution(acting(actor), { name: "Ridgeway Academy", kind: "secondary_school", town: "" }),
    ).rejects.toMatchObject({ field: "name" });
    await updateInstitution(acting(actor), created.id, {
      name: "Ridgeway School",
      kind: "secondary_school",
      town: "Lowerby",
    });
    expect(await setInstitutionArchived(acting(actor), created.id, true)).toBe(true);
    expect((await listInstitutions(database.demo.partnershipId)).map((i) => i.id)).not.toContain(created.id);

    const foreign = await actorOf(idOf(database.other.userIds, "coordinator"));
    await expect(
      updateInstitution(acting(foreign), created.id, { name: "Hijacked", kind: "secondary_school", town: "" }),
    ).rejects.toMatchObject({ code: "invalid", field: undefined });
    expect(await setInstitutionArchived(acting(foreign), created.id, false)).toBe(false);
    // The same name is free in another partnership.
    await expect(
      createInstitution(acting(foreign), { name: "Ridgeway School", kind: "secondary_school", town: "" }),
    ).resolves.toBeTruthy();
  });

  it("keeps audit events within their partnership", async () => {
    const ours = await listAuditEvents(database.demo.partnershipId);
    const theirs = await listAuditEvents(database.other.partnershipId);
    expect(ours.total).toBeGreaterThan(0);
    expect(ours.events.every((e) => e.partnershipId === database.demo.partnershipId)).toBe(true);
    const ourIds = new Set(ours.events.map((e) => e.id));
    expect(theirs.events.some((e) => ourIds.has(e.id))).toBe(false);
  });
});
