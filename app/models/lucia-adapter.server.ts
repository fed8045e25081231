// Lucia v3's seven-method database adapter, written against our Prisma client
// (@lucia-auth/adapter-prisma does not accept Prisma 6). Sessions of deactivated
// users are treated as absent.
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { Db } from "./db.server";

type SessionRow = {
  id: string;
  userId: string;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  createdAt: Date;
  userAgent: string;
  ipAddress: string;
  reauthenticatedAt: Date | null;
};

type SessionAndUserRow = SessionRow & {
  email: string;
  name: string;
  role: string;
  partnershipId: string;
  institutionId: string;
};

function toDatabaseSession(row: SessionRow): DatabaseSession {
  return {
    id: row.id,
    userId: row.userId,
    expiresAt: row.expiresAt,
    attributes: {
      absoluteExpiresAt: row.absoluteExpiresAt,
      createdAt: row.createdAt,
      userAgent: row.userAgent,
      ipAddress: row.ipAddress,
      reauthenticatedAt: row.reauthenticatedAt,
    },
  };
}

export class PrismaSessionAdapter implements Adapter {
  constructor(private readonly getDb: () => Db) {}

  /**
   * Every request's session check, so one raw statement: a model query with its user costs two statements and about
   * four times the CPU in Prisma, and would read the password hash for nothing.
   */
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const rows = await this.getDb().$queryRaw<SessionAndUserRow[]>`
      SELECT s."id", s."userId", s."expiresAt", s."absoluteExpiresAt", s."createdAt", s."userAgent", s."ipAddress",
        s."reauthenticatedAt", u."email", u."name", u."role", u."partnershipId", u."institutionId"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${sessionId} AND u."deactivatedAt" IS NULL`;
    const row = rows[0];
    if (!row) return [null, null];
    const { email, name, role, partnershipId, institutionId, ...session } = row;
    return [
      toDatabaseSession(session),
      { id: row.userId, attributes: { email, name, role, partnershipId, institutionId } },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.getDb().session.findMany({ where: { userId }, orderBy: { createdAt: "desc" } });
    return rows.map(toDatabaseSession);
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const { absoluteExpiresAt, userAgent, ipAddress } = session.attributes;
    await this.getDb().session.create({
      data: {
        id: session.id,
        userId: session.userId,
        expiresAt: session.expiresAt,
        absoluteExpiresAt,
        userAgent,
        ipAddress,
      },
    });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.getDb().session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.getDb().session.deleteMany({ where: { id: sessionId } });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.getDb().session.deleteMany({ where: { userId } });
  }

  async deleteExpiredSessions(): Promise<void> {
    const now = new Date();
    await this.getDb().session.deleteMany({
      where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
    });
  }
}
