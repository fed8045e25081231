// A real SMTP server for email tests (smtp-server, parsed with mailparser): it keeps every message it accepted.
// A test may hold the next message (its data received, the reply not yet given) to crash the sender mid-send;
// a message counts as accepted only when the server answered "250" to a client still connected.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtpServer {
  url: string;
  accepted: ParsedMail[];
  /** Keeps back the reply to the first message that comes once `after` were accepted, until release(). */
  holdNext(after?: number): Promise<void>;
  release(): void;
  /** Resolves once the client that sent the held message has disconnected. */
  heldClientGone(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const accepted: ParsedMail[] = [];
  const closedSessions = new Set<string>();
  let heldSession: string | null = null;
  let heldGone = () => {};
  const heldClosed = new Promise<void>((resolve) => (heldGone = resolve));
  let hold: { after: number; reached: () => void; released: Promise<void> } | null = null;
  let releaseHeld = () => {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onClose(session) {
      closedSessions.add(session.id);
      if (session.id === heldSession) heldGone();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const held = hold && accepted.length >= hold.after ? hold : null;
        if (held) {
          hold = null;
          heldSession = session.id;
          held.reached();
          await held.released;
        }
        if (closedSessions.has(session.id)) return callback(new Error("the client went away"));
        accepted.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  // Port 0: the system's free port, taken at once (choosing one first leaves a moment for another process to take it).
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    holdNext(after = 0) {
      let reached!: () => void;
      let release!: () => void;
      const isReached = new Promise<void>((r) => (reached = r));
      const released = new Promise<void>((r) => (release = r));
      hold = { after, reached, released };
      releaseHeld = release;
      return isReached;
    },
    release() {
      releaseHeld();
    },
    heldClientGone: () => heldClosed,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
