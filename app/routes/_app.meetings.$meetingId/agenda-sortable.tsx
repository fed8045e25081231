// The chair's agenda: its items dragged by their handles, or moved by keyboard (Space to lift, arrows, Space to
// drop), with what a screen reader hears meanwhile. Loaded only for those who may reorder (dnd-kit is its own chunk).
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
import type { ReactNode } from "react";

export interface AgendaEntry {
  id: string;
  title: string;
  content: ReactNode;
}

interface Props {
  /** The items in their current order. */
  entries: AgendaEntry[];
  /** Called with the item ids in their new order after a move. */
  onReorder(order: string[]): void;
}

export function SortableAgenda({ entries, onReorder }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const order = entries.map((entry) => entry.id);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id))));
  };
  const titleOf = (id: UniqueIdentifier) => entries.find((entry) => entry.id === id)?.title ?? "The item";
  return (
    <DndContext
      id="agenda"
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: agendaAnnouncements(order, titleOf) }}
    >
      <SortableContext items={order} strategy={verticalListSortingStrategy}>
        <ol className="agenda">
          {entries.map((entry) => (
            <SortableItem key={entry.id} id={entry.id} label={entry.title}>
              {entry.content}
            </SortableItem>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
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

function SortableItem({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className="agenda__item">
      <button type="button" className="agenda__handle" {...attributes} {...listeners} aria-label={`Move ${label}`}>
        ⠿
      </button>
      <div>{children}</div>
    </li>
  );
}
