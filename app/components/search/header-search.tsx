// The header's search box: a combobox (ARIA 1.2 pattern) whose list shows the first hits as you type; arrows move
// through them (aria-activedescendant), Enter opens one (or the full results), Escape closes the list. `/` or
// Ctrl+K (⌘K) from anywhere on the page puts the caret in it. Without JavaScript it is a plain GET form to /search.
import { Form, useFetcher, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { SEARCH_KINDS, type SearchOutcome } from "~/lib/forms/search";

/** Waits this long after the last key before asking, so a fast typist sends one request, not one per letter. */
const TYPING_PAUSE_MS = 200;

const isTypingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

function useSearchShortcut(input: React.RefObject<HTMLInputElement>, open: () => void) {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
      if (!ctrlK && !(event.key === "/" && !isTypingIn(event.target))) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
      open();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [input, open]);
}

export function HeaderSearch() {
  const id = useId();
  const listId = `${id}-results`;
  const input = useRef<HTMLInputElement>(null);
  const fetcher = useFetcher<{ outcome: SearchOutcome | null }>();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const openList = useRef(() => setOpen(true)).current;
  useSearchShortcut(input, openList);

  const { load } = fetcher;
  useEffect(() => {
    if (query.trim() === "") return;
    const timer = setTimeout(() => load(`/search?quick=1&q=${encodeURIComponent(query.trim())}`), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, load]);

  const outcome = query.trim() ? fetcher.data?.outcome : null;
  const hits = outcome?.ok ? outcome.hits : [];
  const expanded = open && query.trim() !== "";
  const allResults = `/search?q=${encodeURIComponent(query.trim())}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      if (expanded) event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (hits.length === 0 ? -1 : (current + step + hits.length + 1) % (hits.length + 1)));
    } else if (event.key === "Enter" && expanded && active >= 0 && active < hits.length) {
      event.preventDefault();
      setOpen(false);
      navigate(hits[active]!.href);
    }
  }

  return (
    <Form method="get" action="/search" role="search" aria-label="Search Staffroom" className="header-search">
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search Staffroom
      </label>
      <input
        ref={input}
        id={`${id}-q`}
        type="search"
        name="q"
        placeholder="Search (press /)"
        autoComplete="off"
        maxLength={300}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 && active < hits.length ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <div className="header-search__popup" hidden={!expanded}>
        <ul id={listId} role="listbox" aria-label="Quick results">
          {hits.map((hit, index) => (
            <li
              key={hit.href + hit.title}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="header-search__option"
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                setOpen(false);
                navigate(hit.href);
              }}
            >
              <span className="header-search__title">{hit.title}</span>
              <span className="header-search__kind">{SEARCH_KINDS[hit.kind]}</span>
            </li>
          ))}
        </ul>
        <p className="header-search__more" aria-live="polite">
          {fetcher.state !== "idle"
            ? "Searching…"
            : outcome && !outcome.ok
              ? outcome.message
              : outcome?.ok && outcome.total === 0
                ? "Nothing matches."
                : null}{" "}
          <a
            href={allResults}
            onMouseDown={(event) => {
              event.preventDefault();
              setOpen(false);
              navigate(allResults);
            }}
          >
            {outcome?.ok && outcome.total > 0 ? `See all ${outcome.total} results` : "Search page"}
          </a>
        </p>
      </div>
    </Form>
  );
}
