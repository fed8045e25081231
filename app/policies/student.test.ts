// Every student rule, cell by cell: each role, at the student's home institution or not,
// teaching one of their groups or not, in and across partnerships.
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/lib/roles";
import type { Actor } from "./actor";
import {
  canChangeGroupStudents,
  canCreateStudents,
  canEditStudent,
  canListStudents,
  canOpenStudent,
  canSeeStudentDetails,
  studentInitials,
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
const student = (groupTeacherIds: string[] = [], partnershipId = OURS) => ({
  partnershipId,
  homeInstitutionId: HOME,
  groupTeacherIds,
});

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
    expect(canOpenStudent(atHome, student([atHome.id], THEIRS))).toBe(false);
    expect(canEditStudent(atHome, { partnershipId: THEIRS, homeInstitutionId: HOME })).toBe(false);
    expect(canSeeStudentDetails(actor(role, HOME, THEIRS), student())).toBe(false);
  });

  it("lists students unless an LSA; opens a record when listing or allowed its details", () => {
    expect(canListStudents(elsewhere)).toBe(role !== "lsa");
    expect(canOpenStudent(elsewhere, student())).toBe(role !== "lsa");
    expect(canOpenStudent(atHome, student())).toBe(true);
    expect(canOpenStudent(elsewhere, student([elsewhere.id]))).toBe(true);
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

describe("initials", () => {
  it("shows the first letter of each name with full stops", () => {
    expect(studentInitials({ firstName: "jamie", lastName: "Smith" })).toBe("J. S.");
    expect(studentInitials({ firstName: " Ellie ", lastName: "" })).toBe("E. ?.");
  });
});
