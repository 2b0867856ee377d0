/* Handbook drill page: one question at a time against the clock, reveal, mark; progress in localStorage.
   The questions come from the page's own <script type="application/json" id="drill-data">; every value is shown with
   textContent, and everything revealed is markup the build rendered (and escaped) into the page, only shown or hidden here.
   The scheduling rule lives in drill-schedule.js (HandbookDrillSchedule), where it is unit-tested. */
(function () {
  "use strict";
  var root = document.getElementById("drill");
  var dataElement = document.getElementById("drill-data");
  var S = window.HandbookDrillSchedule;
  if (!root || !dataElement || !S) { return; }
  var data = JSON.parse(dataElement.textContent);
  var byId = {};
  data.questions.forEach(function (q) { byId[q.id] = q; });
  var archetypeTitles = {};
  data.archetypes.forEach(function (a) { archetypeTitles[a.n] = a.title; });

  function $(id) { return document.getElementById(id); }
  var els = {
    scope: $("drill-scope"), order: $("drill-order"), position: $("drill-position"), group: $("drill-group"),
    question: $("drill-question"), timer: $("drill-timer"), time: $("drill-time"), phase: $("drill-phase"), fill: $("drill-bar-fill"),
    start: $("drill-start"), reveal: $("drill-reveal"), revealButton: $("drill-reveal-button"), prev: $("drill-prev"), next: $("drill-next"),
    flag: $("drill-flag"), last: $("drill-last"), noArchetype: $("drill-no-archetype"), practised: $("drill-practised"),
    streak: $("drill-streak"), lastPractised: $("drill-last-practised"), exportButton: $("drill-export"), importInput: $("drill-import"),
    clear: $("drill-clear"), status: $("drill-status"),
  };

  // ---- storage: one versioned key per handbook; a failing or refused store leaves the page usable for this visit.
  function readStored() {
    var text = null;
    try { text = window.localStorage.getItem(data.key); } catch (e) { return S.emptyState(data.key); }
    if (text === null) { return S.emptyState(data.key); }
    var parsed = S.parse(text, data.key);
    if (parsed.ok) { return parsed.state; }
    say("Saved progress in this browser could not be read (" + parsed.error + "); starting afresh.", true);
    return S.emptyState(data.key);
  }

  function save() {
    try { window.localStorage.setItem(data.key, S.serialize(state)); return true; } catch (e) {
      say("This browser would not save progress (" + e.message + "); marks last until the page closes.", true);
      return false;
    }
  }

  function say(message, isError) {
    els.status.textContent = message;
    els.status.classList.toggle("drill-error", !!isError);
  }

  var state = readStored();
  var queue = [];
  var index = 0;

  // ---- the queue: the chosen scope, in the scheduler's order (or shuffled), fixed until the scope, order or round changes.
  function inScope(q, scope) {
    if (scope === "all") { return true; }
    if (scope === "flagged") { return state.flags.indexOf(q.id) >= 0; }
    if (scope === "weak") { var e = state.questions[q.id]; return !!e && (e.mark === "shaky" || e.mark === "missed"); }
    var colon = scope.indexOf(":");
    var n = Number(scope.slice(colon + 1));
    if (scope.slice(0, colon) === "section") { return q.group === n; }
    if (scope.slice(0, colon) === "archetype") { return q.archetypes.indexOf(n) >= 0; }
    return true;
  }

  function buildQueue() {
    var ids = data.questions.filter(function (q) { return inScope(q, els.scope.value); }).map(function (q) { return q.id; });
    queue = els.order.value === "random" ? S.shuffle(ids, Math.random) : S.order(ids, state, Date.now());
    index = 0;
  }

  function current() { return queue.length > 0 ? byId[queue[index]] : null; }

  // ---- the timer
  var startedAt = 0;
  var elapsed = 0;
  var ticking = null;
  var reduceMotion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : { matches: false };
  var scale = data.limits.hard * 1.2;

  function clock(seconds) {
    var s = Math.floor(seconds);
    return Math.floor(s / 60) + ":" + (s % 60 < 10 ? "0" : "") + (s % 60);
  }

  function paintTimer() {
    var seconds = ticking ? (Date.now() - startedAt) / 1000 : elapsed;
    els.time.textContent = clock(seconds);
    var phase = seconds >= data.limits.hard ? "over" : seconds >= data.limits.soft ? "wrap" : "";
    var label = phase === "over" ? "Over time: stop" : phase === "wrap" ? "Wrap up" : "";
    if (els.phase.textContent !== label) { els.phase.textContent = label; }
    els.timer.setAttribute("data-phase", phase || "ok");
    els.timer.setAttribute("data-state", ticking ? "running" : elapsed > 0 ? "stopped" : "idle");
    els.fill.style.width = Math.min(100, (seconds / scale) * 100) + "%";
  }

  function startTimer() {
    startedAt = Date.now();
    elapsed = 0;
    // Whole seconds are all the clock shows; with reduced motion the bar still moves, but only once a second.
    ticking = window.setInterval(paintTimer, reduceMotion.matches ? 1000 : 250);
    els.start.firstChild.textContent = "Stop timer ";
    paintTimer();
  }

  function stopTimer() {
    if (!ticking) { return; }
    elapsed = (Date.now() - startedAt) / 1000;
    window.clearInterval(ticking);
    ticking = null;
    els.start.firstChild.textContent = "Start timer ";
    paintTimer();
  }

  function resetTimer() {
    if (ticking) { window.clearInterval(ticking); ticking = null; }
    elapsed = 0;
    els.start.firstChild.textContent = "Start timer ";
    paintTimer();
  }

  function toggleTimer() { if (ticking) { stopTimer(); } else { startTimer(); } }

  // ---- showing a question
  function setRevealed(open) {
    var q = current();
    els.reveal.hidden = !open || !q;
    els.revealButton.setAttribute("aria-expanded", open && q ? "true" : "false");
    if (!q) { return; }
    Array.prototype.forEach.call(els.reveal.querySelectorAll(".drill-panel"), function (panel) { panel.hidden = true; });
    q.archetypes.forEach(function (n) { show("drill-a-" + n); });
    if (q.story) { show("drill-s-" + q.story); }
    if (q.answer) { show("drill-ans-" + q.id); }
    els.noArchetype.hidden = q.archetypes.length > 0;
  }

  function show(id) { var panel = $(id); if (panel) { panel.hidden = false; } }

  function render() {
    resetTimer();
    var q = current();
    setRevealed(false);
    if (!q) {
      els.position.textContent = "0 of 0";
      els.group.textContent = "";
      els.question.textContent = els.scope.value === "flagged" ? "No flagged questions yet: press F on a question to flag it." :
        els.scope.value === "weak" ? "Nothing shaky or missed yet." : "No questions here.";
      els.last.textContent = "";
      els.flag.setAttribute("aria-pressed", "false");
      return;
    }
    els.position.textContent = "Question " + (index + 1) + " of " + queue.length;
    els.group.textContent = data.groups[q.group] || "";
    els.question.textContent = q.text;
    els.flag.setAttribute("aria-pressed", state.flags.indexOf(q.id) >= 0 ? "true" : "false");
    var entry = state.questions[q.id];
    els.last.textContent = entry
      ? "Last time: " + label(entry.mark) + (entry.seconds !== undefined ? " in " + clock(entry.seconds) : "") + ", " + when(entry.last) +
        " · practised " + entry.attempts + (entry.attempts === 1 ? " time" : " times")
      : "Not practised yet.";
    root.setAttribute("data-question", q.id);
  }

  function label(mark) { return mark === "nailed" ? "nailed it" : mark; }

  function when(ms) {
    var today = S.localDay(Date.now());
    var day = S.localDay(ms);
    if (day === today) { return "today"; }
    if (day === S.localDay(Date.now() - S.DAY)) { return "yesterday"; }
    return new Date(ms).toLocaleDateString();
  }

  function move(step) {
    if (queue.length === 0) { return; }
    index = (index + step + queue.length) % queue.length;
    render();
  }

  function mark(value) {
    var q = current();
    if (!q) { return; }
    var seconds = ticking ? (Date.now() - startedAt) / 1000 : elapsed > 0 ? elapsed : undefined;
    stopTimer();
    state = S.record(state, q.id, value, Date.now(), seconds);
    save();
    paintProgress();
    if (index + 1 < queue.length) {
      index += 1;
      say("Marked “" + label(value) + "”. Next question.");
    } else {
      buildQueue();
      say("Marked “" + label(value) + "”. Round done: starting again, weakest first.");
    }
    render();
  }

  function toggleFlag() {
    var q = current();
    if (!q) { return; }
    var at = state.flags.indexOf(q.id);
    if (at >= 0) { state.flags.splice(at, 1); } else { state.flags.push(q.id); }
    save();
    els.flag.setAttribute("aria-pressed", at >= 0 ? "false" : "true");
    say(at >= 0 ? "Flag removed." : "Flagged: choose “Flagged by you” to practise these.");
  }

  // ---- progress view
  function paintProgress() {
    var sum = S.summary(state, data.questions, Date.now());
    els.practised.textContent = String(sum.practised);
    els.streak.textContent = sum.streak === 0 ? "—" : sum.streak + (sum.streak === 1 ? " day" : " days in a row");
    els.lastPractised.textContent = sum.last ? when(sum.last) : "never";
    Array.prototype.forEach.call(root.querySelectorAll("tr[data-archetype]"), function (row) {
      var n = Number(row.getAttribute("data-archetype").split(":")[1]);
      var r = sum.byArchetype[n] || { questions: 0, practised: 0, nailed: 0, shaky: 0, missed: 0 };
      var cells = row.querySelectorAll("td");
      cells[0].textContent = r.practised + " of " + r.questions;
      cells[1].textContent = String(r.nailed);
      cells[2].textContent = String(r.shaky);
      cells[3].textContent = String(r.missed);
    });
  }

  // ---- export, import, clear
  function exportProgress() {
    var blob = new Blob([S.serialize(state)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = data.key.split("/").pop() + "-drill-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say("Progress exported to " + link.download + ".");
  }

  function importProgress(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var parsed = S.parse(String(reader.result), data.key);
      if (!parsed.ok) {
        say("Not imported: " + file.name + " — " + parsed.error + ". Your progress is unchanged.", true);
        return;
      }
      state = parsed.state;
      save();
      buildQueue();
      render();
      paintProgress();
      say("Imported " + Object.keys(state.questions).length + " practised questions from " + file.name + ".");
    };
    reader.onerror = function () { say("Not imported: " + file.name + " could not be read. Your progress is unchanged.", true); };
    reader.readAsText(file);
  }

  function clearProgress() {
    if (!window.confirm("Clear every mark and flag of this handbook's drill in this browser?")) { return; }
    state = S.emptyState(data.key);
    try { window.localStorage.removeItem(data.key); } catch (e) { /* nothing stored */ }
    buildQueue();
    render();
    paintProgress();
    say("Progress cleared.");
  }

  // ---- wiring
  els.start.addEventListener("click", toggleTimer);
  els.revealButton.addEventListener("click", function () { setRevealed(els.reveal.hidden); });
  els.prev.addEventListener("click", function () { move(-1); });
  els.next.addEventListener("click", function () { move(1); });
  els.flag.addEventListener("click", toggleFlag);
  Array.prototype.forEach.call(root.querySelectorAll("[data-mark]"), function (button) {
    button.addEventListener("click", function () { mark(button.getAttribute("data-mark")); });
  });
  els.scope.addEventListener("change", function () { buildQueue(); render(); });
  els.order.addEventListener("change", function () { buildQueue(); render(); });
  els.exportButton.addEventListener("click", exportProgress);
  els.importInput.addEventListener("change", function () {
    if (els.importInput.files && els.importInput.files[0]) { importProgress(els.importInput.files[0]); }
    els.importInput.value = "";
  });
  els.clear.addEventListener("click", clearProgress);

  var keys = { " ": toggleTimer, ArrowRight: function () { move(1); }, ArrowLeft: function () { move(-1); },
    r: function () { setRevealed(els.reveal.hidden); }, f: toggleFlag,
    1: function () { mark("nailed"); }, 2: function () { mark("shaky"); }, 3: function () { mark("missed"); } };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var target = event.target;
    // Typing in search, choosing in a list, or picking a file keeps its own keys.
    if (target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) { return; }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var action = Object.prototype.hasOwnProperty.call(keys, key) ? keys[key] : null;
    if (!action) { return; }
    // Space on a focused button would also click it: the drill's keys win, anywhere on the page.
    event.preventDefault();
    action();
  });

  // ---- the panel's own questions: two at a time, in a shuffled cycle
  var pair = $("drill-ask-pair");
  var another = $("drill-ask-next");
  if (pair && another) {
    var items = Array.prototype.slice.call(pair.children);
    var cycle = S.shuffle(items.map(function (_, i) { return i; }), Math.random);
    var at = 0;
    var showPair = function () {
      items.forEach(function (item) { item.hidden = true; });
      [cycle[at % cycle.length], cycle[(at + 1) % cycle.length]].forEach(function (i) { items[i].hidden = false; pair.appendChild(items[i]); });
    };
    another.addEventListener("click", function () { at = (at + 2) % cycle.length; showPair(); });
    showPair();
  }

  root.hidden = false;
  els.timer.style.setProperty("--drill-soft", (data.limits.soft / scale) * 100 + "%");
  els.timer.style.setProperty("--drill-hard", (data.limits.hard / scale) * 100 + "%");
  buildQueue();
  render();
  paintProgress();
})();
