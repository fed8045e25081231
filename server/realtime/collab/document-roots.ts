// The roots (top-level shared types) a document may have, by the kind of record that owns it: a lesson plan keeps
// its notes and each text part in a root of its own (decision 012); every other document has the one root.
import { PLAN_TEXT_PART_NAMES } from "~/lib/lesson-plan-text";
import { YJS_ROOT_NAME } from "~/lib/document-schema/nodes";
import { LESSON_PLAN_DOCUMENT } from "~/models/document-owners.server";

const ONE_ROOT: ReadonlySet<string> = new Set([YJS_ROOT_NAME]);
const LESSON_PLAN_ROOTS: ReadonlySet<string> = new Set([YJS_ROOT_NAME, ...PLAN_TEXT_PART_NAMES]);

export function allowedRoots(ownerType: string): ReadonlySet<string> {
  return ownerType === LESSON_PLAN_DOCUMENT ? LESSON_PLAN_ROOTS : ONE_ROOT;
}
