// A part of a page whose code loads after the page's own (decision 029): forms above all, whose Conform hook would
// otherwise be in every first load. The server renders it as usual; in the browser its HTML stands, and works as a
// plain form, until the chunk arrives to hydrate it.
import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";

/**
 * `load` imports the module and picks the component: `lazySection(() => import("./x").then((m) => m.X))`. The result
 * is used like the component itself. In the browser the chunk is asked for as soon as the route's own module runs,
 * alongside the page's data, rather than when React first renders the section: after a client-side navigation it
 * shows nothing only if its chunk is still on its way when the data has arrived.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, its props kept by ComponentProps
export function lazySection<Component extends ComponentType<any>>(load: () => Promise<Component>) {
  let loading: Promise<{ default: Component }> | undefined;
  const start = () => (loading ??= load().then((component) => ({ default: component })));
  if (typeof document !== "undefined") void start().catch(() => undefined); // React.lazy reports a failure itself
  const Lazy = lazy(start);
  return function LazySection(props: ComponentProps<Component>) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
