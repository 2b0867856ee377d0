/* Handbook: theme toggle, sidebar menu, print buttons, question filter and search. No dependencies, works from file://. */
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;
  var siteRoot = script ? script.src.replace(/assets\/handbook\.js(\?.*)?$/, "") : "";

  function storedTheme() { try { return localStorage.getItem("hb-theme"); } catch (e) { return null; } }
  function currentTheme() {
    var t = root.getAttribute("data-theme");
    if (t) { return t; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  var themeButton = document.querySelector(".hb-theme-toggle");
  function labelTheme() {
    if (themeButton) { themeButton.setAttribute("aria-pressed", currentTheme() === "dark" ? "true" : "false"); }
  }
  if (themeButton) {
    labelTheme();
    themeButton.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("hb-theme", next); } catch (e) { /* private mode: the choice lasts for this page */ }
      labelTheme();
    });
  }
  void storedTheme;

  var menu = document.querySelector(".hb-menu-toggle");
  var sidebar = document.getElementById("hb-sidebar");
  if (menu && sidebar) {
    menu.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      menu.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var filter = document.getElementById("question-filter-input");
  if (filter) {
    var status = document.querySelector(".question-filter-status");
    var items = document.querySelectorAll(".question");
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(items, function (item) {
        var text = item.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        item.hidden = !match;
        if (match) { shown++; }
      });
      Array.prototype.forEach.call(document.querySelectorAll(".question-group"), function (group) {
        group.hidden = group.querySelectorAll(".question:not([hidden])").length === 0;
      });
      if (status) { status.textContent = words.length ? shown + " of " + items.length + " questions" : ""; }
    });
  }

  // Search over the index that search-index.js defines (a script, not JSON, so it loads from file:// too).
  var input = document.getElementById("hb-search-input");
  var list = document.getElementById("hb-search-results");
  var index = window.HANDBOOK_SEARCH || [];
  if (input && list) {
    var selected = -1;
    var results = [];
    function tokens(text) { return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
    function score(entry, words) {
      var title = entry.t.toLowerCase();
      var body = (entry.s + " " + entry.b).toLowerCase();
      var total = 0;
      for (var i = 0; i < words.length; i++) {
        var w = words[i];
        if (title.indexOf(w) >= 0) { total += 10; }
        else if (body.indexOf(w) >= 0) { total += 1; }
        else { return 0; }
      }
      return total;
    }
    function render() {
      list.innerHTML = "";
      if (!input.value.trim()) { list.hidden = true; input.setAttribute("aria-expanded", "false"); return; }
      if (results.length === 0) {
        var empty = document.createElement("li");
        empty.className = "hb-search-empty";
        empty.textContent = "No results";
        list.appendChild(empty);
      }
      results.forEach(function (entry, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.id = "hb-result-" + i;
        if (i === selected) { li.setAttribute("aria-selected", "true"); }
        var a = document.createElement("a");
        a.href = siteRoot + entry.u;
        a.textContent = entry.t;
        if (entry.s) {
          var section = document.createElement("span");
          section.className = "hb-result-section";
          section.textContent = entry.s;
          a.appendChild(section);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      if (selected >= 0) { input.setAttribute("aria-activedescendant", "hb-result-" + selected); } else { input.removeAttribute("aria-activedescendant"); }
    }
    input.addEventListener("input", function () {
      var words = tokens(input.value);
      results = words.length === 0 ? [] : index
        .map(function (entry, order) { return { e: entry, s: score(entry, words), o: order }; })
        .filter(function (r) { return r.s > 0; })
        .sort(function (a, b) { return b.s - a.s || a.o - b.o; })
        .slice(0, 12)
        .map(function (r) { return r.e; });
      selected = results.length ? 0 : -1;
      render();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && results.length) { selected = (selected + 1) % results.length; render(); event.preventDefault(); }
      else if (event.key === "ArrowUp" && results.length) { selected = (selected - 1 + results.length) % results.length; render(); event.preventDefault(); }
      else if (event.key === "Enter" && selected >= 0) { window.location.href = siteRoot + results[selected].u; event.preventDefault(); }
      else if (event.key === "Escape") { input.value = ""; results = []; render(); }
    });
    document.addEventListener("keydown", function (event) {
      var tag = event.target && event.target.tagName;
      if (event.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && !event.target.isContentEditable) {
        input.focus();
        event.preventDefault();
      }
    });
    document.addEventListener("click", function (event) {
      if (!list.contains(event.target) && event.target !== input) { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    });
  }
})();
