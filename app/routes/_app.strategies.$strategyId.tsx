// One strategy: its live co-edited description, tags and evidence; where it is
// used; its ratings with the form to rate it; "add to a lesson plan" in one step
// (?plan=<id> preselects a plan); and confirmed deletion for author or coordinator.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { LiveEditor } from "~/components/live-editor";
import { StrategyTagList, ratingSummary } from "~/components/strategies/strategy-form";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { formatDate, formatDateTime } from "~/lib/format";
import { RATING_LABELS, addToPlanSchema, rateStrategySchema } from "~/lib/forms/strategies";
import {
  StrategyError,
  addToLessonPlan,
  deleteStrategy,
  getStrategy,
  rateStrategy,
  strategyDeletionImpact,
} from "~/models/strategies.server";
import { listPlansToAddTo } from "~/models/strategy-use.server";
import { forbidden, notFound, requireActor } from "~/policies/enforce.server";
import { mayEditLessonPlans } from "~/policies/strategy";
import type { loader as appLoader } from "./_app";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.strategy.title ?? "Strategy"} · Strategies · Staffroom` },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  const found = await getStrategy(actor, params.strategyId ?? "");
  if (!found) notFound("We could not find that strategy.");
  const url = new URL(request.url);
  const [plansToAdd, deletion] = await Promise.all([
    listPlansToAddTo(actor, found.strategy.id),
    url.searchParams.get("confirm") === "delete" && found.can.delete
      ? strategyDeletionImpact(actor, found.strategy.id)
      : null,
  ]);
  const requestedPlan = url.searchParams.get("plan") ?? "";
  const myGeneralRating = found.ratings.items.find((r) => r.mine && !r.forAPlan) ?? null;
  return {
    ...found,
    plansToAdd,
    preselectedPlanId: plansToAdd.some((p) => p.id === requestedPlan) ? requestedPlan : "",
    requestedPlanUnavailable: Boolean(requestedPlan) && !plansToAdd.some((p) => p.id === requestedPlan),
    myGeneralRating: myGeneralRating ? { rating: myGeneralRating.rating, comment: myGeneralRating.comment } : null,
    deletion,
    canAddToPlans: mayEditLessonPlans(actor),
    user: { id: actor.id, name: context.user!.name },
  };
}

/** Turns a model refusal into the HTTP answer: 403, 404, or rethrows anything else. */
function throwRefusal(error: unknown): never {
  if (error instanceof StrategyError && error.code === "forbidden") forbidden(error.message);
  if (error instanceof StrategyError && error.code === "not-found") notFound(error.message);
  throw error;
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const actor = requireActor(context, request);
  const strategyId = params.strategyId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const changed = (action: "updated" | "deleted") =>
    context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
      entity: "strategy",
      id: strategyId,
      action,
      by: actor.id,
    });

  if (intent === "rate") {
    const submission = parseWithZod(formData, { schema: rateStrategySchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), message: "" }, { status: 400 });
    try {
      const { created } = await rateStrategy(actor, strategyId, submission.value);
      changed("updated");
      return {
        intent,
        result: submission.reply({ resetForm: true }),
        message: created ? "Thank you: your rating is saved." : "Your rating has been updated.",
      };
    } catch (error) {
      if (!(error instanceof StrategyError) || error.code !== "invalid") throwRefusal(error);
      return data(
        { intent, result: submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] } }), message: "" },
        { status: 400 },
      );
    }
  }
  if (intent === "add-to-plan") {
    const submission = parseWithZod(formData, { schema: addToPlanSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), message: "" }, { status: 400 });
    try {
      const plan = await addToLessonPlan(actor, strategyId, submission.value.lessonPlanId, submission.value.note);
      changed("updated");
      context.realtime.emitToPartnership(actor.partnershipId, "partnership:changed", {
        entity: "lesson-plan",
        id: plan.id,
        action: "updated",
        by: actor.id,
      });
      return { intent, result: submission.reply({ resetForm: true }), message: `Added to “${plan.title}”.` };
    } catch (error) {
      if (!(error instanceof StrategyError) || error.code !== "invalid") throwRefusal(error);
      return data(
        { intent, result: submission.reply({ fieldErrors: { [error.field ?? ""]: [error.message] } }), message: "" },
        { status: 400 },
      );
    }
  }
  if (intent === "delete") {
    try {
      await deleteStrategy(actor, strategyId, context.clientIp);
    } catch (error) {
      throwRefusal(error);
    }
    changed("deleted");
    throw redirect("/strategies");
  }
  return data({ intent: "unknown", result: undefined, message: "That action is not available here." }, { status: 400 });
}

export default function StrategyPage() {
  const loaded = useLoaderData<typeof loader>();
  const { strategy, ratings, uses, description, can, plansToAdd, deletion, user } = loaded;
  const shell = useRouteLoaderData<typeof appLoader>("routes/_app");
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const confirmingDelete = searchParams.get("confirm") === "delete" && deletion;
  const descriptionLabel = `Description of ${strategy.title}`;
  return (
    <>
      <p>
        <Link to="/strategies">Back to strategies</Link>
      </p>
      <h1>{strategy.title}</h1>
      <p className="page-intro">
        {strategy.author ? `Shared by ${strategy.author.name}` : "Shared"}
        {strategy.institution ? ` at ${strategy.institution.name}` : ""} on {formatDate(strategy.createdAt)} ·{" "}
        {ratingSummary(ratings)} · Used in {uses.totalCount} {uses.totalCount === 1 ? "lesson plan" : "lesson plans"}
      </p>
      {actionData?.message ? (
        <Notice tone="success">
          <p>{actionData.message}</p>
        </Notice>
      ) : null}
      {can.edit ? (
        <p>
          <Link className="button button--secondary" to={`/strategies/${strategy.id}/edit`}>
            Edit summary and tags
          </Link>
        </p>
      ) : null}
      <div className="strategy-layout">
        <div>
          <section aria-labelledby="summary-heading" className="card">
            <h2 id="summary-heading">Summary</h2>
            <p>{strategy.summary}</p>
            <StrategyTagList tags={strategy.tags} />
          </section>
          <section aria-labelledby="description-heading">
            <h2 id="description-heading">Description</h2>
            {description ? (
              <>
                <p className="muted">
                  {description.canWrite
                    ? "Co-edited: everyone with this page open sees your changes as you type."
                    : "Updates live as colleagues edit."}
                </p>
                <LiveEditor
                  loading="Opening the description…"
                  documentId={description.id}
                  user={{ id: user.id, name: shell?.user.name ?? user.name }}
                  readOnly={!description.canWrite}
                  label={descriptionLabel}
                />
              </>
            ) : (
              <p className="muted">This strategy has no description yet; its summary above says what it is.</p>
            )}
          </section>
          <section aria-labelledby="evidence-heading" className="card">
            <h2 id="evidence-heading">Evidence of impact</h2>
            {strategy.evidence ? (
              <p className="preserve-lines">{strategy.evidence}</p>
            ) : (
              <p className="muted">
                No evidence recorded yet.{" "}
                {can.edit
                  ? "Add what changed for students when you edit the summary."
                  : "Ratings below show how colleagues found it."}
              </p>
            )}
          </section>
          <RatingsSection />
        </div>
        <div>
          <WhereUsedSection />
          <AddToPlanSection />
        </div>
      </div>
      {can.delete ? (
        <section aria-labelledby="delete-heading" className="card narrow">
          <h2 id="delete-heading">Delete this strategy</h2>
          {confirmingDelete ? (
            <Form method="post">
              <div className="alert alert--warning" role="alert">
                <p>
                  <strong>Delete “{strategy.title}” for everyone?</strong> These go with it and cannot be recovered: its
                  links from {deletion.planLinks} {deletion.planLinks === 1 ? "lesson plan" : "lesson plans"},{" "}
                  {deletion.ratings} {deletion.ratings === 1 ? "rating" : "ratings"}, and its description with{" "}
                  {deletion.versions} saved {deletion.versions === 1 ? "version" : "versions"}.
                </p>
              </div>
              <div className="actions">
                <SubmitButton name="intent" value="delete" variant="danger" pendingLabel="Deleting…">
                  Yes, delete strategy
                </SubmitButton>
                <Link to="." replace preventScrollReset>
                  Cancel
                </Link>
              </div>
            </Form>
          ) : (
            <Link className="button button--danger" to="?confirm=delete" preventScrollReset>
              Delete strategy
            </Link>
          )}
        </section>
      ) : null}
    </>
  );
}

function WhereUsedSection() {
  const { uses } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="used-heading" className="card">
      <h2 id="used-heading">Where it is used</h2>
      {uses.plans.length === 0 ? (
        <p className="muted">
          {uses.hiddenCount > 0
            ? `Used in ${uses.hiddenCount} ${uses.hiddenCount === 1 ? "lesson plan" : "lesson plans"} you are not deployed in.`
            : "No lesson plan uses it yet. Add it to one of yours below to be the first."}
        </p>
      ) : (
        <>
          <ul className="plain-list">
            {uses.plans.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong>
                <span className="muted">
                  {" "}
                  · {p.courseTitle}
                  {p.lessonDate ? ` · ${formatDate(p.lessonDate)}` : ""}
                </span>
                {p.note ? <span className="strategy-note">{p.note}</span> : null}
              </li>
            ))}
          </ul>
          {uses.hiddenCount > 0 ? (
            <p className="muted">
              And {uses.hiddenCount} more {uses.hiddenCount === 1 ? "lesson plan" : "lesson plans"} you are not deployed
              in.
            </p>
          ) : null}
          <h3>Institutions</h3>
          <p>{uses.institutions.join(", ")}</p>
        </>
      )}
    </section>
  );
}

function AddToPlanSection() {
  const { plansToAdd, preselectedPlanId, requestedPlanUnavailable, canAddToPlans } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "add-to-plan",
    lastResult: actionData?.intent === "add-to-plan" ? actionData.result : undefined,
    defaultValue: { lessonPlanId: preselectedPlanId, note: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addToPlanSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!canAddToPlans) return null;
  return (
    <section aria-labelledby="add-heading" className="card">
      <h2 id="add-heading">Add to a lesson plan</h2>
      {requestedPlanUnavailable ? (
        <Notice tone="warning">
          <p>The lesson plan in the link is not one you can add this strategy to (it may use it already).</p>
        </Notice>
      ) : null}
      {plansToAdd.length === 0 ? (
        <p className="muted">
          None of the lesson plans you can edit is without this strategy. Teachers add strategies to plans of the
          courses they co-plan.
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} id={form.errorId} />
          <SelectField
            meta={fields.lessonPlanId}
            label="Lesson plan"
            hint="Plans you can edit, upcoming first."
            options={plansToAdd.map((p) => ({
              value: p.id,
              label: `${p.title} · ${p.courseTitle}${p.lessonDate ? ` · ${formatDate(p.lessonDate)}` : ""}`,
            }))}
          />
          <TextField meta={fields.note} label="How you will use it here (optional)" />
          <SubmitButton name="intent" value="add-to-plan" pendingLabel="Adding…">
            Add to lesson plan
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}

function RatingsSection() {
  const { ratings, uses, can, myGeneralRating } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "rate-strategy",
    lastResult: actionData?.intent === "rate" ? actionData.result : undefined,
    defaultValue: {
      rating: myGeneralRating ? String(myGeneralRating.rating) : "",
      comment: myGeneralRating?.comment ?? "",
      lessonPlanId: "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rateStrategySchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="ratings-heading" className="card">
      <h2 id="ratings-heading">Impact ratings</h2>
      <p>{ratingSummary(ratings)}</p>
      {ratings.count > 0 ? (
        <table className="rating-distribution">
          <caption className="visually-hidden">
            How many ratings gave each score, from 5 (significant impact) to 1 (small impact)
          </caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">Ratings</th>
            </tr>
          </thead>
          <tbody>
            {[...ratings.distribution].reverse().map((d) => (
              <tr key={d.value}>
                <th scope="row">{RATING_LABELS[d.value]}</th>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {ratings.items.length === 0 ? (
        <p className="muted">Nobody has rated it yet. After teaching with it, say how much difference it made.</p>
      ) : (
        <ul className="plain-list rating-list">
          {ratings.items.map((r) => (
            <li key={r.id}>
              <strong>{r.rating} out of 5</strong> from {r.rater.name} ({r.rater.institutionName})
              {r.mine ? " (you)" : ""}
              <span className="muted">
                {" "}
                · {r.lessonPlan
                  ? `after “${r.lessonPlan.title}”`
                  : r.forAPlan
                    ? "after a lesson"
                    : "general rating"} · {formatDateTime(r.updatedAt)}
              </span>
              {r.comment ? <p className="preserve-lines">{r.comment}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {can.rate ? (
        <Form method="post" {...getFormProps(form)} className="rate-form">
          <h3>{myGeneralRating ? "Change your rating" : "Rate its impact"}</h3>
          <FormErrors errors={form.errors} id={form.errorId} />
          <ChoiceGroupField
            meta={fields.rating}
            legend="Impact, from 1 (small) to 5 (significant)"
            type="radio"
            options={[1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: RATING_LABELS[value]! }))}
          />
          <SelectField
            meta={fields.lessonPlanId}
            label="For which lesson"
            hint="One rating per lesson plan, or one general rating: rating again replaces your earlier one."
            placeholder="General rating (not for one lesson)"
            options={uses.plans.map((p) => ({
              value: p.id,
              label: `${p.title}${p.lessonDate ? ` · ${formatDate(p.lessonDate)}` : ""}`,
            }))}
          />
          <TextAreaField meta={fields.comment} label="Comment (optional)" hint="What changed for students?" rows={3} />
          <SubmitButton name="intent" value="rate" pendingLabel="Saving rating…">
            Save rating
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
