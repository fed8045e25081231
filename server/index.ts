// The Staffroom process: config -> database -> HTTP (Express + Remix) -> Socket.io.
// One port serves pages, assets, /healthz and the realtime socket.
import http from "node:http";
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { config } from "~/config.server";
import { databaseProvider, disconnectDb } from "~/models/db.server";
import { checkDatabase } from "~/models/health.server";
import "~/lib/load-context";
import { requireSameOrigin } from "./http/origin";
import { believeOnlyTrustedForwarding } from "./http/proxy";
import { resolveSession, type RequestAuth } from "./http/session";
import { securityHeaders } from "./http/security-headers";
import { checkRequestBodies } from "./http/request-bodies";
import { logUnhandledError } from "./http/unhandled-errors";
import { contentSecurityPolicy } from "./http/content-security-policy";
import { logRefusals } from "./http/refusal-log";
import { staticFiles } from "./http/static-files";
import { createRealtimeServer } from "./realtime/socket";
import { createRealtimeHub } from "./realtime/hub";
import { registerCollaboration } from "./realtime/collab/collaboration";
import { prepareDatabase } from "./database";
import { errorFields, logger } from "./logger";
import { scheduleMaintenance } from "./maintenance";
import { scheduleBackups } from "./ops/scheduled-backups";
import { announceSetupLink } from "./setup-link";
import { scheduleStudentErasure } from "./ops/scheduled-erasure";
import { startMailSender } from "./ops/mail-sender";
import { scheduleNotifications } from "./ops/scheduled-notifications";
import { oneClickUnsubscribe } from "./http/unsubscribe";
import { setNotificationHooks } from "~/models/notification-hooks.server";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const cfg = config();
  await prepareDatabase(cfg);

  const app = express();
  app.disable("x-powered-by");
  // req.ip is the address that many hops from the right of X-Forwarded-For (the socket's own with none).
  app.set("trust proxy", cfg.trustProxyHops);
  const httpServer = http.createServer(app);
  const realtime = await createRealtimeServer(httpServer, {
    allowedOrigins: cfg.allowedOrigins,
    trustProxyHops: cfg.trustProxyHops,
    redisUrl: cfg.redisUrl,
  });
  const hub = createRealtimeHub(realtime);
  const collaboration = await registerCollaboration(realtime.io, {
    redis: realtime.redis?.pub ?? null,
    commitWindowMs: cfg.collabCommitWindowMs,
    accessRecheckMs: cfg.collabAccessRecheckMs,
    maxDocumentBytes: cfg.collabMaxDocumentBytes,
  });

  app.use(logRefusals());
  app.use(believeOnlyTrustedForwarding(cfg.trustProxyHops));
  app.use(securityHeaders(cfg.production));
  app.use(contentSecurityPolicy(cfg.production));

  app.get("/healthz", async (_req, res) => {
    const database = await checkDatabase(cfg.databaseUrl);
    const realtimeStatus = await hub.status();
    const ok = database.ok && realtimeStatus.ok;
    res.status(ok ? 200 : 503).json({
      status: ok ? "ok" : "degraded",
      database,
      realtime: { ...realtimeStatus, connectedSockets: realtime.io.engine.clientsCount },
      pid: process.pid,
    });
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (cfg.production) {
    const buildDir = path.resolve(root, cfg.buildDir);
    app.use("/assets", staticFiles(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(staticFiles(path.join(buildDir, "client"), { maxAge: "1h" }));
    const buildPath = path.join(buildDir, "server/index.js");
    build = (await import(buildPath)) as ServerBuild;
  } else {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true, hmr: { server: httpServer } } });
    app.use(viteServer.middlewares);
    build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  }
  app.use(staticFiles(path.join(root, "public"), { maxAge: "1h" }));

  app.post("/unsubscribe/:token", oneClickUnsubscribe());
  app.use(requireSameOrigin(cfg.allowedOrigins, cfg.trustProxyHops));
  app.use(checkRequestBodies({ maxBodyBytes: cfg.maxBodyBytes, maxUploadBytes: cfg.maxUploadBytes }));
  app.use(resolveSession());
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: cfg.production ? "production" : "development",
      getLoadContext: (req, res): AppLoadContext => {
        const auth = res.locals.auth as RequestAuth;
        return {
          user: auth.user,
          session: auth.session,
          clientIp: req.ip ?? "",
          cspNonce: res.locals.cspNonce as string,
          realtime: hub,
          singleFetch: req.path.endsWith(".data"),
        };
      },
    }),
  );
  app.use(logUnhandledError());

  await new Promise<void>((resolve) => httpServer.listen(cfg.port, cfg.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : cfg.port;
  logger.info(`Staffroom is listening on http://localhost:${port}`, {
    database: databaseProvider(cfg.databaseUrl),
    realtime: cfg.redisUrl ? "redis" : "in-process",
  });
  await announceSetupLink(cfg, port);

  const stopMaintenance = scheduleMaintenance();
  const stopBackups = scheduleBackups(cfg);
  const stopErasure = scheduleStudentErasure(cfg);
  const mailSender = startMailSender(cfg);
  setNotificationHooks({
    unreadChanged: (userId, unread) => hub.emitToUser(userId, "notifications:unread", { unread }),
    outboxWritten: () => mailSender.nudge(),
  });
  const stopNotifications = scheduleNotifications(cfg);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info("shutting down", { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await collaboration.close();
    stopMaintenance();
    stopBackups();
    stopErasure();
    stopNotifications();
    await mailSender.stop();
    await realtime.close();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

// Node's default would print a multi-line stack; one JSON line keeps the log machine-readable. Both still end the process.
process.on("uncaughtException", (error) => {
  logger.error("uncaught exception", errorFields(error));
  process.exit(1);
});
process.on("unhandledRejection", (reason) => {
  logger.error("unhandled promise rejection", errorFields(reason));
  process.exit(1);
});

main().catch((error) => {
  logger.error("Staffroom failed to start", errorFields(error));
  process.exit(1);
});
