// `npm run partnership:create -- --name "…" --institution "…" --kind fe_college --coordinator-email a@b.example`
// Creates a partnership with its first institution and prints a single-use
// invitation link for its first coordinator. For real deployments, where no demo
// data is seeded. Uses DATABASE_URL like the server; run migrations first.
import { parseArgs } from "node:util";
import { INSTITUTION_KINDS, type InstitutionKind } from "~/lib/institutions";
import { db, disconnectDb } from "~/models/db.server";
import { createInvite } from "~/models/invites.server";
import { createPartnership } from "~/models/partnerships.server";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    slug: { type: "string" },
    institution: { type: "string" },
    kind: { type: "string", default: "secondary_school" },
    "coordinator-email": { type: "string" },
    "base-url": { type: "string", default: "http://localhost:3000" },
  },
});

const name = values.name?.trim();
const institutionName = values.institution?.trim();
const email = values["coordinator-email"]?.trim();
const kind = values.kind as InstitutionKind;
if (!name || !institutionName || !email || !INSTITUTION_KINDS.includes(kind)) {
  console.error(
    `usage: npm run partnership:create -- --name "Partnership name" --institution "First institution" --kind <${INSTITUTION_KINDS.join("|")}> --coordinator-email name@school.example [--base-url https://staffroom.example]`,
  );
  process.exit(2);
}
const { partnership, institution } = await db().$transaction((tx) =>
  createPartnership(tx, { name, slug: values.slug, institution: { name: institutionName, kind } }),
);
// Run from the command line: no member acts and there is no client address.
const { path } = await createInvite(
  {
    actor: { id: "", role: "coordinator", partnershipId: partnership.id, institutionId: institution.id },
    ipAddress: "",
  },
  { email, name: "", role: "coordinator", institutionId: institution.id },
  { invitedBy: null },
);
console.log(
  `Created ${name}. Send this single-use link to the first coordinator:\n${new URL(path, values["base-url"]).toString()}`,
);
await disconnectDb();
