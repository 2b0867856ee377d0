/* Handbook: theme toggle, sidebar menu, print buttons, question filter and search. No dependencies, works from file://. */
(function () {
  "use strict";
  var root = document.documentElement;
  var script = document.currentScript;
  var siteRoot = script ? script.src.replace(/assets\/handbook\.js(\?.*)?$/, "") : "";

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

  // 404.html has a <base> pointing at the site root, which would send "#id" links to the home page: keep them in this page.
  if (document.querySelector("base[href]")) {
    document.addEventListener("click", function (event) {
      var link = event.target && event.target.closest ? event.target.closest("a[href^='#']") : null;
      if (!link) { return; }
      var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (target) {
        event.preventDefault();
        target.scrollIntoView();
        if (target.hasAttribute("tabindex") || /^(A|BUTTON|INPUT)$/.test(target.tagName)) { target.focus(); }
      }
    });
  }

  // Search over the index that search-index.js defines (a script, not JSON, so it loads from file:// too).
  // Each entry: t = title (a section heading, an archetype, a question, a story), s = where it is, u = site-root-relative URL, b = text.
  var index = window.HANDBOOK_SEARCH || [];
  var prepared = null;
  function tokens(text) { return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function prepare() {
    if (!prepared) {
      prepared = index.map(function (entry, order) {
        return { e: entry, o: order, t: entry.t.toLowerCase(), tw: tokens(entry.t), s: (entry.s || "").toLowerCase(), b: (entry.b || "").toLowerCase() };
      });
    }
    return prepared;
  }
  function wordMatch(words, w) {
    var best = 0;
    for (var i = 0; i < words.length; i++) {
      if (words[i] === w) { return 2; }
      if (words[i].indexOf(w) === 0) { best = 1; }
    }
    return best;
  }
  // Ranking: every query word must occur somewhere; entries whose title holds more of the words come first (so a title
  // match always beats a body match), then whole words before prefixes before substrings, then section and body hits.
  function rank(p, words) {
    var inTitle = 0, score = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (p.t.indexOf(w) >= 0) {
        inTitle++;
        score += 20 + 10 * wordMatch(p.tw, w);
      } else if (p.s.indexOf(w) >= 0) {
        score += 5;
      } else {
        var at = p.b.indexOf(w);
        if (at < 0) { return null; }
        score += 1 + (p.b.indexOf(w, at + w.length) >= 0 ? 1 : 0);
      }
    }
    if (p.t === words.join(" ")) { score += 50; }
    return { p: p, inTitle: inTitle, score: score };
  }
  function search(query, limit) {
    var words = tokens(query);
    if (words.length === 0) { return []; }
    return prepare()
      .map(function (p) { return rank(p, words); })
      .filter(Boolean)
      .sort(function (a, b) { return b.inTitle - a.inTitle || b.score - a.score || a.p.o - b.p.o; })
      .slice(0, limit || 20)
      .map(function (r) { return { title: r.p.e.t, section: r.p.e.s, url: r.p.e.u, body: r.p.e.b, titleMatch: r.inTitle > 0 }; });
  }
  // The text around the first query word found in the body, with the words marked (built as DOM nodes, never HTML).
  function snippet(body, words) {
    var lower = body.toLowerCase();
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) { at = lower.indexOf(words[i]); }
    if (at < 0) { return null; }
    var from = Math.max(0, at - 40);
    var to = Math.min(body.length, at + 100);
    var text = (from > 0 ? "…" : "") + body.slice(from, to) + (to < body.length ? "…" : "");
    var fragment = document.createDocumentFragment();
    var pattern = new RegExp(words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "gi");
    var last = 0, m;
    while ((m = pattern.exec(text)) !== null) {
      if (m[0].length === 0) { pattern.lastIndex++; continue; }
      fragment.appendChild(document.createTextNode(text.slice(last, m.index)));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      fragment.appendChild(mark);
      last = m.index + m[0].length;
    }
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }
  window.HandbookSearch = { search: search };

  var input = document.getElementById("hb-search-input");
  var list = document.getElementById("hb-search-results");
  if (input && list) {
    var selected = -1;
    var results = [];
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function render() {
      list.textContent = "";
      if (!input.value.trim()) { close(); return; }
      var words = tokens(input.value);
      if (results.length === 0) {
        var empty = document.createElement("li");
        empty.className = "hb-search-empty";
        empty.setAttribute("role", "presentation");
        empty.textContent = "No results for “" + input.value.trim() + "”";
        list.appendChild(empty);
      }
      results.forEach(function (result, i) {
        // The link itself is the option (an <a href> may take that role), so mouse users keep a real link and no
        // interactive element sits inside another.
        var li = document.createElement("li");
        li.setAttribute("role", "presentation");
        var a = document.createElement("a");
        a.setAttribute("role", "option");
        a.id = "hb-result-" + i;
        a.setAttribute("aria-selected", i === selected ? "true" : "false");
        a.href = siteRoot + result.url;
        a.tabIndex = -1;
        var title = document.createElement("span");
        title.className = "hb-result-title";
        title.textContent = result.title;
        a.appendChild(title);
        if (result.section) {
          var section = document.createElement("span");
          section.className = "hb-result-section";
          section.textContent = result.section;
          a.appendChild(section);
        }
        var text = snippet(result.body, words);
        if (text) {
          var excerpt = document.createElement("span");
          excerpt.className = "hb-result-snippet";
          excerpt.appendChild(text);
          a.appendChild(excerpt);
        }
        a.addEventListener("click", close);
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      if (selected >= 0) {
        input.setAttribute("aria-activedescendant", "hb-result-" + selected);
        var current = document.getElementById("hb-result-" + selected);
        if (current && current.scrollIntoView) { current.scrollIntoView({ block: "nearest" }); }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function update() {
      results = search(input.value, 20);
      selected = results.length ? 0 : -1;
      render();
    }
    input.addEventListener("input", update);
    input.addEventListener("focus", function () { if (input.value.trim()) { update(); } });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && results.length) {
        if (list.hidden) { render(); } else { selected = (selected + 1) % results.length; render(); }
        event.preventDefault();
      } else if (event.key === "ArrowUp" && results.length) {
        selected = (selected - 1 + results.length) % results.length;
        render();
        event.preventDefault();
      } else if (event.key === "Enter" && selected >= 0 && !list.hidden) {
        var href = siteRoot + results[selected].url;
        close();
        window.location.href = href;
        event.preventDefault();
      } else if (event.key === "Escape") {
        if (!list.hidden || input.value) { input.value = ""; results = []; selected = -1; close(); }
        else { input.blur(); }
        event.preventDefault();
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target || {};
      var tag = target.tagName;
      if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey &&
          tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT" && !target.isContentEditable) {
        input.focus();
        input.select();
        event.preventDefault();
      }
    });
    document.addEventListener("click", function (event) {
      if (!list.contains(event.target) && event.target !== input) { close(); }
    });
  }

  /* Content tabs: each .tabbed-set (labelled panels one after another, as printed and without JavaScript) becomes an ARIA
     tablist: one tab button per panel, arrow keys, Home and End move between tabs; only the selected panel shows. */
  Array.prototype.forEach.call(document.querySelectorAll(".tabbed-set"), function (set, setIndex) {
    var panels = Array.prototype.filter.call(set.children, function (el) { return el.classList.contains("tabbed-panel"); });
    if (!panels.length) { return; }
    var list = document.createElement("div");
    list.className = "tabbed-tabs";
    list.setAttribute("role", "tablist");
    var tabs = panels.map(function (panel, i) {
      var label = panel.querySelector(".tabbed-label");
      var tab = document.createElement("button");
      var id = "hb-tabs-" + setIndex + "-" + i;
      tab.type = "button";
      tab.id = id + "-tab";
      tab.className = "tabbed-tab";
      tab.setAttribute("role", "tab");
      tab.textContent = label ? label.textContent : String(i + 1);
      if (!panel.id) { panel.id = id; }
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      tab.addEventListener("click", function () { select(i, false); });
      list.appendChild(tab);
      return tab;
    });
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) { tabs[index].focus(); }
    }
    list.addEventListener("keydown", function (event) {
      var current = tabs.indexOf(document.activeElement);
      if (current < 0) { return; }
      var next = event.key === "ArrowRight" ? (current + 1) % tabs.length
        : event.key === "ArrowLeft" ? (current - 1 + tabs.length) % tabs.length
        : event.key === "Home" ? 0
        : event.key === "End" ? tabs.length - 1 : -1;
      if (next >= 0) { select(next, true); event.preventDefault(); }
    });
    var chosen = panels.findIndex(function (panel) { return panel.hasAttribute("data-default"); });
    set.insertBefore(list, set.firstChild);
    set.classList.add("tabbed-ready");
    select(chosen < 0 ? 0 : chosen, false);
  });

  /* Mermaid diagrams: drawn beside their source by the bundled Mermaid (loaded only on pages that have one); the source
     stays in the page for print and shows again if drawing fails. */
  var diagrams = document.querySelectorAll(".diagram[data-diagram='mermaid']");
  if (diagrams.length && window.mermaid) {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: currentTheme() === "dark" ? "dark" : "default" });
    Array.prototype.forEach.call(diagrams, function (diagram, i) {
      var source = diagram.querySelector("code");
      if (!source) { return; }
      window.mermaid.render("hb-diagram-" + i, source.textContent).then(function (result) {
        var drawn = document.createElement("div");
        drawn.className = "diagram-drawn";
        drawn.innerHTML = result.svg;
        diagram.appendChild(drawn);
        diagram.classList.add("diagram-ready");
      }, function () {
        diagram.classList.add("diagram-failed");
      });
    });
  }
})();
