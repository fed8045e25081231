// The writing warning's name checks, asked too often by one member through two server processes sharing the
// database (with Redis on PostgreSQL, as the scale-out path runs): exactly the allowance is answered, across both
// processes together, and the rest are refused with 429, Retry-After and a message saying what to do; another
// member's checks still pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NAME_CHECKS_PER_MEMBER } from "~/models/student-names.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { PROVIDERS, redisUrl, seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";

const OVER = 10;

describe.each(PROVIDERS)("name checks of one member through two server processes on %s", (provider) => {
  let a: AppProcess;
  let b: AppProcess;

  beforeAll(async () => {
    const { url: databaseUrl } = await seededDatabase(provider);
    const options = { databaseUrl, seedDemo: false, redisUrl: provider === "postgresql" ? redisUrl() : undefined };
    [a, b] = await Promise.all([startApp(options), startApp(options)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  showServerOutputOnFailure(() => a, "process A");
  showServerOutputOnFailure(() => b, "process B");

  it("answers the allowance across both processes, then refuses with 429 and Retry-After", async () => {
    const sarahOnA = await signedInClient(a.origin, demoUser("teacher").email, DEMO_PASSWORD);
    const sarahOnB = sarahOnA.clone(b.origin);
    const limit = NAME_CHECKS_PER_MEMBER.maxFailures;
    const responses = await Promise.all(
      Array.from({ length: limit + OVER }, (_, i) =>
        (i % 2 ? sarahOnA : sarahOnB).post("/student-names", { text: `Callum Reid, note ${i}` }),
      ),
    );
    const answered = responses.filter((res) => res.status === 200);
    const refused = responses.filter((res) => res.status === 429);
    expect(answered).toHaveLength(limit);
    expect(refused).toHaveLength(OVER);
    for (const res of refused) {
      const retryAfter = Number(res.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      // A minute from the request that reached the limit, which may have been read a moment after this one.
      expect(retryAfter).toBeLessThanOrEqual(NAME_CHECKS_PER_MEMBER.blockMs / 1000 + 1);
      expect(res.headers.get("cache-control")).toContain("no-store");
      expect(JSON.parse(res.body)).toEqual({
        error: "Too many checks for student names from your account in the last minute: wait a minute and try again.",
        students: [],
      });
    }
    // The answered ones are real answers: Callum is of Sarah's own school.
    expect(JSON.parse(answered[0]!.body).students).toContainEqual(expect.objectContaining({ firstName: "Callum" }));
    // Still refused on either process; a colleague's own allowance is untouched.
    expect((await sarahOnA.post("/student-names", { text: "Callum" })).status).toBe(429);
    expect((await sarahOnB.post("/student-names", { text: "Callum" })).status).toBe(429);
    const tom = await signedInClient(b.origin, demoUser("teacherFe").email, DEMO_PASSWORD);
    expect((await tom.post("/student-names", { text: "Callum" })).status).toBe(200);
  });
});
