// Where the strategy is used: the lesson plans the viewer may read, how many more there are, their institutions.
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import type { loader } from "./strategy.server";

export function WhereUsedSection() {
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
