// The comment counts of a list of records (a meeting's actions, a strategy's ratings), on SQLite and PostgreSQL: each
// record's number of comments, only for those the reader may read, and the same few SQL statements for one record as
// for every record of the page (counted at the database drivers, like bench:pages does).
import { describe, expect, it } from "vitest";
import type { CommentSubjectType } from "~/lib/comments";
import { countComments, replyToThread, requireCommentSubject, startThread } from "~/models/comments.server";
import { db } from "~/models/db.server";
import type { Actor } from "~/policies/actor";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { statementsOf } from "../support/statements";

describe.each(PROVIDERS)("comment counts on %s", (provider) => {
  const database = useModelDatabase(provider);
  const as = (key: string) => actorOf(idOf(database.demo.userIds, key));

  /** Gives the records 0, 1, 2, 3, ... comments in turn (one thread, then replies) and returns what each has. */
  async function comment(actor: Actor, type: CommentSubjectType, ids: string[]) {
    const expected: Record<string, number> = {};
    for (const [index, id] of ids.entries()) {
      const access = await requireCommentSubject(actor, type, id);
      const stored = () => db().comment.count({ where: { thread: { subjectType: type, subjectId: id } } });
      const before = await stored();
      if (index > 0) {
        const context = { actor, ipAddress: "" };
        const input = { body: `Counted ${index}`, mentionIds: [], part: "", anchorStart: "", anchorEnd: "", quote: "" };
        const threadId = await startThread(context, access, input);
        for (let reply = 1; reply < index; reply += 1) {
          await replyToThread(context, access, { threadId, body: `Reply ${reply}`, mentionIds: [] });
        }
      }
      expected[id] = await stored();
      expect(expected[id]).toBe(before + index);
    }
    return expected;
  }

  it("counts each of a meeting's actions, for a member of the group only, in as many statements as for one", async () => {
    const teacher = await as("teacher");
    const actions = await db().meetingAction.findMany({
      where: { partnershipId: teacher.partnershipId },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(actions.length).toBeGreaterThanOrEqual(4);
    const ids = actions.map((a) => a.id);
    const expected = await comment(teacher, "meeting-action", ids);

    const all = await statementsOf(() => countComments(teacher, "meeting-action", [...ids, "not-a-record"]));
    expect(all.result).toEqual(expected);
    const one = await statementsOf(() => countComments(teacher, "meeting-action", [ids[2]!]));
    expect(one.result).toEqual({ [ids[2]!]: expected[ids[2]!] });
    expect(one.statements).toBeGreaterThan(0);
    expect(all.statements).toBe(one.statements);

    // Aisha is not in the steering group; another partnership sees nothing of this one.
    expect(await countComments(await as("lsaDeaf"), "meeting-action", ids)).toEqual({});
    expect(await countComments(await actorOf(idOf(database.other.userIds, "teacher")), "meeting-action", ids)).toEqual(
      {},
    );
  });

  it("counts each of the ratings of the partnership's strategies in as many statements as for one", async () => {
    const lsa = await as("lsaDeaf");
    const ratings = await db().strategyRating.findMany({
      where: { strategy: { partnershipId: lsa.partnershipId } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 6,
    });
    expect(ratings.length).toBeGreaterThanOrEqual(4);
    const ids = ratings.map((r) => r.id);
    const expected = await comment(lsa, "strategy-rating", ids);

    const all = await statementsOf(() => countComments(lsa, "strategy-rating", ids));
    expect(all.result).toEqual(expected);
    const one = await statementsOf(() => countComments(lsa, "strategy-rating", [ids[3]!]));
    expect(one.result).toEqual({ [ids[3]!]: expected[ids[3]!] });
    expect(all.statements).toBe(one.statements);
    expect(await countComments(await actorOf(idOf(database.other.userIds, "teacher")), "strategy-rating", ids)).toEqual(
      {},
    );
  });
});
