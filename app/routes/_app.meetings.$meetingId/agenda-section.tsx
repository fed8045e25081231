// The agenda: items in order (the chair drags them, or moves them by keyboard: Space to lift, arrows, Space to
// drop), each with its purpose, lead and time, proposed items the chair accepts, and under each item what was
// decided and the actions agreed; "matters arising" lists every open action carried forward from earlier meetings.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Form, useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { ActionTable } from "~/components/meetings/action-table";
import { LinkedRecords } from "~/components/meetings/linked-records";
import { AGENDA_PURPOSES, type AgendaPurpose } from "~/lib/forms/meetings";
import type { IntentReply } from "~/lib/forms/intents.server";
import { ActionForm, DecisionForm } from "./outcome-forms";
import type { AgendaItemData, MeetingPageData } from "./page-data";
import { PreviousMinutes } from "./previous-minutes";

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
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(page.items.map((i) => [i.id, i]));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id)));
    setOrder(next);
    const form = new FormData();
    form.set("intent", "reorder");
    form.set("agendaVersion", String(page.meeting.agendaVersion));
    next.forEach((id, index) => form.set(`itemIds[${index}]`, id));
    fetcher.submit(form, { method: "post" });
  };
  const items = order.map((id) => byId.get(id)).filter((i) => i !== undefined);
  const accessibility = {
    announcements: agendaAnnouncements(order, (id) => byId.get(String(id))?.title ?? "The item"),
  };
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
      <DndContext
        id="agenda"
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={accessibility}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <ol className="agenda">
            {items.map((item, index) => (
              <SortableItem key={item.id} id={item.id} label={item.title} enabled={page.can.editAgenda}>
                <AgendaItem item={item} number={index + 1} page={page} reply={reply} />
              </SortableItem>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
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

/** What a screen reader hears while an item moves: its title and place, not dnd-kit's internal ids. */
function agendaAnnouncements(order: string[], titleOf: (id: UniqueIdentifier) => string): Announcements {
  const place = (id: UniqueIdentifier) => `position ${order.indexOf(String(id)) + 1} of ${order.length}`;
  return {
    onDragStart: ({ active }) =>
      `Picked up ${titleOf(active.id)}, at ${place(active.id)}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`,
    onDragOver: ({ active, over }) =>
      over ? `${titleOf(active.id)} would move to ${place(over.id)}.` : `${titleOf(active.id)} is outside the agenda.`,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped at ${place(over.id)}.` : `${titleOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled: it stays where it was.`,
  };
}

function SortableItem({
  id,
  label,
  enabled,
  children,
}: {
  id: string;
  label: string;
  enabled: boolean;
  children: ReactNode;
}) {
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id, disabled: !enabled });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className="agenda__item">
      {enabled ? (
        <button type="button" className="agenda__handle" {...attributes} {...listeners} aria-label={`Move ${label}`}>
          ⠿
        </button>
      ) : null}
      <div>{children}</div>
    </li>
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
