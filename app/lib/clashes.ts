// When one person is booked in two places at once: an LSA deployed to two lessons, or a teacher timetabled with two
// groups, whose times overlap on the same day. Pure, so the deployment and group forms and the socket layer share it.

export interface Booking {
  /** What the booking is (a lesson plan's id, a group session's id), to leave the one being edited out. */
  id: string;
  /** The day, as YYYY-MM-DD (a lesson) or a weekday number 1-5 (a weekly timetable). */
  day: string | number;
  /** "HH:MM", 24-hour. */
  startTime: string;
  /** "HH:MM"; the booking runs up to, not including, this minute. */
  endTime: string;
  siteId: string;
  /** How the booking is named to the person, e.g. "BTEC Sport, Tuesday 13:15 at Hollins Park". */
  label: string;
}

export interface Clash {
  booking: Booking;
  /** True when the other booking is at another site: the person would have to be in two places. */
  otherSite: boolean;
  /** Minutes the two bookings share. */
  overlapMinutes: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`not a time of day: "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** "HH:MM" that many minutes after `start`, capped at 23:59 (a lesson cannot run past midnight). */
export function endTimeOf(start: string, durationMinutes: number): string {
  const end = Math.min(minutesOf(start) + Math.max(0, durationMinutes), 23 * 60 + 59);
  return `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`;
}

/**
 * The bookings that overlap `candidate` on its day. Touching times (one ends at 14:00, the next starts at 14:00) are
 * not a clash; a booking without a valid time is left out rather than guessed.
 */
export function findClashes(candidate: Booking, others: readonly Booking[]): Clash[] {
  if (!TIME.test(candidate.startTime) || !TIME.test(candidate.endTime)) return [];
  const start = minutesOf(candidate.startTime);
  const end = minutesOf(candidate.endTime);
  const clashes: Clash[] = [];
  for (const other of others) {
    if (other.id === candidate.id || other.day !== candidate.day) continue;
    if (!TIME.test(other.startTime) || !TIME.test(other.endTime)) continue;
    const overlap = Math.min(end, minutesOf(other.endTime)) - Math.max(start, minutesOf(other.startTime));
    if (overlap > 0)
      clashes.push({ booking: other, otherSite: other.siteId !== candidate.siteId, overlapMinutes: overlap });
  }
  return clashes.sort((a, b) => minutesOf(a.booking.startTime) - minutesOf(b.booking.startTime));
}

/** Each clash named, for a list that already says whose they are. */
export function listClashes(clashes: readonly Clash[]): string {
  return clashes
    .map(
      (c) =>
        `${c.booking.label} (${c.overlapMinutes} minutes at the same time${c.otherSite ? ", at another site" : ""})`,
    )
    .join("; ");
}

/** A sentence for the person arranging it, naming each clash. */
export function describeClashes(person: string, clashes: readonly Clash[]): string {
  return `${person} is already booked then: ${listClashes(clashes)}.`;
}
