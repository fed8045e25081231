// The coordinator's audit page says whether the partnership's audit log still verifies, and names the broken link
// when an entry was changed behind Staffroom's back; another partnership's tampering does not show on it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { signedInClient } from "../support/http-client";

let app: AppProcess;
let store: Db;

beforeAll(async () => {
  const { url: databaseUrl } = await seededDatabase("sqlite");
  store = createDb(databaseUrl);
  app = await startApp({ databaseUrl, seedDemo: false });
});

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const coordinatorEmail = demoUser("coordinator").email;

describe("the audit page's verification", () => {
  it("tells the coordinator the audit log is verified", async () => {
    const coordinator = await signedInClient(app.origin, coordinatorEmail, DEMO_PASSWORD);
    const page = await coordinator.get("/audit");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Audit log verified");
    expect(page.body).not.toContain("tampered");
  });

  it("names the changed entry when another partnership's log was tampered with, and only there", async () => {
    // Signing in writes the other partnership's first chained entry; then someone edits its address in the database.
    const otherEmail = `${coordinatorEmail}.other`;
    const other = await signedInClient(app.origin, otherEmail, DEMO_PASSWORD);
    const user = await store.user.findUniqueOrThrow({ where: { email: otherEmail } });
    const entry = await store.auditEvent.findFirstOrThrow({ where: { action: "sign-in", subjectId: user.id } });
    await store.auditEvent.update({ where: { id: entry.id }, data: { ipAddress: "198.51.100.7" } });

    const page = await other.get("/audit");
    expect(page.body).toContain("The audit log has been tampered with");
    expect(page.body).toContain(`id ${entry.id}) was changed after it was recorded`);
    expect((await (await signedInClient(app.origin, coordinatorEmail, DEMO_PASSWORD)).get("/audit")).body).toContain(
      "Audit log verified",
    );
  });
});
