import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import styles from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Staffroom" }];

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const known = isRouteErrorResponse(error);
  const status = known ? error.status : 500;
  const title =
    status === 404
      ? "We could not find that page"
      : status === 403
        ? "You do not have access to this"
        : "Something went wrong";
  const advice =
    status === 404
      ? "Check the address, or go back to your home page."
      : status === 403
        ? "If you think you should have access, ask your partnership coordinator."
        : "Please try again in a moment. If it keeps happening, tell your partnership coordinator what you were doing.";
  if (!known) console.error(error);
  return (
    <main id="main-content" className="narrow">
      <title>{`${title} · Staffroom`}</title>
      <h1>{title}</h1>
      {known && typeof error.data === "string" && error.data && status < 500 ? <p>{error.data}</p> : null}
      <p>{advice}</p>
      <p>
        <a href="/home">Go to your home page</a>
      </p>
    </main>
  );
}
