// The text of a comment with `@` mentions: typing @ and part of a name lists the partnership's members by name and
// institution (arrow keys, Enter or Tab to choose, Escape to close); someone who may not read what the comment is on
// is listed as such and cannot be chosen. The chosen members go with the text as `mentionIds`.
import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { MentionCandidate } from "~/lib/comments";

interface MentionFieldProps {
  label: string;
  people: MentionCandidate[];
  /** What the comment is on, for the message about someone who cannot read it: "this plan". */
  subjectTitle: string;
  defaultValue?: string;
  defaultMentions?: Array<{ id: string; name: string }>;
  error?: string;
  /** Moves focus here when it appears (the box opened by Ctrl+Alt+M or Edit). */
  focusOnMount?: boolean;
}

const QUERY = /(?:^|\s)@([^@\n]{0,40})$/;

export function MentionField(props: MentionFieldProps) {
  const { label, people, subjectTitle, defaultValue = "", defaultMentions = [], error, focusOnMount } = props;
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(defaultValue);
  const [mentions, setMentions] = useState(() => new Map(defaultMentions.map((m) => [m.id, m.name])));
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (focusOnMount) area.current?.focus();
  }, [focusOnMount]);

  const options = useMemo(() => {
    if (query === null) return [];
    const wanted = query.toLowerCase();
    return people.filter((p) => p.name.toLowerCase().includes(wanted)).slice(0, 8);
  }, [people, query]);
  const open = options.length > 0;
  const mentionIds = [...mentions].filter(([, name]) => text.includes(`@${name}`)).map(([mentionId]) => mentionId);

  const readQuery = (value: string, caret: number) => {
    const match = QUERY.exec(value.slice(0, caret));
    setQuery(match ? match[1]! : null);
    setActive(0);
  };

  const choose = (person: MentionCandidate) => {
    if (!person.canRead) {
      setRefusal(`${person.name} cannot see ${subjectTitle}, so they cannot be mentioned here.`);
      return;
    }
    const element = area.current;
    const caret = element?.selectionStart ?? text.length;
    const before = text.slice(0, caret).replace(/@([^@\n]{0,40})$/, `@${person.name} `);
    const next = before + text.slice(caret);
    setText(next);
    setMentions((current) => new Map(current).set(person.id, person.name));
    setQuery(null);
    setRefusal(null);
    requestAnimationFrame(() => element?.setSelectionRange(before.length, before.length));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(options[active]!);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setQuery(null);
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field mention-field${error || refusal ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={hintId}>
        Type @ and a name to mention someone.
      </span>
      <textarea
        ref={area}
        id={id}
        name="body"
        rows={3}
        value={text}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        aria-autocomplete="list"
        aria-controls={open ? `${id}-people` : undefined}
        aria-activedescendant={open ? `${id}-person-${active}` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          readQuery(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <input type="hidden" name="mentionIds" value={mentionIds.join(",")} />
      {open ? (
        <ul className="mention-field__people" role="listbox" id={`${id}-people`} aria-label="People to mention">
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${id}-person-${index}`}
              role="option"
              aria-selected={index === active}
              aria-disabled={!person.canRead || undefined}
              className={index === active ? "is-active" : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              {person.name} <span className="muted">{person.institution}</span>
              {person.canRead ? null : <span className="muted"> · cannot see {subjectTitle}</span>}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="field-error" id={errorId} role="alert">
        {refusal ?? error ?? ""}
      </p>
    </div>
  );
}
