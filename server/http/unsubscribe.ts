// RFC 8058 one-click unsubscribe: the mail provider POSTs to the link in List-Unsubscribe, from its own servers,
// with no Origin and no cookie. The signed token is the whole authority (it names one member and the kinds one email
// told of), so this POST is handled before the same-origin check, which guards cookie-authenticated requests.
import type { RequestHandler } from "express";
import { stopEmailsAbout } from "~/models/notification-preferences.server";
import { readUnsubscribeToken } from "~/models/unsubscribe-links.server";

export function oneClickUnsubscribe(): RequestHandler {
  return (req, res, next) => {
    const token = readUnsubscribeToken(String(req.params.token ?? ""));
    if (!token) {
      res.status(404).type("text/plain").send("This unsubscribe link is not valid.");
      return;
    }
    stopEmailsAbout(token.userId, token.kinds)
      .then(() => {
        // The page's own button (a browser) goes back to the page; a mail provider's POST gets a plain answer.
        if (req.accepts(["text/plain", "text/html"]) === "text/html") res.redirect(303, `${req.path}?done=1`);
        else res.status(200).type("text/plain").send("Unsubscribed.");
      })
      .catch(next);
  };
}
