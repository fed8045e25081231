// Search everything, on SQLite (FTS5) and PostgreSQL (tsvector): stemming, relevance, phrases and prefixes, facets,
// the policies' visibility (an LSA, a teacher of another institution, a member of another partnership, with counts),
// hostile queries, and a co-edited body findable after an edit through the socket.
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSearchRequest, type SearchOutcome } from "~/lib/forms/search";
import { createDocument } from "~/models/collab-documents.server";
import { db } from "~/models/db.server";
import { flushSearchIndex } from "~/models/search/search-hooks.server";
import { rebuildSearchIndex } from "~/models/search/search-index.server";
import { searchEverything } from "~/models/search/search.server";
import type { Actor } from "~/policies/actor";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { openSocket, partWriter, sessionCookie, startCollabServer, TestClient, waitFor } from "./collab/harness";

const search = (actor: Actor, query: string) => searchEverything(actor, parseSearchRequest(new URLSearchParams(query)));

function hitsOf(outcome: SearchOutcome) {
  if (!outcome.ok) throw new Error(`search refused: ${outcome.message}`);
  return outcome;
}
const titles = (outcome: SearchOutcome) => hitsOf(outcome).hits.map((h) => h.title);

describe.each(PROVIDERS)("search on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));
  const ids = { deployedPlan: "", otherPlan: "" };

  beforeAll(async () => {
    const partnershipId = database.demo.partnershipId;
    const strategy = (title: string, summary: string, needs: string[]) =>
      db().strategy.create({
        data: {
          partnershipId,
          title,
          summary,
          tags: { create: needs.map((value) => ({ kind: "need", value })) },
        },
      });
    await strategy("Quillfeather prompts", "Short prompts on cards.", ["cognition_learning"]);
    await strategy(
      "Talk partners",
      "Pairs rehearse an answer before sharing; the quillfeather card is one of many prompts they can use in a long lesson.",
      ["semh"],
    );
    await strategy("Marbled heron routine", "The marbled heron method settles a class after break.", ["semh"]);
    await strategy("Calm corner", "A heron poster and marbled paper in a quiet corner.", ["semh"]);
    const course = await db().course.create({
      data: {
        partnershipId,
        title: "BTEC Sport (search)",
        kind: "qualification",
        subject: "pe_sport",
        keyStage: "ks4",
        leadInstitutionId: idOf(database.demo.institutionIds, "hollins"),
      },
    });
    const plan = (title: string, mainActivity: string) =>
      db().lessonPlan.create({ data: { partnershipId, courseId: course.id, title, mainActivity } });
    ids.deployedPlan = (await plan("Xylocarp circuits", "Differentiation of the xylocarp stations by challenge.")).id;
    ids.otherPlan = (await plan("Xylocarp relay", "Relay with xylocarp batons.")).id;
    await db().deployment.create({
      data: {
        partnershipId,
        lessonPlanId: ids.deployedPlan,
        supporterId: idOf(database.demo.userIds, "lsa"),
        mode: "group",
      },
    });
    const group = await db().meetingGroup.create({
      data: {
        partnershipId,
        name: "Sport course team (search)",
        members: { create: [{ userId: idOf(database.demo.userIds, "teacher") }] },
      },
    });
    const meeting = await db().meeting.create({
      data: { partnershipId, groupId: group.id, startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000) },
    });
    await db().meetingDecision.create({
      data: { partnershipId, groupId: group.id, meetingId: meeting.id, text: "Buy xylocarp batons for every site." },
    });
    await flushSearchIndex(db());
  });

  it("stems British English: 'differentiate' finds 'differentiation'", async () => {
    expect(titles(await search(await as("teacher"), "q=differentiate+xylocarp"))).toEqual(["Xylocarp circuits"]);
  });

  it("ranks a match in the title above one in a long description", async () => {
    expect(titles(await search(await as("teacher"), "q=quillfeather"))).toEqual([
      "Quillfeather prompts",
      "Talk partners",
    ]);
  });

  it("matches a quoted phrase only with its words together, and a prefix*", async () => {
    const teacher = await as("teacher");
    expect(titles(await search(teacher, "q=marbled+heron")).sort()).toEqual(["Calm corner", "Marbled heron routine"]);
    expect(titles(await search(teacher, `q=${encodeURIComponent('"marbled heron"')}`))).toEqual([
      "Marbled heron routine",
    ]);
    expect(titles(await search(teacher, "q=quillfeath*")).sort()).toEqual(["Quillfeather prompts", "Talk partners"]);
  });

  it("highlights the matched words in the snippet", async () => {
    const [hit] = hitsOf(await search(await as("teacher"), "q=settles")).hits;
    expect(hit?.snippet).toContain("\uE000settles\uE001");
  });

  it("counts facets after filtering, and filters by area of need and type", async () => {
    const teacher = await as("teacher");
    const all = hitsOf(await search(teacher, "q=heron"));
    expect(all.facets.need.find((f) => f.value === "semh")?.count).toBe(2);
    expect(titles(await search(teacher, "q=quillfeather&need=semh"))).toEqual(["Talk partners"]);
    const plans = hitsOf(await search(teacher, "q=xylocarp&type=plan"));
    expect(plans.total).toBe(2);
    expect(plans.facets.kind).toEqual([{ value: "plan", label: "Lesson plans", count: 2 }]);
    expect(plans.facets.keyStage.map((f) => [f.value, f.count])).toEqual([["ks4", 2]]);
  });

  it("finds a record written in a transaction that stayed open past the index's delay", async () => {
    // The refresh is asked for at the write and runs once the transaction has ended: run while it was open, it
    // would have read (on PostgreSQL) no record and left the strategy unfindable until its next change.
    await db().$transaction(async (tx) => {
      await tx.strategy.create({
        data: { partnershipId: database.demo.partnershipId, title: "Ptarmigan pairs", summary: "Slow to commit." },
      });
      await new Promise((resolve) => setTimeout(resolve, 600));
    });
    await flushSearchIndex(db());
    expect(titles(await search(await as("teacher"), "q=ptarmigan"))).toEqual(["Ptarmigan pairs"]);
  });

  it("moves a record's counts to its new facet values, and counts an entry written directly", async () => {
    const coordinator = await as("coordinator");
    const partnershipId = database.demo.partnershipId;
    const needs = async () =>
      hitsOf(await search(coordinator, "q=pangolin")).facets.need.map((f) => [f.value, f.count]);
    const strategy = await db().strategy.create({
      data: {
        partnershipId,
        title: "Pangolin pauses",
        summary: "Wait.",
        tags: { create: [{ kind: "need", value: "semh" }] },
      },
    });
    await flushSearchIndex(db());
    expect(await needs()).toEqual([["semh", 1]]);
    await db().strategy.update({
      where: { id: strategy.id },
      data: { tags: { deleteMany: {}, create: [{ kind: "need", value: "cognition_learning" }] } },
    });
    await flushSearchIndex(db());
    expect(await needs()).toEqual([["cognition_learning", 1]]);
    // Not through the index's builders: the database gives the entry its facet set all the same.
    const direct = await db().searchEntry.create({
      data: {
        partnershipId,
        kind: "document",
        recordId: `direct-${provider}`,
        title: "Pangolin notes",
        href: "/documents/direct",
        needs: "|semh|cognition_learning|",
        occurredAt: new Date(),
      },
    });
    const outcome = hitsOf(await search(coordinator, "q=pangolin"));
    expect(outcome.total).toBe(2);
    expect(outcome.facets.need.map((f) => [f.value, f.count])).toEqual([
      ["cognition_learning", 2],
      ["semh", 1],
    ]);
    expect(outcome.facets.kind.map((f) => [f.value, f.count]).sort()).toEqual([
      ["document", 1],
      ["strategy", 1],
    ]);
    await db().searchEntry.delete({ where: { id: direct.id } });
  });

  it("sorts newest first and pages through the matches, each hit once", async () => {
    const teacher = await as("teacher");
    const course = await db().course.findFirstOrThrow({ where: { title: "BTEC Sport (search)" } });
    for (const [title, day] of [
      ["Okapi warm-up", "2026-03-02"],
      ["Okapi drills", "2026-03-09"],
      ["Okapi match", "2026-03-16"],
    ] as const) {
      await db().lessonPlan.create({
        data: {
          partnershipId: database.demo.partnershipId,
          courseId: course.id,
          title,
          mainActivity: "Okapi stations.",
          lessonDate: new Date(`${day}T00:00:00Z`),
        },
      });
    }
    await flushSearchIndex(db());
    const page = async (query: string) => {
      const request = parseSearchRequest(new URLSearchParams(query));
      const outcome = hitsOf(await searchEverything(teacher, request, { pageSize: 2 }));
      return { titles: outcome.hits.map((h) => h.title), pageCount: outcome.pageCount, total: outcome.total };
    };
    expect(await page("q=okapi&sort=recent")).toEqual({
      titles: ["Okapi match", "Okapi drills"],
      pageCount: 2,
      total: 3,
    });
    expect((await page("q=okapi&sort=recent&page=2")).titles).toEqual(["Okapi warm-up"]);
    // A page past the end (an old link) shows the last page.
    expect(await page("q=okapi&sort=recent&page=9")).toEqual({ titles: ["Okapi warm-up"], pageCount: 2, total: 3 });
    const byRelevance = [...(await page("q=okapi")).titles, ...(await page("q=okapi&page=2")).titles];
    expect(byRelevance.sort()).toEqual(["Okapi drills", "Okapi match", "Okapi warm-up"]);
  });

  it("answers the header's quick search with a few hits and how many match, without counting facets", async () => {
    const request = parseSearchRequest(new URLSearchParams("q=xylocarp"));
    const quick = hitsOf(await searchEverything(await as("teacher"), request, { pageSize: 2, facets: false }));
    expect(quick.total).toBe(3);
    expect(quick.pageCount).toBe(2);
    expect(quick.hits).toHaveLength(2);
    expect(Object.values(quick.facets).flat()).toEqual([]);
    expect(hitsOf(await searchEverything(await as("lsa"), request, { facets: false })).total).toBe(1);
  });

  it("refuses a query naming a student the member may see only by initials, and finds nothing for them", async () => {
    await db().student.create({
      data: {
        partnershipId: database.demo.partnershipId,
        homeInstitutionId: idOf(database.demo.institutionIds, "hollins"),
        firstName: "Quenby",
        lastName: "Ashgrove",
        yearGroup: 9,
      },
    });
    const refused = await search(await as("lsa"), "q=%22Quenby+Ashgrove%22");
    expect(refused).toEqual({
      ok: false,
      message: "Search for a student by name only if you may see their full record.",
    });
    expect(hitsOf(await search(await as("coordinator"), "q=%22Quenby+Ashgrove%22")).total).toBe(0);
  });

  it("puts initials for the students an LSA may not see by name in titles and snippets, and drops those highlights", async () => {
    const student = (firstName: string, lastName: string) =>
      db().student.create({
        data: {
          partnershipId: database.demo.partnershipId,
          homeInstitutionId: idOf(database.demo.institutionIds, "hollins"),
          firstName,
          lastName,
          yearGroup: 8,
        },
      });
    await student("Quillon", "Brackett");
    await student("Zoë-Anne", "Fairweather");
    await db().strategy.create({
      data: {
        partnershipId: database.demo.partnershipId,
        title: "Yarrowfield games with Quillon",
        summary: "Zoë-Anne Fairweather leads the yarrowfield warm-up.",
      },
    });
    await flushSearchIndex(db());
    const [lsaHit] = hitsOf(await search(await as("lsa"), "q=yarrowfield")).hits;
    expect(lsaHit?.title).toBe("Yarrowfield games with Q. B.");
    expect(lsaHit?.snippet).toContain("Z. F. leads the yarrowfield");
    expect(lsaHit?.snippet).not.toMatch(/\uE000|Zoë|Fairweather/);
    const [coordinatorHit] = hitsOf(await search(await as("coordinator"), "q=yarrowfield")).hits;
    expect(coordinatorHit?.title).toBe("Yarrowfield games with Quillon");
    expect(coordinatorHit?.snippet).toContain("Zoë-Anne Fairweather leads the \uE000yarrowfield\uE001");
  });

  it("shows an LSA only the plans they are deployed in, in the hits and the counts", async () => {
    const outcome = hitsOf(await search(await as("lsa"), "q=xylocarp"));
    expect(outcome.hits.map((h) => h.href)).toEqual([`/plans/${ids.deployedPlan}`]);
    expect(outcome.total).toBe(1);
    expect(outcome.facets.kind).toEqual([{ value: "plan", label: "Lesson plans", count: 1 }]);
  });

  it("keeps a closed group's decisions to its members: a teacher of another institution sees the plans only", async () => {
    const member = hitsOf(await search(await as("teacher"), "q=xylocarp"));
    expect(member.facets.kind.map((f) => [f.value, f.count]).sort()).toEqual([
      ["decision", 1],
      ["plan", 2],
    ]);
    const outsider = hitsOf(await search(await as("teacherFe"), "q=xylocarp"));
    expect(outsider.hits.map((h) => h.kind)).toEqual(["plan", "plan"]);
    expect(outsider.total).toBe(2);
  });

  it("shows a member of another partnership nothing of this one", async () => {
    const stranger = await actorOf(idOf(database.other.userIds, "coordinator"));
    const outcome = hitsOf(await search(stranger, "q=xylocarp"));
    expect(outcome.total).toBe(0);
    expect(outcome.hits).toEqual([]);
    expect(Object.values(outcome.facets).flat()).toEqual([]);
  });

  it("answers hostile queries with results or a clear message, never an error", async () => {
    const teacher = await as("teacher");
    const hostile = [
      'xylocarp" OR "',
      "NEAR(xylocarp relay)",
      "xylocarp AND -relay",
      "title:xylocarp",
      "x* * ** ^xylocarp {relay}",
      '\'; DROP TABLE "SearchEntry"; --',
      '"unbalanced quote xylocarp',
      "xylocarp:* & !relay | (",
      "🏃‍♀️ xylocarp 🏅",
      "🏃‍♀️🏅",
      "a".repeat(10_240),
      "xylocarp ".repeat(200),
      "\u0000\uE000\uE001",
    ];
    for (const query of hostile) {
      const outcome = await search(teacher, `q=${encodeURIComponent(query)}`);
      if (outcome.ok) expect(outcome.total, query).toBeGreaterThanOrEqual(0);
      else expect(outcome.message, query).toMatch(/^(Search|Type)/);
    }
    expect(hitsOf(await search(teacher, `q=${encodeURIComponent('"unbalanced xylocarp')}`)).total).toBe(0);
    expect(hitsOf(await search(teacher, `q=${encodeURIComponent("🏃 xylocarp relay")}`)).total).toBe(1);
  });

  it("rebuilds the index from the records", async () => {
    await db().searchEntry.deleteMany({ where: { partnershipId: database.demo.partnershipId } });
    expect(hitsOf(await search(await as("teacher"), "q=xylocarp")).total).toBe(0);
    await rebuildSearchIndex(db());
    expect(hitsOf(await search(await as("teacher"), "q=xylocarp")).total).toBe(3);
  });

  it("still indexes a document the editor cannot read, from its raw text, and the rebuild goes on", async () => {
    const teacher = await as("teacher");
    const document = await createDocument(teacher, {
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: `unreadable-${provider}`,
      title: "Old minutes",
    });
    // A node type nobody registered, stored as if written before the server checked changes.
    const bad = new Y.Doc();
    const node = new Y.XmlText();
    node.setAttribute("__type", "marquee");
    node.insert(0, "Zanthoxylum visit notes");
    bad.get("root", Y.XmlText).insertEmbed(0, node);
    await db().collabUpdate.create({
      data: { documentId: document.id, data: new Uint8Array(Y.encodeStateAsUpdate(bad)), userId: null },
    });
    await rebuildSearchIndex(db());
    expect(hitsOf(await search(teacher, "q=zanthoxylum")).hits.map((h) => h.href)).toEqual([
      `/documents/${document.id}`,
    ]);
    expect(hitsOf(await search(teacher, "q=xylocarp")).total).toBe(3);
  });

  describe("a co-edited document", () => {
    let server: Awaited<ReturnType<typeof startCollabServer>>;
    const clients: TestClient[] = [];
    beforeAll(async () => {
      server = await startCollabServer({ unloadAfterMs: 0, projectAfterMs: 50 });
    });
    afterAll(async () => {
      for (const c of clients) c.stop();
      await server?.close();
    });

    it("becomes findable by its text after an edit through the socket", async () => {
      const teacher = await as("teacher");
      const document = await createDocument(teacher, {
        ownerType: PARTNERSHIP_DOCUMENT,
        ownerId: `search-${provider}`,
        title: "Transition handbook",
      });
      const client = new TestClient(openSocket(server.origin, await sessionCookie(teacher.id)), document.id, "Sarah");
      clients.push(client.start());
      await waitFor(() => client.provider.isSynced, 10_000, "synced");
      expect(hitsOf(await search(teacher, "q=quokkaphile")).total).toBe(0);
      await partWriter(client, "root").type("Every quokkaphile visits before September.");
      await waitFor(
        async () => {
          const outcome = await search(teacher, "q=quokkaphile");
          return outcome.ok && outcome.hits[0]?.href === `/documents/${document.id}`;
        },
        15_000,
        "the document in the results",
      );
    });
  });
});
