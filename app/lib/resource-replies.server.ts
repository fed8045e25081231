// How a resource route answers with a status both to the page's fetchers and to anyone else. Remix's single fetch
// (the `.data` address fetchers call) needs `data()`: a Response with a 4xx status would become an error for the
// page's error boundary. A plain request given `data()` gets that wrapper serialised with a 200, so it gets a plain
// JSON Response with the same body and status instead.
import { data, type AppLoadContext } from "@remix-run/node";

type Reply<T> = ReturnType<typeof data<T>>;

function isDataReply<T>(reply: T | Reply<T>): reply is Reply<T> {
  return typeof reply === "object" && reply !== null && (reply as { type?: unknown }).type === "DataWithResponseInit";
}

/** The reply as this request needs it: `data()` for single fetch, a JSON Response (same status) otherwise. */
export function resourceReply<T>(context: AppLoadContext, reply: T | Reply<T>): Reply<T> | Response {
  const { body, init } = isDataReply(reply) ? { body: reply.data, init: reply.init ?? {} } : { body: reply, init: {} };
  return context.singleFetch ? data(body, init) : Response.json(body, init);
}
