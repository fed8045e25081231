// Student names in free text as a reader receives it: a student the reader may see only as initials is named by
// initials in every briefing, feedback, note and comment the reader is sent (app/lib/student-names.ts matches),
// and the names a writer typed that they may see themselves, for the warning as they write.
import { Prisma } from "~/generated/sqlite/client";
import { findStudentNames, nameWords, replaceStudentNames, type NamedStudent } from "~/lib/student-names";
import type { Actor } from "~/policies/actor";
import { seesEveryStudentInFull, studentInitials, studentVisibility } from "~/policies/student";
import { db } from "./db.server";
import { listStudentFacts } from "./student-facts.server";
import { reserveAttempt, type ThrottleRule } from "./throttle.server";

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

/** More words than this and the sieve in SQL would be a long parameter list: every student is read instead. */
const MAX_SIEVE_WORDS = 2000;

/**
 * The partnership's students who may be named in the texts: those whose first name's first word, folded as the
 * matching folds it, is a word of the texts. A first name of ASCII letters only folds to its lower case in both
 * engines; any other (accents, spaces, hyphens, apostrophes) is read whatever the words, and the matching sorts it.
 */
async function studentsPossiblyNamed(partnershipId: string, texts: readonly string[]): Promise<PartnershipStudent[]> {
  const words = nameWords(texts);
  if (words.size > MAX_SIEVE_WORDS) return partnershipStudents(partnershipId);
  const rows = await db().$queryRaw<{ id: string; firstName: string; lastName: string }[]>(Prisma.sql`
    SELECT "id", "firstName", "lastName" FROM "Student" WHERE "partnershipId" = ${partnershipId}
      AND (lower("firstName") IN (${Prisma.join([...words])})
        OR ltrim(lower("firstName"), 'abcdefghijklmnopqrstuvwxyz') <> '')`);
  return rows.map((row) => ({ ...row, initials: studentInitials(row) }));
}

/** The students the texts mention among `everyone`, each with how much of them the actor may see. */
async function mentionedStudents(actor: Actor, texts: readonly string[], everyone: PartnershipStudent[]) {
  const mentioned = new Set(texts.flatMap((text) => findStudentNames(text, everyone).flatMap((m) => m.students)));
  const facts = await listStudentFacts(
    actor.partnershipId,
    [...mentioned].map((s) => s.id),
  );
  const now = new Date();
  const visibility = new Map(facts.map((f) => [f.id, studentVisibility(actor, f, now)]));
  return { mentioned: [...mentioned], visibility };
}

/**
 * The screen for what `actor` is about to be sent: pass it every text first (the model looks up only the students
 * they mention), then apply it to each text on its way out. A name is kept for a reader who sees the student in full
 * or holds need-to-know for them (and so sees the name beside the lesson anyway).
 */
export async function studentNameScreen(actor: Actor, texts: Iterable<string>): Promise<NameScreen> {
  const written = [...texts].filter((text) => text.trim());
  if (seesEveryStudentInFull(actor) || written.length === 0) return unchanged;
  const everyone = await partnershipStudents(actor.partnershipId);
  const { mentioned, visibility } = await mentionedStudents(actor, written, everyone);
  if (mentioned.length === 0) return unchanged;
  const hidden = (s: PartnershipStudent) => (visibility.get(s.id) ?? "initials") === "initials";
  return (text) => replaceStudentNames(text, everyone, hidden);
}

/**
 * The texts as `actor` may receive them, each with the names of students they may see only by initials as initials.
 * Unlike studentNameScreen, only the students the texts may name are read: the texts are all known here.
 */
export async function screenStudentNames(actor: Actor, texts: readonly string[]): Promise<string[]> {
  const written = texts.filter((text) => text.trim());
  if (seesEveryStudentInFull(actor) || written.length === 0) return [...texts];
  const everyone = await studentsPossiblyNamed(actor.partnershipId, written);
  const { mentioned, visibility } = await mentionedStudents(actor, written, everyone);
  if (mentioned.length === 0) return [...texts];
  const hidden = (s: PartnershipStudent) => (visibility.get(s.id) ?? "initials") === "initials";
  return texts.map((text) => replaceStudentNames(text, everyone, hidden));
}

/**
 * The screen for a page whose texts are all known before any is sent: screenStudentNames reads only the students the
 * texts may name (not every student of the partnership, as studentNameScreen does), and the screen answers for those
 * texts alone, refusing any other so that no text goes out unscreened.
 */
export async function screenOfTexts(actor: Actor, texts: readonly string[]): Promise<NameScreen> {
  const screened = await screenStudentNames(actor, texts);
  const byText = new Map(texts.map((text, index) => [text, screened[index]!]));
  return (text) => {
    const found = byText.get(text);
    if (found === undefined) throw new Error("This text was not given to the name screen before it was sent.");
    return found;
  };
}

/** The students a writer named in `text` whom they may see by name themselves: what the writing warning lists. */
async function namesTheWriterMaySee(actor: Actor, text: string): Promise<NamedStudent[]> {
  if (!text.trim()) return [];
  const { mentioned, visibility } = await mentionedStudents(
    actor,
    [text],
    await studentsPossiblyNamed(actor.partnershipId, [text]),
  );
  return mentioned
    .filter((s) => (visibility.get(s.id) ?? "initials") !== "initials")
    .map(({ firstName, lastName, initials }) => ({ firstName, lastName, initials }));
}

/**
 * How often one member's writing warnings may ask: each asks once typing pauses, so even a fast writer with several
 * fields open asks a few times a minute; a script asking without pause is refused, not served. Counted in the
 * database like sign-in attempts (decision 005), so every server process shares one count per member.
 */
export const NAME_CHECKS_PER_MEMBER: ThrottleRule = { maxFailures: 120, windowMs: 60_000, blockMs: 60_000 };

type NameCheck = { ok: true; students: NamedStudent[] } | { ok: false; retryAfterMs: number };

/** The writing warning's question, counted against the member's allowance before it is answered. */
export async function checkNamesAsTheyWrite(actor: Actor, text: string, now = new Date()): Promise<NameCheck> {
  const check = await reserveAttempt(`student-names:${actor.id}`, NAME_CHECKS_PER_MEMBER, now);
  if (!check.reserved) return { ok: false, retryAfterMs: check.retryAfterMs };
  return { ok: true, students: await namesTheWriterMaySee(actor, text) };
}

/** Every text of a record through the screen, keeping its keys (a briefing's five parts). */
export function screenTexts<T extends Record<string, string>>(texts: T, screen: NameScreen): T {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, screen(text)])) as T;
}
