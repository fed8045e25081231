// The strategy library as filtered on /strategies (same query string), every match rather than one page, as a CSV
// download for anyone who may browse the library. Strategies hold no student records: not audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse, toCsv } from "~/lib/csv.server";
import { STRATEGY_TAG_KINDS, STRATEGY_TAG_KIND_LIST, parseStrategyFilters } from "~/lib/forms/strategies";
import { listStrategies } from "~/models/strategy-search.server";
import { ensure, requireActor } from "~/policies/enforce.server";
import { canBrowseStrategies } from "~/policies/strategy";

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requireActor(context, request);
  ensure(canBrowseStrategies(actor));
  const filters = { ...parseStrategyFilters(new URL(request.url).searchParams), page: 1 };
  const { strategies } = await listStrategies(actor, filters, Number.MAX_SAFE_INTEGER);
  const tagHeaders = STRATEGY_TAG_KIND_LIST.map((kind) => STRATEGY_TAG_KINDS[kind].label);
  const csv = toCsv(
    ["Title", "Summary", ...tagHeaders, "Mean impact (1-5)", "Ratings", "Used in lesson plans", "Shared from"],
    strategies.map((s) => [
      s.title,
      s.summary,
      ...STRATEGY_TAG_KIND_LIST.map((kind) =>
        s.tags[kind].map((code) => STRATEGY_TAG_KINDS[kind].vocabulary.label(code)).join("; "),
      ),
      s.rating.count > 0 ? Math.round(s.rating.average * 100) / 100 : null,
      s.rating.count,
      s.usedInPlans,
      s.institutionName ?? "",
    ]),
  );
  return csvResponse("strategies.csv", csv);
}
