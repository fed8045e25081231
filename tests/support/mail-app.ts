// The built server with email switched on, beside a real SMTP server the test starts, on a seeded database that this
// test process also reads and writes. The process reads the mail settings the server reads (the same public address
// and unsubscribe key), so what it builds (digests, links) matches what the server sends. Call at the top of a file or
// a describe block: it registers the hooks that start and stop everything.
import { afterAll, beforeAll } from "vitest";
import { disconnectDb, useDatabase, type DatabaseProvider } from "~/models/db.server";
import { showServerOutputOnFailure, startApp, type AppProcess } from "./app-process";
import { seededDatabase, type SeededDatabase } from "./databases";
import { useProcessEnv } from "./process-env";
import { startSmtpServer, type TestSmtpServer } from "./smtp-server";

export interface MailApp {
  smtp: TestSmtpServer;
  app: AppProcess;
  seeded: SeededDatabase;
}

/** Starts the mail set-up before the block's tests and stops it after; the getter gives it to the tests. */
export function useMailApp(provider: DatabaseProvider, unsubscribeKey: string): () => MailApp {
  const mailEnv = {
    PUBLIC_URL: "http://staffroom.test",
    UNSUBSCRIBE_KEY: unsubscribeKey,
    MAIL_FROM: "Staffroom <staffroom@school.example>",
  };
  useProcessEnv(mailEnv);
  let current: MailApp | undefined;
  let app: AppProcess | undefined;
  let smtp: TestSmtpServer | undefined;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const seeded = await seededDatabase(provider);
    await useDatabase(seeded.url);
    app = await startApp({
      databaseUrl: seeded.url,
      seedDemo: false,
      env: { ...mailEnv, SMTP_URL: smtp.url, MAIL_POLL_MS: "200", NOTIFICATION_SCHEDULE_MINUTES: "0" },
    });
    current = { smtp, app, seeded };
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    await smtp?.close();
    await disconnectDb();
  });

  showServerOutputOnFailure(() => app);

  return () => {
    if (!current) throw new Error("the mail app is not started yet: read it inside a test");
    return current;
  };
}
