/* The chat, enhanced: asks the server for the answered turn (POST /fragments/turns, drawn by the
   same template as without JavaScript) and appends it to the thread without reloading.
   The page works without this script (the forms post and the server renders the thread).
   Corpus text reaches the page only escaped by the template engine or through textContent. */
(function () {
  "use strict";

  var body = document.body;
  var thread = document.getElementById("thread");
  var status = document.getElementById("chat-status");
  var box = document.getElementById("question");
  var form = box && box.form;
  if (!thread || !form) return;
  var compact = body.hasAttribute("data-compact");
  var parentOrigin = body.getAttribute("data-parent-origin") || "";
  /* The questions of the turns the server drew (a shared link, or the page without a script). */
  var drawn = Array.prototype.slice.call(thread.querySelectorAll(".turn"));
  var history = drawn.map(function (t) { return t.getAttribute("data-question"); });
  var busy = false;

  var maxTurns = parseInt(form.getAttribute("data-max-turns"), 10) || 10;  /* pages.MAX_TURNS */
  var alone = [];
  drawn.forEach(function (t, i) { if (t.hasAttribute("data-alone")) alone.push(i); });
  var turnCount = drawn.length;
  var bar = document.querySelector(".embed__bar");
  /* The thread survives a reload of this tab: its questions (never the answers) are kept in
     sessionStorage, and the server draws the turns again. "New conversation" deletes them. */
  var KEY = "chat-thread-v1:" + location.pathname;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c != null) node.append(c); });
    return node;
  }

  /* The status line sits by the Ask button and is read out by screen readers. */
  function say(text, visible) {
    status.textContent = text;
    status.classList.toggle("visually-hidden", !visible);
  }

  function hidden(text) { return el("span", { "class": "visually-hidden" }, [text]); }

  function store() {
    try {
      if (history.length) sessionStorage.setItem(KEY, JSON.stringify({ history: history, alone: alone, count: turnCount }));
      else sessionStorage.removeItem(KEY);
    } catch (e) { /* storage refused: the thread lasts this page */ }
  }

  function stored() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }

  /* The conversation lives here (and in sessionStorage), not in the form: the form's
     no-script "after" field and the "use Back" note are for the page without this script. */
  function syncForm() {
    form.querySelectorAll("input[name=after]").forEach(function (i) { i.remove(); });
    document.querySelectorAll("[data-nojs-only]").forEach(function (n) { n.remove(); });
    var restart = form.querySelector("[data-restart]");
    if (restart) restart.hidden = !history.length;
    if (!compact) form.querySelector("label[for=question]").textContent = history.length ? "Ask a follow-up or a new question" : "Your question";
  }

  function showError(message) {
    var p = document.getElementById("question-error");
    p.querySelector("[data-error-text]").textContent = message;
    p.hidden = !message;
    box.closest(".field").classList.toggle("field--error", !!message);
    var described = "question-hint" + (message ? " question-error" : "") + (document.getElementById("keys-hint") ? " keys-hint" : "");
    box.setAttribute("aria-describedby", described);
    if (message) box.setAttribute("aria-invalid", "true"); else box.removeAttribute("aria-invalid");
  }

  /* The "Search in" fields of the form (partials/search_in.html), as /api/ask's filters. */
  function searchIn() {
    var f = {};
    ["documents", "kinds", "publishers", "year_from", "year_to"].forEach(function (name) {
      var field = form.querySelector("[name=" + name + "]");
      if (!field || !field.value.trim()) return;
      /* The widget's own narrowing (data-documents...) is one comma-separated field. */
      f[name] = /^year/.test(name) ? field.value.trim() : field.hasAttribute("data-list") ? field.value.split(",").filter(Boolean) : [field.value];
    });
    return f;
  }

  /* The summary of "Search in" follows the choices made since the page was drawn. */
  var searchInBox = form.querySelector(".search-in");
  if (searchInBox) searchInBox.addEventListener("change", function () {
    var chosen = [];
    searchInBox.querySelectorAll("select").forEach(function (s) { if (s.value) chosen.push(s.options[s.selectedIndex].text); });
    var from = form.querySelector("[name=year_from]").value.trim(), to = form.querySelector("[name=year_to]").value.trim();
    if (from || to) chosen.push(from && to ? from + " to " + to : from ? "from " + from : "up to " + to);
    searchInBox.querySelector("[data-search-in-summary]").textContent = chosen.length ? chosen.join(", ") : "all documents";
  });

  /* Turns are drawn by the server (partials/turn.html), the same with and without JavaScript;
     the fragment is escaped by the template engine, so corpus text never becomes markup. */
  function fetchTurns(questions, aloneList, first, number) {
    return fetch("/fragments/turns", {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ questions: questions, alone: aloneList, first: first, number: number, compact: compact, filters: searchIn(), origin: parentOrigin || null })
    }).then(function (r) {
      if (r.ok) return r.text();
      return r.json().catch(function () { return {}; }).then(function (data) {
        throw new Error(data.detail || "The question could not be answered. Please try again.");
      });
    });
  }

  /* The visible band between the widget's pinned heading bar and its pinned question box. */
  function band() {
    var top = compact && bar ? bar.getBoundingClientRect().bottom : 0;
    var bottom = compact ? form.getBoundingClientRect().top : window.innerHeight;
    return { top: top + 8, bottom: Math.min(bottom, window.innerHeight) - 8 };
  }

  /* Show a new turn from its start; when it carries help (a signpost), that help must be wholly
     in view, with the start of the first quote under it, even if the question scrolls away. */
  function reveal(turn) {
    if (!turn) return;
    var b = band();
    var shift = turn.getBoundingClientRect().top - b.top;
    var help = turn.querySelector(".signpost");
    var quote = turn.querySelector("article.quote");
    if (help) {
      var h = help.getBoundingClientRect();
      var need = quote ? Math.min(quote.getBoundingClientRect().top + 120, quote.getBoundingClientRect().bottom) : h.bottom;
      if (need - shift > b.bottom) shift = h.top - b.top;
    }
    window.scrollBy(0, shift);  /* at once: focus and the reader's eye land together */
  }

  function focusBox() {
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: "nearest" });
  }

  /* The question box grows with its text, up to its CSS max-height (about five lines). */
  function grow() {
    if (!compact) return;
    box.style.height = "";
    if (box.value) box.style.height = Math.max(box.scrollHeight + 4, box.offsetHeight) + "px";
  }

  function append(html) {
    var old = document.getElementById("latest");
    if (old) old.removeAttribute("id");
    var t = document.createElement("template");
    t.innerHTML = html;
    thread.append(t.content);
    ["examples", "error-summary"].forEach(function (id) { var n = document.getElementById(id); if (n) n.remove(); });
    document.querySelectorAll("[data-js][hidden]").forEach(function (b) { b.hidden = false; });
  }

  function ask(question, button, onItsOwn) {
    if (busy) return;
    question = question.trim();
    if (!question) {
      showError("Please type a question.");
      say("Please type a question.", false);
      box.focus();
      return;
    }
    busy = true;
    if (button) button.setAttribute("aria-disabled", "true");
    say("Searching the documents…", true);
    /* At most maxTurns questions travel: drop the oldest, and shift the "on its own" marks. */
    var keep = history.slice(-(maxTurns - 1));
    var dropped = history.length - keep.length;
    var aloneNow = alone.map(function (i) { return i - dropped; }).filter(function (i) { return i >= 0; });
    if (onItsOwn) aloneNow.push(keep.length);
    var n = turnCount + 1;
    fetchTurns(keep.concat([question]), aloneNow, keep.length, n).then(function (html) {
      showError("");
      history = keep.concat([question]);
      alone = aloneNow;
      turnCount = n;
      append(html);
      syncForm();
      store();
      box.value = "";
      grow();
      forgetLinkQuery();
      var turn = document.getElementById("latest");
      var quotes = turn ? turn.querySelectorAll("article.quote").length : 0;
      var urgent = turn && turn.querySelector(".signpost") ? " Where to get help is shown first." : "";
      say((quotes ? "Answer received: " + quotes + " quote" + (quotes === 1 ? "" : "s") + "." : "The documents do not seem to cover this.") + urgent, false);
      document.getElementById("answer-" + n).focus({ preventScroll: true });
      reveal(turn);
    }).catch(function (err) {
      var message = err instanceof TypeError ? "The assistant could not be reached. Please try again." : err.message;
      showError(message);
      say("There is a problem: " + message, false);
      box.focus();
    }).then(function () {
      busy = false;
      if (button) button.removeAttribute("aria-disabled");
    });
  }

  /* After a reload in the same tab: draw the stored conversation again. */
  function restore() {
    var saved = stored();
    if (turnCount || !saved || !Array.isArray(saved.history) || !saved.history.length) return;
    var questions = saved.history.filter(function (h) { return typeof h === "string"; }).slice(-(maxTurns - 1));
    var aloneSaved = (saved.alone || []).filter(function (i) { return i >= 0 && i < questions.length; });
    var last = Math.max(questions.length, parseInt(saved.count, 10) || 0);
    say("Loading your conversation…", true);
    busy = true;
    fetchTurns(questions, aloneSaved, 0, last - questions.length + 1).then(function (html) {
      history = questions;
      alone = aloneSaved;
      turnCount = last;
      append(html);
      syncForm();
      reveal(document.getElementById("latest"));
      say("Your conversation is shown again.", false);
    }).catch(function () {
      say("Your earlier conversation could not be shown again.", false);
    }).then(function () { busy = false; });
  }

  document.addEventListener("submit", function (event) {
    var f = event.target;
    if (f.hasAttribute("data-feedback")) { event.preventDefault(); sendFeedback(f, event.submitter); return; }
    if (!f.hasAttribute("data-ask")) return;
    event.preventDefault();
    var submitter = event.submitter;
    var fromButton = submitter && (submitter.name === "q" || submitter.name === "question");
    ask(fromButton ? submitter.value : box.value, fromButton ? null : f.querySelector("button[type=submit]"), f.hasAttribute("data-alone"));
  });

  /* Enter asks; Shift+Enter starts a new line (said under the box). Not while an input method composes. */
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(box.value, form.querySelector("button[type=submit]"));
    }
  });

  /* "New conversation": forget the stored questions, then follow the link to a fresh page. */
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-skip-to-question]")) {
      event.preventDefault();
      focusBox();
      return;
    }
    if (event.target.closest("[data-restart]")) {
      history = [];
      alone = [];
      store();
    }
  });

  /* "Was this answer useful?": counted per quote id on the server, nothing else. */
  function sendFeedback(f, submitter) {
    var data = new FormData(f);
    if (submitter) data.set("useful", submitter.value);
    fetch(f.action, { method: "POST", credentials: "omit", headers: { "Accept": "application/json" }, body: data })
      .then(function (r) {
        if (!r.ok) throw new Error();
        var note = el("p", { "class": "feedback__done", tabindex: "-1" }, ["Thank you: your answer was counted."]);
        f.replaceChildren(note);
        note.focus();
        say("Thank you: your answer was counted.", false);
      })
      .catch(function () { say("Your answer could not be sent. Please try again.", true); });
  }

  function quoteForCopy(card) {
    var text = card.querySelector(".quote__text").textContent;
    var link = card.getAttribute("data-link");
    return "“" + text + "”\n\n" + card.getAttribute("data-citation") + (link ? ". " + link : "");
  }

  function showContext(card, button) {
    var box = document.getElementById(button.getAttribute("aria-controls"));
    if (button.getAttribute("aria-expanded") === "true") {
      box.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.textContent = "Show surrounding text";
      return;
    }
    say("Loading the surrounding text…", true);
    fetch("/api/passages/" + encodeURIComponent(card.getAttribute("data-quote-id")) + "/context", { credentials: "omit" })
      .then(function (r) { if (!r.ok) throw new Error(); return r.json(); })
      .then(function (data) {
        var parts = [el("h4", {}, ["Surrounding text"])];
        data.before.forEach(function (q) { parts.push(el("p", { "class": "context__passage" }, [q.text])); });
        parts.push(el("p", { "class": "context__passage context__passage--quote" }, [hidden("The quote: "), data.passage.text]));
        data.after.forEach(function (q) { parts.push(el("p", { "class": "context__passage" }, [q.text])); });
        if (!data.before.length && !data.after.length) parts.push(el("p", {}, ["There is no more text in this section around the quote."]));
        box.replaceChildren.apply(box, parts);
        box.hidden = false;
        button.setAttribute("aria-expanded", "true");
        button.textContent = "Hide surrounding text";
        say("Surrounding text shown below the quote.", false);
      })
      .catch(function () { say("The surrounding text could not be loaded. Please try again.", true); });
  }

  /* Talking to the widget on the partner page: only to and from the exact allowlisted origin. */
  function tellParent(message) {
    if (parentOrigin && window.parent !== window) window.parent.postMessage(message, parentOrigin);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var card = button.closest(".quote");
    var action = button.getAttribute("data-action");
    if (action === "copy") {
      window.SafeguardingCopy(quoteForCopy(card)).then(
        function () { say("Quote copied with its citation.", false); button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy quote with citation"; }, 3000); },
        function () { say("Copying is not available here: select the quote and copy it instead.", true); }
      );
    } else if (action === "copy-link") {
      var turn = button.closest(".turn");
      var url = location.origin + "/?q=" + encodeURIComponent(turn.getAttribute("data-question"));
      var label = button.firstChild;
      window.SafeguardingCopy(url).then(
        function () { say("Link copied: it opens this question and answers it again.", false); label.textContent = "Link copied"; setTimeout(function () { label.textContent = "Copy link to this answer"; }, 3000); },
        function () { say("Copying is not available here: use the “Link to this answer” link instead.", true); }
      );
    } else if (action === "context") {
      showContext(card, button);
    } else if (action === "close") {
      tellParent({ type: "close" });
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && parentOrigin) tellParent({ type: "close" });
    /* "/" (outside a text field) and Ctrl+K or Cmd+K come back to the question box. */
    var t = event.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    var slash = event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    var k = (event.key === "k" || event.key === "K") && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (slash || k) {
      event.preventDefault();
      focusBox();
    }
  });

  /* A shared link (?q=) answered on load: once the conversation moves on here, drop the
     question from the address so a reload draws the stored thread, not that one answer. */
  function forgetLinkQuery() {
    var params = new URLSearchParams(location.search);
    if (!params.has("q") && !params.has("after")) return;
    params.delete("q");
    params.delete("after");
    var query = params.toString();
    window.history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";
  box.addEventListener("input", grow);

  window.addEventListener("message", function (event) {
    if (!parentOrigin || event.origin !== parentOrigin || event.source !== window.parent) return;
    /* The widget opened: show the top of the thread (title and Close), with the box ready below. */
    if (event.data && event.data.type === "focus") { window.scrollTo(0, 0); box.focus({ preventScroll: true }); }
  });

  if (parentOrigin && window.ResizeObserver) {
    new ResizeObserver(function () { tellParent({ type: "resize", height: document.documentElement.scrollHeight }); }).observe(body);
  }

  document.querySelectorAll("[data-js]").forEach(function (b) { b.hidden = false; });
  showError(document.getElementById("question-error").hidden ? "" : document.querySelector("[data-error-text]").textContent);
  grow();
  if (turnCount) syncForm();
  restore();
})();
