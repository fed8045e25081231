// The strategies dashboard as the page asks for it (its first rows, ranked in SQL) against the whole table (the CSV),
// on SQLite and PostgreSQL: the same first rows in the same order when thirty strategies tie across the cut, the count
// of all of them, and the heads' ranking still counting a rated strategy below the cut whose title names a study
// strategy (spelt with a Kelvin sign, which only JavaScript lower-cases to "k").
import { describe, expect, it } from "vitest";
import { ROWS_SHOWN, type DashboardTable } from "~/lib/dashboards";
import { db } from "~/models/db.server";
import { strategiesDashboard } from "~/models/dashboard-strategies.server";
import { dashboardScopeFor } from "~/policies/dashboard";
import { PROVIDERS } from "../support/databases";
import { actorOf, useModelDatabase } from "../support/model-database";

const RANGE = { from: "2026-09-01", to: "2026-12-31" };
/** "Student trac" + KELVIN SIGN + "ing": JavaScript lower-cases the sign to "k", SQL's ASCII lower case does not. */
const KELVIN_TITLE = "Student trac\u212Aing by phone";

async function buildFixture() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const pid = (await db().partnership.create({ data: { name: "Ranking Partnership", slug: `ranking-${suffix}` } })).id;
  const institutionId = (await db().institution.create({ data: { partnershipId: pid, name: "Ashby", kind: "school" } }))
    .id;
  const user = async (key: string, role: string) =>
    (
      await db().user.create({
        data: { partnershipId: pid, institutionId, role, name: key, email: `${key}.${suffix}@ranking.example` },
      })
    ).id;
  const coord = await user("coord", "coordinator");
  const raters = [coord, await user("t1", "teacher"), await user("t2", "teacher")];
  const rated = async (title: string, ratings: number[]) => {
    const strategy = await db().strategy.create({ data: { partnershipId: pid, title, summary: "" } });
    for (const [i, rating] of ratings.entries()) {
      await db().strategyRating.create({
        data: { strategyId: strategy.id, userId: raters[i]!, rating, updatedAt: new Date("2026-10-06T12:00:00Z") },
      });
    }
  };
  await rated("Worked examples", [5, 5]);
  // Thirty ties on mean and ratings across the cut, in mixed case: a binary order would put "Zebra" before "apple".
  for (let i = 0; i < 30; i++) await rated(`${i % 2 === 0 ? "tie" : "Tie"} ${String(i).padStart(2, "0")}`, [4, 4]);
  await rated("Zebra crossing", [4, 4]);
  await rated("apple tasting", [4, 4]);
  // 13/3 is shown as 4.33: ranked above the ties, below the fives.
  await rated("Review days with parents", [5, 4, 4]);
  await rated(KELVIN_TITLE, [2]);
  return { coord };
}

const cells = (tables: DashboardTable[], id: string) => tables.find((t) => t.id === id)!.rows.map((r) => r.cells);

describe.each(PROVIDERS)("the strategies dashboard's first rows on %s", (provider) => {
  useModelDatabase(provider);
  let query: Parameters<typeof strategiesDashboard>[0];

  it("builds a partnership of thirty-five rated strategies", async () => {
    const { coord } = await buildFixture();
    const actor = await actorOf(coord);
    query = { actor, scope: dashboardScopeFor(actor)!, range: RANGE };
  });

  it("shows the whole table's first rows, in its order, and says how many there are", async () => {
    const whole = await strategiesDashboard(query);
    const page = await strategiesDashboard(query, ROWS_SHOWN);
    const all = whole.find((t) => t.id === "per-strategy")!;
    const first = page.find((t) => t.id === "per-strategy")!;
    expect(all.rows).toHaveLength(35);
    expect(all.totalRows, "the whole table is not marked").toBeUndefined();
    expect(first.totalRows).toBe(35);
    expect(first.rows).toEqual(all.rows.slice(0, ROWS_SHOWN));
    expect(cells(page, "per-strategy").map((c) => c.strategy)).toEqual([
      "Worked examples",
      "Review days with parents",
      "apple tasting",
      ...Array.from({ length: 22 }, (_, i) => `${i % 2 === 0 ? "tie" : "Tie"} ${String(i).padStart(2, "0")}`),
    ]);
    expect(cells(whole, "per-strategy").slice(1, 2)).toEqual([
      { strategy: "Review days with parents", uses: 0, ratings: 3, mean: 4.33, low: 4, high: 5, sd: 0.47 },
    ]);
    expect(cells(whole, "per-strategy").slice(-2)).toEqual([
      { strategy: "Zebra crossing", uses: 0, ratings: 2, mean: 4, low: 4, high: 4, sd: 0 },
      { strategy: KELVIN_TITLE, uses: 0, ratings: 1, mean: 2, low: 2, high: 2, sd: 0 },
    ]);
  });

  it("counts every rated strategy in the heads' ranking, whichever rows the page shows", async () => {
    const whole = cells(await strategiesDashboard(query), "heads-ranking");
    const page = cells(await strategiesDashboard(query, ROWS_SHOWN), "heads-ranking");
    expect(page).toEqual(whole);
    expect(page.find((r) => r.strategy === "Student tracking")).toMatchObject({
      ours: KELVIN_TITLE,
      ratings: 1,
      mean: 2,
    });
    expect(page.find((r) => r.strategy === "Review days")).toMatchObject({
      ours: "Review days with parents",
      ratings: 3,
      mean: 4.33,
    });
  });
});
