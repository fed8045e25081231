// A part of a page whose code loads after the page's own (decision 029): forms above all, whose Conform hook would
// otherwise be in every first load. The server renders it as usual; in the browser its HTML stands, and works as a
// plain form, until the chunk arrives to hydrate it.
import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";

/**
 * `load` imports the module and picks the component: `lazySection(() => import("./x").then((m) => m.X))`. The result
 * is used like the component itself; after a client-side navigation it shows nothing until its chunk has loaded.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, its props kept by ComponentProps
export function lazySection<Component extends ComponentType<any>>(load: () => Promise<Component>) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  return function LazySection(props: ComponentProps<Component>) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
