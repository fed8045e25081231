// Erasing a student so that nothing of them is left: their record and its links (groups, deployments,
// differentiation notes for them), their name in the partnership's free text and co-edited documents (versions and
// update logs included), and uploaded files that name them. Run by the coordinator ("erase now") and by the
// scheduled job once a leaver's retention period is over (decision 019). Audited by id, never by name.
import { FORMER_STUDENT, studentNameMatcher, type StudentNameMatcher } from "~/lib/student-name-redaction";
import { DomainError } from "~/lib/errors";
import type { SearchKind } from "~/lib/forms/search";
import type { ActionContext } from "~/policies/actor";
import { auditAction, recordAudit } from "./audit.server";
import { db } from "./db.server";
import { redactDocuments } from "./document-redaction.server";
import { flushSearchIndex } from "./search/search-hooks.server";
import { refreshSearchEntries } from "./search/search-index.server";
import { redactFreeText } from "./student-free-text.server";

/** Who erases: the coordinator (an action context), or the retention schedule (the system, no actor). */
type ErasureBy = { ctx: ActionContext } | { schedule: { partnershipId: string } };

export interface ErasureSummary {
  freeTextRows: number;
  documents: number;
  filesRemoved: number;
}

/** Whether an uploaded file's bytes name the student, as UTF-8 (text, HTML, most formats' text) or UTF-16 (Office). */
function fileNamesStudent(data: Uint8Array, matcher: StudentNameMatcher): boolean {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return matcher.test(bytes.toString("utf8")) || matcher.test(bytes.toString("utf16le"));
}

/**
 * Removes the uploaded files whose contents name the student: a file cannot be rewritten safely the way text can
 * (a PDF or a spreadsheet), so the file goes and its title says why.
 */
async function removeFilesNaming(partnershipId: string, matcher: StudentNameMatcher): Promise<number> {
  const files = await db().lessonResource.findMany({
    where: { lessonPlan: { partnershipId }, kind: "file" },
    select: { id: true, data: true },
  });
  const naming = files.filter((file) => file.data && fileNamesStudent(file.data, matcher));
  if (naming.length === 0) return 0;
  await db().lessonResource.deleteMany({ where: { id: { in: naming.map((f) => f.id) } } });
  return naming.length;
}

const ENTRIES_READ_AT_ONCE = 500;
const ENTRIES_WRITTEN_AT_ONCE = 200;

/**
 * Writes afresh, from the records the erasure has redacted, the partnership's search entries whose title or text
 * names the student by the erasure's own matcher (so every form of the name it replaced, in any script or case).
 * The entries are read a batch at a time; the rest of the index is left as it is. Returns how many were rewritten.
 */
async function refreshEntriesNaming(partnershipId: string, matcher: StudentNameMatcher): Promise<number> {
  const naming = new Map<SearchKind, string[]>();
  for (let after = 0; ;) {
    const entries = await db().searchEntry.findMany({
      where: { partnershipId, id: { gt: after } },
      orderBy: { id: "asc" },
      take: ENTRIES_READ_AT_ONCE,
      select: { id: true, kind: true, recordId: true, title: true, body: true },
    });
    if (entries.length === 0) break;
    for (const entry of entries) {
      if (!matcher.test(entry.title) && !matcher.test(entry.body)) continue;
      const kind = entry.kind as SearchKind;
      const recordIds = naming.get(kind);
      if (recordIds) recordIds.push(entry.recordId);
      else naming.set(kind, [entry.recordId]);
    }
    after = entries.at(-1)!.id;
  }
  let rewritten = 0;
  for (const [kind, recordIds] of naming) {
    for (let i = 0; i < recordIds.length; i += ENTRIES_WRITTEN_AT_ONCE) {
      await refreshSearchEntries(db(), kind, recordIds.slice(i, i + ENTRIES_WRITTEN_AT_ONCE));
    }
    rewritten += recordIds.length;
  }
  return rewritten;
}

/**
 * Erases one student of the partnership. Each step can be run again: if the process stops half-way, the record is
 * still there (it goes last) and the next run (the schedule, or the coordinator again) finishes the job.
 */
export async function eraseStudent(by: ErasureBy, studentId: string): Promise<ErasureSummary> {
  const partnershipId = "ctx" in by ? by.ctx.actor.partnershipId : by.schedule.partnershipId;
  const student = await db().student.findFirst({
    where: { id: studentId, partnershipId },
    select: { id: true, firstName: true, lastName: true, leftOn: true },
  });
  if (!student) throw new DomainError("not-found", "That student is not in this partnership.");
  const matcher = studentNameMatcher(student);
  const summary: ErasureSummary = {
    filesRemoved: await removeFilesNaming(partnershipId, matcher),
    freeTextRows: await redactFreeText(partnershipId, matcher),
    documents: await redactDocuments(partnershipId, matcher),
  };
  // Explicit deletes: SQLite honours ON DELETE CASCADE only with foreign_keys on.
  await db().$transaction(async (tx) => {
    await tx.groupStudent.deleteMany({ where: { studentId } });
    await tx.deploymentStudent.deleteMany({ where: { studentId } });
    // By plan as well: the search index then refreshes those plans' entries, rather than every plan's (a delete it
    // cannot tie to plans makes it rewrite the whole kind, 40 s at 10,000 plans).
    const notedPlans = await tx.differentiationNote.findMany({
      where: { studentId },
      select: { lessonPlanId: true },
      distinct: ["lessonPlanId"],
    });
    await tx.differentiationNote.deleteMany({
      where: { studentId, lessonPlanId: { in: notedPlans.map((n) => n.lessonPlanId) } },
    });
    await tx.student.deleteMany({ where: { id: studentId, partnershipId } });
  });
  // The search index copies text (co-edited text included) that the steps above redacted: its entries that name the
  // student are written afresh, so that none keeps the name until the record's next edit.
  await flushSearchIndex(db());
  await refreshEntriesNaming(partnershipId, matcher);
  const entry = {
    action: "student.erased",
    subjectType: "student",
    subjectId: studentId,
    detail: { ...summary, reason: "ctx" in by ? "requested" : "retention", replacedWith: FORMER_STUDENT },
  };
  if ("ctx" in by) await auditAction(by.ctx, entry);
  else await recordAudit({ ...entry, partnershipId, actorId: null });
  return summary;
}

/** The day a leaver's record is erased: the leaving date plus the partnership's retention period. */
export function erasureDue(leftOn: Date, retentionYears: number): Date {
  const due = new Date(leftOn);
  due.setUTCFullYear(due.getUTCFullYear() + retentionYears);
  return due;
}

/**
 * The scheduled job: erases every leaver whose retention period is over, in every partnership. Returns how many.
 * A failure is logged by the caller and retried on the next run (each erasure can be run again).
 */
export async function eraseStudentsPastRetention(now = new Date()): Promise<number> {
  const partnerships = await db().partnership.findMany({ select: { id: true, studentRetentionYears: true } });
  let erased = 0;
  for (const partnership of partnerships) {
    const cutoff = new Date(now);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - partnership.studentRetentionYears);
    const due = await db().student.findMany({
      where: { partnershipId: partnership.id, leftOn: { lte: cutoff } },
      select: { id: true },
    });
    for (const student of due) {
      await eraseStudent({ schedule: { partnershipId: partnership.id } }, student.id);
      erased++;
    }
  }
  return erased;
}
