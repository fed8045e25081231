// `npm run search:rebuild`: writes every search entry afresh from the records in the database DATABASE_URL names (or
// the embedded default), after an upgrade that changes what is indexed. Safe while the app runs: entries are
// replaced one by one, and a record changed meanwhile is refreshed by its own write as usual.
import { db, disconnectDb } from "~/models/db.server";
import { rebuildSearchIndex } from "~/models/search/search-index.server";

const started = Date.now();
const count = await rebuildSearchIndex(db());
await disconnectDb();
console.log(`Search index rebuilt: ${count} records in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
