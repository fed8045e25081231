// The minutes' sections: a heading per agenda item, in agenda order. A new meeting's minutes start with them; while
// nothing is written they follow the agenda as it changes; afterwards the chair or minute-taker adds the sections
// of items added later, each in its agenda place, as a server change every open editor receives (a restore's path).
import * as Y from "yjs";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { rootsToYjsState } from "~/lib/document-schema/headless";
import { $createHeadingNode, YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import { DomainError } from "~/lib/errors";
import { insertRootBlocks, replaceRootContent } from "~/lib/yjs-copy";
import type { ActionContext } from "~/policies/actor";
import { canAddMinutesSections } from "~/policies/meeting";
import { applyDocumentChange } from "./collab-documents.server";
import { docFromUpdates } from "./collab-log.server";
import { db } from "./db.server";
import { allow, minutesDocumentIdOf, requireMeeting } from "./meeting-facts.server";

/** The content of sections with these titles: a heading and an empty paragraph to write in, each. */
export function minutesSectionsContent(titles: readonly string[]) {
  return () => {
    const root = $getRoot();
    for (const title of titles)
      root.append($createHeadingNode("h2").append($createTextNode(title)), $createParagraphNode());
  };
}

function sectionsDoc(titles: readonly string[]): Y.Doc {
  return docFromUpdates([rootsToYjsState({ [YJS_ROOT_NAME]: minutesSectionsContent(titles) })]);
}

/** The text a block holds, its nested blocks' included (a list's items). */
function textOf(block: Y.XmlText): string {
  return (block.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === "string" ? op.insert : op.insert instanceof Y.XmlText ? textOf(op.insert) : ""))
    .join("");
}

/** Each block of the root with whether it is a heading and its text. */
function blocksOf(root: Y.XmlText) {
  return (root.toDelta() as Array<{ insert: unknown }>).map((op) => {
    const block = op.insert instanceof Y.XmlText ? op.insert : null;
    return { heading: block?.getAttribute("__type") === "heading", text: block ? textOf(block).trim() : "" };
  });
}

/** The accepted agenda items' titles in agenda order (standing items included). */
async function agendaTitles(meetingId: string): Promise<string[]> {
  const items = await db().agendaItem.findMany({
    where: { meetingId, status: "accepted" },
    orderBy: { position: "asc" },
    select: { title: true },
  });
  return items.map((item) => item.title.trim());
}

/** Adds the missing sections to the live root, each before the next item's heading (at the end if none follows). */
export function addMissingSections(doc: Y.Doc, titles: readonly string[]): number {
  const root = doc.get(YJS_ROOT_NAME, Y.XmlText);
  let added = 0;
  titles.forEach((title, position) => {
    const blocks = blocksOf(root);
    const headingAt = (wanted: string) => blocks.findIndex((b) => b.heading && b.text === wanted);
    if (headingAt(title) !== -1) return;
    const following = titles
      .slice(position + 1)
      .map(headingAt)
      .find((index) => index !== -1);
    const source = sectionsDoc([title]);
    insertRootBlocks(doc, source, YJS_ROOT_NAME, following ?? root.length);
    source.destroy();
    added += 1;
  });
  return added;
}

/** Whether nothing has been written: no block holds text other than the agenda's own headings. */
function untouched(doc: Y.Doc, titles: readonly string[]): boolean {
  const ours = new Set(titles);
  return blocksOf(doc.get(YJS_ROOT_NAME, Y.XmlText)).every((b) => !b.text || (b.heading && ours.has(b.text)));
}

/** Adds the sections of agenda items that have none yet, without touching what is written; how many were added. */
export async function addMinutesSections(ctx: ActionContext, meetingId: string): Promise<number> {
  const meeting = await requireMeeting(ctx.actor, meetingId);
  allow(
    canAddMinutesSections(ctx.actor, meeting),
    meeting.minutesStatus === "approved"
      ? "These minutes are approved. Ask the chair to open a revision to change them."
      : "Only the chair, the minute-taker and the coordinator add sections to the minutes.",
  );
  const documentId = await minutesDocumentIdOf(meeting.id);
  if (!documentId) throw new DomainError("not-found", "This meeting has no minutes document.");
  const titles = await agendaTitles(meeting.id);
  let added = 0;
  await applyDocumentChange(documentId, (doc) => void (added = addMissingSections(doc, titles)), ctx.actor.id);
  return added;
}

/**
 * After the agenda changed: minutes in which nothing is written yet are set to the agenda's sections, in its new
 * order; written minutes are left alone (their new sections are added on request).
 */
export async function followAgendaInEmptyMinutes(meetingId: string, userId: string): Promise<void> {
  const meeting = await db().meeting.findUnique({ where: { id: meetingId }, select: { minutesStatus: true } });
  const documentId = meeting?.minutesStatus === "draft" ? await minutesDocumentIdOf(meetingId) : null;
  if (!documentId) return;
  const titles = await agendaTitles(meetingId);
  await applyDocumentChange(
    documentId,
    (doc) => {
      const headings = blocksOf(doc.get(YJS_ROOT_NAME, Y.XmlText))
        .filter((b) => b.heading)
        .map((b) => b.text);
      if (!untouched(doc, titles) || headings.join("\n") === titles.join("\n")) return;
      const source = sectionsDoc(titles);
      replaceRootContent(doc, source, YJS_ROOT_NAME, "agenda");
      source.destroy();
    },
    userId,
  );
}
