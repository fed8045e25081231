// The collaborative editor as a page embeds it: in the browser only (Lexical and
// the socket need a DOM), loaded as its own chunk, with a status line meanwhile.
import { lazy, Suspense } from "react";
import { ClientOnly } from "~/components/client-only";
import type { CollaborativeEditorProps } from "~/editor/collaborative-editor";

const CollaborativeEditor = lazy(() =>
  import("~/editor/collaborative-editor").then((m) => ({ default: m.CollaborativeEditor })),
);

/** `loading`: what the status line says until the editor is ready, e.g. "Opening the notes…". */
export function LiveEditor({ loading, ...editor }: CollaborativeEditorProps & { loading: string }) {
  const waiting = <p role="status">{loading}</p>;
  return (
    <ClientOnly fallback={waiting}>
      {() => (
        <Suspense fallback={waiting}>
          <CollaborativeEditor {...editor} />
        </Suspense>
      )}
    </ClientOnly>
  );
}
