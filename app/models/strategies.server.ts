// One strategy of the library: with its tags, ratings and where it is used; share, edit and delete (with its
// co-edited description); add to a lesson plan; rate impact 1 to 5 (browsing: strategy-search.server.ts).
// Every query is scoped to the actor's partnership here, not in the routes.
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { DomainError } from "~/lib/errors";
import { STRATEGY_TAG_KIND_LIST, STRATEGY_TAG_KINDS, groupTags, type StrategyInput } from "~/lib/forms/strategies";
import type { ActionContext, Actor } from "~/policies/actor";
import {
  STRATEGY_DOCUMENT,
  canAddStrategyToPlan,
  canDeleteStrategy,
  canEditRating,
  canEditStrategy,
  canRateStrategy,
  canReadStrategy,
  canShareStrategy,
  canWriteStrategyDescription,
} from "~/policies/strategy";
import { canReadLessonPlan } from "~/policies/lesson-plan";
import { deleteCommentsAbout } from "./comment-deletion.server";
import { auditAction } from "./audit.server";
import {
  createDocumentInTransaction,
  deleteDocumentsOfOwner,
  firstDocumentState,
  getDocumentByOwnerForActor,
} from "./collab-documents.server";
import { db, isUniqueViolation } from "./db.server";
import { loadLessonPlanFacts } from "./lesson-plan-facts.server";
import { listPlanUses, listRatings } from "./strategy-use.server";

type TagRow = { kind: string; value: string };

function tagRows(input: StrategyInput): TagRow[] {
  return STRATEGY_TAG_KIND_LIST.flatMap((kind) =>
    (input[STRATEGY_TAG_KINDS[kind].field] as string[]).map((value) => ({ kind, value })),
  );
}

/** The strategy's own row, or null when missing or in another partnership (show 404). */
export async function findStrategy(actor: Actor, strategyId: string) {
  const strategy = await db().strategy.findFirst({
    where: { id: strategyId, partnershipId: actor.partnershipId },
    include: { tags: { select: { kind: true, value: true } } },
  });
  return strategy && canReadStrategy(actor, strategy) ? strategy : null;
}

async function requireStrategy(actor: Actor, strategyId: string) {
  const strategy = await findStrategy(actor, strategyId);
  if (!strategy) throw new DomainError("not-found", "We could not find that strategy.");
  return strategy;
}

/** Everything the strategy's page shows, or null (404). */
export async function getStrategy(actor: Actor, strategyId: string) {
  const strategy = await db().strategy.findFirst({
    where: { id: strategyId, partnershipId: actor.partnershipId },
    include: {
      tags: { select: { kind: true, value: true } },
      institution: { select: { id: true, name: true } },
    },
  });
  if (!strategy || !canReadStrategy(actor, strategy)) return null;
  const [author, ratings, uses, description] = await Promise.all([
    strategy.createdById
      ? db().user.findFirst({
          where: { id: strategy.createdById, partnershipId: actor.partnershipId },
          select: { id: true, name: true },
        })
      : null,
    listRatings(actor, strategy.id),
    listPlanUses(actor, strategy.id),
    getDocumentByOwnerForActor(actor, STRATEGY_DOCUMENT, strategy.id),
  ]);
  return {
    strategy: {
      id: strategy.id,
      title: strategy.title,
      summary: strategy.summary,
      evidence: strategy.evidence,
      createdAt: strategy.createdAt,
      updatedAt: strategy.updatedAt,
      institution: strategy.institution,
      author,
      tags: groupTags(strategy.tags),
    },
    ratings,
    uses,
    description: description ? { id: description.document.id, canWrite: description.canWrite } : null,
    can: {
      edit: canEditStrategy(actor, strategy),
      delete: canDeleteStrategy(actor, strategy),
      rate: canRateStrategy(actor, strategy),
      editDescription: canWriteStrategyDescription(actor, strategy),
    },
  };
}

/** What goes with a strategy when it is deleted, for the confirmation. */
export async function strategyDeletionImpact(actor: Actor, strategyId: string) {
  const strategy = await requireStrategy(actor, strategyId);
  const document = await db().collabDocument.findUnique({
    where: { ownerType_ownerId: { ownerType: STRATEGY_DOCUMENT, ownerId: strategy.id } },
    select: { id: true },
  });
  const [planLinks, ratings, versions] = await Promise.all([
    db().lessonPlanStrategy.count({ where: { strategyId: strategy.id } }),
    db().strategyRating.count({ where: { strategyId: strategy.id } }),
    document ? db().collabSnapshot.count({ where: { documentId: document.id, kind: { in: ["auto", "named"] } } }) : 0,
  ]);
  return { planLinks, ratings, versions };
}

export async function createStrategy(ctx: ActionContext, input: StrategyInput) {
  const { actor } = ctx;
  if (!canShareStrategy(actor))
    throw new DomainError("forbidden", "Leaders can browse and rate strategies but not share them.");
  // The description starts as the summary, so co-editors have something to build on.
  const descriptionState = firstDocumentState({
    initialContent: () => {
      $getRoot().append($createParagraphNode().append($createTextNode(input.summary)));
    },
  });
  // The strategy, its tags and its description are stored together or not at all.
  const strategy = await db().$transaction(async (tx) => {
    const created = await tx.strategy.create({
      data: {
        partnershipId: actor.partnershipId,
        title: input.title,
        summary: input.summary,
        evidence: input.evidence,
        institutionId: actor.institutionId,
        createdById: actor.id,
      },
    });
    await tx.strategyTag.createMany({ data: tagRows(input).map((tag) => ({ ...tag, strategyId: created.id })) });
    const description = {
      ownerType: STRATEGY_DOCUMENT,
      ownerId: created.id,
      title: created.title,
      state: descriptionState,
    };
    // The description's rules decide from the document alone (the strategy's owner facts are none).
    await createDocumentInTransaction(tx, actor, description, undefined);
    return created;
  });
  await auditAction(ctx, {
    action: "strategy.created",
    subjectType: "strategy",
    subjectId: strategy.id,
    detail: { title: strategy.title },
  });
  return strategy;
}

export async function updateStrategy(ctx: ActionContext, strategyId: string, input: StrategyInput) {
  const { actor } = ctx;
  const strategy = await requireStrategy(actor, strategyId);
  if (!canEditStrategy(actor, strategy)) {
    throw new DomainError(
      "forbidden",
      "Only the member who shared this strategy, or the coordinator, can change its summary and tags.",
    );
  }
  await db().$transaction([
    db().strategy.update({
      where: { id: strategy.id },
      data: { title: input.title, summary: input.summary, evidence: input.evidence },
    }),
    db().strategyTag.deleteMany({ where: { strategyId: strategy.id } }),
    db().strategyTag.createMany({ data: tagRows(input).map((tag) => ({ ...tag, strategyId: strategy.id })) }),
    db().collabDocument.updateMany({
      where: { ownerType: STRATEGY_DOCUMENT, ownerId: strategy.id },
      data: { title: input.title },
    }),
  ]);
  await auditAction(ctx, {
    action: "strategy.updated",
    subjectType: "strategy",
    subjectId: strategy.id,
    detail: { title: input.title },
  });
}

/** Deletes the strategy with its tags, plan links, ratings and its description with every version. */
export async function deleteStrategy(ctx: ActionContext, strategyId: string) {
  const { actor } = ctx;
  const strategy = await requireStrategy(actor, strategyId);
  if (!canDeleteStrategy(actor, strategy)) {
    throw new DomainError("forbidden", "Only the member who shared this strategy, or the coordinator, can delete it.");
  }
  const impact = await strategyDeletionImpact(actor, strategy.id);
  await deleteDocumentsOfOwner(STRATEGY_DOCUMENT, strategy.id);
  const ratings = await db().strategyRating.findMany({ where: { strategyId: strategy.id }, select: { id: true } });
  await deleteCommentsAbout(
    "strategy-rating",
    ratings.map((r) => r.id),
  );
  // Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite only honours with foreign_keys on.
  await db().$transaction([
    db().lessonPlanStrategy.deleteMany({ where: { strategyId: strategy.id } }),
    db().strategyRating.deleteMany({ where: { strategyId: strategy.id } }),
    db().strategyTag.deleteMany({ where: { strategyId: strategy.id } }),
    db().strategy.deleteMany({ where: { id: strategy.id, partnershipId: actor.partnershipId } }),
  ]);
  await auditAction(ctx, {
    action: "strategy.deleted",
    subjectType: "strategy",
    subjectId: strategy.id,
    detail: { title: strategy.title, ...impact },
  });
}

/** Links the strategy to a lesson plan the actor may edit, with how it is used there. */
export async function addToLessonPlan(ctx: ActionContext, strategyId: string, lessonPlanId: string, note = "") {
  const { actor } = ctx;
  const strategy = await requireStrategy(actor, strategyId);
  const [plan, facts] = await Promise.all([
    db().lessonPlan.findFirst({
      where: { id: lessonPlanId, partnershipId: actor.partnershipId },
      select: { id: true, title: true },
    }),
    loadLessonPlanFacts(actor.partnershipId, lessonPlanId),
  ]);
  if (!plan || !facts) throw new DomainError("not-found", "We could not find that lesson plan.");
  if (!canAddStrategyToPlan(actor, strategy, facts)) {
    throw new DomainError(
      "forbidden",
      "Only the coordinator or a teacher who co-plans this course can change its lesson plans.",
    );
  }
  const existing = await db().lessonPlanStrategy.findUnique({
    where: { lessonPlanId_strategyId: { lessonPlanId: plan.id, strategyId: strategy.id } },
  });
  const alreadyUsed = () => new DomainError("invalid", `“${plan.title}” already uses this strategy.`, "lessonPlanId");
  if (existing) throw alreadyUsed();
  try {
    await db().lessonPlanStrategy.create({
      data: { lessonPlanId: plan.id, strategyId: strategy.id, note: note.trim().slice(0, 500), addedById: actor.id },
    });
  } catch (error) {
    // The same link, sent twice at once (a double click), was made by the other request.
    if (isUniqueViolation(error)) throw alreadyUsed();
    throw error;
  }
  return plan;
}

/**
 * Records the actor's impact rating: one per member per lesson plan, or one
 * general rating without a plan. Rating again replaces their earlier one.
 */
export async function rateStrategy(
  ctx: ActionContext,
  strategyId: string,
  input: { rating: number; comment?: string; lessonPlanId?: string | null },
) {
  const { actor } = ctx;
  const strategy = await requireStrategy(actor, strategyId);
  if (!canRateStrategy(actor, strategy)) throw new DomainError("forbidden", "You cannot rate this strategy.");
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    throw new DomainError("invalid", "Choose a rating from 1 to 5.", "rating");
  }
  const lessonPlanId = input.lessonPlanId || null;
  if (lessonPlanId) {
    const [facts, link] = await Promise.all([
      loadLessonPlanFacts(actor.partnershipId, lessonPlanId),
      db().lessonPlanStrategy.findUnique({
        where: { lessonPlanId_strategyId: { lessonPlanId, strategyId: strategy.id } },
      }),
    ]);
    if (!facts || !canReadLessonPlan(actor, facts))
      throw new DomainError("not-found", "We could not find that lesson plan.");
    if (!link) {
      throw new DomainError(
        "invalid",
        "That lesson plan does not use this strategy. Add it to the plan first, or give a general rating.",
        "lessonPlanId",
      );
    }
  }
  const comment = (input.comment ?? "").trim().slice(0, 1000);
  const key = { strategyId: strategy.id, userId: actor.id, scope: lessonPlanId ?? GENERAL_RATING };
  const write = () =>
    db().$transaction(async (tx) => {
      const existing = await tx.strategyRating.findUnique({ where: { strategyId_userId_scope: key } });
      if (existing) {
        if (!canEditRating(actor, strategy, existing))
          throw new DomainError("forbidden", "Only its author can change a rating.");
        const rating = await tx.strategyRating.update({
          where: { id: existing.id },
          data: { rating: input.rating, comment },
        });
        return { rating, created: false };
      }
      const rating = await tx.strategyRating.create({ data: { ...key, lessonPlanId, rating: input.rating, comment } });
      return { rating, created: true };
    });
  try {
    return await write();
  } catch (error) {
    // The same member's rating, sent twice at once (a double click), lost the race to create it: update it instead.
    if (isUniqueViolation(error)) return write();
    throw error;
  }
}

/** The scope of a rating given without a lesson plan (see StrategyRating.scope in the schema). */
const GENERAL_RATING = "general";
