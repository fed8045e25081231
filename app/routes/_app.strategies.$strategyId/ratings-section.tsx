// Impact ratings: the distribution, every rating with its comment, and the form to rate (again).
import { getFormProps } from "@conform-to/react";
import { Form, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { useCommentCounts } from "~/components/comments/comment-counts";
import { RecordComments } from "~/components/comments/record-comments";
import { ratingSummary } from "~/components/strategies/strategy-tags";
import { ChoiceGroupField, TextAreaField } from "~/components/ui/choice-fields";
import { FormErrors, SelectField } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/submit-button";
import { useZodForm } from "~/components/ui/use-zod-form";
import { formatDate, formatDateTime } from "~/lib/format";
import { RATING_LABELS } from "~/lib/forms/strategy-vocabulary";
import type { action, loader } from "./strategy.server";

export function RatingsSection() {
  const { ratings, uses, can, myGeneralRating } = useLoaderData<typeof loader>();
  const commentCounts = useCommentCounts(
    "strategy-rating",
    ratings.items.map((r) => r.id),
  );
  const actionData = useLastActionData<typeof action>();
  const [form, fields] = useZodForm(() => import("~/lib/forms/strategies").then((m) => m.rateStrategySchema), {
    id: "rate-strategy",
    lastResult: actionData?.intent === "rate" ? actionData.result : undefined,
    defaultValue: {
      rating: myGeneralRating?.rating,
      comment: myGeneralRating?.comment ?? "",
      lessonPlanId: "",
    },
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
              <RecordComments
                subjectType="strategy-rating"
                subjectId={r.id}
                subjectTitle="this rating"
                counts={commentCounts}
              />
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
          <TextAreaField
            meta={fields.comment}
            label="Comment (optional)"
            hint="What changed for students?"
            rows={3}
            warnOfStudentNames
          />
          <SubmitButton name="intent" value="rate" pendingLabel="Saving rating…">
            Save rating
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
