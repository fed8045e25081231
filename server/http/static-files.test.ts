// Static files are looked up only for addresses with an extension: a page's address goes straight on to the pages.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticFiles } from "./static-files";

let origin = "";
let close = () => {};

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "static-files-"));
  fs.writeFileSync(path.join(root, "favicon.svg"), "<svg/>");
  // A file named like a page: served by no one, since a page's address never reaches the file system.
  fs.writeFileSync(path.join(root, "notifications"), "not a page");
  const app = express();
  app.use(staticFiles(root, { maxAge: "1h" }));
  app.use((req, res) => void res.status(200).send(`page ${req.path}`));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => void server.close();
});
afterAll(() => close());

describe("static files", () => {
  it("serves a file with an extension, cached for an hour", async () => {
    const response = await fetch(`${origin}/favicon.svg`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<svg/>");
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("passes a page's address and a missing file on to the pages", async () => {
    expect(await (await fetch(`${origin}/notifications`)).text()).toBe("page /notifications");
    expect(await (await fetch(`${origin}/missing.svg`)).text()).toBe("page /missing.svg");
  });
});
