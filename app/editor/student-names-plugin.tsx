// The writing warning inside a co-edited document (minutes, a lesson plan's text, a strategy's description): as the
// writer types a student's name that some readers see only as initials, the same polite warning as beside a form
// field, and "Use initials" puts the initials in place of the name in the document itself, for everyone.
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $getRoot } from "lexical";
import { useEffect, useState } from "react";
import { NameWarning } from "~/components/student-names/student-name-warning";
import { useStudentNameCheck } from "~/components/student-names/use-student-name-check";
import { $isMentionNode } from "~/lib/document-schema/mention-node";

export function StudentNamesPlugin() {
  const [editor] = useLexicalComposerContext();
  const [text, setText] = useState("");
  const [replacedText, setReplacedText] = useState<string | null>(null);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, tags, dirtyElements, dirtyLeaves }) => {
        // Only the writer's own typing is checked: colleagues' text (and the document as it opens) arrives tagged.
        if (tags.has("collaboration") || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        setText(editorState.read(() => $getRoot().getTextContent()));
      }),
    [editor],
  );
  const { named, withInitials } = useStudentNameCheck(text);
  const putInitials = () => {
    editor.update(
      () => {
        for (const node of $getRoot().getAllTextNodes()) {
          if ($isMentionNode(node)) continue; // a colleague's name, never a student's
          const before = node.getTextContent();
          const after = withInitials(before);
          if (after !== before) node.setTextContent(after);
        }
      },
      {
        onUpdate: () => {
          const replaced = editor.getEditorState().read(() => $getRoot().getTextContent());
          setText(replaced);
          setReplacedText(replaced);
          editor.focus();
        },
      },
    );
  };
  return (
    <NameWarning
      names={named.map((s) => `${s.firstName} ${s.lastName}`)}
      replaced={replacedText !== null && replacedText === text}
      onUseInitials={putInitials}
    />
  );
}
