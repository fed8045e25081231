// The header's search box: a combobox (ARIA 1.2 pattern) whose list shows the first hits as you type; arrows move
// through them (aria-activedescendant), Enter opens one (or the full results), Escape closes the list. `/` or
// Ctrl+K (⌘K) from anywhere on the page puts the caret in it. Without JavaScript it is a plain GET form to /search.
// On a phone the box gives way to a compact Search button (the header keeps to one band): the button opens the same
// box in a band under the header; without JavaScript it is a link to the /search page.
import { Form, useFetcher, useNavigate } from "@remix-run/react";
import { forwardRef, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { SEARCH_KINDS, type SearchHit, type SearchOutcome } from "~/lib/forms/search";

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
      open();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [input, open]);
}

/** The first hits for what is typed, asked for once the typing pauses. */
function useQuickResults(query: string) {
  const fetcher = useFetcher<{ outcome: SearchOutcome | null }>();
  const { load } = fetcher;
  useEffect(() => {
    if (query.trim() === "") return;
    const timer = setTimeout(() => load(`/search?quick=1&q=${encodeURIComponent(query.trim())}`), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, load]);
  return { outcome: query.trim() ? fetcher.data?.outcome : null, busy: fetcher.state !== "idle" };
}

export function HeaderSearch() {
  const id = useId();
  const listId = `${id}-results`;
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // On a phone: the box is shown in its band under the header (opened by the Search button or the shortcut).
  const [revealed, setRevealed] = useState(false);
  const toggle = useRef<HTMLAnchorElement>(null);
  const openList = useRef(() => {
    setRevealed(true);
    setOpen(true);
  }).current;
  useSearchShortcut(input, openList);
  useEffect(() => {
    // The box was display: none until this render showed it, so the focus waits for it.
    if (revealed) input.current?.focus();
  }, [revealed]);

  const { outcome, busy } = useQuickResults(query);
  const hits = outcome?.ok ? outcome.hits : [];
  const expanded = open && query.trim() !== "";
  const allResults = `/search?q=${encodeURIComponent(query.trim())}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      if (expanded) event.preventDefault();
      else if (revealed) {
        // A second Escape closes the phone's band and goes back to the button that opened it.
        setRevealed(false);
        toggle.current?.focus();
      }
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
    <>
      <SearchToggle
        ref={toggle}
        expanded={revealed}
        onOpen={() => {
          setRevealed(true);
          setOpen(true);
        }}
      />
      <Form
        method="get"
        action="/search"
        role="search"
        aria-label="Search Staffroom"
        className={revealed ? "header-search is-revealed" : "header-search"}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setRevealed(false);
        }}
      >
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
        <QuickResults
          listId={listId}
          hidden={!expanded}
          hits={hits}
          active={active}
          status={
            busy
              ? "Searching…"
              : outcome && !outcome.ok
                ? outcome.message
                : outcome?.ok && outcome.total === 0
                  ? "Nothing matches."
                  : null
          }
          moreLabel={outcome?.ok && outcome.total > 0 ? `See all ${outcome.total} results` : "Search page"}
          moreHref={allResults}
          onChoose={(href) => {
            setOpen(false);
            setRevealed(false);
            navigate(href);
          }}
        />
      </Form>
    </>
  );
}

/** The phone's Search button: a link to /search until the page's script runs, then it opens the header's box. */
const SearchToggle = forwardRef<HTMLAnchorElement, { expanded: boolean; onOpen: () => void }>(function SearchToggle(
  { expanded, onOpen },
  ref,
) {
  return (
    <a
      ref={ref}
      href="/search"
      className="header-search-toggle"
      aria-label="Search"
      aria-expanded={expanded}
      onClick={(event) => {
        event.preventDefault();
        onOpen();
      }}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.25" />
        <path d="M15.5 15.5 L21 21" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
    </a>
  );
});

function QuickResults({
  listId,
  hidden,
  hits,
  active,
  status,
  moreLabel,
  moreHref,
  onChoose,
}: {
  listId: string;
  hidden: boolean;
  hits: SearchHit[];
  active: number;
  status: string | null;
  moreLabel: string;
  moreHref: string;
  onChoose: (href: string) => void;
}) {
  return (
    <div className="header-search__popup" hidden={hidden}>
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
              onChoose(hit.href);
            }}
          >
            <span className="header-search__title">{hit.title}</span>
            <span className="header-search__kind">{SEARCH_KINDS[hit.kind]}</span>
          </li>
        ))}
      </ul>
      <p className="header-search__more" aria-live="polite">
        {status}{" "}
        <a
          href={moreHref}
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(moreHref);
          }}
        >
          {moreLabel}
        </a>
      </p>
    </div>
  );
}
