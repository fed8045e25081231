// Which dashboard tables get a chart beside them, and what it draws. Tables without an entry are shown as tables only
// (the heads' ranking, briefings in total: a chart would add nothing; the matrix of institutions is its own picture).
import { LESSON_STATUSES } from "~/lib/co-planning";
import type { ChartSpec } from "./dashboard-table";

export const CHART_SPECS: Record<string, ChartSpec> = {
  "per-institution": { labelKey: "institution", series: [{ key: "minutes", label: "Minutes of support" }] },
  "per-need": { labelKey: "need", series: [{ key: "minutes", label: "Minutes of support" }] },
  "per-pattern": { labelKey: "pattern", series: [{ key: "minutes", label: "Minutes of support" }] },
  "outside-own-institution": { labelKey: "institution", series: [{ key: "sessions", label: "Sessions elsewhere" }] },
  "use-over-time": { labelKey: "month", series: [{ key: "uses", label: "Uses in lesson plans" }] },
  "per-strategy": { labelKey: "strategy", series: [{ key: "mean", label: "Mean impact" }] },
  "plans-by-status": {
    labelKey: "course",
    series: LESSON_STATUSES.codes.map((status) => ({ key: status, label: LESSON_STATUSES.label(status) })),
  },
  "cross-site-sessions": { labelKey: "week", series: [{ key: "sessions", label: "Cross-site sessions" }] },
  attendance: {
    labelKey: "institution",
    series: [
      { key: "present", label: "Present" },
      { key: "apologies", label: "Apologies" },
      { key: "absent", label: "Absent" },
    ],
  },
  actions: {
    labelKey: "group",
    series: [
      { key: "open", label: "Open" },
      { key: "done", label: "Done" },
    ],
  },
};
