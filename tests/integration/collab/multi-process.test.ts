// Several server processes on one PostgreSQL and one Redis: people connected to
// different processes edit one document at once and converge; each sees the
// others in the presence list; a process started afterwards loads the full
// document, and a newcomer joining any process sees everything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yjsStateToLines } from "~/lib/document-schema/headless";
import { loadDocumentState } from "~/models/collab-log.server";
import { db, useDatabase } from "~/models/db.server";
import { createDocument } from "~/models/collab-documents.server";
import { deploySupporter } from "~/models/deployments.server";
import { requireLessonPlan, requirePlanningCourse } from "~/models/lesson-plan-facts.server";
import { createLessonPlan } from "~/models/lesson-plans.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { DEMO_PASSWORD, demoUser, seedDemoPartnership } from "../../../prisma/seed-data";
import { startApp, type AppProcess } from "../../support/app-process";
import { freshDatabase, redisUrl } from "../../support/databases";
import { briefing, createLessonFixture, dayFromToday } from "../../support/lesson-plan-fixtures";
import { actorOf, idOf } from "../../support/model-database";
import { signedInClient } from "../../support/http-client";
import { openSocket, partWriter, prng, sessionCookie, settled, TestClient, waitFor } from "./harness";

const WRITERS = ["teacher", "coordinator", "teacherFe", "teacherDance"] as const;
let databaseUrl: string;
let seed: Awaited<ReturnType<typeof seedDemoPartnership>>;
const apps: AppProcess[] = [];

beforeAll(async () => {
  databaseUrl = await freshDatabase("postgresql");
  await useDatabase(databaseUrl);
  seed = await seedDemoPartnership(db());
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
});

describe("two processes on PostgreSQL and Redis", () => {
  it("converge, share presence, and let a later process and newcomers see everything", async () => {
    // For the revocation test below (same processes): every change re-decides access from facts loaded for
    // it (no age allowed), so the first change after a revocation takes effect without waiting out a timer.
    const env = { COLLAB_ACCESS_RECHECK_MS: "0" };
    const [a, b] = await Promise.all([
      startApp({ databaseUrl, redisUrl: redisUrl(), seedDemo: false, startTimeoutMs: 90_000, env }),
      startApp({ databaseUrl, redisUrl: redisUrl(), seedDemo: false, startTimeoutMs: 90_000, env }),
    ]);
    apps.push(a, b);
    const owner = await actorOf(idOf(seed.userIds, "teacher"));
    const document = await createDocument(owner, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: "shared-across-processes",
    });

    const clients: TestClient[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a : b;
      const cookie = await sessionCookie(idOf(seed.userIds, WRITERS[i % WRITERS.length]!));
      clients.push(new TestClient(openSocket(app.origin, cookie), document.id, `person ${i}`).start());
    }
    await waitFor(() => clients.every((c) => c.provider.isSynced), 15_000, "all synced");

    const seedValue = Number(process.env.COLLAB_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`[multi-process] seed ${seedValue}`);
    const rng = prng(seedValue);
    for (let step = 0; step < 150; step++) {
      const i = rng.int(clients.length);
      const c = clients[i]!;
      c.insert(rng.int(c.root.length + 1), `${i}${"xyz"[rng.int(3)]}`);
      if (step % 10 === 0) await new Promise((r) => setTimeout(r, rng.int(15)));
    }
    await waitFor(
      () => clients.every(settled) && new Set(clients.map((c) => c.text())).size === 1,
      30_000,
      "convergence across processes",
    );
    const text = clients[0]!.text();
    expect(text.length).toBeGreaterThanOrEqual(300);

    // Presence crosses processes: someone on A sees everyone, including those on B.
    // Six people, four members: the server shows the others under their signed-in member's name
    // (clients 1-5 are all four members); one's own entry keeps its local label.
    const remoteNames = (c: TestClient) =>
      new Set(
        [...c.provider.awareness.getStates()]
          .filter(([id]) => id !== c.provider.awareness.clientID)
          .map(([, s]) => s.name),
      );
    await waitFor(
      () => clients[0]!.provider.awareness.getStates().size === 6 && remoteNames(clients[0]!).size === WRITERS.length,
      10_000,
      "presence across processes",
    );

    // A process started now loads the full document; newcomers on A, B and C see everything.
    const c = await startApp({ databaseUrl, redisUrl: redisUrl(), seedDemo: false, startTimeoutMs: 90_000 });
    apps.push(c);
    const newcomers = await Promise.all(
      [a, b, c].map(async (app, k) => {
        const cookie = await sessionCookie(idOf(seed.userIds, "leader"));
        return new TestClient(openSocket(app.origin, cookie), document.id, `newcomer ${k}`).start();
      }),
    );
    await waitFor(
      () => newcomers.every((n) => n.provider.isSynced && n.text() === text),
      10_000,
      "newcomers see everything",
    );
    // ...and everyone present, on every process, well before anyone renews their presence (every 15 s):
    // C opened the document after the others announced theirs, so it has to ask for it.
    await waitFor(
      () => newcomers.every((n) => n.provider.awareness.getStates().size === 9),
      4_000,
      "newcomers see everyone present",
    );

    // And an edit made through the late process reaches everyone on the other two.
    clients.push(
      new TestClient(openSocket(c.origin, await sessionCookie(owner.id)), document.id, "late writer").start(),
    );
    const late = clients.at(-1)!;
    await waitFor(() => late.provider.isSynced, 10_000, "late writer synced");
    late.insert(0, "LATE ");
    await waitFor(
      () => [...clients, ...newcomers].every((x) => x.text().startsWith("LATE ")),
      10_000,
      "late edit everywhere",
    );
    for (const x of [...clients, ...newcomers]) x.stop();
  }, 180_000);

  it("someone who only reads a plan is taken out by the next change made on another process once they may no longer read it", async () => {
    const [a, b] = apps;
    if (!a || !b) throw new Error("the processes of the test above are needed");
    const fixture = await createLessonFixture(db(), seed, " (processes)");
    const teacher = await actorOf(idOf(seed.userIds, "teacher"));
    const asTeacher = { actor: teacher, ipAddress: "" };
    const plan = await createLessonPlan(asTeacher, await requirePlanningCourse(teacher, fixture.courseId), {
      title: "Across processes",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate: dayFromToday(7),
      startTime: "09:15",
      durationMinutes: 60,
    });
    const lsaId = idOf(seed.userIds, "lsa");
    const deployment = await deploySupporter(asTeacher, await requireLessonPlan(teacher, plan.id), {
      supporterId: lsaId,
      supporterRole: "lsa",
      phase: "main",
      mode: "group",
      minutes: 40,
      studentIds: [fixture.studentIds.mld1],
      ...briefing,
    });
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: plan.id } },
    });
    // The LSA reads on A; nobody else is on A, so only changes relayed from B reach her there.
    const reader = new TestClient(openSocket(a.origin, await sessionCookie(lsaId)), document.id, "reader").start();
    const writer = new TestClient(openSocket(b.origin, await sessionCookie(teacher.id)), document.id, "writer").start();
    await waitFor(() => reader.provider.isSynced && writer.provider.isSynced, 10_000, "both synced");
    expect(reader.lastState.readOnly).toBe(true);
    writer.insert(0, "BEFORE ");
    await waitFor(() => reader.text().startsWith("BEFORE "), 10_000, "the reader sees the first change");

    await db().deployment.delete({ where: { id: deployment.id } });
    writer.insert(0, "AFTER ");
    await waitFor(() => reader.lastState.phase === "error", 10_000, "the reader taken out");
    expect(reader.lastState.error).toBe("You no longer have access to this document.");
    writer.insert(0, "LATER ");
    await waitFor(
      () => writer.lastState.phase === "saved" && writer.text().startsWith("LATER "),
      10_000,
      "the writer saved",
    );
    // Once a newcomer on A has the change, A has passed it to its sockets; the reply to a request the reader
    // sends after that comes behind anything A sent her before (one socket delivers in order).
    const witness = new TestClient(
      openSocket(a.origin, await sessionCookie(teacher.id)),
      document.id,
      "witness",
    ).start();
    await waitFor(() => witness.text().startsWith("LATER "), 10_000, "the change on the reader's process");
    await reader.socket.timeout(5_000).emitWithAck("collab:join", "no-such-document");
    expect(reader.text()).not.toContain("LATER");
    for (const client of [reader, writer, witness]) client.stop();
  }, 60_000);
  it("two co-planners on two processes type in two parts of one plan at once while its status changes: nothing is lost", async () => {
    const [a, b] = apps;
    if (!a || !b) throw new Error("the processes of the first test are needed");
    const fixture = await createLessonFixture(db(), seed, " (parts)");
    const teacher = await actorOf(idOf(seed.userIds, "teacher"));
    const plan = await createLessonPlan(
      { actor: teacher, ipAddress: "" },
      await requirePlanningCourse(teacher, fixture.courseId),
      {
        title: "Parts across processes",
        unitId: fixture.unitId,
        groupId: fixture.groupId,
        lessonDate: dayFromToday(7),
        startTime: "09:15",
        durationMinutes: 60,
      },
    );
    const document = await db().collabDocument.findUniqueOrThrow({
      where: { ownerType_ownerId: { ownerType: "lesson-plan", ownerId: plan.id } },
    });
    // Sarah (Hollins Park) on A writes the starter; Tom (Ashbury College) on B the main activity.
    const tomId = idOf(seed.userIds, "teacherFe");
    const sarah = new TestClient(openSocket(a.origin, await sessionCookie(teacher.id)), document.id, "Sarah").start();
    const tom = new TestClient(openSocket(b.origin, await sessionCookie(tomId)), document.id, "Tom").start();
    await waitFor(() => sarah.provider.isSynced && tom.provider.isSynced, 10_000, "both synced");
    const starter = partWriter(sarah, "starter");
    const main = partWriter(tom, "mainActivity");
    const coordinatorOnB = await signedInClient(b.origin, demoUser("coordinator").email, DEMO_PASSWORD);
    const words = ["Reaction", "drill", "on", "the", "whistle,", "then", "race", "to", "the", "cone."];
    let statusChange: Promise<{ status: number }> | null = null;
    for (const [i, word] of words.entries()) {
      await Promise.all([starter.type(`${word} `), main.type(`${i + 1}. `)]);
      // Halfway, the coordinator marks the plan ready through process B.
      if (i === 4) statusChange = coordinatorOnB.post(`/plans/${plan.id}`, { intent: "status", status: "ready" });
    }
    expect((await statusChange)?.status).toBe(200);
    const typedStarter = words.join(" ");
    const typedMain = words.map((_, i) => `${i + 1}.`).join(" ");
    const parts = async (client: TestClient) =>
      yjsStateToLines(Y.encodeStateAsUpdate(client.doc), ["starter", "mainActivity"]);
    await waitFor(
      async () => {
        if (!settled(sarah) || !settled(tom)) return false;
        const [s, t] = await Promise.all([parts(sarah), parts(tom)]);
        return s.starter === typedStarter && s.mainActivity === typedMain && JSON.stringify(s) === JSON.stringify(t);
      },
      15_000,
      "both parts, both people",
    );
    // Stored: the document has both, and its plain-text copy in the plan's columns follows a moment later.
    const stored = await yjsStateToLines((await loadDocumentState(document.id)).state, ["starter", "mainActivity"]);
    expect(stored).toEqual({ starter: typedStarter, mainActivity: typedMain });
    await waitFor(
      async () => {
        const row = await db().lessonPlan.findUniqueOrThrow({ where: { id: plan.id } });
        return row.starter === typedStarter && row.mainActivity === typedMain && row.status === "ready";
      },
      10_000,
      "the plan's columns",
    );
    for (const client of [sarah, tom]) client.stop();
  }, 60_000);
});
