// Static files (the build's assets, the favicon) for the production server. Every file served has an extension and
// no page's address has one, so a page request skips the file system lookups (a stat per folder) it could never hit.
import path from "node:path";
import express, { type RequestHandler } from "express";

type StaticOptions = Parameters<typeof express.static>[1];

/** express.static for requests whose last path segment has an extension; the rest pass straight on. */
export function staticFiles(root: string, options: StaticOptions): RequestHandler {
  const serve = express.static(root, options);
  return (req, res, next) => (path.extname(req.path) ? serve(req, res, next) : next());
}
