// A deployment's calendar event: a moved lesson raises its SEQUENCE, so calendars replace the copy they hold.
import { describe, expect, it } from "vitest";
import { deploymentEvent } from "./calendar-events.server";

const ORIGIN = "https://staffroom.example";

function deployment(lessonDate: string, planUpdatedAt: string, deploymentUpdatedAt = "2026-11-02T09:00:00Z") {
  return {
    id: "dep1",
    supporterRole: "lsa",
    updatedAt: new Date(deploymentUpdatedAt),
    lessonPlan: {
      updatedAt: new Date(planUpdatedAt),
      lessonDate: new Date(`${lessonDate}T00:00:00Z`),
      startTime: "10:00",
      durationMinutes: 60,
      course: { title: "BTEC First in Sport" },
      group: null,
    },
  };
}

describe("deploymentEvent", () => {
  it("raises the SEQUENCE when the lesson moves, and never names a student", () => {
    const before = deploymentEvent(deployment("2026-12-07", "2026-11-02T09:00:00Z"), ORIGIN)!;
    const moved = deploymentEvent(deployment("2026-12-08", "2026-11-20T14:30:00Z"), ORIGIN)!;
    expect(typeof before.sequence).toBe("number");
    expect(moved.sequence!).toBeGreaterThan(before.sequence!);
    expect(moved.lastModified).toEqual(new Date("2026-11-20T14:30:00Z"));
    expect(before.summary).toBe("LSA support: BTEC First in Sport");
  });

  it("raises it too when only the deployment changes", () => {
    const before = deploymentEvent(deployment("2026-12-07", "2026-11-02T09:00:00Z"), ORIGIN)!;
    const changed = deploymentEvent(deployment("2026-12-07", "2026-11-02T09:00:00Z", "2026-11-03T09:00:00Z"), ORIGIN)!;
    expect(changed.sequence!).toBeGreaterThan(before.sequence!);
  });
});
