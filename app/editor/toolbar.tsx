// Formatting controls: block type (paragraph, headings), lists, bold/italic/
// underline, link, undo/redo. Undo and redo go through Lexical's commands, which
// CollaborationPlugin routes to a Yjs UndoManager that undoes only your own edits.
import { useCallback, useEffect, useState } from "react";
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from "lexical";
import { $createHeadingNode, type HeadingTagType } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from "@lexical/list";
import { TOGGLE_LINK_COMMAND } from "@lexical/link";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { mergeRegister } from "@lexical/utils";

type Block = "paragraph" | HeadingTagType;

export function EditorToolbar() {
  const [editor] = useLexicalComposerContext();
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [formats, setFormats] = useState<Record<string, boolean>>({});

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerUpdateListener(({ editorState }) =>
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            setFormats({
              bold: selection.hasFormat("bold"),
              italic: selection.hasFormat("italic"),
              underline: selection.hasFormat("underline"),
            });
          }),
        ),
      ),
    [editor],
  );

  const setBlock = useCallback(
    (block: Block) =>
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) {
          $setBlocksType(selection, () => (block === "paragraph" ? $createParagraphNode() : $createHeadingNode(block)));
        }
      }),
    [editor],
  );
  const format = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const link = () => {
    const url = window.prompt("Link address (https://…)", "https://");
    if (url === null) return;
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url.trim() === "" ? null : url.trim());
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <label className="visually-hidden" htmlFor="block-type">
        Text style
      </label>
      <select id="block-type" onChange={(e) => setBlock(e.target.value as Block)} defaultValue="paragraph">
        <option value="paragraph">Normal text</option>
        <option value="h1">Heading 1</option>
        <option value="h2">Heading 2</option>
        <option value="h3">Heading 3</option>
      </select>
      <button type="button" aria-pressed={!!formats.bold} onClick={() => format("bold")}>
        Bold
      </button>
      <button type="button" aria-pressed={!!formats.italic} onClick={() => format("italic")}>
        Italic
      </button>
      <button type="button" aria-pressed={!!formats.underline} onClick={() => format("underline")}>
        Underline
      </button>
      <button type="button" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>
        Bulleted list
      </button>
      <button type="button" onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)}>
        Numbered list
      </button>
      <button type="button" onClick={() => editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined)}>
        No list
      </button>
      <button type="button" onClick={link}>
        Link
      </button>
      <button type="button" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        Undo
      </button>
      <button type="button" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        Redo
      </button>
    </div>
  );
}
