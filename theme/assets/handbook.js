/* Handbook: theme toggle, sidebar menu, print buttons, question filter and search (with the vendored MiniSearch). Works from file://. */
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

  // Search: MiniSearch (assets/vendor/minisearch, a plain script loaded before this one) indexes the entries that
  // search-index.js defines (a script, not JSON, so it loads from file:// too) the first time search is used.
  // Each entry: t = title, s = where it is (its headings), u = site-root-relative URL, b = text, k = kind.
  // Prefix and fuzzy matching forgive a half-typed or misspelt word ("postmortm", "debuging"); a light stemmer and stop
  // words let "tell me about a time you disagreed" find "disagreement"; BM25 ranks within title > headings > text.
  var index = window.HANDBOOK_SEARCH || [];
  var STOP_WORDS = new Set(("a about an and are as at be but by can could did do does for from had has have how i if in into is it " +
    "its me my of on or our so tell than that the their them then there these they this time to was we were what when where which " +
    "who why will with would you your").split(" "));
  function stem(word) {
    if (word.length <= 4) { return word; }
    var w = word, m;
    if ((m = /^(.{4,}?)(ments?)$/.exec(w))) { w = m[1]; }
    else if ((m = /^(.{3,}?)(ings?)$/.exec(w))) { w = m[1]; }
    else if ((m = /^(.{3,}?)ed$/.exec(w))) { w = m[1]; }
    else if (/[^sui]s$/.test(w)) { w = w.slice(0, -1); }
    while (w.length > 3 && w.charAt(w.length - 1) === "e") { w = w.slice(0, -1); }
    if (w.length > 3 && w.charAt(w.length - 1) === w.charAt(w.length - 2) && /[bcdfgkmnprt]/.test(w.charAt(w.length - 1))) { w = w.slice(0, -1); }
    return w;
  }
  function processTerm(term) {
    var t = term.toLowerCase();
    return STOP_WORDS.has(t) ? null : stem(t);
  }
  function newEngine(boost) {
    return new window.MiniSearch({
      fields: Object.keys(boost),
      processTerm: processTerm,
      searchOptions: {
        boost: boost,
        combineWith: "AND",
        prefix: function (term) { return term.length >= 3; },
        fuzzy: function (term) { return term.length >= 5 ? 0.2 : false; }
      }
    });
  }
  var engine = null;
  function siteEngine() {
    if (!engine && window.MiniSearch) {
      engine = newEngine({ t: 4, s: 2, b: 1 });
      engine.addAll(index.map(function (e, i) { return { id: i, t: e.t, s: e.s || "", b: e.b || "" }; }));
    }
    return engine;
  }
  // Results whose title matched come first (more title terms first), an exact title before all; then BM25's score.
  function search(query, limit) {
    var search = siteEngine();
    if (!search || !query.trim()) { return []; }
    var exact = query.trim().toLowerCase();
    return search.search(query)
      .map(function (hit) {
        var e = index[hit.id];
        var inTitle = Object.keys(hit.match).filter(function (term) { return hit.match[term].indexOf("t") >= 0; }).length;
        return { title: e.t, section: e.s, url: e.u, body: e.b || "", kind: e.k, terms: hit.terms, titleMatch: inTitle > 0,
          inTitle: inTitle, exact: e.t.toLowerCase() === exact ? 1 : 0, score: hit.score, order: hit.id };
      })
      .sort(function (a, b) { return b.exact - a.exact || b.inTitle - a.inTitle || b.score - a.score || a.order - b.order; })
      .slice(0, limit || 20);
  }
  // Words starting with a matched (stemmed) term: "disagr" marks "disagree" and "disagreement".
  function termPattern(terms) {
    var alternatives = terms.filter(Boolean).map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    return alternatives.length ? new RegExp("(?<![\\p{L}\\p{N}])(?:" + alternatives.join("|") + ")[\\p{L}\\p{N}]*", "giu") : null;
  }
  function marked(text, pattern) {
    var fragment = document.createDocumentFragment();
    var last = 0, m;
    pattern.lastIndex = 0;
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
  // The text around the first matched word in the body, with the words marked (built as DOM nodes, never HTML).
  function snippet(body, terms) {
    var pattern = termPattern(terms);
    if (!pattern) { return null; }
    var found = pattern.exec(body);
    if (!found) { return null; }
    var from = Math.max(0, found.index - 40);
    var to = Math.min(body.length, found.index + 100);
    return marked((from > 0 ? "…" : "") + body.slice(from, to) + (to < body.length ? "…" : ""), pattern);
  }
  // A result's link carries its matched terms (?h=…) so the page it opens marks them; a query string works from file:// too.
  function withHighlight(url, terms) {
    var hash = url.indexOf("#");
    var path = hash < 0 ? url : url.slice(0, hash);
    return path + "?h=" + encodeURIComponent(terms.join(" ")) + (hash < 0 ? "" : url.slice(hash));
  }
  function highlightPage() {
    var terms = new URLSearchParams(window.location.search).get("h");
    var area = document.querySelector(".hb-article");
    var pattern = terms ? termPattern(terms.split(/\s+/)) : null;
    if (!area || !pattern) { return; }
    var walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) { return node.parentNode.closest("script, style, mark, code, pre") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
    });
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var first = null;
    nodes.forEach(function (node) {
      pattern.lastIndex = 0;
      if (!pattern.test(node.nodeValue)) { return; }
      var fragment = marked(node.nodeValue, pattern);
      Array.prototype.forEach.call(fragment.querySelectorAll("mark"), function (mark) { mark.className = "hb-hit"; });
      first = first || fragment.querySelector("mark");
      node.parentNode.replaceChild(fragment, node);
    });
    if (first && !window.location.hash) { first.scrollIntoView({ block: "center" }); }
  }
  highlightPage();

  window.HandbookSearch = { search: search, stem: stem };

  // The question index's filter: the same engine over the questions on the page (their text, archetypes and story).
  var filter = document.getElementById("question-filter-input");
  if (filter) {
    var status = document.querySelector(".question-filter-status");
    var items = Array.prototype.slice.call(document.querySelectorAll(".question"));
    var questions = null;
    filter.addEventListener("input", function () {
      var query = filter.value.trim();
      var shown = items.length;
      if (!questions && window.MiniSearch) {
        questions = newEngine({ t: 3, b: 1 });
        questions.addAll(items.map(function (item, i) {
          var text = item.querySelector(".question-text");
          return { id: i, t: text ? text.textContent : "", b: item.textContent };
        }));
      }
      if (query && questions) {
        var hits = new Set(questions.search(query).map(function (hit) { return hit.id; }));
        shown = 0;
        items.forEach(function (item, i) { item.hidden = !hits.has(i); if (!item.hidden) { shown++; } });
      } else {
        items.forEach(function (item) { item.hidden = false; });
      }
      Array.prototype.forEach.call(document.querySelectorAll(".question-group"), function (group) {
        group.hidden = group.querySelectorAll(".question:not([hidden])").length === 0;
      });
      if (status) { status.textContent = query ? shown + " of " + items.length + " questions" : ""; }
    });
  }

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
        a.href = siteRoot + withHighlight(result.url, result.terms);
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
        var text = snippet(result.body, result.terms);
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
        var href = siteRoot + withHighlight(results[selected].url, results[selected].terms);
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
