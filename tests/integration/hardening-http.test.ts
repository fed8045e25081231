// Input hardening, checked against the real production server over HTTP: request bodies over their limit refused
// before they are read (the server stays responsive and its memory flat), only form bodies accepted, uploads limited
// in parts and bytes, sign-in redirects that never leave the site, odd page numbers, control characters and
// impossible dates refused per field, and the caching and transport headers.
import http from "node:http";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_CHARACTERS_MESSAGE } from "~/lib/forms/fields";
import { createDb, type Db } from "~/models/db.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { HttpClient, signedInClient } from "../support/http-client";
import { createLessonFixture, dayFromToday, type LessonFixture } from "../support/lesson-plan-fixtures";

let app: AppProcess;
let store: Db;
let fixture: LessonFixture;

beforeAll(async () => {
  const { url: databaseUrl, demo } = await seededDatabase("sqlite");
  store = createDb(databaseUrl);
  fixture = await createLessonFixture(store, demo);
  app = await startApp({ databaseUrl, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await store?.$disconnect();
  await app?.stop();
});

showServerOutputOnFailure(() => app);

const MiB = 1024 * 1024;
const signIn = (key: Parameters<typeof demoUser>[0]) => signedInClient(app.origin, demoUser(key).email, DEMO_PASSWORD);

/** The server process's resident memory, in bytes (Linux). */
function residentBytes(): number {
  const status = fs.readFileSync(`/proc/${app.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function healthzAnswersWithin(ms: number): Promise<boolean> {
  const res = await fetch(app.url("/healthz"), { signal: AbortSignal.timeout(ms), headers: { connection: "close" } });
  return res.status === 200;
}

interface StreamedPost {
  status: number | "reset";
  body: string;
  /** Bytes of the body written before the server answered or closed the connection. */
  sent: number;
}

/**
 * Posts up to `total` bytes of `chunk`, a chunk at a time as the socket takes them, and stops at the server's answer;
 * with `declareLength` the Content-Length says `total`, otherwise the body is chunked.
 */
function streamPost(
  pathname: string,
  options: { total: number; declareLength: boolean; contentType?: string; headers?: Record<string, string> },
): Promise<StreamedPost> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const req = http.request(app.url(pathname), {
      method: "POST",
      headers: {
        origin: app.origin,
        accept: "text/html",
        "content-type": options.contentType ?? "application/x-www-form-urlencoded",
        ...(options.declareLength ? { "content-length": String(options.total) } : {}),
        ...options.headers,
      },
    });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => (body += text));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on("error", () => {
      if (!answered) resolve({ status: "reset", body: "", sent });
    });
    const write = () => {
      while (!answered && !req.destroyed && sent < options.total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (sent >= options.total) req.end();
    };
    write();
  });
}

describe("a request body over its limit", () => {
  it("is refused with 413 from its declared length, before the body is read, and /healthz answers promptly", async () => {
    const before = residentBytes();
    const attempts = await Promise.all(
      [1, 2, 3, 4].map(() => streamPost("/login", { total: 200 * MiB, declareLength: true })),
    );
    for (const attempt of attempts) {
      expect(attempt.status).toBe(413);
      expect(attempt.body).toContain("That was too much to send");
      // The answer came while the client had sent a sliver of its 200 MB.
      expect(attempt.sent).toBeLessThan(20 * MiB);
    }
    expect(await healthzAnswersWithin(2_000)).toBe(true);
    expect(residentBytes() - before).toBeLessThan(64 * MiB);
  });

  it("is cut off at the limit when it is chunked (no declared length), with the server's memory flat", async () => {
    const before = residentBytes();
    const pending = streamPost("/login", { total: 64 * MiB, declareLength: false });
    expect(await healthzAnswersWithin(2_000)).toBe(true);
    const attempt = await pending;
    expect([413, "reset"]).toContain(attempt.status);
    expect(attempt.sent).toBeLessThan(32 * MiB);
    expect(await healthzAnswersWithin(2_000)).toBe(true);
    expect(residentBytes() - before).toBeLessThan(64 * MiB);
  });

  it("still lets a normal sign-in through", async () => {
    const res = await new HttpClient(app.origin).signIn(demoUser("teacher").email, DEMO_PASSWORD);
    expect(res.status).toBe(302);
  });
});

describe("a body that is not a form", () => {
  const post = (contentType: string, body: string) =>
    fetch(app.url("/login"), {
      method: "POST",
      headers: { origin: app.origin, "content-type": contentType },
      body,
      redirect: "manual",
    });

  it("is refused with 415 when it is JSON or text, and 400 when multipart has no boundary", async () => {
    expect((await post("application/json", JSON.stringify({ email: "a@b.example", password: "x" }))).status).toBe(415);
    expect((await post("text/plain", "email=a@b.example")).status).toBe(415);
    expect((await post("multipart/form-data", "--x\r\n\r\n")).status).toBe(400);
    const untyped = await fetch(app.url("/logout"), { method: "POST", headers: { origin: app.origin } });
    expect(untyped.status).toBe(415);
  });
});

/** A multipart body of the given parts, sent with its length declared. */
function multipart(parts: { name: string; filename?: string; content: Buffer }[]) {
  const boundary = "----staffroom-test-boundary";
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        (part.filename ? `; filename="${part.filename}"\r\nContent-Type: application/pdf` : "") +
        "\r\n\r\n",
    ),
    part.content,
    Buffer.from("\r\n"),
  ]);
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("an upload", () => {
  async function createPlan(teacher: HttpClient): Promise<string> {
    const res = await teacher.post(`/courses/${fixture.courseId}/plans/new`, {
      title: "Uploads under attack",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate: dayFromToday(7),
      startTime: "09:15",
      durationMinutes: "60",
    });
    expect(res.status, res.body.slice(0, 500)).toBe(302);
    return res.location!.split("/").pop()!;
  }

  const send = (client: HttpClient, planId: string, form: ReturnType<typeof multipart>) =>
    fetch(app.url(`/plans/${planId}`), {
      method: "POST",
      headers: { cookie: client.cookieHeader(), origin: app.origin, "content-type": form.contentType },
      body: form.body,
      redirect: "manual",
    });

  it("with many parts is refused with 413, and nothing is stored", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher);
    const parts = [
      { name: "intent", content: Buffer.from("add-file") },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `extra${i}`, content: Buffer.from("x") })),
      { name: "file", filename: "Worksheet.pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n") },
    ];
    const res = await send(teacher, planId, multipart(parts));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("more than one form can send");
    expect(await store.lessonResource.count({ where: { lessonPlanId: planId } })).toBe(0);
  });

  it("with several 5 MB files is refused with 413 before it is read", async () => {
    const teacher = await signIn("teacher");
    const planId = await createPlan(teacher);
    const file = Buffer.alloc(5 * 1000 * 1000, "a");
    const form = multipart([
      { name: "intent", content: Buffer.from("add-file") },
      ...[1, 2, 3, 4].map((i) => ({ name: "file", filename: `part${i}.pdf`, content: file })),
    ]);
    const attempt = await streamPost(`/plans/${planId}`, {
      total: form.body.byteLength,
      declareLength: true,
      contentType: form.contentType,
      headers: { cookie: teacher.cookieHeader() },
    });
    expect(attempt.status).toBe(413);
    expect(await store.lessonResource.count({ where: { lessonPlanId: planId } })).toBe(0);
  });
});

describe("the sign-in redirect", () => {
  it.each([
    ["an encoded tab (/%09/evil.example, as the form posts it decoded)", "/\t/evil.example"],
    ["a protocol-relative address", "//evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a carriage return and line feed", "/home\r\nSet-Cookie: stolen=1"],
    ["an absolute address", "https://evil.example/"],
  ])("never leaves the site for %s", async (_what, redirectTo) => {
    const browser = new HttpClient(app.origin);
    const res = await browser.signIn(demoUser("teacher").email, DEMO_PASSWORD, redirectTo);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/home");
    expect(res.setCookies.map((c) => c.name)).not.toContain("stolen");
    const again = await browser.get(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
    expect(again.location).toBe("/home");
  });

  it("still goes back to the page that asked for sign-in", async () => {
    const res = await new HttpClient(app.origin).signIn(
      demoUser("teacher").email,
      DEMO_PASSWORD,
      "/courses?sort=recent",
    );
    expect(res.location).toBe("/courses?sort=recent");
  });
});

describe("a list asked for an odd page", () => {
  it.each(["/courses", "/students", "/deployments", "/audit", "/documents", "/strategies"])(
    "%s shows its first page for 1e300, -1 and NaN",
    async (list) => {
      const coordinator = await signIn("coordinator");
      for (const page of ["1e300", "-1", "NaN", "0", "1.5"]) {
        const res = await coordinator.get(`${list}?page=${page}`);
        expect(res.status, `${list}?page=${page}`).toBe(200);
      }
    },
  );
});

describe("form text and dates", () => {
  it("refuses a NUL or another control character in a title with a message beside the field", async () => {
    const teacher = await signIn("teacher");
    for (const title of ["Behaviour plan\u0000", "Behaviour\u001b plan"]) {
      const res = await teacher.post("/documents", { title });
      expect(res.status).toBe(400);
      expect(res.body).toContain(CONTROL_CHARACTERS_MESSAGE);
    }
    expect(await store.collabDocument.count({ where: { title: { startsWith: "Behaviour" } } })).toBe(0);
  });

  it.each([
    ["31 February", "2027-02-31", "Enter a date that exists"],
    ["the year 9999", "9999-12-31", "Choose a date before"], // the lesson window of lesson-dates.ts
  ])("refuses a lesson on %s", async (_what, lessonDate, message) => {
    const teacher = await signIn("teacher");
    const res = await teacher.post(`/courses/${fixture.courseId}/plans/new`, {
      title: "A lesson that cannot happen",
      unitId: fixture.unitId,
      groupId: fixture.groupId,
      lessonDate,
      startTime: "09:15",
      durationMinutes: "60",
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain(message);
    expect(await store.lessonPlan.count({ where: { title: "A lesson that cannot happen" } })).toBe(0);
  });
});

describe("response headers", () => {
  it("mark a page's data (.data) no-store, and HSTS covers subdomains", async () => {
    const teacher = await signIn("teacher");
    const res = await teacher.get("/courses.data");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("strict-transport-security")).toBe("max-age=15552000; includeSubDomains");
  });
});

describe("the server's log", () => {
  it("is one JSON object a line, refusals and cut-off bodies included", () => {
    const lines = app.output().split("\n").filter(Boolean);
    expect(lines.some((line) => line.includes("request body refused"))).toBe(true);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
  });
});
