// One strategy: its live co-edited description, tags and evidence; where it is
// used; its ratings with the form to rate it; "add to a lesson plan" in one step
// (?plan=<id> preselects a plan); and confirmed deletion for author or coordinator.
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLastActionData } from "~/components/use-last-action-data";
import { lazySection } from "~/components/ui/lazy-section";
import { LiveEditor } from "~/components/live-editor";
import { DecisionsAboutThis } from "~/components/meetings/linked-records";
import { StrategyTagList, ratingSummary } from "~/components/strategies/strategy-tags";
import { DangerZone } from "~/components/ui/danger-zone";
import { Notice } from "~/components/ui/notice";
import { useShellUser } from "~/components/use-shell-user";
import { formatDate } from "~/lib/format";
import type { action, loader } from "./strategy.server";
import { WhereUsedSection } from "./where-used-section";

const CommentPanel = lazySection(() => import("~/components/comments/comment-panel").then((m) => m.CommentPanel));
const RatingsSection = lazySection(() => import("./ratings-section").then((m) => m.RatingsSection));
const AddToPlanSection = lazySection(() => import("./add-to-plan-section").then((m) => m.AddToPlanSection));

export { action, loader } from "./strategy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.strategy.title ?? "Strategy"} · Strategies · Staffroom` },
];

export default function StrategyPage() {
  const loaded = useLoaderData<typeof loader>();
  const { strategy, ratings, uses, description, can, deletion, user, decisions } = loaded;
  const shellUser = useShellUser();
  const actionData = useLastActionData<typeof action>();
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
        <Notice tone={actionData.failed ? "error" : "success"}>
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
                  user={{ id: user.id, name: shellUser?.name ?? user.name }}
                  readOnly={!description.canWrite}
                  label={descriptionLabel}
                />
                <CommentPanel subjectType="document" subjectId={description.id} subjectTitle="this strategy" />
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
          <DecisionsAboutThis decisions={decisions} />
          <AddToPlanSection />
        </div>
      </div>
      {can.delete ? (
        <DangerZone
          heading="Delete this strategy"
          headingId="delete-heading"
          intent="delete"
          confirming={Boolean(confirmingDelete)}
          startLabel="Delete strategy"
          explanation={null}
          confirmLabel="Yes, delete strategy"
          preventScrollReset
          warning={
            deletion ? (
              <p>
                <strong>Delete “{strategy.title}” for everyone?</strong> These go with it and cannot be recovered: its
                links from {deletion.planLinks} {deletion.planLinks === 1 ? "lesson plan" : "lesson plans"},{" "}
                {deletion.ratings} {deletion.ratings === 1 ? "rating" : "ratings"}, and its description with{" "}
                {deletion.versions} saved {deletion.versions === 1 ? "version" : "versions"}.
              </p>
            ) : null
          }
        />
      ) : null}
    </>
  );
}
