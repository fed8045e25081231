// The shared practice gallery: reviewed lesson plans with what the teacher and the LSAs learnt, and strategies ranked
// by the impact colleagues rated; the coordinator and leaders feature a plan or strategy, saying why.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { Notice } from "~/components/ui/notice";
import { SubmitButton } from "~/components/ui/submit-button";
import { featureSchema, unfeatureSchema } from "~/lib/forms/featured-practice";
import { runIntent, submitForm } from "~/lib/forms/intents.server";
import { featurePractice, loadGallery, unfeaturePractice, type PracticeKind } from "~/models/gallery.server";
import { ensure, requireActionContext, requireActor } from "~/policies/enforce.server";
import { canBrowseGallery, canFeaturePractice } from "~/policies/dashboard";

export const meta: MetaFunction = () => [{ title: "Shared practice · Staffroom" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canBrowseGallery(actor));
  const gallery = await loadGallery(actor);
  return { ...gallery, canFeature: canFeaturePractice(actor, actor) };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const ctx = requireActionContext(context, request);
  return runIntent(await request.formData(), {
    feature: (form, intent) =>
      submitForm(form, intent, featureSchema, async (input) => {
        await featurePractice(ctx, input);
        return "Featured: colleagues see it at the top of the gallery with your reason.";
      }),
    unfeature: (form, intent) =>
      submitForm(form, intent, unfeatureSchema, async (input) => {
        await unfeaturePractice(ctx, input);
        return "No longer featured.";
      }),
  });
}

function FeatureControls({
  kind,
  id,
  title,
  featured,
}: {
  kind: PracticeKind;
  id: string;
  title: string;
  featured: string | null;
}) {
  if (featured !== null) {
    return (
      <Form method="post" className="inline-form">
        <input type="hidden" name="subjectType" value={kind} />
        <input type="hidden" name="subjectId" value={id} />
        <SubmitButton name="intent" value="unfeature" variant="secondary" pendingLabel="Saving…">
          Stop featuring<span className="visually-hidden"> {title}</span>
        </SubmitButton>
      </Form>
    );
  }
  return (
    <details className="no-print">
      <summary>
        Feature this<span className="visually-hidden"> ({title})</span>
      </summary>
      <Form method="post">
        <input type="hidden" name="subjectType" value={kind} />
        <input type="hidden" name="subjectId" value={id} />
        <div className="field">
          <label htmlFor={`reason-${id}`}>Why colleagues should look at it</label>
          <textarea id={`reason-${id}`} name="reason" rows={2} maxLength={500} required />
        </div>
        <SubmitButton name="intent" value="feature" pendingLabel="Featuring…">
          Feature as practice
        </SubmitButton>
      </Form>
    </details>
  );
}

export default function GalleryPage() {
  const { plans, strategies, canFeature } = useLoaderData<typeof loader>();
  const reply = useLastActionData<typeof action>();
  const fieldError = reply?.result?.error ? Object.values(reply.result.error).flat()[0] : undefined;
  return (
    <>
      <h1>Shared practice</h1>
      <p className="page-intro">
        Lessons colleagues have taught and reviewed, with what they and their LSAs learnt, and the strategies the
        partnership rates highest. Featured practice comes first, with why it was chosen.
      </p>
      {reply?.message ? <Notice tone={reply.failed ? "error" : "success"}>{reply.message}</Notice> : null}
      {fieldError ? <Notice tone="error">{fieldError}</Notice> : null}
      <section aria-labelledby="gallery-strategies">
        <h2 id="gallery-strategies">Strategies ranked by rated impact</h2>
        {strategies.length === 0 ? (
          <p>No strategy has been rated yet.</p>
        ) : (
          <ol className="gallery-list">
            {strategies.map((s) => (
              <li key={s.id} className="card">
                <h3>
                  <Link to={`/strategies/${s.id}`}>{s.title}</Link>
                </h3>
                <p className="muted">
                  Rank {s.rank}: mean impact {s.mean.toFixed(1)} of 5 from {s.ratings}{" "}
                  {s.ratings === 1 ? "rating" : "ratings"}
                </p>
                <p>{s.summary}</p>
                {s.featured !== null ? (
                  <p className="featured-reason">
                    <strong>Featured practice:</strong> {s.featured}
                  </p>
                ) : null}
                {canFeature ? (
                  <FeatureControls kind="strategy" id={s.id} title={s.title} featured={s.featured} />
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="gallery-plans">
        <h2 id="gallery-plans">Reviewed lesson plans</h2>
        {plans.length === 0 ? (
          <p>No lesson plan has been reviewed yet: once a lesson is taught and evaluated, it appears here.</p>
        ) : (
          <ul className="gallery-list">
            {plans.map((p) => (
              <li key={p.id} className="card">
                <h3>
                  <Link to={`/plans/${p.id}`}>{p.title}</Link>
                </h3>
                <p className="muted">
                  {p.course}
                  {p.day ? ` · ${p.day}` : ""}
                </p>
                {p.featured !== null ? (
                  <p className="featured-reason">
                    <strong>Featured practice:</strong> {p.featured}
                  </p>
                ) : null}
                {p.evaluation ? (
                  <p>
                    <strong>What worked:</strong> {p.evaluation}
                  </p>
                ) : null}
                {p.nextSteps ? (
                  <p>
                    <strong>Next steps:</strong> {p.nextSteps}
                  </p>
                ) : null}
                {p.feedback.length > 0 ? (
                  <ul aria-label={`LSA feedback on ${p.title}`}>
                    {p.feedback.map((f) => (
                      <li key={f.id}>
                        <strong>{f.supporter}:</strong> {f.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {canFeature ? <FeatureControls kind="plan" id={p.id} title={p.title} featured={p.featured} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
