// `@` mentions inside a co-edited document: typing @ and part of a name lists the partnership's members by name and
// institution (arrow keys, Enter or Tab to choose, Escape to close); choosing one puts a mention chip in the text. Who
// may read the document comes from the comment panel's load of the comments endpoint (comment-store), so the list is
// the comments' own: someone who may not read it is listed as such and cannot be chosen. The server tells the member
// mentioned (document-mentions.server.ts); nothing here notifies anyone.
import { LexicalTypeaheadMenuPlugin, MenuOption, type MenuTextMatch } from "@lexical/react/LexicalTypeaheadMenuPlugin";
import type { TextNode } from "lexical";
import { useCallback, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useDocumentComments } from "~/components/comments/comment-store";
import type { MentionCandidate } from "~/lib/comments";
import { $createMentionNode, newMentionId } from "~/lib/document-schema/mention-node";

/** "@" at the start of the text or after a space or bracket, then up to 40 characters of a name. */
const TRIGGER = /(^|[\s(])(@([^@\n]{0,40}))$/;

function mentionTrigger(text: string): MenuTextMatch | null {
  const match = TRIGGER.exec(text);
  if (!match) return null;
  return { leadOffset: match.index + match[1]!.length, matchingString: match[3]!, replaceableString: match[2]! };
}

class PersonOption extends MenuOption {
  constructor(readonly person: MentionCandidate) {
    super(person.id);
  }
}

interface MentionsPluginProps {
  documentId: string;
  /** The writer: never offered to themself. */
  userId: string;
}

export function MentionsPlugin({ documentId, userId }: MentionsPluginProps) {
  const { people, title } = useDocumentComments(documentId);
  const [query, setQuery] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The refused choice: the menu stays shut while the text after the @ still leads to that person (the refusal would
  // vanish as it reopened), and opens again once it no longer does. The menu's own match can lag a keystroke behind
  // fast typing, so "Joann" refused and "Joanne" typed by then still count as the same refusal.
  const refused = useRef<{ query: string; name: string } | null>(null);
  const trigger = useCallback((text: string) => {
    const match = mentionTrigger(text);
    const last = refused.current;
    const typed = match?.matchingString;
    if (typed !== undefined && last && typed.startsWith(last.query) && last.name.includes(typed.toLowerCase())) {
      return null;
    }
    return match;
  }, []);
  const opened = useCallback(() => {
    refused.current = null;
    setRefusal(null);
  }, []);

  const options = useMemo(() => {
    if (query === null) return [];
    const wanted = query.toLowerCase();
    return people
      .filter((p) => p.id !== userId && p.name.toLowerCase().includes(wanted))
      .slice(0, 8)
      .map((p) => new PersonOption(p));
  }, [people, query, userId]);

  const choose = useCallback(
    (option: PersonOption, typed: TextNode | null, closeMenu: () => void, matching: string) => {
      const { person } = option;
      if (!person.canRead) {
        refused.current = { query: matching, name: person.name.toLowerCase() };
        setRefusal(`${person.name} cannot see ${title}, so they cannot be mentioned here.`);
        closeMenu();
        return;
      }
      // Called inside the menu's own editor.update: the typed "@Na" becomes the chip.
      const mention = $createMentionNode(person.id, newMentionId(), `@${person.name}`);
      if (typed) typed.replace(mention);
      mention.select();
      setRefusal(null);
      closeMenu();
    },
    [title],
  );

  return (
    <>
      <LexicalTypeaheadMenuPlugin<PersonOption>
        onQueryChange={setQuery}
        onSelectOption={choose}
        onOpen={opened}
        triggerFn={trigger}
        options={options}
        anchorClassName="mention-menu__anchor"
        menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
          anchor.current && options.length > 0
            ? createPortal(
                <ul className="mention-menu" role="presentation">
                  {options.map((option, index) => (
                    <li
                      key={option.key}
                      id={`typeahead-item-${index}`}
                      ref={(element) => option.setRefElement(element)}
                      role="option"
                      aria-selected={selectedIndex === index}
                      aria-disabled={!option.person.canRead || undefined}
                      className={selectedIndex === index ? "is-active" : undefined}
                      onMouseEnter={() => setHighlightedIndex(index)}
                      // The keyboard works in the text itself (the editor holds the active option); a click keeps its focus.
                      onMouseDown={(event) => {
                        event.preventDefault();
                        selectOptionAndCleanUp(option);
                      }}
                    >
                      {option.person.name} <span className="muted">{option.person.institution}</span>
                      {option.person.canRead ? null : <span className="muted"> · cannot see {title}</span>}
                    </li>
                  ))}
                </ul>,
                anchor.current,
              )
            : null
        }
      />
      {refusal ? (
        <p className="field-error mention-refusal" role="alert">
          {refusal}
        </p>
      ) : null}
    </>
  );
}
