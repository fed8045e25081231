// The tamper-evident audit log (decision 017): each partnership's entries form a hash chain, appends from several
// processes at once stay one chain, and verification names the first entry that was changed, deleted or inserted.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { auditActions, recordAudit } from "~/models/audit.server";
import { entryHash, GENESIS_HASH } from "~/models/audit-chain.server";
import { verifyAuditChain } from "~/models/audit-verify.server";
import { db } from "~/models/db.server";
import { PROVIDERS } from "../support/databases";
import { actorOf, idOf, useModelDatabase } from "../support/model-database";
import { root } from "../support/prisma-cli";

const run = promisify(execFile);

async function newPartnership() {
  const slug = `audited-${randomBytes(4).toString("hex")}`;
  return (await db().partnership.create({ data: { name: `Audited ${slug}`, slug } })).id;
}

async function recordSome(partnershipId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await recordAudit({
      partnershipId,
      actorId: null,
      action: "student.viewed",
      subjectType: "student",
      subjectId: `student-${i}`,
      detail: { page: "students" },
      ipAddress: "192.0.2.1",
    });
  }
  return db().auditEvent.findMany({ where: { partnershipId }, orderBy: { seq: "asc" } });
}

/** Runs `npm run audit:verify`'s script against the test's database. */
async function verifyCommand(databaseUrl: string, slug: string) {
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  return run(tsx, ["scripts/audit-verify.ts", "--partnership", slug], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

/** Starts tests/support/audit-writer.ts and waits until it is connected; `go()` sets it appending. */
async function startWriter(databaseUrl: string, partnershipId: string, count: number, label: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "tests/support/audit-writer.ts", partnershipId, `${count}`, label],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["pipe", "pipe", "inherit"] },
  );
  let output = "";
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const listen = () => (output.includes(word) ? resolve() : undefined);
      child.stdout.on("data", (chunk: Buffer) => ((output += chunk.toString()), listen()));
      child.once("exit", (code) =>
        output.includes(word) ? resolve() : reject(new Error(`writer ${label} exited ${code}`)),
      );
    });
  const done = said("done");
  await said("ready");
  return { go: () => child.stdin.write("go\n"), done };
}

describe.each(PROVIDERS)("the audit hash chain on %s", (provider) => {
  const database = useModelDatabase(provider);

  it("chains each entry to the one before it, and verification walks the chain", async () => {
    const partnershipId = await newPartnership();
    const entries = await recordSome(partnershipId, 5);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (const [i, entry] of entries.entries()) {
      if (i > 0) expect(entry.prevHash).toBe(entries[i - 1]!.hash);
      expect(entry.hash).toBe(entryHash({ ...entry, seq: entry.seq! }));
    }
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true, entries: 5, head: { seq: 5 } });
  });

  it("chains several entries of one action in order (a page showing many students)", async () => {
    const coordinator = await actorOf(idOf(database.demo.userIds, "coordinator"));
    const before = (await db().auditChain.findUnique({ where: { partnershipId: coordinator.partnershipId } }))?.seq;
    await auditActions({ actor: coordinator, ipAddress: "" }, [
      { action: "student.viewed", subjectType: "student", subjectId: "a" },
      { action: "student.viewed", subjectType: "student", subjectId: "b" },
    ]);
    const [first, second] = await db().auditEvent.findMany({
      where: { partnershipId: coordinator.partnershipId, subjectId: { in: ["a", "b"] } },
      orderBy: { seq: "asc" },
    });
    expect([first!.subjectId, second!.subjectId]).toEqual(["a", "b"]);
    expect(second!.seq).toBe(first!.seq! + 1);
    expect(second!.prevHash).toBe(first!.hash);
    expect(first!.seq).toBeGreaterThan(before ?? 0);
    expect(await verifyAuditChain(coordinator.partnershipId)).toMatchObject({ ok: true });
  });

  it("names an entry whose text was changed after it was recorded", async () => {
    const partnershipId = await newPartnership();
    const entries = await recordSome(partnershipId, 5);
    await db().auditEvent.update({ where: { id: entries[2]!.id }, data: { detail: '{"page":"elsewhere"}' } });
    const verdict = await verifyAuditChain(partnershipId);
    expect(verdict).toMatchObject({ ok: false, entryId: entries[2]!.id });
    expect(verdict.ok || verdict.problem).toMatch(/entry #3 .* was changed after it was recorded/);
  });

  it("names the entry after one deleted from the middle", async () => {
    const partnershipId = await newPartnership();
    const entries = await recordSome(partnershipId, 5);
    await db().auditEvent.delete({ where: { id: entries[2]!.id } });
    const verdict = await verifyAuditChain(partnershipId);
    expect(verdict).toMatchObject({ ok: false, entryId: entries[3]!.id });
    expect(verdict.ok || verdict.problem).toMatch(/entry #4 .* follows entry #2 .* 1 entry is missing/);
  });

  it("notices the newest entries deleted", async () => {
    const partnershipId = await newPartnership();
    const entries = await recordSome(partnershipId, 4);
    await db().auditEvent.delete({ where: { id: entries[3]!.id } });
    expect(await verifyAuditChain(partnershipId)).toMatchObject({
      ok: false,
      entryId: entries[2]!.id,
      problem: expect.stringMatching(/head records entry #4/),
    });
  });

  it("names an entry inserted outside the chain, or inserted into it with a forged link", async () => {
    const partnershipId = await newPartnership();
    const entries = await recordSome(partnershipId, 3);
    const outsider = await db().auditEvent.create({
      data: { partnershipId, actorId: null, action: "sign-in", subjectType: "user", subjectId: "u" },
    });
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: false, entryId: outsider.id });
    expect((await verifyAuditChain(partnershipId)) as { problem: string }).toMatchObject({
      problem: expect.stringMatching(/not in the chain: it was inserted/),
    });
    await db().auditEvent.delete({ where: { id: outsider.id } });

    // A forger who knows the scheme: a well-formed link after the last entry, but the head was not moved.
    const last = entries.at(-1)!;
    const fields = { ...last, id: "forged", seq: 4, prevHash: last.hash, action: "sign-in", createdAt: new Date() };
    const forged = await db().auditEvent.create({ data: { ...fields, hash: entryHash(fields) } });
    expect(await verifyAuditChain(partnershipId)).toMatchObject({
      ok: false,
      entryId: forged.id,
      problem: expect.stringMatching(/entry #4 .* comes after the chain's head: it was inserted/),
    });
  });

  it("chains the entries written before the chain existed when the partnership's first new entry arrives", async () => {
    const partnershipId = await newPartnership();
    for (const day of [3, 1, 2]) {
      await db().auditEvent.create({
        data: {
          partnershipId,
          action: "sign-in",
          subjectType: "user",
          subjectId: `day-${day}`,
          createdAt: new Date(Date.UTC(2025, 8, day)),
        },
      });
    }
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true, entries: 0, head: null });
    const entries = await recordSome(partnershipId, 1);
    expect(entries.map((e) => [e.seq, e.subjectId])).toEqual([
      [1, "day-1"],
      [2, "day-2"],
      [3, "day-3"],
      [4, "student-0"],
    ]);
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true, entries: 4 });
  });

  it("stays one valid chain when two other processes and this one append at once", async () => {
    const partnershipId = await newPartnership();
    const PER_WRITER = 30;
    const writers = await Promise.all(
      ["a", "b"].map((label) => startWriter(database.url, partnershipId, PER_WRITER, label)),
    );
    for (const writer of writers) writer.go();
    await Promise.all([
      ...writers.map((writer) => writer.done),
      ...Array.from({ length: PER_WRITER }, (_, i) =>
        recordAudit({
          partnershipId,
          actorId: null,
          action: "test.appended",
          subjectType: "test",
          subjectId: `here-${i}`,
        }),
      ),
    ]);
    const entries = await db().auditEvent.findMany({ where: { partnershipId }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 3 * PER_WRITER }, (_, i) => i + 1));
    expect(new Set(entries.map((e) => e.subjectId.split("-")[0]))).toEqual(new Set(["a", "b", "here"]));
    expect(await verifyAuditChain(partnershipId)).toMatchObject({ ok: true, entries: 3 * PER_WRITER });
  }, 120_000);

  it("npm run audit:verify reports a sound chain, then exits non-zero naming the changed entry", async () => {
    const partnershipId = await newPartnership();
    const { slug } = await db().partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    const entries = await recordSome(partnershipId, 3);
    const sound = await verifyCommand(database.url, slug);
    expect(sound).toMatchObject({ code: 0, stdout: expect.stringContaining(`${slug}: audit log verified, 3 entries`) });
    await db().auditEvent.update({ where: { id: entries[1]!.id }, data: { ipAddress: "203.0.113.9" } });
    const tampered = await verifyCommand(database.url, slug);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`AUDIT LOG BROKEN: entry #2 (student.viewed`);
    expect(tampered.stdout).toContain(entries[1]!.id);
  }, 60_000);
});
