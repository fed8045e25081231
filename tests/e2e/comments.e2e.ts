// Conversations in the plan and on a briefing: Joanne (an LSA at Brookfield) asks about her briefing on the
// deployment page and Sarah (Hollins Park) answers, which Joanne sees without reloading; Sarah selects words in the
// plan's text, comments with Ctrl+Alt+M and mentions Tom Gallagher (Ashbury College, her co-planner); Tom, with the
// plan open, sees the comment arrive, replies and resolves it. Each page with the panel passes the accessibility gate.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { sessionOf, signedInPage } from "./support/sessions";
import { expectHydrated } from "./support/hydration";

test.use({ storageState: sessionOf("teacher") });

test("an LSA asks about her briefing and the teacher answers; a teacher mentions a colleague elsewhere, who replies and resolves", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const question = `Should I sit with Kyle for the starter as well? ${stamp}`;
  const answer = `Yes please, and step back once he has started. ${stamp}`;

  // Joanne opens her first deployment and asks a question under the briefing.
  const lsa = await signedInPage(browser, "lsa");
  await lsa
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My deployments", exact: true })
    .click();
  // By its lesson, not by place: a story running beside this one deploys Joanne today and removes it again.
  await lsa
    .getByRole("link", { name: /Badminton: rules and scoring/ })
    .first()
    .click();
  await expect(lsa.getByRole("heading", { level: 1, name: /Briefing/ })).toBeVisible();
  const lsaPanel = lsa.getByRole("complementary", { name: /Comments/ });
  await lsaPanel.getByLabel("New comment").fill(question);
  await lsaPanel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(lsaPanel.getByText(question)).toBeVisible();
  await expectNoSeriousA11yViolations(lsa);

  // Sarah opens the same briefing and answers; Joanne's open page shows the answer by itself.
  await page.goto(new URL(lsa.url()).pathname);
  await expectHydrated(page);
  const panel = page.getByRole("complementary", { name: /Comments/ });
  const thread = panel.getByRole("article").filter({ hasText: question });
  await thread.getByLabel("Reply").fill(answer);
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(thread.getByText(answer)).toBeVisible();
  await expect(lsaPanel.getByText(answer)).toBeVisible({ timeout: 15_000 });

  // Sarah goes to the plan; Tom has it open too.
  await page.getByRole("link", { name: "Back to the lesson plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[^/]+$/);
  const planPath = new URL(page.url()).pathname;
  const tom = await signedInPage(browser, "teacherFe");
  await tom.goto(planPath);
  await expectHydrated(tom);
  const tomPanel = tom.getByRole("complementary", { name: /Comments/ });
  await expect(tomPanel).toBeVisible();

  const body = page.locator('.collab-editor__content[data-part="root"][contenteditable="true"]');
  await expect(body).toBeVisible({ timeout: 20_000 });
  await body.locator("h1, h2, h3, p").first().click({ clickCount: 3 });
  await page.keyboard.press("Control+Alt+m");
  const planPanel = page.getByRole("complementary", { name: /Comments/ });
  const box = planPanel.getByLabel("Your comment on the selected words");
  await expect(box).toBeFocused();
  await box.pressSequentially("@Tom");
  await expect(planPanel.getByRole("option", { name: /Tom Gallagher/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await box.press("Enter");
  await box.pressSequentially(`can you check the warm-up timings? ${stamp}`);
  await planPanel.getByRole("button", { name: "Comment", exact: true }).click();
  const planThread = planPanel.getByRole("article").filter({ hasText: `warm-up timings? ${stamp}` });
  await expect(planThread).toBeVisible();
  await expect(planThread.getByText(`@Tom Gallagher can you check`)).toBeVisible();
  // Alt+Shift+↓ moves to a conversation in the list, from wherever the focus is.
  await page.keyboard.press("Alt+Shift+ArrowDown");
  await expect(planPanel.locator("article.comment-thread:focus")).toHaveCount(1);

  // Tom sees it arrive, replies and resolves.
  const tomThread = tomPanel.getByRole("article").filter({ hasText: `warm-up timings? ${stamp}` });
  await expect(tomThread).toBeVisible({ timeout: 15_000 });
  await tomThread.getByLabel("Reply").fill(`Timings look right to me. ${stamp}`);
  await tomThread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(tomThread.getByText(`Timings look right to me. ${stamp}`)).toBeVisible();
  await expectNoSeriousA11yViolations(tom);
  await tomThread.getByRole("button", { name: "Resolve" }).click();
  await expect(tomThread).toBeHidden();
  await tomPanel.getByLabel("Resolved").check();
  await expect(tomPanel.getByRole("article").filter({ hasText: `warm-up timings? ${stamp}` })).toBeVisible();
  await expect(planPanel.getByRole("article").filter({ hasText: `warm-up timings? ${stamp}` })).toBeHidden({
    timeout: 15_000,
  });

  await lsa.context().close();
  await tom.context().close();
});

test("a teacher comments on one of her actions and on a strategy rating, each from its own disclosure", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();

  // My actions: the first action's "Comments (0)" opens the conversation; the count follows what is said.
  await page.goto("/actions");
  await expectHydrated(page);
  const action = page.locator(".action-table tbody tr").first();
  const actionComments = action.locator("details.record-comments");
  await expect(actionComments.locator("summary")).toHaveText(/^Comments \(\d+\)/);
  const before = Number(/\((\d+)\)/.exec((await actionComments.locator("summary").textContent()) ?? "")![1]);
  await actionComments.locator("summary").focus();
  await page.keyboard.press("Enter");
  const actionPanel = actionComments.getByRole("complementary", { name: /Comments/ });
  await actionPanel.getByLabel("New comment").fill(`The minibus is booked. ${stamp}`);
  await actionPanel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(actionPanel.getByText(`The minibus is booked. ${stamp}`)).toBeVisible();
  await expect(actionComments.locator("summary")).toHaveText(new RegExp(`^Comments \\(${before + 1}\\)`));
  await expectNoSeriousA11yViolations(page);

  // A strategy's ratings: each has its own conversation.
  await page.goto("/strategies");
  await expectHydrated(page);
  await page.getByRole("link", { name: "Visual timetables and now/next boards" }).first().click();
  const rating = page.locator(".rating-list > li").first();
  await rating.locator("details.record-comments summary").click();
  const ratingPanel = rating.getByRole("complementary", { name: /Comments/ });
  await ratingPanel.getByLabel("New comment").fill(`Which year groups was this with? ${stamp}`);
  await ratingPanel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(ratingPanel.getByText(`Which year groups was this with? ${stamp}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
