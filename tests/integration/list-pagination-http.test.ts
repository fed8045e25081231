// The shared documents list pages through the shared Pagination links: 25 a page, the search kept in each link, and
// the last page without a next link; through the real built server on SQLite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";

let app: AppProcess;
let store: Db;

beforeAll(async () => {
  const seeded = await seededDatabase("sqlite");
  store = createDb(seeded.url);
  await store.collabDocument.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      partnershipId: seeded.demo.partnershipId,
      ownerType: PARTNERSHIP_DOCUMENT,
      ownerId: `pagination-${i}`,
      title: `Minibus rota ${String(i + 1).padStart(2, "0")}`,
    })),
  });
  app = await startApp({ databaseUrl: seeded.url, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

describe("the shared documents list", () => {
  it("pages through a search with links that keep it", async () => {
    const teacher = await signedInClient(app.origin, demoUser("teacher").email, DEMO_PASSWORD);
    const first = await teacher.get("/documents?q=Minibus+rota");
    expect(first.status).toBe(200);
    expect(first.body).toMatch(/<nav class="pagination" aria-label="Document pages">/);
    expect(first.body).toMatch(/Page (<!-- -->)?1(<!-- -->)? of (<!-- -->)?2/);
    expect(first.body).toContain('href="/documents?q=Minibus+rota&amp;page=2"');
    expect(first.body).not.toContain("Previous page");
    // Each title is in the table and in the page's data: counted once.
    const titles = (body: string) => new Set(body.match(/Minibus rota \d\d/g));
    expect(titles(first.body).size).toBe(25);

    const second = await teacher.get("/documents?q=Minibus+rota&page=2");
    expect(second.body).toMatch(/Page (<!-- -->)?2(<!-- -->)? of (<!-- -->)?2/);
    expect(second.body).toContain('href="/documents?q=Minibus+rota&amp;page=1"');
    expect(second.body).not.toContain("Next page");
    expect(titles(second.body).size).toBe(5);
  });
});
