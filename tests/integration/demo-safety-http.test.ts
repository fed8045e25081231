// The demo partnership cannot become a back door (issue 14, finding 2): its members see a banner on every page and
// the sign-in page says the demo is there; its published password works only on the computer Staffroom runs on unless
// SEED_DEMO=true opens it up; and the set-up link the server prints at start makes a real partnership, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/models/db.server";
import { hashToken } from "~/lib/tokens.server";
import { DEMO_PASSWORD, demoUser } from "../../prisma/seed-data";
import { showServerOutputOnFailure, startApp, type AppProcess } from "../support/app-process";
import { seededDatabase } from "../support/databases";
import { setUpTwoStep } from "../support/two-step";
import { HttpClient, SESSION_COOKIE } from "../support/http-client";

const BANNER = "This is the demo partnership.";
const SIGN_IN_NOTICE = "This Staffroom holds the demo partnership.";

let guarded: AppProcess;
let openDemo: AppProcess;
let store: Db;

beforeAll(async () => {
  const { url } = await seededDatabase("sqlite");
  store = createDb(url);
  // Both behind one proxy, so a test can be a client elsewhere; only the second is started with SEED_DEMO=true.
  [guarded, openDemo] = await Promise.all([
    startApp({ databaseUrl: url, seedDemo: false, env: { TRUST_PROXY_HOPS: "1" } }),
    startApp({ databaseUrl: url, seedDemo: true, env: { TRUST_PROXY_HOPS: "1" } }),
  ]);
});

afterAll(async () => {
  await store?.$disconnect();
  await Promise.all([guarded?.stop(), openDemo?.stop()]);
});

showServerOutputOnFailure(() => guarded, "SEED_DEMO=false");
showServerOutputOnFailure(() => openDemo, "SEED_DEMO=true");

/** A request as the one proxy forwards it from a client at `address`. */
const from = (address: string) => ({ headers: { "x-forwarded-for": address } });

/** The set-up link a server printed in its log at start. */
function printedSetupPath(app: AppProcess): string {
  const match = /"setupLink":"[^"]*(\/setup\/[A-Za-z0-9_-]+)"/.exec(app.output());
  if (!match?.[1]) throw new Error(`no set-up link in the server log:\n${app.output()}`);
  return match[1];
}

const SETUP_FORM = {
  partnershipName: "Riverside Learning Partnership",
  institutionName: "Riverside Academy",
  institutionKind: "secondary_school",
  coordinatorName: "Priya Natarajan",
  email: "priya.natarajan@riverside.example",
  password: "kettle harbour lantern meadow",
  confirmPassword: "kettle harbour lantern meadow",
};

describe("demo sign-in away from this computer", () => {
  it("is refused with a message, audited and logged, when SEED_DEMO is not set to true", async () => {
    const { email } = demoUser("coordinator");
    const browser = new HttpClient(guarded.origin);
    const res = await browser.signIn(email, DEMO_PASSWORD, undefined, from("198.51.100.40"));
    expect(res.status).toBe(403);
    expect(res.body).toContain("Demo accounts can sign in only on the computer Staffroom runs on");
    expect(browser.cookie(SESSION_COOKIE)).toBeUndefined();
    const user = await store.user.findUniqueOrThrow({ where: { email } });
    const refusal = await store.auditEvent.findFirst({
      where: { action: "sign-in.refused", subjectId: user.id, ipAddress: "198.51.100.40" },
    });
    expect(refusal).not.toBeNull();
    const refusalLogged = () =>
      guarded
        .output()
        .split("\n")
        .some(
          (line) =>
            line.includes('"message":"request refused"') &&
            line.includes('"status":403,"method":"POST","path":"/login"'),
        );
    await expect.poll(refusalLogged).toBe(true);
  });

  it("is allowed from the loopback address", async () => {
    const res = await new HttpClient(guarded.origin).signIn(
      demoUser("teacher").email,
      DEMO_PASSWORD,
      undefined,
      from("::1"),
    );
    expect(res.status).toBe(302);
  });

  it("is allowed from anywhere when the server was started with SEED_DEMO=true", async () => {
    const res = await new HttpClient(openDemo.origin).signIn(
      demoUser("leader").email,
      DEMO_PASSWORD,
      undefined,
      from("198.51.100.41"),
    );
    expect(res.status).toBe(302);
  });
});

describe("the demo is unmistakable", () => {
  it("shows the banner on every page a demo member opens, and the sign-in page says the demo is there", async () => {
    const signInPage = (await new HttpClient(guarded.origin).get("/login")).body;
    expect(signInPage).toContain(SIGN_IN_NOTICE);
    expect(signInPage).toContain("they can sign in only on the computer Staffroom runs on");
    expect((await new HttpClient(openDemo.origin).get("/login")).body).toContain("sign in from any computer");
    const browser = new HttpClient(guarded.origin);
    expect((await browser.signIn(demoUser("lsa").email, DEMO_PASSWORD)).status).toBe(302);
    for (const page of ["/home", "/strategies", "/account", "/no-such-page"]) {
      const res = await browser.get(page);
      expect(res.body, page).toContain(BANNER);
      expect(res.body, page).toContain("npm run demo:remove");
    }
  });
});

describe("first-run set-up", () => {
  it("refuses an expired link and one that never existed", async () => {
    const expired = "expired-link-token-for-the-test";
    await store.setupToken.create({ data: { tokenHash: hashToken(expired), expiresAt: new Date(Date.now() - 1000) } });
    const browser = new HttpClient(guarded.origin);
    expect((await browser.get(`/setup/${expired}`)).status).toBe(410);
    expect((await browser.post(`/setup/${expired}`, SETUP_FORM)).status).toBe(410);
    expect((await browser.get("/setup/never-issued")).status).toBe(404);
    expect(await store.partnership.count({ where: { isDemo: false } })).toBe(0);
    // The refusal is logged with the link's secret masked.
    await expect.poll(() => guarded.output()).toContain('"path":"/setup/[token]"');
    expect(guarded.output()).not.toContain(expired);
  });

  it("says what is wrong beside each field, and creates nothing", async () => {
    const res = await new HttpClient(guarded.origin).post(printedSetupPath(guarded), {
      ...SETUP_FORM,
      partnershipName: "",
      institutionKind: "castle",
      email: "not-an-email",
      password: "short",
      confirmPassword: "different",
    });
    expect(res.status).toBe(400);
    for (const message of [
      "Enter the partnership&#x27;s name.",
      "Choose what kind of institution it is.",
      "Enter an email address like name@school.example.",
      "Use at least 8 characters",
    ])
      expect(res.body).toContain(message);
    const demoEmail = await new HttpClient(guarded.origin).post(printedSetupPath(guarded), {
      ...SETUP_FORM,
      email: demoUser("teacher").email,
    });
    expect(demoEmail.status).toBe(400);
    const mismatch = await new HttpClient(guarded.origin).post(printedSetupPath(guarded), {
      ...SETUP_FORM,
      confirmPassword: "kettle harbour lantern",
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain("The two passwords do not match.");
    expect(demoEmail.body).toContain("This email address already has a Staffroom account.");
    expect(await store.partnership.count({ where: { isDemo: false } })).toBe(0);
  });

  it("creates the partnership and its coordinator once, who sets up two-step sign-in, and every link is spent", async () => {
    const link = printedSetupPath(guarded);
    expect((await new HttpClient(guarded.origin).get(link)).status).toBe(200);
    const clients = [0, 1].map(() => new HttpClient(guarded.origin));
    const attempts = await Promise.all(clients.map((client) => client.post(link, SETUP_FORM)));
    expect(attempts.map((res) => res.status).sort()).toEqual([302, 410]);

    const partnerships = await store.partnership.findMany({
      where: { isDemo: false },
      include: { institutions: true },
    });
    expect(partnerships).toHaveLength(1);
    expect(partnerships[0]?.institutions.map((i) => [i.name, i.kind])).toEqual([
      ["Riverside Academy", "secondary_school"],
    ]);
    const coordinator = await store.user.findUniqueOrThrow({ where: { email: SETUP_FORM.email } });
    expect(coordinator.role).toBe("coordinator");
    expect(coordinator.partnershipId).toBe(partnerships[0]?.id);

    // The link a second process printed stops working with the one used.
    expect((await new HttpClient(openDemo.origin).get(printedSetupPath(openDemo))).status).toBe(410);
    expect((await new HttpClient(guarded.origin).post(link, SETUP_FORM)).status).toBe(410);

    // A real partnership's members sign in from anywhere (its coordinator goes on to set up two-step sign-in).
    const elsewhere = new HttpClient(guarded.origin);
    const signIn = await elsewhere.signIn(SETUP_FORM.email, SETUP_FORM.password, undefined, from("198.51.100.42"));
    expect(signIn.status).toBe(302);
    expect(signIn.location).toBe("/login/set-up");
    // The set-up sends its coordinator on to set up two-step sign-in, then in; the real partnership has no banner.
    const winner = attempts.findIndex((res) => res.status === 302);
    expect(attempts[winner]!.location).toBe("/login/set-up");
    const signedIn = clients[winner]!;
    expect((await signedIn.get("/home")).status, "no session before the second step").toBe(302);
    await setUpTwoStep(signedIn);
    const home = await signedIn.get("/home", from("198.51.100.42"));
    expect(home.status).toBe(200);
    expect(home.body).toContain("Riverside Learning Partnership");
    expect(home.body).not.toContain(BANNER);
  });
});
