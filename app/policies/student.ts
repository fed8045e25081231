// Who may see and change a student's details. Students are children and their
// needs are sensitive: details go only to staff of the student's home institution,
// staff who teach one of the student's groups, leaders and the coordinator. A supporter
// deployed to a student (EEF: she must know the students she supports) sees what she
// needs for the lesson: name, SEN, areas of need, communication mode. Everyone else
// sees initials, year group and home institution at most.
import { isCoordinator, isLeader, isTeacher, samePartnership, type Actor } from "./actor";
import { canEditCourse, type CourseFacts } from "./course";

/** A deployment that names the student: who supports them, and the day of the lesson (null when undated). */
export interface StudentDeploymentFact {
  supporterId: string;
  lessonDate: Date | null;
}

/** What a student rule needs: partnership, home institution, the teachers of their groups, the deployments naming them. */
export interface StudentFacts {
  partnershipId: string;
  homeInstitutionId: string;
  groupTeacherIds: readonly string[];
  /** Deployments naming this student; a model may load only the actor's own, the only ones the rules ask about. */
  deployments: readonly StudentDeploymentFact[];
}

/**
 * How long after its lesson a deployment still grants need-to-know: while the deployment exists and for a fortnight
 * after the lesson's day, long enough to write the feedback the teacher expects about each student, but not a
 * standing right to the students she supported last term. An undated lesson grants it for as long as it exists.
 */
export const NEED_TO_KNOW_DAYS_AFTER_LESSON = 14;

const DAY_MS = 24 * 60 * 60_000;

/** How much of a student's record the actor may see: everything, what a supporter needs, or initials. */
export type StudentVisibility = "full" | "need-to-know" | "initials";

/** The student list (initials where details are not allowed) is for the coordinator, leaders and teachers. */
export function canListStudents(actor: Actor): boolean {
  return isCoordinator(actor) || isLeader(actor) || isTeacher(actor);
}

/** The coordinator and leaders see every student of their partnership in full, whatever the facts. */
export function seesEveryStudentInFull(actor: Actor): boolean {
  return isCoordinator(actor) || isLeader(actor);
}

export function canSeeStudentDetails(actor: Actor, student: StudentFacts): boolean {
  if (!samePartnership(actor, student)) return false;
  return (
    seesEveryStudentInFull(actor) ||
    actor.institutionId === student.homeInstitutionId ||
    student.groupTeacherIds.includes(actor.id)
  );
}

/**
 * Need-to-know: the actor is the supporter of a deployment that names the student, and its lesson is today, to come,
 * undated, or at most NEED_TO_KNOW_DAYS_AFTER_LESSON days past (lesson dates are days at midnight UTC). Removing the
 * deployment, or the student from it, ends it at once: the facts are loaded afresh for every view.
 */
export function holdsNeedToKnow(actor: Actor, student: StudentFacts, now: Date): boolean {
  if (!samePartnership(actor, student)) return false;
  return student.deployments.some(
    (d) =>
      d.supporterId === actor.id &&
      (d.lessonDate === null || d.lessonDate.getTime() + (NEED_TO_KNOW_DAYS_AFTER_LESSON + 1) * DAY_MS > now.getTime()),
  );
}

/** The one answer every read of a student asks: full details, the supporter's need-to-know, or initials. */
export function studentVisibility(actor: Actor, student: StudentFacts, now: Date): StudentVisibility {
  if (canSeeStudentDetails(actor, student)) return "full";
  return holdsNeedToKnow(actor, student, now) ? "need-to-know" : "initials";
}

/** A student's page: anyone who may list students, see this student's details, or holds need-to-know for them. */
export function canOpenStudent(actor: Actor, student: StudentFacts, now: Date): boolean {
  return (
    samePartnership(actor, student) && (canListStudents(actor) || studentVisibility(actor, student, now) !== "initials")
  );
}

/**
 * The roles that see some students' details in full (the coordinator, leaders, teachers): an unattended browser of
 * theirs exposes the most, so their sessions end sooner when idle.
 */
export function roleSeesStudentDetails(role: Actor["role"]): boolean {
  return role === "coordinator" || role === "leader" || role === "teacher";
}

/** Whether to offer "Add a student" at all: the coordinator and teachers (for their own institution). */
export function canCreateStudents(actor: Actor): boolean {
  return isCoordinator(actor) || isTeacher(actor);
}

/** Adding or editing a student: the coordinator, or a teacher of the student's home institution. */
export function canEditStudent(actor: Actor, student: { partnershipId: string; homeInstitutionId: string }): boolean {
  if (!samePartnership(actor, student)) return false;
  return isCoordinator(actor) || (isTeacher(actor) && actor.institutionId === student.homeInstitutionId);
}

/** Adding a student to a group or removing them: those who edit the group's course. */
export function canChangeGroupStudents(actor: Actor, groupCourse: CourseFacts): boolean {
  return canEditCourse(actor, groupCourse);
}

/** "J. S.": what someone who may not see details is shown. */
export function studentInitials(student: { firstName: string; lastName: string }): string {
  const initial = (name: string) => (name.trim().charAt(0).toUpperCase() || "?") + ".";
  return `${initial(student.firstName)} ${initial(student.lastName)}`;
}

/**
 * Marking a student as left (and undoing it): whoever may edit the record, the coordinator or a teacher of the
 * home institution, who are the first to know a student has left.
 */
export function canMarkStudentLeft(actor: Actor, student: { partnershipId: string; homeInstitutionId: string }) {
  return canEditStudent(actor, student);
}

/**
 * Erasing a student now and the subject-access export: the coordinator only. Both answer to the partnership's
 * data-protection duties (an erasure request, a subject-access request), which the coordinator handles for it.
 */
export function canEraseStudent(actor: Actor, student: { partnershipId: string }): boolean {
  return samePartnership(actor, student) && isCoordinator(actor);
}

export function canExportStudent(actor: Actor, student: { partnershipId: string }): boolean {
  return canEraseStudent(actor, student);
}

/** The leavers list and the partnership's retention period: the coordinator. */
export function canManageStudentRetention(actor: Actor): boolean {
  return isCoordinator(actor);
}
