// The comments endpoint through the real server over HTTP, on SQLite and PostgreSQL, for every kind of subject (a
// document, a deployment, a meeting action, a strategy rating): GET and every POST intent as a member who may read the
// subject, a member who may read it but not change someone else's comment (403), one who may not read it and another
// partnership (404, nothing saved, nothing shown), nobody signed in (sent to sign in) and a foreign Origin (refused).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";
import { DEMO_PASSWORD, demoUser, type DemoUserKey } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { PROVIDERS, seededDatabase, type SeededDatabase } from "../support/databases";
import { HttpClient, signedInClient } from "../support/http-client";
import { idOf } from "../support/model-database";

interface Case {
  type: string;
  /** May read the subject and starts the thread. */
  reader: DemoUserKey;
  /** May read it too, but is neither the author nor a coordinator. */
  colleague: DemoUserKey;
  /** May not read it; null where everyone in the partnership may (a strategy and its ratings). */
  outsider: DemoUserKey | null;
  find(store: Db, seeded: SeededDatabase): Promise<string>;
  /** Where in the text a thread starts (documents only). */
  anchor?: Record<string, string>;
}

/** The LSA's deployment in a plan the other LSA is not deployed in (so she may read neither). */
async function lsaDeployment(store: Db, seeded: SeededDatabase) {
  return store.deployment.findFirstOrThrow({
    where: {
      supporterId: idOf(seeded.demo.userIds, "lsa"),
      lessonPlan: { deployments: { none: { supporterId: idOf(seeded.demo.userIds, "lsaDeaf") } } },
    },
  });
}

const CASES: Case[] = [
  {
    type: "document",
    reader: "teacher",
    colleague: "teacherFe",
    outsider: "lsaDeaf",
    anchor: { part: "root", anchorStart: "AQ==", anchorEnd: "AQ==", quote: "warm-up" },
    async find(store, seeded) {
      const { lessonPlanId } = await lsaDeployment(store, seeded);
      const document = await store.collabDocument.findUniqueOrThrow({
        where: { ownerType_ownerId: { ownerType: LESSON_PLAN_DOCUMENT, ownerId: lessonPlanId } },
      });
      return document.id;
    },
  },
  {
    type: "deployment",
    reader: "lsa",
    colleague: "teacher",
    outsider: "lsaDeaf",
    find: async (store, seeded) => (await lsaDeployment(store, seeded)).id,
  },
  {
    type: "meeting-action",
    reader: "teacher",
    colleague: "teacherFe",
    outsider: "lsaDeaf", // not in the steering group
    async find(store, seeded) {
      const action = await store.meetingAction.findFirstOrThrow({
        where: { partnershipId: seeded.demo.partnershipId },
      });
      return action.id;
    },
  },
  {
    type: "strategy-rating",
    reader: "lsaDeaf",
    colleague: "teacher",
    outsider: null,
    async find(store, seeded) {
      const rating = await store.strategyRating.findFirstOrThrow({
        where: { strategy: { partnershipId: seeded.demo.partnershipId } },
      });
      return rating.id;
    },
  },
];

describe.each(PROVIDERS)("the comments endpoint on %s", (provider) => {
  let app: AppProcess;
  let store: Db;
  let seeded: SeededDatabase;

  beforeAll(async () => {
    seeded = await seededDatabase(provider);
    app = await startApp({ databaseUrl: seeded.url, seedDemo: false });
    store = createDb(seeded.url);
  }, 180_000);

  afterAll(async () => {
    await store?.$disconnect();
    await app?.stop();
  });

  showServerOutputOnFailure(() => app);

  const signIn = (key: DemoUserKey, suffix = "") =>
    signedInClient(app.origin, demoUser(key).email + suffix, DEMO_PASSWORD);

  /** Every POST intent, aimed at a real thread and comment. */
  const everyIntent = (
    threadId: string,
    commentId: string,
    anchor: Record<string, string> = {},
  ): Record<string, string>[] => [
    { intent: "start", body: "Let me in on this", mentionIds: "", ...anchor },
    { intent: "reply", threadId, body: "Let me in on this", mentionIds: "" },
    { intent: "edit", commentId, body: "Let me in on this", mentionIds: "" },
    { intent: "delete", commentId },
    { intent: "resolve", threadId },
    { intent: "reopen", threadId },
  ];

  /** What is saved on the subject, to show a refusal changed nothing. */
  const stateOf = async (type: string, id: string) =>
    JSON.stringify(
      await store.commentThread.findMany({
        where: { subjectType: type, subjectId: id },
        include: { comments: { orderBy: { createdAt: "asc" } } },
        orderBy: { createdAt: "asc" },
      }),
    );

  it.each(CASES)("on a $type: readers talk, others are refused and told nothing", async (c) => {
    const id = await c.find(store, seeded);
    // The ".data" address is the one the comment panel's fetchers call (Remix single fetch), with the real status.
    const path = `/comments/${c.type}/${id}.data`;
    const question = `Which students first? (${c.type} on ${provider})`;

    // A reader sees the conversation and takes part in it.
    const reader = await signIn(c.reader);
    const listed = await reader.get(path);
    expect(listed.status, listed.body.slice(0, 300)).toBe(200);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    expect(listed.body).toContain(id);
    const started = await reader.post(path, { intent: "start", body: question, mentionIds: "", ...c.anchor });
    expect(started.status, started.body.slice(0, 300)).toBe(200);
    const thread = await store.commentThread.findFirstOrThrow({
      where: { subjectType: c.type, subjectId: id, comments: { some: { body: question } } },
      include: { comments: true },
    });
    const commentId = thread.comments[0]!.id;
    expect((await reader.get(path)).body).toContain(question);

    const colleague = await signIn(c.colleague);
    expect((await colleague.get(path)).body).toContain(question);
    const replied = await colleague.post(path, { intent: "reply", threadId: thread.id, body: "Maya, then Liam." });
    expect(replied.status, replied.body.slice(0, 300)).toBe(200);
    // Someone else's comment is theirs to change: 403, whatever the colleague may read.
    const notTheirs: Record<string, string>[] = [
      { intent: "edit", commentId, body: "Rewritten by a colleague", mentionIds: "" },
      { intent: "delete", commentId },
    ];
    for (const form of notTheirs) {
      const refused = await colleague.post(path, form);
      expect(refused.status, `${form.intent}: ${refused.body.slice(0, 300)}`).toBe(403);
    }
    expect((await store.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe(question);

    const edited = await reader.post(path, { intent: "edit", commentId, body: `${question} Edited.`, mentionIds: "" });
    expect(edited.status, edited.body.slice(0, 300)).toBe(200);
    expect((await store.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe(`${question} Edited.`);
    expect((await reader.post(path, { intent: "resolve", threadId: thread.id })).status).toBe(200);
    expect((await store.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).resolvedAt).not.toBeNull();
    expect((await reader.post(path, { intent: "reopen", threadId: thread.id })).status).toBe(200);
    expect((await store.commentThread.findUniqueOrThrow({ where: { id: thread.id } })).resolvedAt).toBeNull();

    // Whoever may not read the subject, here or in another partnership: 404 for everything, nothing shown or saved.
    const before = await stateOf(c.type, id);
    const strangers: [string, HttpClient][] = [["another partnership", await signIn("teacher", ".other")]];
    if (c.outsider) strangers.push([c.outsider, await signIn(c.outsider)]);
    for (const [who, stranger] of strangers) {
      const peek = await stranger.get(path);
      expect(peek.status, `${who} GET`).toBe(404);
      expect(peek.body).not.toContain(question);
      for (const form of everyIntent(thread.id, commentId, c.anchor)) {
        const refused = await stranger.post(path, form);
        expect(refused.status, `${who} ${form.intent}: ${refused.body.slice(0, 300)}`).toBe(404);
        expect(refused.body).not.toContain(question);
      }
    }

    // Nobody signed in is sent to sign in; a foreign Origin is refused before anything runs.
    const anonymous = new HttpClient(app.origin);
    // (Single fetch answers a redirect as 202 for the fetcher to follow.)
    const signedOut = await anonymous.get(path);
    expect(signedOut.status).toBe(202);
    expect(signedOut.location).toMatch(/^\/login/);
    expect(signedOut.body).not.toContain(question);
    for (const form of everyIntent(thread.id, commentId, c.anchor)) {
      const refused = await anonymous.post(path, form);
      expect(refused.status, `signed out ${form.intent}`).toBe(202);
      expect(refused.location).toMatch(/^\/login/);
    }
    for (const form of everyIntent(thread.id, commentId, c.anchor)) {
      const forged = await reader.post(path, form, { origin: "https://evil.example" });
      expect(forged.status, `foreign Origin ${form.intent}`).toBe(403);
    }
    expect(await stateOf(c.type, id)).toBe(before);

    const deleted = await reader.post(path, { intent: "delete", commentId });
    expect(deleted.status, deleted.body.slice(0, 300)).toBe(200);
    expect(await store.comment.findUnique({ where: { id: commentId } })).toBeNull();
  });

  it("counts a list's comments in one request, only on records the reader may read", async () => {
    const c = CASES[2]!; // meeting actions: the other LSA is not in the steering group
    const id = await c.find(store, seeded);
    const reader = await signIn(c.reader);
    const started = await reader.post(`/comments/${c.type}/${id}.data`, { intent: "start", body: "Counted?" });
    expect(started.status, started.body.slice(0, 300)).toBe(200);
    const expected = await store.comment.count({ where: { thread: { subjectType: c.type, subjectId: id } } });
    const path = `/comment-counts/${c.type}?ids=${id},not-a-record`;
    const counted = await reader.get(path);
    expect(counted.status, counted.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(counted.body)).toEqual({ counts: { [id]: expected } });
    expect(JSON.parse((await (await signIn(c.outsider!)).get(path)).body)).toEqual({ counts: {} });
    expect(JSON.parse((await (await signIn(c.reader, ".other")).get(path)).body)).toEqual({ counts: {} });
    expect((await reader.get("/comment-counts/planet?ids=x")).status).toBe(404);
  });

  // A plain request (a script, a proxy's health check, anything but Remix's fetchers) gets JSON with the real status
  // too: a resource route's `data()` used to reach it wrapped, with a 200, whatever the refusal.
  it("answers plain requests, without .data, with the same statuses as the panel sees", async () => {
    const c = CASES[0]!;
    const id = await c.find(store, seeded);
    const path = `/comments/${c.type}/${id}`;
    const question = `Plain question (${provider})`;
    const reader = await signIn(c.reader);
    const listed = await reader.get(path);
    expect(listed.status, listed.body.slice(0, 300)).toBe(200);
    expect(listed.headers.get("content-type")).toMatch(/^application\/json/);
    expect(listed.headers.get("cache-control")).toBe("no-store");
    expect(JSON.parse(listed.body)).toMatchObject({ subject: { type: c.type, id } });

    const started = await reader.post(path, { intent: "start", body: question, mentionIds: "", ...c.anchor });
    expect(started.status, started.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(started.body)).toMatchObject({ intent: "start", message: "Comment added." });
    const thread = await store.commentThread.findFirstOrThrow({
      where: { subjectId: id, comments: { some: { body: question } } },
      include: { comments: true },
    });
    const commentId = thread.comments[0]!.id;
    const before = await stateOf(c.type, id);

    const refusals: Array<[string, HttpClient, string, Record<string, string>, number]> = [
      ["an empty comment", reader, path, { intent: "start", body: "  ", mentionIds: "", ...c.anchor }, 400],
      ["20,000 characters", reader, path, { intent: "start", body: "x".repeat(20_000), ...c.anchor }, 400],
      ["no intent", reader, path, { body: question }, 400],
      ["someone else's comment", await signIn(c.colleague), path, { intent: "delete", commentId }, 403],
      ["an outsider", await signIn(c.outsider!), path, { intent: "reply", threadId: thread.id, body: "Hi" }, 404],
      ["another partnership", await signIn(c.reader, ".other"), path, { intent: "resolve", threadId: thread.id }, 404],
      ["an unknown kind of subject", reader, `/comments/planet/${id}`, { intent: "delete", commentId }, 404],
      ["a reply to a deleted thread", reader, path, { intent: "reply", threadId: "gone-thread", body: "Hi" }, 410],
    ];
    for (const [what, client, address, form, status] of refusals) {
      const refused = await client.post(address, form);
      expect(refused.status, `${what}: ${refused.body.slice(0, 300)}`).toBe(status);
      expect(JSON.parse(refused.body), what).toMatchObject({ failed: true });
      expect(refused.body).not.toContain(question);
    }
    const peek = await (await signIn(c.outsider!)).get(path);
    expect(peek.status).toBe(404);
    expect(JSON.parse(peek.body)).toEqual({ unavailable: expect.stringContaining("could not find") });
    // Past the body limit, the server refuses before the route runs.
    const huge = await reader.post(path, { intent: "start", body: "x".repeat(1_100_000), ...c.anchor });
    expect(huge.status).toBe(413);
    expect(await stateOf(c.type, id)).toBe(before);
  });
});
