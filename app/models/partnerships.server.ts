// Partnership-wide overviews for the home pages.
import { db } from "./db.server";

export async function partnershipOverview(partnershipId: string) {
  const [institutions, members, pendingInvites, recentMembers] = await Promise.all([
    db().institution.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        kind: true,
        town: true,
        users: { where: { deactivatedAt: null }, select: { role: true } },
      },
    }),
    db().user.groupBy({ by: ["role"], where: { partnershipId, deactivatedAt: null }, _count: { _all: true } }),
    db().invite.count({ where: { partnershipId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
    db().user.findMany({
      where: { partnershipId, deactivatedAt: null },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, name: true, role: true, createdAt: true, institution: { select: { name: true } } },
    }),
  ]);
  const roleCounts = Object.fromEntries(members.map((m) => [m.role, m._count._all])) as Record<string, number>;
  return {
    institutions: institutions.map(({ users, ...i }) => ({
      ...i,
      memberCount: users.length,
      roleCounts: users.reduce<Record<string, number>>((c, u) => ({ ...c, [u.role]: (c[u.role] ?? 0) + 1 }), {}),
    })),
    roleCounts,
    memberCount: Object.values(roleCounts).reduce((a, b) => a + b, 0),
    pendingInvites,
    recentMembers,
  };
}
