// How support is spread across a lesson, shown honestly on the plan: minutes of
// adult support per student against the lesson's length, and warnings where the
// pattern is one the EEF guidance warns against (a supporter replacing the
// teacher for the pupils who struggle most). Pure, so the plan page and tests share it.
import { DEPLOYMENT_MODES, LESSON_PHASES } from "./co-planning";

export interface PatternDeployment {
  id: string;
  supporterName: string;
  phase: string;
  mode: string;
  minutes: number;
  studentIds: readonly string[];
  briefed: boolean;
}

export interface StudentSupport {
  studentId: string;
  minutes: number;
  /** Share of the lesson, in percent (can pass 100 when deployments overlap). */
  percentOfLesson: number;
  oneToOneMinutes: number;
}

export interface DeploymentWarning {
  deploymentId: string;
  kind: "one-to-one-whole-lesson" | "supported-whole-lesson" | "longer-than-lesson" | "not-briefed";
  message: string;
  studentId?: string;
}

export function analyseDeployments(
  durationMinutes: number,
  deployments: readonly PatternDeployment[],
  studentName: (studentId: string) => string,
): { perStudent: StudentSupport[]; warnings: DeploymentWarning[] } {
  const totals = new Map<string, StudentSupport>();
  const warnings: DeploymentWarning[] = [];
  for (const d of deployments) {
    for (const studentId of d.studentIds) {
      const entry = totals.get(studentId) ?? { studentId, minutes: 0, percentOfLesson: 0, oneToOneMinutes: 0 };
      entry.minutes += d.minutes;
      if (d.mode === "one_to_one") entry.oneToOneMinutes += d.minutes;
      totals.set(studentId, entry);
    }
    const wholeLesson = d.phase === "whole" || d.minutes >= durationMinutes;
    if (d.mode === "one_to_one" && wholeLesson && d.studentIds.length === 1) {
      const studentId = d.studentIds[0]!;
      warnings.push({
        deploymentId: d.id,
        kind: "one-to-one-whole-lesson",
        studentId,
        message:
          `${d.supporterName} is with ${studentName(studentId)} one-to-one for the whole lesson. The EEF warns that pupils ` +
          "supported this way can end up taught by the assistant instead of the teacher: plan time for the teacher to " +
          "work with them too, and have the supporter step back as they gain independence.",
      });
    }
    if (d.minutes > durationMinutes) {
      warnings.push({
        deploymentId: d.id,
        kind: "longer-than-lesson",
        message: `${d.supporterName} is deployed for ${d.minutes} minutes (${LESSON_PHASES.label(d.phase).toLowerCase()}, ${DEPLOYMENT_MODES.label(d.mode).toLowerCase()}), longer than the ${durationMinutes}-minute lesson.`,
      });
    }
    if (!d.briefed) {
      warnings.push({
        deploymentId: d.id,
        kind: "not-briefed",
        message: `${d.supporterName} has not been briefed yet: add the concepts, skills, intended outcomes and the feedback you expect.`,
      });
    }
  }
  const perStudent = [...totals.values()]
    .map((s) => ({ ...s, percentOfLesson: durationMinutes > 0 ? Math.round((s.minutes / durationMinutes) * 100) : 0 }))
    .sort((a, b) => b.minutes - a.minutes);
  for (const s of perStudent) {
    const alreadyWarned = warnings.some((w) => w.kind === "one-to-one-whole-lesson" && w.studentId === s.studentId);
    if (s.minutes >= durationMinutes && !alreadyWarned) {
      warnings.push({
        deploymentId: "",
        kind: "supported-whole-lesson",
        studentId: s.studentId,
        message: `${studentName(s.studentId)} has an adult supporting them for the whole lesson (${s.minutes} of ${durationMinutes} minutes). Make sure they get at least as much of the teacher's time as their classmates.`,
      });
    }
  }
  return { perStudent, warnings };
}
