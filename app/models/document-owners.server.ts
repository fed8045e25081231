// Every kind of record that owns a collaborative document, with the access rules of
// its document, in one table: loaders (through collab-documents.server.ts) and the
// socket engine pass it to the document policy, so both decide from the same rules.
import {
  PARTNERSHIP_DOCUMENT,
  partnershipDocumentRules,
  strategyDocumentRules,
  type DocumentOwnerRules,
  type DocumentOwnerTypes,
} from "~/policies/document";
import {
  canEditLessonPlan,
  canReadLessonPlan,
  LESSON_PLAN_DOCUMENT,
  type LessonPlanFacts,
} from "~/policies/lesson-plan";
import { canReadMinutes, canWriteMinutes, MEETING_MINUTES_DOCUMENT, type MeetingFacts } from "~/policies/meeting";
import { STRATEGY_DOCUMENT } from "~/policies/strategy";
import { loadLessonPlanFacts } from "./lesson-plan-facts.server";
import { loadMeetingFacts } from "./meeting-facts.server";

export { LESSON_PLAN_DOCUMENT };

const lessonPlanDocumentRules: DocumentOwnerRules<LessonPlanFacts | null> = {
  loadFacts: (doc) => loadLessonPlanFacts(doc.partnershipId, doc.ownerId),
  canRead: (actor, _doc, plan) => plan !== null && canReadLessonPlan(actor, plan),
  canWrite: (actor, _doc, plan) => plan !== null && canEditLessonPlan(actor, plan),
};

/** A meeting's co-edited minutes: members write until approval locks them; an open group's partnership reads them. */
const meetingMinutesDocumentRules: DocumentOwnerRules<MeetingFacts | null> = {
  loadFacts: (doc) => loadMeetingFacts(doc.partnershipId, doc.ownerId),
  canRead: (actor, _doc, meeting) => meeting !== null && canReadMinutes(actor, meeting),
  canWrite: (actor, _doc, meeting) => meeting !== null && canWriteMinutes(actor, meeting),
};

export const DOCUMENT_OWNERS: DocumentOwnerTypes = new Map<string, DocumentOwnerRules<unknown>>([
  [PARTNERSHIP_DOCUMENT, partnershipDocumentRules],
  [STRATEGY_DOCUMENT, strategyDocumentRules],
  [LESSON_PLAN_DOCUMENT, lessonPlanDocumentRules],
  [MEETING_MINUTES_DOCUMENT, meetingMinutesDocumentRules],
]);
