// The people of a comment thread: the partnership's members by name and institution, who among them may read the
// subject (the only ones a comment can mention or tell), and how an author who has left is shown.
import { DomainError } from "~/lib/errors";
import type { CommentPerson, MentionCandidate } from "~/lib/comments";
import { actorOfMember, type Actor } from "~/policies/actor";
import { canBeMentioned } from "~/policies/comment";
import type { CommentSubject } from "./comment-subjects.server";
import { db } from "./db.server";

export interface Member extends CommentPerson {
  actor: Actor | null;
  active: boolean;
}

/** Every member of the partnership, active or not (authors who left are still named by id on their comments). */
export async function loadMembers(partnershipId: string): Promise<Map<string, Member>> {
  const users = await db().user.findMany({
    where: { partnershipId },
    select: {
      id: true,
      name: true,
      role: true,
      institutionId: true,
      deactivatedAt: true,
      institution: { select: { name: true } },
    },
    orderBy: { name: "asc" },
  });
  return new Map(
    users.map((u) => [
      u.id,
      {
        id: u.id,
        name: u.name,
        institution: u.institution.name,
        active: u.deactivatedAt === null,
        actor: actorOfMember({ ...u, partnershipId }),
      },
    ]),
  );
}

export function mayRead(subject: CommentSubject, member: Member | undefined): boolean {
  return Boolean(member?.active && member.actor && canBeMentioned(member.actor, subject.factsFor(member.actor)));
}

/** An author as the panel shows them: null once they have left ("former member"). */
export function personOf(members: Map<string, Member>, id: string): CommentPerson | null {
  const member = members.get(id);
  return member?.active ? { id: member.id, name: member.name, institution: member.institution } : null;
}

/** The people the `@` list offers: every active member, marked by whether they may read the subject. */
export function mentionCandidates(subject: CommentSubject, members: Map<string, Member>): MentionCandidate[] {
  return [...members.values()]
    .filter((m) => m.active)
    .map((m) => ({ id: m.id, name: m.name, institution: m.institution, canRead: mayRead(subject, m) }));
}

/**
 * The members a comment mentions, each checked: someone outside the partnership, or who may not read what the
 * comment is on, is refused with a message that says so (nothing is saved). A mention whose "@name" is no longer in
 * the text is dropped.
 */
export function checkMentions(
  subject: CommentSubject,
  members: Map<string, Member>,
  ids: readonly string[],
  body: string,
): string[] {
  const kept: string[] = [];
  for (const id of ids) {
    const member = members.get(id);
    if (!member?.active) {
      throw new DomainError("invalid", "You can only mention people in your partnership.", "body");
    }
    if (!mayRead(subject, member)) {
      throw new DomainError(
        "invalid",
        `${member.name} cannot see ${subject.title}, so they cannot be mentioned here.`,
        "body",
      );
    }
    if (body.includes(`@${member.name}`)) kept.push(id);
  }
  return kept;
}
