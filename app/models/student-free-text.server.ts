// The free text of a partnership that can name a student: plan parts, briefings and feedback, transport notes,
// differentiation notes, strategy notes and rating comments, resource titles. One list of places, read by the
// subject-access export (where is the student mentioned?) and by erasure (replace each mention).
import type { StudentNameMatcher } from "~/lib/student-name-redaction";
import { db } from "./db.server";

/** One row of free text: where it is (for a person to read), its text fields, and how to write them back. */
interface FreeTextRow {
  place: string;
  fields: Record<string, string>;
  save(changed: Record<string, string>): Promise<unknown>;
}

type FreeTextSource = (partnershipId: string) => Promise<FreeTextRow[]>;

const PLAN_FIELDS = [
  "title",
  "objectives",
  "successCriteria",
  "starter",
  "mainActivity",
  "plenary",
  "assessment",
  "evaluation",
  "nextSteps",
] as const;
const BRIEFING_FIELDS = ["concepts", "skills", "outcomes", "feedbackExpected", "independence", "feedback"] as const;

const pick = <K extends string>(row: Record<K, string>, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k]])) as Record<string, string>;

const SOURCES: FreeTextSource[] = [
  async (partnershipId) =>
    (await db().lessonPlan.findMany({ where: { partnershipId } })).map((plan) => ({
      place: `Lesson plan “${plan.title}”`,
      fields: pick(plan, PLAN_FIELDS),
      save: (data) => db().lessonPlan.update({ where: { id: plan.id }, data }),
    })),
  async (partnershipId) =>
    (
      await db().deployment.findMany({ where: { partnershipId }, include: { lessonPlan: { select: { title: true } } } })
    ).map((deployment) => ({
      place: `Deployment in “${deployment.lessonPlan.title}”`,
      fields: pick(deployment, BRIEFING_FIELDS),
      save: (data) => db().deployment.update({ where: { id: deployment.id }, data }),
    })),
  async (partnershipId) =>
    (
      await db().differentiationNote.findMany({
        where: { lessonPlan: { partnershipId } },
        include: { lessonPlan: true },
      })
    ).map((note) => ({
      place: `Differentiation note in “${note.lessonPlan.title}”`,
      fields: { note: note.note },
      save: (data) => db().differentiationNote.update({ where: { id: note.id }, data }),
    })),
  async (partnershipId) =>
    (await db().groupTransport.findMany({ where: { group: { partnershipId } }, include: { group: true } })).map(
      (t) => ({
        place: `Transport note of ${t.group.name}`,
        fields: { note: t.note },
        save: (data) =>
          db().groupTransport.update({
            where: { groupId_institutionId: { groupId: t.groupId, institutionId: t.institutionId } },
            data,
          }),
      }),
    ),
  async (partnershipId) =>
    (
      await db().lessonPlanStrategy.findMany({
        where: { lessonPlan: { partnershipId } },
        include: { lessonPlan: { select: { title: true } } },
      })
    ).map((link) => ({
      place: `Strategy note in “${link.lessonPlan.title}”`,
      fields: { note: link.note },
      save: (data) =>
        db().lessonPlanStrategy.update({
          where: { lessonPlanId_strategyId: { lessonPlanId: link.lessonPlanId, strategyId: link.strategyId } },
          data,
        }),
    })),
  async (partnershipId) =>
    (await db().strategy.findMany({ where: { partnershipId } })).map((strategy) => ({
      place: `Strategy “${strategy.title}”`,
      fields: pick(strategy, ["title", "summary", "evidence"]),
      save: (data) => db().strategy.update({ where: { id: strategy.id }, data }),
    })),
  async (partnershipId) =>
    (await db().strategyRating.findMany({ where: { strategy: { partnershipId } }, include: { strategy: true } })).map(
      (rating) => ({
        place: `Rating comment on “${rating.strategy.title}”`,
        fields: { comment: rating.comment },
        save: (data) => db().strategyRating.update({ where: { id: rating.id }, data }),
      }),
    ),
  async (partnershipId) =>
    (
      await db().lessonResource.findMany({
        where: { lessonPlan: { partnershipId } },
        select: { id: true, title: true, url: true, fileName: true },
      })
    ).map((resource) => ({
      place: `Resource “${resource.title}”`,
      fields: pick(resource, ["title", "url", "fileName"]),
      save: (data) => db().lessonResource.update({ where: { id: resource.id }, data }),
    })),
];

interface FreeTextMention {
  place: string;
  field: string;
  text: string;
}

/** Every field of the partnership's free text that names the student (the subject-access export). */
export async function findFreeTextMentions(partnershipId: string, matcher: StudentNameMatcher) {
  const mentions: FreeTextMention[] = [];
  for (const source of SOURCES) {
    for (const row of await source(partnershipId)) {
      for (const [field, text] of Object.entries(row.fields)) {
        if (matcher.test(text)) mentions.push({ place: row.place, field, text });
      }
    }
  }
  return mentions;
}

/** Replaces every mention of the student in the partnership's free text; returns how many rows changed. */
export async function redactFreeText(partnershipId: string, matcher: StudentNameMatcher): Promise<number> {
  let changed = 0;
  for (const source of SOURCES) {
    for (const row of await source(partnershipId)) {
      const data = Object.fromEntries(
        Object.entries(row.fields)
          .filter(([, text]) => matcher.test(text))
          .map(([field, text]) => [field, matcher.redact(text)]),
      );
      if (Object.keys(data).length === 0) continue;
      await row.save(data);
      changed++;
    }
  }
  return changed;
}
