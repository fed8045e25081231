// Who may see and change a student's details. Students are children and their
// needs are sensitive: details go only to staff of the student's home institution,
// staff who teach one of the student's groups, leaders and the coordinator.
// Everyone else sees initials, year group and home institution at most.
import { isCoordinator, isLeader, isTeacher, samePartnership, type Actor } from "./actor";
import { canEditCourse, type CourseFacts } from "./course";

/** What a student rule needs: partnership, home institution, and the teachers of the student's groups. */
export interface StudentFacts {
  partnershipId: string;
  homeInstitutionId: string;
  groupTeacherIds: readonly string[];
}

/** The student list (initials where details are not allowed) is for the coordinator, leaders and teachers. */
export function canListStudents(actor: Actor): boolean {
  return isCoordinator(actor) || isLeader(actor) || isTeacher(actor);
}

export function canSeeStudentDetails(actor: Actor, student: StudentFacts): boolean {
  if (!samePartnership(actor, student)) return false;
  return (
    isCoordinator(actor) ||
    isLeader(actor) ||
    actor.institutionId === student.homeInstitutionId ||
    student.groupTeacherIds.includes(actor.id)
  );
}

/** A student's page: anyone who may list students, or anyone who may see this student's details. */
export function canOpenStudent(actor: Actor, student: StudentFacts): boolean {
  return samePartnership(actor, student) && (canListStudents(actor) || canSeeStudentDetails(actor, student));
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
