// Student names in free text as a reader receives it: a student the reader may see only as initials is named by
// initials in every briefing, feedback, note and comment the reader is sent (app/lib/student-names.ts matches),
// and the names a writer typed that they may see themselves, for the warning as they write.
import { findStudentNames, replaceStudentNames, type NamedStudent } from "~/lib/student-names";
import type { Actor } from "~/policies/actor";
import { seesEveryStudentInFull, studentInitials, studentVisibility } from "~/policies/student";
import { db } from "./db.server";
import { listStudentFacts } from "./students.server";

/** Puts initials in place of the names a reader may not see. */
export type NameScreen = (text: string) => string;

const unchanged: NameScreen = (text) => text;

interface PartnershipStudent extends NamedStudent {
  id: string;
}

/**
 * Every student of the partnership, not only those of the group or plan in view: a note may name anyone, and a name
 * missed is a name leaked. Only names are read, and only the students a text mentions have their facts loaded.
 */
async function partnershipStudents(partnershipId: string): Promise<PartnershipStudent[]> {
  const rows = await db().student.findMany({
    where: { partnershipId },
    select: { id: true, firstName: true, lastName: true },
  });
  return rows.map((row) => ({ ...row, initials: studentInitials(row) }));
}

/** The students the texts mention, each with how much of them the actor may see. */
async function mentionedStudents(actor: Actor, texts: readonly string[]) {
  const everyone = await partnershipStudents(actor.partnershipId);
  const mentioned = new Set(texts.flatMap((text) => findStudentNames(text, everyone).flatMap((m) => m.students)));
  const facts = await listStudentFacts(
    actor.partnershipId,
    [...mentioned].map((s) => s.id),
  );
  const now = new Date();
  const visibility = new Map(facts.map((f) => [f.id, studentVisibility(actor, f, now)]));
  return { everyone, mentioned: [...mentioned], visibility };
}

/**
 * The screen for what `actor` is about to be sent: pass it every text first (the model looks up only the students
 * they mention), then apply it to each text on its way out. A name is kept for a reader who sees the student in full
 * or holds need-to-know for them (and so sees the name beside the lesson anyway).
 */
export async function studentNameScreen(actor: Actor, texts: Iterable<string>): Promise<NameScreen> {
  const written = [...texts].filter((text) => text.trim());
  if (seesEveryStudentInFull(actor) || written.length === 0) return unchanged;
  const { everyone, mentioned, visibility } = await mentionedStudents(actor, written);
  if (mentioned.length === 0) return unchanged;
  const hidden = (s: PartnershipStudent) => (visibility.get(s.id) ?? "initials") === "initials";
  return (text) => replaceStudentNames(text, everyone, hidden);
}

/** The students a writer named in `text` whom they may see by name themselves: what the writing warning lists. */
export async function namesTheWriterMaySee(actor: Actor, text: string): Promise<NamedStudent[]> {
  if (!text.trim()) return [];
  const { mentioned, visibility } = await mentionedStudents(actor, [text]);
  return mentioned
    .filter((s) => (visibility.get(s.id) ?? "initials") !== "initials")
    .map(({ firstName, lastName, initials }) => ({ firstName, lastName, initials }));
}

/** Every text of a record through the screen, keeping its keys (a briefing's five parts). */
export function screenTexts<T extends Record<string, string>>(texts: T, screen: NameScreen): T {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, screen(text)])) as T;
}
