// A lesson plan as one document, for its print view and its Word file: the details, each text part and the shared
// notes (read from the live document), differentiation and deployments. Read through the plan page's own model, so
// students appear exactly as the page shows them to this reader (full name, need-to-know or initials) and the view
// is audited as the page's is; names in free text the reader may not see are put as initials.
import { blocksOfText, mapBlockText, textsOfBlocks, type Block } from "~/lib/document-blocks";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import { DEPLOYMENT_MODES, LESSON_PHASES, LESSON_STATUSES, NEED_AREAS, SUPPORTER_ROLES } from "~/lib/co-planning";
import { DomainError } from "~/lib/errors";
import { formatDate } from "~/lib/format";
import { PLAN_TEXT_PARTS, PLAN_TEXT_PART_NAMES } from "~/lib/lesson-plan-text";
import type { ActionContext } from "~/policies/actor";
import { readDocumentBlocks } from "./document-blocks.server";
import { requireLessonPlan } from "./lesson-plan-facts.server";
import { loadLessonPlanPage } from "./lesson-plan-page.server";
import { studentNameScreen } from "./student-names.server";

const BRIEFING = [
  { key: "concepts", label: "Concepts being taught" },
  { key: "skills", label: "Skills the students practise" },
  { key: "outcomes", label: "Intended outcomes" },
  { key: "feedbackExpected", label: "Feedback expected after the lesson" },
  { key: "independence", label: "How to build independence" },
] as const;

type Page = NonNullable<Awaited<ReturnType<typeof loadLessonPlanPage>>>;

/** The text parts and the notes: from the live document once the parts live there, else parts from the columns. */
async function planTexts(page: Page): Promise<{ parts: Record<string, Block[]>; body: Block[] }> {
  const { plan } = page;
  const fromColumns = Object.fromEntries(PLAN_TEXT_PART_NAMES.map((name) => [name, blocksOfText(plan[name])]));
  if (!page.body) return { parts: fromColumns, body: [] };
  const roots = plan.textInDocument ? [YJS_ROOT_NAME, ...PLAN_TEXT_PART_NAMES] : [YJS_ROOT_NAME];
  const read = await readDocumentBlocks(page.body.documentId, roots);
  return { parts: plan.textInDocument ? read : fromColumns, body: read[YJS_ROOT_NAME] ?? [] };
}

function deploymentsOf(page: Page) {
  return page.deployments.map((d) => ({
    supporter: `${d.supporter.name} (${d.supporter.institution})`,
    role: SUPPORTER_ROLES.label(d.supporterRole),
    phase: LESSON_PHASES.label(d.phase),
    mode: DEPLOYMENT_MODES.label(d.mode),
    minutes: d.minutes,
    students: d.students.map((s) => s.name).join(", "),
    briefing: BRIEFING.map((b) => ({ label: b.label, text: d.briefing[b.key] })).filter((b) => b.text.trim()),
    feedback: d.feedback,
  }));
}

/** The plan as its reader may see it, or a DomainError (404 outside their reach). */
export async function loadLessonPlanPack(ctx: ActionContext, planId: string) {
  const { actor } = ctx;
  const access = await requireLessonPlan(actor, planId);
  const page = await loadLessonPlanPage(actor, access, {
    canEdit: false,
    canDelete: false,
    editing: false,
    confirmDelete: false,
    opening: false,
    ipAddress: ctx.ipAddress,
  });
  if (!page) throw new DomainError("not-found", "We could not find that lesson plan.");
  const { plan } = page;
  const texts = await planTexts(page);
  const screen = await studentNameScreen(actor, [
    ...Object.values(texts.parts).flatMap(textsOfBlocks),
    ...textsOfBlocks(texts.body),
  ]);
  const when = plan.lessonDate ? formatDate(`${plan.lessonDate}T12:00:00Z`) : "No date";
  return {
    planId: plan.id,
    title: plan.title,
    facts: [
      { label: "Course", value: plan.course.title },
      { label: "Unit", value: plan.unit?.title ?? "None" },
      { label: "Teaching group", value: plan.group ? `${plan.group.name} (${plan.group.site.name})` : "None" },
      {
        label: "Lesson",
        value: `${when}${plan.startTime ? ` at ${plan.startTime}` : ""}, ${plan.durationMinutes} minutes`,
      },
      { label: "Status", value: LESSON_STATUSES.label(plan.status) },
    ],
    parts: PLAN_TEXT_PARTS.map((part) => ({
      name: part.name,
      label: part.label,
      blocks: mapBlockText(texts.parts[part.name] ?? [], screen),
    })),
    body: mapBlockText(texts.body, screen),
    strategies: plan.strategies.map((s) => ({ title: s.strategy.title, note: s.note || s.strategy.summary })),
    notes: page.notes.map((n) => ({ about: n.studentName ?? NEED_AREAS.label(n.needArea), note: n.note })),
    deployments: deploymentsOf(page),
  };
}

export type LessonPlanPack = Awaited<ReturnType<typeof loadLessonPlanPack>>;
