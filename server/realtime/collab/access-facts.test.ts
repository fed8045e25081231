// The shared policy facts of an open document: how old they may be, one load at a time,
// and the access an actor has from them.
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "~/policies/actor";
import {
  PARTNERSHIP_DOCUMENT,
  partnershipDocumentRules,
  type DocumentFacts,
  type DocumentOwnerTypes,
} from "~/policies/document";
import { AccessFacts, accessFrom } from "./access-facts";

const facts = (value: string): DocumentFacts => ({ ownerType: "lesson-plan", ownerId: "plan-1", value });

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A load the test finishes by hand, to see what happens while it is in flight. */
function pendingLoads() {
  const resolvers: Array<(value: DocumentFacts) => void> = [];
  const load = vi.fn(() => new Promise<DocumentFacts>((resolve) => resolvers.push(resolve)));
  return { load, finish: (value: DocumentFacts) => resolvers.shift()!(value) };
}

describe("AccessFacts", () => {
  it("are fresh only once loaded, and only until they are older than the age asked for", () => {
    const time = clock();
    const access = new AccessFacts(
      () => undefined,
      () => {},
      () => {},
      time.now,
    );
    expect(access.fresh(5_000)).toBeNull();
    access.note(facts("planners"), time.now());
    expect(access.fresh(5_000)).toEqual({ facts: facts("planners") });
    time.advance(5_001);
    expect(access.fresh(5_000)).toBeNull();
  });

  it("keep the newer of two loads, and tell the listener of each replacement", () => {
    const time = clock();
    const replaced = vi.fn();
    const access = new AccessFacts(
      () => undefined,
      replaced,
      () => {},
      time.now,
    );
    access.note(facts("newer"), 2_000);
    access.note(facts("older"), 1_500);
    expect(access.fresh(10_000)).toEqual({ facts: facts("newer") });
    expect(replaced).toHaveBeenCalledTimes(1);
    expect(replaced).toHaveBeenCalledWith(facts("newer"));
  });

  it("load once for everyone who asks while a load is in flight", async () => {
    const loads = pendingLoads();
    const access = new AccessFacts(
      loads.load,
      () => {},
      () => {},
    );
    const first = access.reload();
    const second = access.reload();
    loads.finish(facts("planners"));
    expect(await first).toEqual(facts("planners"));
    expect(await second).toEqual(facts("planners"));
    expect(loads.load).toHaveBeenCalledTimes(1);
  });

  it("reload for a change only when stale, and once more after a load that started too early for it", async () => {
    const time = clock();
    const loads = pendingLoads();
    const replaced = vi.fn();
    const access = new AccessFacts(loads.load, replaced, () => {}, time.now);
    access.note(facts("at join"), time.now());
    access.reloadIfStale(200);
    expect(loads.load).not.toHaveBeenCalled();

    time.advance(300);
    access.reloadIfStale(200);
    expect(loads.load).toHaveBeenCalledTimes(1);
    // A change while that load is in flight, and the load's facts already too old for it when it ends.
    time.advance(300);
    access.reloadIfStale(200);
    expect(loads.load).toHaveBeenCalledTimes(1);
    loads.finish(facts("first reload"));
    await vi.waitFor(() => expect(loads.load).toHaveBeenCalledTimes(2));
    loads.finish(facts("second reload"));
    await vi.waitFor(() => expect(replaced).toHaveBeenLastCalledWith(facts("second reload")));
  });

  it("report a failed reload for a change instead of throwing", async () => {
    const failed = vi.fn();
    const access = new AccessFacts(
      () => Promise.reject(new Error("database down")),
      () => {},
      failed,
    );
    access.reloadIfStale(0);
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith(new Error("database down")));
  });
});

describe("accessFrom", () => {
  const owners: DocumentOwnerTypes = new Map([[PARTNERSHIP_DOCUMENT, partnershipDocumentRules]]);
  const handbook = { partnershipId: "p1", ownerType: PARTNERSHIP_DOCUMENT, ownerId: "handbook" };
  const member = (role: Actor["role"], partnershipId = "p1"): Actor => ({
    id: `${role}-1`,
    role,
    partnershipId,
    institutionId: "i1",
  });

  it("is write, read or none, as the document policy decides", () => {
    expect(accessFrom(owners, member("teacher"), handbook, undefined)).toBe("write");
    expect(accessFrom(owners, member("leader"), handbook, undefined)).toBe("read");
    expect(accessFrom(owners, member("teacher", "p2"), handbook, undefined)).toBe("none");
    expect(accessFrom(owners, null, handbook, undefined)).toBe("none");
  });
});
