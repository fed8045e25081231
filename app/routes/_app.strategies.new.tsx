// Share a strategy with the partnership: its summary, evidence and tags; its
// description becomes a co-edited document that starts from the summary.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { submitForm } from "~/lib/forms/intents.server";
import { strategySchema } from "~/lib/forms/strategies";
import { createStrategy } from "~/models/strategies.server";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";
import { canShareStrategy } from "~/policies/strategy";

const StrategyForm = lazySection(() => import("~/components/strategies/strategy-form").then((m) => m.StrategyForm));

export const meta: MetaFunction = () => [{ title: "Share a strategy · Strategies · Staffroom" }];

const LEADERS_READ = "Leaders can browse and rate strategies but not share them.";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canShareStrategy(actor), LEADERS_READ);
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  ensure(canShareStrategy(ctx.actor), LEADERS_READ);
  return submitForm(await request.formData(), "share", strategySchema, async (value) => {
    const strategy = await createStrategy(ctx, value);
    context.realtime.emitToPartnership(ctx.actor.partnershipId, "partnership:changed", {
      entity: "strategy",
      id: strategy.id,
      action: "created",
      by: ctx.actor.id,
    });
    throw redirect(`/strategies/${strategy.id}`);
  });
}

export default function NewStrategyPage() {
  const lastResult = useLastActionData<typeof action>()?.result;
  return (
    <>
      <p>
        <Link to="/strategies">Back to strategies</Link>
      </p>
      <h1>Share a strategy</h1>
      <p className="page-intro">
        Something that made a difference in your lessons. After you share it, colleagues can add to its description, use
        it in their lesson plans and rate its impact.
      </p>
      <section className="card narrow-wide">
        <StrategyForm id="new-strategy" lastResult={lastResult} submitLabel="Share strategy" pendingLabel="Sharing…" />
      </section>
    </>
  );
}
