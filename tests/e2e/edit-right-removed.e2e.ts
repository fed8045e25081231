// A co-planner writes a lesson plan's notes offline while another co-planner removes
// them from the course. When they reconnect, the server refuses the change they kept:
// the editor says so, starts again from the saved copy, and the page stays open and
// usable, read only. (While connected, the page itself turns read only within a second
// of the removal, as every open page reloads its data on a partnership change, so the
// refusal is what someone sees whose changes were held back: offline, or in flight.)
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/a11y";
import { signedInPage } from "./support/sessions";
import { ukToday } from "../../app/lib/lesson-dates";
import { expectHydrated } from "./support/hydration";

const REFUSED = "You can no longer change this plan, so your latest changes were not saved. This is the saved version.";

/**
 * Lets the page's live connection (Socket.io over a WebSocket) drop, as when the network does: the
 * browser's offline emulation alone leaves WebSockets alone. Offline, the open connection is closed and
 * new ones hang (nothing passes either way); back online, what they hold goes through.
 */
async function cuttableConnection(page: Page) {
  let online = true;
  let held: (() => void)[] = [];
  const open = new Set<WebSocketRoute>();
  const pass = (send: () => void) => (online ? send() : held.push(send));
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    open.add(ws);
    ws.onMessage((message) => pass(() => server.send(message)));
    server.onMessage((message) => pass(() => ws.send(message)));
    ws.onClose(() => {
      open.delete(ws);
      void server.close();
    });
    server.onClose(() => void ws.close());
  });
  return {
    async goOffline() {
      online = false;
      await page.context().setOffline(true);
      await Promise.all([...open].map((ws) => ws.close()));
    },
    async goOnline() {
      online = true;
      await page.context().setOffline(false);
      for (const send of held) send();
      held = [];
    },
  };
}

// Lexical drops the textbox role when the editor is read-only, so find the content area by its label.
function editorOf(page: Page, label: string) {
  return page.locator(`[contenteditable][aria-label="${label}"]`);
}

test("a co-planner removed from the course while writing is told, and the plan stays open read only", async ({
  browser,
}) => {
  test.slow(); // two people, a course, a plan and a wait for the server's access recheck
  const stamp = Date.now();
  const courseTitle = `Coaching Award ${stamp}`;
  const planTitle = `Planning a passing drill ${stamp}`;
  const notes = `Lesson notes: ${planTitle}`;

  // Sarah (Hollins Park) makes a course co-planned with Tom Gallagher (Ashbury College), and a lesson plan in it.
  const sarah = await signedInPage(browser, "teacher", "/courses/new");
  await sarah.getByLabel("Title", { exact: true }).fill(courseTitle);
  await sarah.getByLabel("Kind").selectOption({ label: "Adapted module" });
  await sarah.getByLabel("Subject").selectOption({ label: "PE and sport" });
  await sarah.getByLabel("Key stage").selectOption({ label: "Key stage 4 (Years 10-11)" });
  await sarah.getByLabel("Lead institution").selectOption({ label: "Hollins Park Sports College" });
  await sarah.getByRole("group", { name: "Delivery sites" }).getByLabel("Hollins Park Sports College").check();
  await sarah
    .getByRole("group", { name: "Co-planners" })
    .getByLabel(/Tom Gallagher/)
    .check();
  await sarah.getByRole("button", { name: "Add course" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: courseTitle })).toBeVisible();
  const courseUrl = sarah.url();
  await sarah.getByRole("link", { name: "Plan a lesson" }).click();
  await sarah.getByLabel("Title").fill(planTitle);
  await sarah.getByLabel("Date").fill(ukToday());
  await sarah.getByRole("button", { name: "Create lesson plan" }).click();
  await expect(sarah.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await expect(sarah.locator(".sync-indicator")).toHaveText("All changes saved");
  const planUrl = sarah.url();

  // Tom opens the plan and writes in its notes; Sarah sees it.
  const tom = await signedInPage(browser, "teacherFe");
  const connection = await cuttableConnection(tom);
  await tom.goto(planUrl);
  await expectHydrated(tom);
  await expect(tom.locator(".sync-indicator")).toHaveText("All changes saved");
  await editorOf(tom, notes).click();
  await tom.keyboard.press("Control+End");
  await tom.keyboard.press("Enter");
  await tom.keyboard.type("Pairs pass along the channel, then switch feet.");
  await expect(editorOf(sarah, notes)).toContainText("Pairs pass along the channel, then switch feet.");
  await expect(tom.locator(".sync-indicator")).toHaveText("All changes saved");

  // Tom's connection drops (a train through a tunnel); he keeps writing, and the editor holds his change.
  await connection.goOffline();
  await tom.keyboard.type(" Written in the tunnel.");
  await expect(tom.locator(".sync-indicator")).toContainText("not saved yet");

  // Meanwhile, in another tab, Sarah removes Tom as co-planner on the course's edit page.
  const sarahEditing = await sarah.context().newPage();
  await sarahEditing.goto(`${courseUrl}/edit`);
  await expectHydrated(sarahEditing);
  await sarahEditing.getByRole("button", { name: "Remove Tom Gallagher as co-planner" }).click();
  await expect(sarahEditing.getByText("Co-planner removed.")).toBeVisible();
  await expect(sarahEditing.getByRole("button", { name: "Remove Tom Gallagher as co-planner" })).toHaveCount(0);

  // Back online, his editor sends the held change; the server refuses it, and he is told.
  await connection.goOnline();
  const refused = tom.getByRole("alert").filter({ hasText: REFUSED });
  await expect(refused).toBeVisible({ timeout: 20_000 });
  await expect(refused).toHaveText(REFUSED);

  // He now has the saved version, read only: what Sarah's open plan shows, without his refused changes.
  const tomNotes = editorOf(tom, notes);
  await expect(tomNotes).toHaveAttribute("contenteditable", "false");
  await expect(tom.locator(".sync-indicator")).toHaveText("Up to date (read only)");
  await expect(tomNotes).toContainText("Pairs pass along the channel, then switch feet.");
  await expect(tomNotes).not.toContainText("Written in the tunnel.");
  await expect(editorOf(sarah, notes)).not.toContainText("Written in the tunnel.");
  await expect(async () => expect(await tomNotes.innerText()).toBe(await editorOf(sarah, notes).innerText())).toPass({
    timeout: 5_000,
  });
  await expect(tom.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await expectNoSeriousA11yViolations(tom);

  // Typing changes nothing, for him or for Sarah, and Sarah still writes live to his page.
  await tomNotes.click();
  await tom.keyboard.type("Tom should not be able to write this.");
  await editorOf(sarah, notes).click();
  await sarah.keyboard.press("Control+End");
  await sarah.keyboard.type(" Cones at 5 m.");
  await expect(tomNotes).toContainText("Cones at 5 m.");
  await expect(tomNotes).not.toContainText("Tom should not be able to write this.");
  await expect(editorOf(sarah, notes)).not.toContainText("Tom should not be able to write this.");

  // The rest of the page still works: he can go on to the plan's version history.
  await tom.getByRole("link", { name: "Version history of the plan" }).click();
  await expect(tom).toHaveURL(/\/history$/);
  await expect(tom.getByRole("heading", { level: 1 })).toBeVisible();
});
