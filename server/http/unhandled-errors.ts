// The last Express handler: an error no route answered is logged as one JSON line and shown as a plain apology,
// never as Express's stack page.
import type { ErrorRequestHandler } from "express";
import { errorFields, logger } from "../logger";

export function logUnhandledError(): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // A response already under way (a body cut off at its limit, a client gone) cannot be answered again.
    if (res.headersSent) {
      req.socket.destroy();
      return;
    }
    logger.error("request failed", { method: req.method, path: req.path, ...errorFields(error) });
    res.status(500).type("text/plain").send("Something went wrong on our side. Try again in a minute.");
  };
}
