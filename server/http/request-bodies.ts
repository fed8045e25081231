// What a request may send: form posts only (URL-encoded or multipart with a boundary), and no more bytes than the
// configured limit. A declared length over it is refused before any of the body is read; a chunked body is counted
// as the app reads it and cut off at the limit, so an attacker's large post never sits in memory.
import type { IncomingMessage } from "node:http";
import type { RequestHandler, Response } from "express";
import { logger } from "../logger";

export interface BodyLimits {
  /** Every body but a multipart upload, in bytes. */
  maxBodyBytes: number;
  /** A multipart (file upload) body, in bytes. */
  maxUploadBytes: number;
}

const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The error the app's reader sees when a chunked body is cut off: already answered with 413, so not worth a log line. */
export function isBodyCutOff(error: unknown): boolean {
  return error instanceof Error && error.name === "BodyTooLargeError";
}

class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`The request body passed its limit of ${limit} bytes and was cut off.`);
    this.name = "BodyTooLargeError";
  }
}

const REFUSALS = {
  413: {
    title: "That was too much to send",
    text: "What you sent is larger than Staffroom accepts. Files can be at most 5 MB: make the file smaller, or share a link to it instead, then try again.",
  },
  415: {
    title: "That form could not be read",
    text: "Staffroom accepts forms sent from its own pages only. Go back, reload the page and send the form again.",
  },
  400: {
    title: "That form could not be read",
    text: "The form arrived incomplete. Go back, reload the page and send the form again.",
  },
} as const;

/** How long a refused body may keep arriving, discarded, so the client reads the answer before the connection ends. */
const LINGER_MS = 1_000;

/**
 * A short page (or a line of text, for a client that does not want HTML) saying why. Node discards the unread body;
 * closing at once would reset the connection under a client still sending, and it would never see the answer.
 */
function refuse(res: Response, status: keyof typeof REFUSALS) {
  const { title, text } = REFUSALS[status];
  logger.warn("request body refused", { status, method: res.req.method, path: res.req.path });
  res.once("finish", () => {
    const req = res.req;
    if (req.complete) return;
    const linger = setTimeout(() => req.socket.destroy(), LINGER_MS);
    linger.unref();
    req.once("end", () => clearTimeout(linger));
  });
  res.status(status);
  if (!res.req.accepts("html")) {
    res.type("text/plain").send(`${title}. ${text}`);
    return;
  }
  res
    .type("html")
    .send(
      `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>${title} | Staffroom</title></head><body><main><h1>${title}</h1><p>${text}</p>` +
        `<p><a href="/home">Go to your home page</a></p></main></body></html>`,
    );
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** Counts a chunked body's bytes as the app reads it; past the limit, answers 413 and ends the body in an error. */
function cutOffAtLimit(req: IncomingMessage, res: Response, limit: number) {
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.byteLength;
    if (received <= limit) return;
    req.off("data", count);
    if (!res.headersSent) refuse(res, 413);
    // An error, not an end, so the app never acts on a truncated form.
    req.destroy(new BodyTooLargeError(limit));
  };
  req.on("data", count);
  // Listening would start the flow; the app's reader resumes it when it wants the body.
  req.pause();
}

export function checkRequestBodies(limits: BodyLimits): RequestHandler {
  return (req, res, next) => {
    if (BODYLESS_METHODS.has(req.method)) return next();
    // Even an empty post must say it is a form: the app reads every post as one, and would fail on anything else.
    const contentType = req.headers["content-type"] ?? "";
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    if (!FORM_TYPES.has(mediaType)) return refuse(res, 415);
    const multipart = mediaType === "multipart/form-data";
    if (multipart && !/;\s*boundary=[^;\s]/i.test(contentType)) return refuse(res, 400);
    if (!hasBody(req)) return next();
    const limit = multipart ? limits.maxUploadBytes : limits.maxBodyBytes;
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) return refuse(res, 413);
    if (req.headers["transfer-encoding"] !== undefined) cutOffAtLimit(req, res, limit);
    next();
  };
}
