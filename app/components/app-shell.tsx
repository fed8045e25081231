// The signed-in frame: skip link, header with who is signed in, the main
// navigation (only sections that exist and that this role may use), the page.
import { Form, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { HeaderSearch } from "~/components/search/header-search";
import type { NavItem } from "~/lib/navigation";
import { ROLE_LABELS, type Role } from "~/lib/roles";
import { NotificationBell } from "./notification-bell";

export interface ShellUser {
  name: string;
  role: Role;
  institutionName: string;
  partnershipName: string;
}

export function AppShell({ user, nav, children }: { user: ShellUser; nav: NavItem[]; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <a className="brand" href="/home">
            Staffroom
            <small>{user.partnershipName}</small>
          </a>
          <HeaderSearch />
          <div className="who">
            <NotificationBell />
            <span>
              <span className="who__name">{user.name}</span>
              <br className="who__role" />
              <span className="who__role">
                {ROLE_LABELS[user.role]} · {user.institutionName}
              </span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="button button--secondary">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      <nav className="main-nav" aria-label="Main">
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/home"}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main-content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
