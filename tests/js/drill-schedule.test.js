// Unit tests of the drill's scheduling rule and progress format (theme/assets/drill-schedule.js), run with Node's
// built-in runner: `node --test tests/js/`. The C# suite runs them (tests/Handbook.Tests/Drill/DrillScheduleScriptTests.cs).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../theme/assets/drill-schedule.js");

const KEY = "handbook-drill/v1/test";
const DAY = S.DAY;
const T0 = new Date(2026, 0, 10, 9, 0, 0).getTime();
const ids = ["q1", "q2", "q3", "q4", "q5"];

test("with nothing practised the order is the guide's", () => {
  assert.deepEqual(S.order(ids, S.emptyState(KEY), T0), ids);
});

test("missed comes first, then shaky, then never practised, and a nailed question waits until it is due", () => {
  let state = S.emptyState(KEY);
  state = S.record(state, "q1", "nailed", T0);
  state = S.record(state, "q2", "shaky", T0 + 1);
  state = S.record(state, "q4", "missed", T0 + 2);
  assert.deepEqual(S.order(ids, state, T0 + 10), ["q4", "q2", "q3", "q5", "q1"]);
});

test("among the same kind the least recently practised comes first", () => {
  let state = S.emptyState(KEY);
  state = S.record(state, "q3", "missed", T0 + 5);
  state = S.record(state, "q1", "missed", T0 + 1);
  state = S.record(state, "q2", "missed", T0 + 3);
  assert.deepEqual(S.order(["q1", "q2", "q3"], state, T0 + 10), ["q1", "q2", "q3"]);
  state = S.record(state, "q1", "missed", T0 + 20);
  assert.deepEqual(S.order(["q1", "q2", "q3"], state, T0 + 30), ["q2", "q3", "q1"]);
});

test("the interval grows with each success in a row: 1, 2, 4, 8 days, capped at 60", () => {
  assert.deepEqual([0, 1, 2, 3, 4, 7, 8, 20].map(S.intervalDays), [0, 1, 2, 4, 8, 60, 60, 60]);
  let state = S.emptyState(KEY);
  let now = T0;
  const gaps = [];
  for (let i = 0; i < 5; i++) {
    state = S.record(state, "q1", "nailed", now);
    gaps.push((state.questions.q1.due - now) / DAY);
    now = state.questions.q1.due;
  }
  assert.deepEqual(gaps, [1, 2, 4, 8, 16]);
  assert.equal(state.questions.q1.successes, 5);
});

test("a nailed question comes back once due, as the least recently practised", () => {
  let state = S.emptyState(KEY);
  state = S.record(state, "q1", "nailed", T0);
  assert.deepEqual(S.order(["q1", "q2"], state, T0 + DAY - 1), ["q2", "q1"]);
  state = S.record(state, "q2", "nailed", T0 + 1000);
  // Both due: q1 was practised longer ago.
  assert.deepEqual(S.order(["q2", "q1"], state, T0 + 3 * DAY), ["q1", "q2"]);
});

test("shaky or missed resets the run of successes, so the interval starts over", () => {
  let state = S.emptyState(KEY);
  state = S.record(state, "q1", "nailed", T0);
  state = S.record(state, "q1", "nailed", T0 + DAY);
  state = S.record(state, "q1", "shaky", T0 + 3 * DAY);
  assert.equal(state.questions.q1.successes, 0);
  assert.equal(state.questions.q1.due, T0 + 3 * DAY);
  state = S.record(state, "q1", "nailed", T0 + 4 * DAY);
  assert.equal(state.questions.q1.due, T0 + 5 * DAY);
  assert.deepEqual([state.questions.q1.attempts, state.questions.q1.nailed, state.questions.q1.shaky, state.questions.q1.missed], [4, 3, 1, 0]);
});

test("record leaves the state it was given unchanged and rejects unknown marks", () => {
  const state = S.emptyState(KEY);
  const next = S.record(state, "q1", "missed", T0, 95.4);
  assert.deepEqual(state.questions, {});
  assert.equal(next.questions.q1.seconds, 95);
  assert.throws(() => S.record(state, "q1", "great", T0));
});

test("the streak counts days practised in a row, ending today or yesterday", () => {
  let state = S.emptyState(KEY);
  for (const d of [0, 1, 2, 4, 5]) { state = S.record(state, "q1", "nailed", T0 + d * DAY); }
  assert.equal(S.streak(state.days, T0 + 5 * DAY), 2);
  assert.equal(S.streak(state.days, T0 + 6 * DAY), 2);
  assert.equal(S.streak(state.days, T0 + 7 * DAY), 0);
  assert.equal(S.streak(state.days, T0 + 2 * DAY), 3);
  assert.equal(S.streak([], T0), 0);
});

test("the summary counts questions practised overall and per archetype by their last mark", () => {
  let state = S.emptyState(KEY);
  state = S.record(state, "q1", "missed", T0);
  state = S.record(state, "q1", "nailed", T0 + 5);
  state = S.record(state, "q2", "shaky", T0 + 9);
  state = S.record(state, "gone", "shaky", T0 + 99); // a question no longer in the guide
  const questions = [{ id: "q1", archetypes: [1, 2] }, { id: "q2", archetypes: [2] }, { id: "q3", archetypes: [] }];
  const sum = S.summary(state, questions, T0 + 10);
  assert.equal(sum.practised, 2);
  assert.equal(sum.last, T0 + 9);
  assert.equal(sum.streak, 1);
  assert.deepEqual(sum.byArchetype[1], { questions: 1, practised: 1, nailed: 1, shaky: 0, missed: 0 });
  assert.deepEqual(sum.byArchetype[2], { questions: 2, practised: 2, nailed: 1, shaky: 1, missed: 0 });
});

test("progress survives serialize and parse unchanged", () => {
  let state = S.emptyState(KEY);
  state = S.record(state, "q1", "nailed", T0, 130);
  state = S.record(state, "q2", "missed", T0 + DAY);
  state.flags.push("q3");
  const parsed = S.parse(S.serialize(state), KEY);
  assert.equal(parsed.ok, true);
  assert.deepEqual(parsed.state, state);
});

test("a corrupted, foreign, newer or tampered file is refused with a reason", () => {
  let good = S.emptyState(KEY);
  good = S.record(good, "q1", "nailed", T0);
  const text = S.serialize(good);
  const cases = {
    "{not json": /not JSON/,
    "[]": /not a drill progress file/,
    "null": /not a drill progress file/,
    [JSON.stringify({ hello: 1 })]: /not a drill progress file/,
    [text.replace(KEY, "handbook-drill/v1/other")]: /another handbook/,
    [text.replace('"version": 1', '"version": 2')]: /newer Handbook/,
    [text.replace('"version": 1', '"version": "1"')]: /version/,
    [text.replace('"mark": "nailed"', '"mark": "great"')]: /q1.*malformed/,
    [text.replace('"attempts": 1', '"attempts": -1')]: /malformed/,
    [text.replace('"attempts": 1', '"attempts": 2')]: /malformed/,
    [text.replace('"flags": []', '"flags": [1]')]: /flags/,
    [text.replace('"days": [', '"days": ["yesterday", ')]: /days/,
    [text.replace('"flags": []', '"flags": [], "extra": true')]: /unknown fields: extra/,
  };
  for (const [input, reason] of Object.entries(cases)) {
    const result = S.parse(input, KEY);
    assert.equal(result.ok, false, "accepted: " + input.slice(0, 80));
    assert.match(result.error, reason, input.slice(0, 80));
  }
});

test("shuffle keeps every question once", () => {
  let seed = 7;
  const random = () => { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
  const shuffled = S.shuffle(ids, random);
  assert.deepEqual([...shuffled].sort(), ids);
  assert.notDeepEqual(shuffled, ids);
});
