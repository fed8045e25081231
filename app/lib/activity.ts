// Audit actions as a sentence fragment for activity lists ("Sarah Whitfield added a unit").
const PHRASES: Record<string, string> = {
  "course.created": "created the course",
  "course.updated": "changed the course details",
  "course.unit_added": "added a unit",
  "course.unit_renamed": "renamed a unit",
  "course.units_reordered": "reordered the units",
  "course.unit_removed": "removed a unit",
  "course.planner_added": "added a co-planner",
  "course.planner_removed": "removed a co-planner",
  "group.created": "created a teaching group",
  "group.updated": "changed a group's details",
  "group.deleted": "deleted a teaching group",
  "group.teacher_added": "added a teacher to a group",
  "group.teacher_removed": "removed a teacher from a group",
  "group.timetable_changed": "changed a group's timetable",
  "group.transport_changed": "changed a group's transport",
};

export function activityPhrase(action: string): string {
  if (PHRASES[action]) return PHRASES[action];
  const [subject = "", verb = ""] = action.split(".");
  return `${verb.replace(/_/g, " ")} ${subject === "lesson-plan" || subject === "lesson_plan" || subject === "plan" ? "a lesson plan" : `a ${subject.replace(/[-_]/g, " ")}`}`.trim();
}

/** The quoted title or name an entry is about, when it carries one. */
export function activityObject(detail: Record<string, unknown>): string {
  for (const key of ["unit", "title", "name"]) {
    const value = detail[key];
    if (typeof value === "string" && value) return value;
  }
  return "";
}
