// Tells everyone in the demo partnership, on every page, that it is the demo: its password is published, so
// nothing real belongs in it, and how to start for real. The sign-in page says the same while the demo is there.

const SET_UP_FOR_REAL = (
  <>
    To use Staffroom for real, open the set-up link that Staffroom prints in its log when it starts, then remove the
    demo with <code>npm run demo:remove</code>.
  </>
);

/** Above the page frame of every page a demo member sees; text only, so the skip link stays the first Tab stop. */
export function DemoBanner() {
  return (
    <section className="demo-banner" aria-labelledby="demo-banner-title">
      <p>
        <strong id="demo-banner-title">This is the demo partnership.</strong> Its password is published, so anyone who
        can reach this Staffroom can sign in as any of its members: add nothing real here, least of all about students.{" "}
        {SET_UP_FOR_REAL}
      </p>
    </section>
  );
}

/** On the sign-in page while a demo partnership exists; SEED_DEMO=true lets its members sign in from anywhere. */
export function DemoSignInNotice({ scope }: { scope: "this-computer" | "anywhere" }) {
  return (
    <div className="alert alert--warning">
      <p>
        <strong>This Staffroom holds the demo partnership.</strong> Its members share a published password
        {scope === "anywhere"
          ? ", and this Staffroom lets them sign in from any computer (SEED_DEMO=true). "
          : ", so they can sign in only on the computer Staffroom runs on. "}
        {SET_UP_FOR_REAL}
      </p>
    </div>
  );
}

/** What a demo member signing in from another computer is told. */
export const DEMO_SIGN_IN_REFUSED =
  "Demo accounts can sign in only on the computer Staffroom runs on, because their password is published. " +
  "To let others try the demo, start Staffroom with SEED_DEMO=true; to use it for real, set up your own partnership.";
