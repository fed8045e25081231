// Every student rule, cell by cell: each role, at the student's home institution or not,
// teaching one of their groups or not, deployed to support them or not, in and across partnerships.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import {
  canChangeGroupStudents,
  canCreateStudents,
  canEditStudent,
  canEraseStudent,
  canExportStudent,
  canListStudents,
  canManageStudentRetention,
  canMarkStudentLeft,
  canOpenStudent,
  canSeeStudentDetails,
  holdsNeedToKnow,
  NEED_TO_KNOW_DAYS_AFTER_LESSON,
  studentInitials,
  studentVisibility,
  type StudentDeploymentFact,
} from "./student";

const OURS = "partnership-ours";
const THEIRS = "partnership-theirs";
const HOME = "home-school";
const ELSEWHERE = "other-school";

const actor = (role: Role, institutionId: string, partnershipId = OURS): Actor => ({
  id: `${role}-1`,
  role,
  partnershipId,
  institutionId,
});
const student = (groupTeacherIds: string[] = [], partnershipId = OURS, deployments: StudentDeploymentFact[] = []) => ({
  partnershipId,
  homeInstitutionId: HOME,
  groupTeacherIds,
  deployments,
});
const NOW = new Date("2026-03-12T10:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

// Details: [elsewhere, not teaching them], [at home institution], [teaching one of their groups, elsewhere].
const DETAILS: Record<Role, [boolean, boolean, boolean]> = {
  coordinator: [true, true, true],
  leader: [true, true, true],
  teacher: [false, true, true],
  lsa: [false, true, true],
};
// Edit: [elsewhere], [at home institution].
const EDIT: Record<Role, [boolean, boolean]> = {
  coordinator: [true, true],
  leader: [false, false],
  teacher: [false, true],
  lsa: [false, false],
};

describe.each(ROLES)("student policies for a %s", (role) => {
  const elsewhere = actor(role, ELSEWHERE);
  const atHome = actor(role, HOME);

  it("sees a student's details as the table says", () => {
    const [other, home, teaching] = DETAILS[role];
    expect(canSeeStudentDetails(elsewhere, student())).toBe(other);
    expect(canSeeStudentDetails(atHome, student())).toBe(home);
    expect(canSeeStudentDetails(elsewhere, student([elsewhere.id]))).toBe(teaching);
  });

  it("never sees another partnership's student, wherever they work", () => {
    expect(canSeeStudentDetails(atHome, student([atHome.id], THEIRS))).toBe(false);
    expect(canOpenStudent(atHome, student([atHome.id], THEIRS), NOW)).toBe(false);
    expect(canEditStudent(atHome, { partnershipId: THEIRS, homeInstitutionId: HOME })).toBe(false);
    expect(canSeeStudentDetails(actor(role, HOME, THEIRS), student())).toBe(false);
  });

  it("lists students unless an LSA; opens a record when listing or allowed its details", () => {
    expect(canListStudents(elsewhere)).toBe(role !== "lsa");
    expect(canOpenStudent(elsewhere, student(), NOW)).toBe(role !== "lsa");
    expect(canOpenStudent(atHome, student(), NOW)).toBe(true);
    expect(canOpenStudent(elsewhere, student([elsewhere.id]), NOW)).toBe(true);
  });

  it("holds need-to-know for the students of their own deployment, whatever their role, and opens their record", () => {
    const deployed = student([], OURS, [{ supporterId: elsewhere.id, lessonDate: day("2026-03-13") }]);
    expect(holdsNeedToKnow(elsewhere, deployed, NOW)).toBe(true);
    expect(studentVisibility(elsewhere, deployed, NOW)).toBe(DETAILS[role][0] ? "full" : "need-to-know");
    expect(canOpenStudent(elsewhere, deployed, NOW)).toBe(true);
    const someoneElses = student([], OURS, [{ supporterId: "someone-else", lessonDate: day("2026-03-13") }]);
    expect(holdsNeedToKnow(elsewhere, someoneElses, NOW)).toBe(false);
    expect(studentVisibility(elsewhere, someoneElses, NOW)).toBe(DETAILS[role][0] ? "full" : "initials");
  });

  it("never holds need-to-know for another partnership's student, even when named in a deployment", () => {
    const theirs = student([], THEIRS, [{ supporterId: elsewhere.id, lessonDate: null }]);
    expect(holdsNeedToKnow(elsewhere, theirs, NOW)).toBe(false);
    expect(studentVisibility(elsewhere, theirs, NOW)).toBe("initials");
    expect(canOpenStudent(elsewhere, theirs, NOW)).toBe(false);
  });

  it("adds and edits students as the table says", () => {
    const [other, home] = EDIT[role];
    expect(canCreateStudents(elsewhere)).toBe(role === "coordinator" || role === "teacher");
    expect(canEditStudent(elsewhere, student())).toBe(other);
    expect(canEditStudent(atHome, student())).toBe(home);
  });

  it("adds students to a group and removes them only when editing the group's course", () => {
    const me = elsewhere;
    expect(canChangeGroupStudents(me, { partnershipId: OURS, plannerIds: [] })).toBe(role === "coordinator");
    expect(canChangeGroupStudents(me, { partnershipId: OURS, plannerIds: [me.id] })).toBe(
      role === "coordinator" || role === "teacher",
    );
    expect(canChangeGroupStudents(me, { partnershipId: THEIRS, plannerIds: [me.id] })).toBe(false);
  });
});

describe("need-to-know from a deployment", () => {
  const lsa = actor("lsa", ELSEWHERE);
  const deployedOn = (lessonDate: Date | null) => student([], OURS, [{ supporterId: lsa.id, lessonDate }]);

  it("lasts from before the lesson until a fortnight after its day, then ends", () => {
    expect(holdsNeedToKnow(lsa, deployedOn(day("2026-06-01")), NOW)).toBe(true);
    expect(holdsNeedToKnow(lsa, deployedOn(day("2026-03-12")), NOW)).toBe(true);
    expect(NEED_TO_KNOW_DAYS_AFTER_LESSON).toBe(14);
    // The lesson on 26 February: the 14th day after it is 12 March, the last day of the right.
    expect(holdsNeedToKnow(lsa, deployedOn(day("2026-02-26")), NOW)).toBe(true);
    expect(holdsNeedToKnow(lsa, deployedOn(day("2026-02-26")), new Date("2026-03-12T23:59:59.000Z"))).toBe(true);
    expect(holdsNeedToKnow(lsa, deployedOn(day("2026-02-26")), new Date("2026-03-13T00:00:00.000Z"))).toBe(false);
    expect(holdsNeedToKnow(lsa, deployedOn(day("2026-02-25")), NOW)).toBe(false);
    expect(studentVisibility(lsa, deployedOn(day("2025-09-01")), NOW)).toBe("initials");
  });

  it("lasts as long as the deployment of an undated lesson exists", () => {
    expect(holdsNeedToKnow(lsa, deployedOn(null), NOW)).toBe(true);
  });

  it("ends with the deployment: no deployment naming the student, no need-to-know", () => {
    expect(holdsNeedToKnow(lsa, student(), NOW)).toBe(false);
    expect(studentVisibility(lsa, student(), NOW)).toBe("initials");
    expect(canOpenStudent(lsa, student(), NOW)).toBe(false);
  });

  it("gives staff of the home institution and the student's teachers their full view, not less", () => {
    const atHome = actor("lsa", HOME);
    expect(studentVisibility(atHome, student([], OURS, [{ supporterId: atHome.id, lessonDate: null }]), NOW)).toBe(
      "full",
    );
  });
});

describe("initials", () => {
  it("shows the first letter of each name with full stops", () => {
    expect(studentInitials({ firstName: "jamie", lastName: "Smith" })).toBe("J. S.");
    expect(studentInitials({ firstName: " Ellie ", lastName: "" })).toBe("E. ?.");
  });
});

describe("leavers, erasure and the subject-access export", () => {
  it("the coordinator and teachers of the home institution mark a student as left; nobody else", () => {
    const cells = ROLES.flatMap((role) =>
      [HOME, ELSEWHERE].map((at) => [role, at, canMarkStudentLeft(actor(role, at), student())] as const),
    );
    expect(cells.filter(([, , allowed]) => allowed).map(([role, at]) => `${role}@${at}`)).toEqual([
      `coordinator@${HOME}`,
      `coordinator@${ELSEWHERE}`,
      `teacher@${HOME}`,
    ]);
    expect(canMarkStudentLeft(actor("coordinator", HOME, THEIRS), student())).toBe(false);
  });

  it("only the coordinator erases, exports and sets the retention period, and only in her partnership", () => {
    for (const role of ROLES) {
      const allowed = role === "coordinator";
      expect(canEraseStudent(actor(role, HOME), student())).toBe(allowed);
      expect(canExportStudent(actor(role, HOME), student())).toBe(allowed);
      expect(canManageStudentRetention(actor(role, HOME))).toBe(allowed);
    }
    expect(canEraseStudent(actor("coordinator", HOME, THEIRS), student())).toBe(false);
    expect(canExportStudent(actor("coordinator", HOME, THEIRS), student())).toBe(false);
  });
});
