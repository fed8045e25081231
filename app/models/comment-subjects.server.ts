// What a comment thread can be on, loaded once per request: a co-edited document, a deployment, a meeting action or a
// strategy rating, each judged by its own policy (the document owner table, the deployment, meeting and strategy
// rules), so comments are visible exactly to those who may read their subject, and no further.
import type { CommentSubjectType } from "~/lib/comments";
import type { Actor } from "~/policies/actor";
import type { CommentSubjectFacts } from "~/policies/comment";
import { canEditDeployment, canViewDeployment } from "~/policies/deployment";
import { canReadDocument, canWriteDocument, loadDocumentFacts, PARTNERSHIP_DOCUMENT } from "~/policies/document";
import { canFollowMeetings, canUpdateAction, MEETING_MINUTES_DOCUMENT } from "~/policies/meeting";
import { canEditRating, canReadStrategy, STRATEGY_DOCUMENT } from "~/policies/strategy";
import { db } from "./db.server";
import { loadDeploymentFacts } from "./deployments.server";
import { DOCUMENT_OWNERS, LESSON_PLAN_DOCUMENT } from "./document-owners.server";
import { GROUP_FACTS, groupFacts } from "./meeting-facts.server";

export interface CommentSubject {
  type: CommentSubjectType;
  id: string;
  partnershipId: string;
  /** How notifications name it: "Year 10 Sport: warm-up". */
  title: string;
  /** Where its comments are shown. */
  href: string;
  /** Co-planners of the plan it belongs to (told of each new comment on a plan); empty for anything else. */
  coPlannerIds: readonly string[];
  /** The subject as this actor sees it, by the subject's own policy. */
  factsFor(actor: Actor): CommentSubjectFacts;
}

const DOCUMENT_PAGES: Record<string, (ownerId: string, documentId: string) => string> = {
  [LESSON_PLAN_DOCUMENT]: (ownerId) => `/plans/${ownerId}`,
  [STRATEGY_DOCUMENT]: (ownerId) => `/strategies/${ownerId}`,
  [MEETING_MINUTES_DOCUMENT]: (ownerId) => `/meetings/${ownerId}`,
  [PARTNERSHIP_DOCUMENT]: (_ownerId, documentId) => `/documents/${documentId}`,
};

type Loader = (partnershipId: string, id: string) => Promise<CommentSubject | null>;

const loadDocument: Loader = async (partnershipId, id) => {
  const record = await db().collabDocument.findFirst({
    where: { id, partnershipId },
    select: { id: true, partnershipId: true, ownerType: true, ownerId: true, title: true },
  });
  const page = record ? DOCUMENT_PAGES[record.ownerType] : undefined;
  if (!record || !page) return null;
  const facts = await loadDocumentFacts(DOCUMENT_OWNERS, record);
  const plan = record.ownerType === LESSON_PLAN_DOCUMENT ? (facts?.value as { plannerIds?: string[] } | null) : null;
  const title =
    record.title || (record.ownerType === LESSON_PLAN_DOCUMENT ? await planTitle(record.ownerId) : "a document");
  return {
    type: "document",
    id,
    partnershipId,
    title,
    href: page(record.ownerId, record.id),
    coPlannerIds: plan?.plannerIds ?? [],
    factsFor: (actor) => ({
      partnershipId,
      readable: canReadDocument(DOCUMENT_OWNERS, actor, record, facts),
      editable: canWriteDocument(DOCUMENT_OWNERS, actor, record, facts),
    }),
  };
};

async function planTitle(planId: string): Promise<string> {
  const plan = await db().lessonPlan.findUnique({ where: { id: planId }, select: { title: true } });
  return plan?.title ?? "a lesson plan";
}

const loadDeployment: Loader = async (partnershipId, id) => {
  const deployment = await loadDeploymentFacts(partnershipId, id);
  if (!deployment) return null;
  return {
    type: "deployment",
    id,
    partnershipId,
    title: "a deployment's briefing",
    href: `/deployments/${id}`,
    coPlannerIds: [],
    factsFor: (actor) => ({
      partnershipId,
      readable: canViewDeployment(actor, deployment),
      editable: canEditDeployment(actor, deployment) || actor.id === deployment.supporterId,
    }),
  };
};

/** Each id's subject, the missing left out: a list's records in a few queries, however many (the counts of a page). */
type BatchLoader = (partnershipId: string, ids: readonly string[]) => Promise<CommentSubject[]>;

/** One query per subject, for the kinds no page lists (a document, a deployment): each is asked about alone. */
const oneByOne =
  (load: Loader): BatchLoader =>
  async (partnershipId, ids) =>
    (await Promise.all(ids.map((id) => load(partnershipId, id)))).filter((s): s is CommentSubject => s !== null);

const loadMeetingActions: BatchLoader = async (partnershipId, ids) => {
  const actions = await db().meetingAction.findMany({
    where: { id: { in: [...ids] }, partnershipId },
    select: {
      id: true,
      meetingId: true,
      ownerId: true,
      description: true,
      group: { select: GROUP_FACTS },
    },
  });
  return actions.map((action) => {
    const group = groupFacts(action.group);
    return {
      type: "meeting-action",
      id: action.id,
      partnershipId,
      title: `the action "${action.description.slice(0, 60)}"`,
      href: `/meetings/${action.meetingId}`,
      coPlannerIds: [],
      factsFor: (actor) => ({
        partnershipId,
        readable: canFollowMeetings(actor, group),
        editable: canUpdateAction(actor, group, action),
      }),
    };
  });
};

const loadStrategyRatings: BatchLoader = async (partnershipId, ids) => {
  const ratings = await db().strategyRating.findMany({
    where: { id: { in: [...ids] }, strategy: { partnershipId } },
    select: {
      id: true,
      userId: true,
      strategyId: true,
      strategy: { select: { title: true, createdById: true } },
    },
  });
  return ratings.map((rating) => {
    const strategy = { partnershipId, createdById: rating.strategy.createdById };
    return {
      type: "strategy-rating",
      id: rating.id,
      partnershipId,
      title: `a rating of ${rating.strategy.title}`,
      href: `/strategies/${rating.strategyId}`,
      coPlannerIds: [],
      factsFor: (actor) => ({
        partnershipId,
        readable: canReadStrategy(actor, strategy),
        editable: canEditRating(actor, strategy, rating),
      }),
    };
  });
};

const LOADERS: Record<CommentSubjectType, BatchLoader> = {
  document: oneByOne(loadDocument),
  deployment: oneByOne(loadDeployment),
  "meeting-action": loadMeetingActions,
  "strategy-rating": loadStrategyRatings,
};

/** The subject in the actor's partnership (never another's), or null. */
export async function loadCommentSubject(
  partnershipId: string,
  type: CommentSubjectType,
  id: string,
): Promise<CommentSubject | null> {
  return (await LOADERS[type](partnershipId, [id]))[0] ?? null;
}

/** The subjects among ids in the partnership (never another's), in no particular order; the missing left out. */
export function loadCommentSubjects(
  partnershipId: string,
  type: CommentSubjectType,
  ids: readonly string[],
): Promise<CommentSubject[]> {
  return ids.length === 0 ? Promise.resolve([]) : LOADERS[type](partnershipId, ids);
}
