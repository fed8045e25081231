// A lesson plan as a Word file: its details, each text part, the shared notes, differentiation and the deployments
// with their briefings, as the reader may see them (the plan pack's rules).
import type { FileChild } from "docx";
import type { ActionContext } from "~/policies/actor";
import { loadLessonPlanPack, type LessonPlanPack } from "./lesson-plan-pack.server";
import { blocksToParagraphs, fact, fileNamePart, heading, paragraph, table, wordFile } from "./word-document.server";

function differentiation(pack: LessonPlanPack): FileChild[] {
  if (pack.strategies.length === 0 && pack.notes.length === 0) return [paragraph("No differentiation recorded.")];
  return [
    ...pack.strategies.flatMap((s) => [paragraph(s.title, { bold: true }), ...(s.note ? [paragraph(s.note)] : [])]),
    ...pack.notes.flatMap((n) => [paragraph(n.about, { bold: true }), paragraph(n.note)]),
  ];
}

function deployments(pack: LessonPlanPack): FileChild[] {
  if (pack.deployments.length === 0) return [paragraph("No supporters deployed.")];
  return [
    table(
      ["Supporter", "Role", "When", "How", "Minutes", "Students"],
      pack.deployments.map((d) => [d.supporter, d.role, d.phase, d.mode, String(d.minutes), d.students || "None"]),
    ),
    ...pack.deployments.flatMap((d) =>
      d.briefing.length || d.feedback
        ? [
            heading(`Briefing for ${d.supporter}`, 3),
            ...d.briefing.map((b) => fact(b.label, b.text)),
            ...(d.feedback ? [fact("Feedback", d.feedback)] : []),
          ]
        : [],
    ),
  ];
}

/** The plan's Word file and its name, for someone who may read the plan (a DomainError otherwise). */
export async function lessonPlanDocx(ctx: ActionContext, planId: string) {
  const pack = await loadLessonPlanPack(ctx, planId);
  const children: FileChild[] = [
    heading(pack.title, 1),
    ...pack.facts.map((f) => fact(f.label, f.value)),
    ...pack.parts.flatMap((part) => [
      heading(part.label, 2),
      ...(part.blocks.length ? blocksToParagraphs(part.blocks, 1) : [paragraph("Not written yet.", { italic: true })]),
    ]),
    heading("Lesson notes", 2),
    ...(pack.body.length ? blocksToParagraphs(pack.body, 1) : [paragraph("No notes.", { italic: true })]),
    heading("Differentiation", 2),
    ...differentiation(pack),
    heading("Deployments", 2),
    ...deployments(pack),
  ];
  return { file: await wordFile(pack.title, children), fileName: `lesson-plan-${fileNamePart(pack.title)}.docx` };
}
