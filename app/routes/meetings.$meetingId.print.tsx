// A meeting's pack as one printable A4 document ("Save as PDF" gives a clean file): agenda, attendance, the minutes
// item by item (rendered on the server from the co-edited document), decisions and the action list. Outside the
// app's frame so nothing but the pack prints; whoever may see the meeting's page may print it.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlocksView } from "~/components/print/blocks-view";
import { PrintBar } from "~/components/print/print-bar";
import { PrintTable } from "~/components/print/print-tables";
import { refusal } from "~/lib/errors";
import { loadMeetingPack, type MeetingPack, type PackAction } from "~/models/meeting-pack.server";
import { requireActor } from "~/policies/enforce.server";
import printStyles from "~/styles/print-pack.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  return loadMeetingPack(actor, params.meetingId ?? "").catch(refusal);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Meeting pack: ${data.groupName}, ${data.day} · Staffroom` : "Meeting pack · Staffroom" },
];

function Actions({ caption, actions }: { caption: string; actions: readonly PackAction[] }) {
  return (
    <PrintTable
      caption={caption}
      headers={["Action", "Owner", "Due", "Status"]}
      rows={actions.map((a) => [a.description, a.owner, a.due, a.note ? `${a.status}: ${a.note}` : a.status])}
    />
  );
}

/** The minutes item by item: what was written under each item's heading, then its decisions and actions. */
function MinutesSection({ pack }: { pack: MeetingPack }) {
  return (
    <section aria-labelledby="pack-minutes" className="print-pack__break">
      <h2 id="pack-minutes">Minutes</h2>
      {pack.items.map((item) => (
        <article key={item.number} aria-labelledby={`pack-item-${item.number}`} className="print-pack__item">
          <h3 id={`pack-item-${item.number}`}>
            {item.number}. {item.title}
          </h3>
          {item.notes.length ? (
            <BlocksView blocks={item.notes} headingLevel={4} />
          ) : (
            <p className="print-pack__muted">Nothing minuted.</p>
          )}
          {item.mattersArising.length ? (
            <Actions caption={`Actions carried forward to ${item.title}`} actions={item.mattersArising} />
          ) : null}
          {item.decisions.length ? (
            <>
              <h4>Decided</h4>
              <ul>
                {item.decisions.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </>
          ) : null}
          {item.actions.length ? (
            <Actions caption={`Actions agreed under ${item.title}`} actions={item.actions} />
          ) : null}
        </article>
      ))}
      {pack.otherNotes.length ? (
        <article aria-labelledby="pack-other" className="print-pack__item">
          <h3 id="pack-other">Other notes</h3>
          <BlocksView blocks={pack.otherNotes} headingLevel={4} />
        </article>
      ) : null}
    </section>
  );
}

export default function MeetingPackPage() {
  const pack = useLoaderData<typeof loader>();
  return (
    <main id="main-content" className="print-pack">
      <PrintBar
        back={`/meetings/${pack.meetingId}`}
        backLabel="Back to the meeting"
        wordHref={`/meetings/${pack.meetingId}/minutes.docx`}
      />
      <header className="print-pack__title">
        <h1>
          {pack.groupName}: {pack.day}
        </h1>
        <p className={pack.minutes.approved ? "print-pack__status" : "print-pack__status print-pack__status--draft"}>
          <strong>{pack.minutes.label}.</strong> {pack.minutes.detail}
        </p>
        <p>
          {pack.time} · {pack.place}
          {pack.onlineLink ? ` · ${pack.onlineLink}` : ""}
        </p>
        {pack.revisions.map((revision) => (
          <p key={revision}>{revision}</p>
        ))}
      </header>
      <section aria-labelledby="pack-agenda">
        <h2 id="pack-agenda">Agenda</h2>
        <ol>
          {pack.items.map((item) => (
            <li key={item.number}>
              {item.title}{" "}
              <span className="print-pack__muted">
                ({item.purpose}
                {item.lead ? `, led by ${item.lead}` : ""}
                {item.minutesAllowed ? `, ${item.minutesAllowed} minutes` : ""})
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="pack-attendance">
        <h2 id="pack-attendance">Attendance</h2>
        {pack.attendance ? (
          <PrintTable
            caption="Attendance"
            headers={["Name", "Institution", "Attendance"]}
            rows={pack.attendance.map((a) => [a.name, a.institution, a.status])}
          />
        ) : (
          <p>The attendance is shown to the group&rsquo;s members.</p>
        )}
      </section>
      <MinutesSection pack={pack} />
      <section aria-labelledby="pack-decisions" className="print-pack__break">
        <h2 id="pack-decisions">Decisions</h2>
        {pack.decisions.length ? (
          <PrintTable
            caption="Decisions"
            headers={["Decision", "Agenda item"]}
            rows={pack.decisions.map((d) => [d.text, d.item])}
          />
        ) : (
          <p>No decisions recorded.</p>
        )}
      </section>
      <section aria-labelledby="pack-actions">
        <h2 id="pack-actions">Actions</h2>
        {pack.actions.length ? (
          <PrintTable
            caption="Actions agreed at this meeting"
            headers={["Action", "Owner", "Due", "Status", "Agenda item"]}
            rows={pack.actions.map((a) => [
              a.description,
              a.owner,
              a.due,
              a.note ? `${a.status}: ${a.note}` : a.status,
              a.item,
            ])}
          />
        ) : (
          <p>No actions agreed.</p>
        )}
      </section>
    </main>
  );
}
