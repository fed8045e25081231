// The strategy page's server side: its loader (the strategy, where it is used, its ratings, the plans it could be
// added to, what deleting it takes) and its action, one handler per form's intent (runIntent).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { runIntent, submitForm } from "~/lib/forms/intents.server";
import { addToPlanSchema, rateStrategySchema } from "~/lib/forms/strategies";
import {
  addToLessonPlan,
  deleteStrategy,
  getStrategy,
  rateStrategy,
  strategyDeletionImpact,
} from "~/models/strategies.server";
import { listPlansToAddTo } from "~/models/strategy-use.server";
import { notFound, requireActionContext, requireActor } from "~/policies/enforce.server";
import { mayEditLessonPlans } from "~/policies/strategy";
import { decisionsAbout } from "~/models/meeting-links.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const found = await getStrategy(actor, params.strategyId ?? "");
  if (!found) notFound("We could not find that strategy.");
  const url = new URL(request.url);
  const [plansToAdd, decisions, deletion] = await Promise.all([
    listPlansToAddTo(actor, found.strategy.id),
    decisionsAbout(actor, "strategy", found.strategy.id),
    url.searchParams.get("confirm") === "delete" && found.can.delete
      ? strategyDeletionImpact(actor, found.strategy.id)
      : null,
  ]);
  const requestedPlan = url.searchParams.get("plan") ?? "";
  const myGeneralRating = found.ratings.items.find((r) => r.mine && !r.forAPlan) ?? null;
  return {
    ...found,
    plansToAdd,
    decisions,
    preselectedPlanId: plansToAdd.some((p) => p.id === requestedPlan) ? requestedPlan : "",
    requestedPlanUnavailable: Boolean(requestedPlan) && !plansToAdd.some((p) => p.id === requestedPlan),
    myGeneralRating: myGeneralRating ? { rating: myGeneralRating.rating, comment: myGeneralRating.comment } : null,
    deletion,
    canAddToPlans: mayEditLessonPlans(actor),
    user: { id: actor.id, name: context.user!.name },
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const strategyId = params.strategyId ?? "";
  const changed = (entity: "strategy" | "lesson-plan", id: string, action: "updated" | "deleted") =>
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity,
      id,
      action,
      by: ctx.actor.id,
    });
  return runIntent(await request.formData(), {
    rate: (form, intent) =>
      submitForm(form, intent, rateStrategySchema, async (value) => {
        const { created } = await rateStrategy(ctx, strategyId, value);
        changed("strategy", strategyId, "updated");
        return {
          message: created ? "Thank you: your rating is saved." : "Your rating has been updated.",
          resetForm: true,
        };
      }),
    "add-to-plan": (form, intent) =>
      submitForm(form, intent, addToPlanSchema, async ({ lessonPlanId, note }) => {
        const plan = await addToLessonPlan(ctx, strategyId, lessonPlanId, note);
        changed("strategy", strategyId, "updated");
        changed("lesson-plan", plan.id, "updated");
        return { message: `Added to “${plan.title}”.`, resetForm: true };
      }),
    delete: async () => {
      await deleteStrategy(ctx, strategyId);
      changed("strategy", strategyId, "deleted");
      throw redirect("/strategies");
    },
  });
}
