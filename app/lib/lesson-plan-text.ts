// The free-text parts of a lesson plan, in lesson order. Each is one root of the
// plan's live document (named like the plan's column that keeps its plain-text
// copy for search, briefings and the reading view); the notes are the document's
// default root. Shared by the editor, the server's projection and the seed.

export const PLAN_TEXT_PARTS = [
  {
    name: "objectives",
    label: "Learning objectives",
    hint: "What the students will learn. One per line works well.",
    section: "objectives",
  },
  { name: "successCriteria", label: "Success criteria", hint: "How they and you will know.", section: "objectives" },
  { name: "starter", label: "Starter", hint: "", section: "starter" },
  { name: "mainActivity", label: "Main activity", hint: "", section: "main" },
  { name: "plenary", label: "Plenary", hint: "", section: "plenary" },
  {
    name: "assessment",
    label: "Assessment for learning",
    hint: "Questioning and checks for understanding during the lesson.",
    section: "assessment",
  },
  {
    name: "evaluation",
    label: "What worked and what did not",
    hint: "After teaching: what worked, what the supporters saw.",
    section: "evaluation",
  },
  { name: "nextSteps", label: "Next steps", hint: "", section: "evaluation" },
] as const;

export type PlanTextPartName = (typeof PLAN_TEXT_PARTS)[number]["name"];

export const PLAN_TEXT_PART_NAMES: readonly PlanTextPartName[] = PLAN_TEXT_PARTS.map((part) => part.name);

export type PlanTexts = Record<PlanTextPartName, string>;
