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

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.getDb().session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!row || row.user.deactivatedAt) return [null, null];
    const { user, ...session } = row;
    return [
      toDatabaseSession(session),
      {
        id: user.id,
        attributes: {
          email: user.email,
          name: user.name,
          role: user.role,
          partnershipId: user.partnershipId,
          institutionId: user.institutionId,
        },
      },
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
