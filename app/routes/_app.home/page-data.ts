// The home page's data as its sections receive it (serialised by the loader).
import type { useLoaderData } from "@remix-run/react";
import type { loader } from "./home.server";

export type HomePageData = ReturnType<typeof useLoaderData<typeof loader>>;
