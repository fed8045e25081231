// The plain facts the student policies need (home institution, the teachers of their groups, the deployments naming
// them), in one statement for any number of students: the name screen asks for them on every text a member is sent
// that names someone (search snippets, briefings, comments), where Prisma's nested reads cost seven statements.
import { Prisma } from "~/generated/sqlite/client";
import type { StudentDeploymentFact, StudentFacts } from "~/policies/student";
import { db } from "./db.server";
import { sqlInstant } from "./sql-values.server";

interface FactRow {
  kind: "student" | "teacher" | "deployment";
  studentId: string;
  value: string;
  lessonDate: Date | string | null;
}

/** The policy facts of several students of the partnership (ids of other partnerships are left out). */
export async function listStudentFacts(
  partnershipId: string,
  studentIds: readonly string[],
): Promise<Array<StudentFacts & { id: string }>> {
  if (studentIds.length === 0) return [];
  const ids = Prisma.join([...new Set(studentIds)]);
  // The dated branch first: PostgreSQL types a column of a UNION from its first branches, and NULL alone reads as text.
  const rows = await db().$queryRaw<FactRow[]>(Prisma.sql`
    SELECT 'deployment' AS "kind", ds."studentId" AS "studentId", d."supporterId" AS "value", p."lessonDate" AS "lessonDate"
      FROM "DeploymentStudent" ds JOIN "Deployment" d ON d."id" = ds."deploymentId"
        JOIN "LessonPlan" p ON p."id" = d."lessonPlanId"
      WHERE ds."studentId" IN (${ids}) AND d."partnershipId" = ${partnershipId}
    UNION ALL SELECT 'student', s."id", s."homeInstitutionId", NULL
      FROM "Student" s WHERE s."id" IN (${ids}) AND s."partnershipId" = ${partnershipId}
    UNION ALL SELECT 'teacher', gs."studentId", gt."userId", NULL
      FROM "GroupStudent" gs JOIN "GroupTeacher" gt ON gt."groupId" = gs."groupId" WHERE gs."studentId" IN (${ids})`);
  const students = new Map<
    string,
    StudentFacts & { id: string; groupTeacherIds: string[]; deployments: StudentDeploymentFact[] }
  >();
  for (const row of rows) {
    if (row.kind !== "student") continue;
    students.set(row.studentId, {
      id: row.studentId,
      partnershipId,
      homeInstitutionId: row.value,
      groupTeacherIds: [],
      deployments: [],
    });
  }
  for (const row of rows) {
    const student = students.get(row.studentId);
    if (!student) continue;
    if (row.kind === "teacher") student.groupTeacherIds.push(row.value);
    if (row.kind === "deployment") {
      student.deployments.push({ supporterId: row.value, lessonDate: sqlInstant(row.lessonDate) });
    }
  }
  return [...students.values()];
}

/** The facts of one student of the partnership; null when there is none. */
export async function getStudentFacts(
  partnershipId: string,
  studentId: string,
): Promise<(StudentFacts & { id: string }) | null> {
  return (await listStudentFacts(partnershipId, [studentId]))[0] ?? null;
}
