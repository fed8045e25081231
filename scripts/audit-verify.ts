// `npm run audit:verify [-- --partnership <slug>]`: walks each partnership's audit hash chain in the database
// DATABASE_URL names (or the embedded default) and reports the first broken link; exits 1 if any chain is broken.
// The printed heads are worth keeping elsewhere: a chain rewritten whole would verify, but not to the same head.
import { parseArgs } from "node:util";
import { verifyAllAuditChains } from "~/models/audit-verify.server";
import { disconnectDb } from "~/models/db.server";

const { values } = parseArgs({ options: { partnership: { type: "string" } } });
const verdicts = (await verifyAllAuditChains()).filter((p) => !values.partnership || p.slug === values.partnership);
await disconnectDb();
if (verdicts.length === 0) {
  console.error(values.partnership ? `No partnership "${values.partnership}".` : "No partnerships in this database.");
  process.exit(2);
}
let failed = 0;
for (const { slug, verdict } of verdicts) {
  if (verdict.ok) {
    const head = verdict.head ? `head #${verdict.head.seq} ${verdict.head.hash}` : "no entries yet";
    const anchor = verdict.anchorSeq > 0 ? `, from the pruning anchor after #${verdict.anchorSeq}` : "";
    const entries = `${verdict.entries} entr${verdict.entries === 1 ? "y" : "ies"}`;
    console.log(`${slug}: audit log verified, ${entries}${anchor}; ${head}`);
  } else {
    failed += 1;
    console.log(`${slug}: AUDIT LOG BROKEN: ${verdict.problem}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
