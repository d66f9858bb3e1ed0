import { Link } from "@tanstack/react-router";

/** The organisation settings' sections, as links styled like the project tabs. */
export function SettingsTabs() {
  return (
    <nav aria-label="Settings sections" className="tab-links no-print">
      <Link
        to="/settings"
        className="tab-link"
        activeOptions={{ exact: true }}
        activeProps={{ "aria-current": "page" }}
      >
        Organisation
      </Link>
      <Link
        to="/settings/playbook"
        className="tab-link"
        activeOptions={{ exact: true }}
        activeProps={{ "aria-current": "page" }}
      >
        Playbook
      </Link>
      <Link to="/settings/templates" className="tab-link" activeProps={{ "aria-current": "page" }}>
        Templates
      </Link>
    </nav>
  );
}
