// A lesson plan as one printable A4 document: details, each text part, the shared notes (rendered on the server
// from the live document), differentiation and deployments, students as the plan page shows them to the reader.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlocksView } from "~/components/print/blocks-view";
import { PrintBar } from "~/components/print/print-bar";
import { PrintTable } from "~/components/print/print-tables";
import { refusal } from "~/lib/errors";
import { loadLessonPlanPack } from "~/models/lesson-plan-pack.server";
import { requireActionContext } from "~/policies/enforce.server";
import printStyles from "~/styles/print-pack.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  return loadLessonPlanPack(requireActionContext(context, request), params.planId ?? "").catch(refusal);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Print: ${data.title} · Staffroom` : "Lesson plan · Staffroom" },
];

export default function LessonPlanPrintPage() {
  const pack = useLoaderData<typeof loader>();
  return (
    <main id="main-content" className="print-pack">
      <PrintBar
        back={`/plans/${pack.planId}`}
        backLabel="Back to the plan"
        wordHref={`/plans/${pack.planId}/export.docx`}
      />
      <header className="print-pack__title">
        <h1>{pack.title}</h1>
        <dl className="print-pack__facts">
          {pack.facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </header>
      {pack.parts.map((part) => (
        <section key={part.name} aria-labelledby={`part-${part.name}`}>
          <h2 id={`part-${part.name}`}>{part.label}</h2>
          {part.blocks.length ? (
            <BlocksView blocks={part.blocks} />
          ) : (
            <p className="print-pack__muted">Not written yet.</p>
          )}
        </section>
      ))}
      <section aria-labelledby="part-notes">
        <h2 id="part-notes">Lesson notes</h2>
        {pack.body.length ? <BlocksView blocks={pack.body} /> : <p className="print-pack__muted">No notes.</p>}
      </section>
      <section aria-labelledby="part-differentiation" className="print-pack__break">
        <h2 id="part-differentiation">Differentiation</h2>
        {pack.strategies.length === 0 && pack.notes.length === 0 ? <p>No differentiation recorded.</p> : null}
        {pack.strategies.map((s) => (
          <div key={s.title}>
            <h3>{s.title}</h3>
            {s.note ? <p>{s.note}</p> : null}
          </div>
        ))}
        {pack.notes.map((n, i) => (
          <div key={i}>
            <h3>{n.about}</h3>
            <p>{n.note}</p>
          </div>
        ))}
      </section>
      <section aria-labelledby="part-deployments">
        <h2 id="part-deployments">Deployments</h2>
        {pack.deployments.length ? (
          <PrintTable
            caption="Supporters deployed in this lesson"
            headers={["Supporter", "Role", "When", "How", "Minutes", "Students"]}
            rows={pack.deployments.map((d) => [d.supporter, d.role, d.phase, d.mode, d.minutes, d.students || "None"])}
          />
        ) : (
          <p>No supporters deployed.</p>
        )}
        {pack.deployments
          .filter((d) => d.briefing.length || d.feedback)
          .map((d, i) => (
            <div key={i}>
              <h3>Briefing for {d.supporter}</h3>
              <dl className="print-pack__facts">
                {d.briefing.map((b) => (
                  <div key={b.label}>
                    <dt>{b.label}</dt>
                    <dd>{b.text}</dd>
                  </div>
                ))}
                {d.feedback ? (
                  <div>
                    <dt>Feedback</dt>
                    <dd>{d.feedback}</dd>
                  </div>
                ) : null}
              </dl>
            </div>
          ))}
      </section>
    </main>
  );
}
