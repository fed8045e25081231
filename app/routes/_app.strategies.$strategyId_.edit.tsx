// Edit a strategy's title, summary, evidence and tags: its author or the
// coordinator. (The description is co-edited live on the strategy's page.)
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { submitForm } from "~/lib/forms/intents.server";
import { strategySchema } from "~/lib/forms/strategies";
import { groupTags } from "~/lib/forms/strategy-vocabulary";
import { findStrategy, updateStrategy } from "~/models/strategies.server";
import type { Actor } from "~/policies/actor";
import { ensure, notFound, requireActionContext, requireActor } from "~/policies/enforce.server";
import { canEditStrategy } from "~/policies/strategy";

const StrategyForm = lazySection(() => import("~/components/strategies/strategy-form").then((m) => m.StrategyForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.strategy.title ?? "strategy"} · Strategies · Staffroom` },
];

const ONLY_AUTHOR = "Only the member who shared this strategy, or the coordinator, can change its summary and tags.";

async function editableStrategy(actor: Actor, strategyId: string | undefined) {
  const strategy = await findStrategy(actor, strategyId ?? "");
  if (!strategy) notFound("We could not find that strategy.");
  ensure(canEditStrategy(actor, strategy), ONLY_AUTHOR);
  return strategy;
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const strategy = await editableStrategy(requireActor(context, request), params.strategyId);
  const tags = groupTags(strategy.tags);
  return {
    strategy: {
      id: strategy.id,
      title: strategy.title,
      summary: strategy.summary,
      evidence: strategy.evidence,
      needs: tags.need,
      subjects: tags.subject,
      keyStages: tags.key_stage,
      phases: tags.phase,
    },
  };
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  const strategy = await editableStrategy(ctx.actor, params.strategyId);
  return submitForm(await request.formData(), "edit", strategySchema, async (value) => {
    await updateStrategy(ctx, strategy.id, value);
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "strategy",
      id: strategy.id,
      action: "updated",
      by: ctx.actor.id,
    });
    throw redirect(`/strategies/${strategy.id}`);
  });
}

export default function EditStrategyPage() {
  const { strategy } = useLoaderData<typeof loader>();
  const lastResult = useLastActionData<typeof action>()?.result;
  return (
    <>
      <p>
        <Link to={`/strategies/${strategy.id}`}>Back to the strategy</Link>
      </p>
      <h1>Edit “{strategy.title}”</h1>
      <p className="page-intro">
        The summary, evidence and tags. Colleagues co-edit the description on the strategy's page.
      </p>
      <section className="card narrow-wide">
        <StrategyForm
          id="edit-strategy"
          lastResult={lastResult}
          defaultValue={strategy}
          submitLabel="Save changes"
          pendingLabel="Saving…"
        />
      </section>
    </>
  );
}
