// The agenda: items in order (the chair reorders them: agenda-sortable.tsx), each with its purpose, lead and time,
// proposed items the chair accepts, and under each item what was decided and the actions agreed; "matters arising"
// lists every open action carried forward from earlier meetings.
import { Form, useFetcher, useRevalidator } from "@remix-run/react";
import { lazy, Suspense, useEffect, useState } from "react";
import { lazySection } from "~/components/ui/lazy-section";
import { ActionTable } from "~/components/meetings/action-table";
import { LinkedRecords } from "~/components/meetings/linked-records";
import { AGENDA_PURPOSES, type AgendaPurpose } from "~/lib/meeting-vocabulary";
import type { IntentReply } from "~/lib/forms/intents.server";
import type { AgendaItemData, MeetingPageData } from "./page-data";
import type { AgendaEntry } from "./agenda-sortable";
import { PreviousMinutes } from "./previous-minutes";

const ActionForm = lazySection(() => import("./outcome-forms").then((m) => m.ActionForm));
const DecisionForm = lazySection(() => import("./outcome-forms").then((m) => m.DecisionForm));

// dnd-kit comes with the sortable list, for the chair only; everyone else (and the chair until it loads) sees the list.
const SortableAgenda = lazy(() => import("./agenda-sortable").then((m) => ({ default: m.SortableAgenda })));

type Props = { page: MeetingPageData; reply?: IntentReply };

export function AgendaSection({ page, reply }: Props) {
  const fetcher = useFetcher<IntentReply>();
  const serverOrder = page.items.map((i) => i.id).join(",");
  const [order, setOrder] = useState(() => page.items.map((i) => i.id));
  // A reload (someone else's change) shows the agenda as it is on the server.
  useEffect(() => setOrder(serverOrder.split(",").filter(Boolean)), [serverOrder]);
  const revalidator = useRevalidator();
  const refused = fetcher.state === "idle" && fetcher.data?.failed === true;
  // A refused reorder (the agenda changed meanwhile) puts the order back and fetches the agenda as it is now.
  useEffect(() => {
    if (!refused) return;
    setOrder(serverOrder.split(",").filter(Boolean));
    revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per refusal, not on every render
  }, [refused, fetcher.data]);
  const byId = new Map(page.items.map((i) => [i.id, i]));
  const onReorder = (next: string[]) => {
    setOrder(next);
    const form = new FormData();
    form.set("intent", "reorder");
    form.set("agendaVersion", String(page.meeting.agendaVersion));
    next.forEach((id, index) => form.set(`itemIds[${index}]`, id));
    fetcher.submit(form, { method: "post" });
  };
  const entries: AgendaEntry[] = order
    .map((id) => byId.get(id))
    .filter((i) => i !== undefined)
    .map((item, index) => ({
      id: item.id,
      title: item.title,
      content: <AgendaItem item={item} number={index + 1} page={page} reply={reply} />,
    }));
  const list = (
    <ol className="agenda">
      {entries.map((entry) => (
        <li key={entry.id} className="agenda__item">
          <div>{entry.content}</div>
        </li>
      ))}
    </ol>
  );
  return (
    <section className="card" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      <p className="muted">
        {page.meeting.agendaCirculatedAt ? "Circulated to the members." : "Not circulated yet."}
        {page.can.editAgenda
          ? " Drag an item by its handle, or focus the handle and press Space, then the arrow keys."
          : ""}
      </p>
      {fetcher.data?.message ? <p role={fetcher.data.failed ? "alert" : "status"}>{fetcher.data.message}</p> : null}
      {page.can.editAgenda ? (
        <Suspense fallback={list}>
          <SortableAgenda entries={entries} onReorder={onReorder} />
        </Suspense>
      ) : (
        list
      )}
      {page.can.editAgenda ? (
        <Form method="post">
          <button type="submit" name="intent" value="circulate" className="button button--secondary">
            {page.meeting.agendaCirculatedAt ? "Circulate the agenda again" : "Circulate the agenda"}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function AgendaItem({
  item,
  number,
  page,
  reply,
}: {
  item: AgendaItemData;
  number: number;
  page: MeetingPageData;
  reply?: IntentReply;
}) {
  const lead = page.members.find((m) => m.id === item.leadId);
  const actions = page.actions.filter((a) => a.itemId === item.id);
  const decisions = page.decisions.filter((d) => d.itemId === item.id);
  const members = page.members.map((m) => ({ value: m.id, label: `${m.name} (${m.institution.name})` }));
  const mayUpdate = (a: { owner: { id: string } }) => page.can.updateAnyAction || a.owner.id === page.user.id;
  return (
    <>
      <h3>
        {number}. {item.title}
        {item.status === "proposed" ? (
          <>
            {" "}
            <span className="badge">Proposed</span>
          </>
        ) : null}
      </h3>
      <p className="muted">
        {AGENDA_PURPOSES[item.purpose as AgendaPurpose] ?? item.purpose}
        {lead ? ` · led by ${lead.name}` : ""}
        {item.minutes ? ` · ${item.minutes} minutes` : ""}
      </p>
      <LinkedRecords records={item.links} />
      {item.status === "proposed" && page.can.editAgenda ? (
        <Form method="post" className="actions">
          <input type="hidden" name="itemId" value={item.id} />
          <button type="submit" name="intent" value="accept-item" className="button button--secondary">
            Accept<span className="visually-hidden"> {item.title}</span>
          </button>
          <button type="submit" name="intent" value="remove-item" className="button button--secondary">
            Remove<span className="visually-hidden"> {item.title}</span>
          </button>
        </Form>
      ) : null}
      {item.standing === "last_minutes" && page.can.follow ? <PreviousMinutes previous={page.previous} /> : null}
      {item.standing === "matters_arising" && page.can.follow ? (
        <ActionTable label="Open actions from earlier meetings" actions={page.mattersArising} mayUpdate={mayUpdate} />
      ) : null}
      {decisions.length ? (
        <ul>
          {decisions.map((d) => (
            <li key={d.id}>
              <strong>Decision:</strong> {d.text}
              <LinkedRecords records={d.links} />
            </li>
          ))}
        </ul>
      ) : null}
      {actions.length ? <ActionTable label={`Actions: ${item.title}`} actions={actions} mayUpdate={mayUpdate} /> : null}
      {page.can.writeMinutes && !item.standing ? (
        <div className="actions">
          <ActionForm itemId={item.id} itemTitle={item.title} members={members} reply={reply} />
          <DecisionForm itemId={item.id} itemTitle={item.title} reply={reply} />
        </div>
      ) : null}
    </>
  );
}
