/* Handbook drill: the scheduling rule and the stored progress format. Pure functions, no DOM: the page's drill.js uses it
   in the browser, and tests/js/drill-schedule.test.js runs it under `node --test`. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.HandbookDrillSchedule = api; }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "handbook-drill";
  var VERSION = 1;
  var DAY = 24 * 60 * 60 * 1000;
  var MAX_INTERVAL_DAYS = 60;
  var MAX_DAYS_KEPT = 400;
  var MARKS = ["nailed", "shaky", "missed"];

  function emptyState(key) {
    return { format: FORMAT, version: VERSION, key: key, questions: {}, flags: [], days: [] };
  }

  /* Days until a question nailed `successes` times in a row comes up again: 1, 2, 4, 8 … capped at 60. */
  function intervalDays(successes) {
    return successes <= 0 ? 0 : Math.min(MAX_INTERVAL_DAYS, Math.pow(2, successes - 1));
  }

  /* The local calendar day of a time, as YYYY-MM-DD: a streak counts the days the user lives in, not UTC's. */
  function localDay(ms) {
    var d = new Date(ms);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function copy(state) { return JSON.parse(JSON.stringify(state)); }

  /* A new state with one attempt at question `id` marked `mark` at time `now` (ms), taking `seconds` on the clock. */
  function record(state, id, mark, now, seconds) {
    if (MARKS.indexOf(mark) < 0) { throw new Error("unknown mark " + mark); }
    var next = copy(state);
    var entry = next.questions[id] || { attempts: 0, successes: 0, last: 0, due: 0, mark: null, nailed: 0, shaky: 0, missed: 0 };
    entry.attempts += 1;
    entry[mark] += 1;
    entry.mark = mark;
    entry.last = now;
    entry.successes = mark === "nailed" ? entry.successes + 1 : 0;
    entry.due = now + intervalDays(entry.successes) * DAY;
    if (typeof seconds === "number" && isFinite(seconds) && seconds >= 0) { entry.seconds = Math.round(seconds); } else { delete entry.seconds; }
    next.questions[id] = entry;
    var day = localDay(now);
    if (next.days.indexOf(day) < 0) {
      next.days.push(day);
      next.days.sort();
      if (next.days.length > MAX_DAYS_KEPT) { next.days = next.days.slice(next.days.length - MAX_DAYS_KEPT); }
    }
    return next;
  }

  /* 0 missed, 1 shaky, 2 never practised or due again, 3 nailed and not due yet. */
  function bucket(entry, now) {
    if (!entry) { return 2; }
    if (entry.mark === "missed") { return 0; }
    if (entry.mark === "shaky") { return 1; }
    return entry.due <= now ? 2 : 3;
  }

  /* The order to practise `ids` in: missed, then shaky, then the least recently practised (never practised first), each
     in the order given when tied; questions nailed recently enough wait until they are due, soonest first. */
  function order(ids, state, now) {
    var questions = (state && state.questions) || {};
    return ids
      .map(function (id, i) {
        var entry = Object.prototype.hasOwnProperty.call(questions, id) ? questions[id] : null;
        var b = bucket(entry, now);
        return { id: id, i: i, b: b, key: !entry ? -1 : b === 3 ? entry.due : entry.last };
      })
      .sort(function (a, z) { return a.b - z.b || a.key - z.key || a.i - z.i; })
      .map(function (x) { return x.id; });
  }

  /* Consecutive days practised, ending today (or yesterday: a streak is not lost before the day is over). */
  function streak(days, now) {
    var set = {};
    (days || []).forEach(function (d) { set[d] = true; });
    var at = now;
    if (!set[localDay(at)]) { at -= DAY; }
    var count = 0;
    while (set[localDay(at)]) { count += 1; at -= DAY; }
    return count;
  }

  function shuffle(ids, random) {
    var list = ids.slice();
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  /* Practised counts overall and per archetype, for the progress view. `questions` are {id, archetypes: [n]}. */
  function summary(state, questions, now) {
    var entries = state.questions;
    var byArchetype = {};
    var practised = 0;
    var last = 0;
    questions.forEach(function (q) {
      var entry = Object.prototype.hasOwnProperty.call(entries, q.id) ? entries[q.id] : null;
      if (entry) { practised += 1; last = Math.max(last, entry.last); }
      q.archetypes.forEach(function (n) {
        var row = byArchetype[n] || (byArchetype[n] = { questions: 0, practised: 0, nailed: 0, shaky: 0, missed: 0 });
        row.questions += 1;
        if (entry) { row.practised += 1; row[entry.mark] += 1; }
      });
    });
    return { practised: practised, byArchetype: byArchetype, streak: streak(state.days, now), last: last || null };
  }

  function serialize(state) { return JSON.stringify(state, null, 2) + "\n"; }

  function isCount(v) { return typeof v === "number" && isFinite(v) && v >= 0 && Math.floor(v) === v; }
  function isTime(v) { return typeof v === "number" && isFinite(v) && v >= 0; }

  /* Reads stored or imported progress for the handbook `key`. Returns {ok: true, state} or {ok: false, error}: anything
     not exactly this format, version and handbook is refused whole, so a bad file can never half-apply. */
  function parse(text, key) {
    var value;
    try { value = JSON.parse(text); } catch (e) { return fail("it is not JSON (" + e.message + ")"); }
    if (!value || typeof value !== "object" || Array.isArray(value)) { return fail("it is not a drill progress file"); }
    if (value.format !== FORMAT) { return fail("it is not a drill progress file (no \"format\": \"" + FORMAT + "\")"); }
    if (value.version !== VERSION) {
      return fail(isCount(value.version) && value.version > VERSION
        ? "it was written by a newer Handbook (format version " + value.version + ")"
        : "its format version " + JSON.stringify(value.version) + " is not " + VERSION);
    }
    if (value.key !== key) { return fail("it belongs to another handbook (" + JSON.stringify(value.key) + ", not " + JSON.stringify(key) + ")"); }
    var questions = value.questions;
    if (!questions || typeof questions !== "object" || Array.isArray(questions)) { return fail("its \"questions\" is not an object"); }
    var ids = Object.keys(questions);
    for (var i = 0; i < ids.length; i++) {
      var e = questions[ids[i]];
      var bad = !e || typeof e !== "object" || Array.isArray(e) ||
        !isCount(e.attempts) || !isCount(e.successes) || !isCount(e.nailed) || !isCount(e.shaky) || !isCount(e.missed) ||
        e.nailed + e.shaky + e.missed !== e.attempts || e.attempts === 0 ||
        !isTime(e.last) || !isTime(e.due) || MARKS.indexOf(e.mark) < 0 ||
        (e.seconds !== undefined && !isCount(e.seconds));
      if (bad) { return fail("the entry for question " + JSON.stringify(ids[i]) + " is malformed"); }
    }
    if (!Array.isArray(value.flags) || !value.flags.every(function (f) { return typeof f === "string"; })) { return fail("its \"flags\" is not a list of question ids"); }
    if (!Array.isArray(value.days) || !value.days.every(function (d) { return typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d); })) { return fail("its \"days\" is not a list of dates"); }
    var known = ["format", "version", "key", "questions", "flags", "days"];
    var extra = Object.keys(value).filter(function (k) { return known.indexOf(k) < 0; });
    if (extra.length > 0) { return fail("it has unknown fields: " + extra.join(", ")); }
    return { ok: true, state: copy(value) };
  }

  function fail(error) { return { ok: false, error: error }; }

  return {
    FORMAT: FORMAT, VERSION: VERSION, DAY: DAY, MARKS: MARKS,
    emptyState: emptyState, intervalDays: intervalDays, localDay: localDay, record: record, order: order,
    streak: streak, shuffle: shuffle, summary: summary, serialize: serialize, parse: parse,
  };
});
