/* The quote basket: kept in this browser only (localStorage on this site), never in a cookie.
   Items are {doc_id, start, end, edition, text, citation, runs}: citation is the plain text, runs
   the same cut into [text, italic] pieces, read from the server-rendered citation's nodes (never
   from parsing the text). Exports send only (doc_id, start, end) and the
   server slices the text again, so an export always holds the report's exact words.
   Corpus text is only ever set with textContent. */
(function () {
  "use strict";
  var KEY = "quote-basket-v1";
  var MAX = 150;  /* as assistant/quoting/exports.py MAX_ITEMS */

  var memory = [];  /* used only when the browser refuses storage */
  function items() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(stored) ? stored : [];
    } catch (e) { return memory.slice(); }
  }
  function save(list) {
    memory = list.slice();
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* the basket lasts this page */ }
  }
  /* The same words of the same document are one quote, even when a chat card and a search result
     cut them with different surrounding spaces. */
  function same(a, b) {
    return a.doc_id === b.doc_id && ((a.start === b.start && a.end === b.end) ||
      (a.text || "").trim() === (b.text || "").trim());
  }
  /* The edition lets the server refuse offsets into a text that has since been re-ingested. */
  function refs(list) { return list.map(function (i) { return {doc_id: i.doc_id, start: i.start, end: i.end, edition: i.edition || null}; }); }
  /* The form posts [doc_id, start, end] triples (multipart): a full basket stays small. */
  function triples(list) { return list.map(function (i) { return i.edition ? [i.doc_id, i.start, i.end, i.edition] : [i.doc_id, i.start, i.end]; }); }

  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("data-basket-live", "");
  document.body.appendChild(live);
  function announce(text) { live.textContent = ""; window.setTimeout(function () { live.textContent = text; }, 50); }

  /* The quote a button adds: its own data- attributes (chat cards), or the length shown in a search result. */
  function sourceOf(button) {
    var card = button.closest("[data-start], .result");
    if (!card || card.hasAttribute("data-start")) return card;
    var checked = card.querySelector(".lengths input:checked");
    return (checked && card.querySelector(".variant--" + checked.value)) ||
      card.querySelector(".variant.is-default") || card.querySelector("[data-start]");
  }

  function itemFrom(el) {
    var quote = el.querySelector("blockquote");
    var item = {
      doc_id: el.getAttribute("data-doc"),
      start: parseInt(el.getAttribute("data-start"), 10),
      end: parseInt(el.getAttribute("data-end"), 10),
      edition: el.getAttribute("data-edition") || "",
      text: el.getAttribute("data-text") || (quote ? quote.textContent : ""),
      citation: el.getAttribute("data-citation") || "",
      runs: runsOf(el.querySelector(".quote__citation"))
    };
    return item.doc_id && item.end > item.start ? item : null;
  }

  function add(button) {
    var el = sourceOf(button);
    var item = el && itemFrom(el);
    if (!item) return;
    var list = items();
    var label = button.querySelector("[data-label]") || button;
    var at = list.findIndex(function (i) { return same(i, item); });
    var done = "Added to basket";
    if (at >= 0) {
      done = "Already in the basket";
      announce("This quote is already in the basket, as quote " + (at + 1) + " of " + list.length + ".");
    } else if (list.length >= MAX) {
      announce("The basket is full: export or remove some quotes first.");
      return;
    } else {
      list.push(item);
      undo = null;
      save(list);
      announce("Added to the basket: " + list.length + (list.length === 1 ? " quote." : " quotes."));
    }
    button.setAttribute("data-added", "");
    if (label.firstChild && label.firstChild.nodeType === 3) label.firstChild.nodeValue = done;
    viewLink(button);
    render();
  }

  /* The rendered citation (partials/quote_parts.html) as [text, italic] runs: its <cite> is the title. */
  function runsOf(p) {
    if (!p) return [];
    return Array.prototype.map.call(p.childNodes, function (n) { return [n.textContent, n.nodeName === "CITE"]; });
  }

  /* Items saved before runs were kept hold the API's Markdown citation (title in *asterisks*). */
  function legacyRuns(text) {
    return text.split("*").map(function (part, i) { return [part, i % 2 === 1]; });
  }

  function citation(el, item) {
    var runs = Array.isArray(item.runs) && item.runs.length ? item.runs : legacyRuns(item.citation || "");
    runs.forEach(function (run) {
      if (!run[0]) return;
      if (run[1]) { var c = document.createElement("cite"); c.textContent = run[0]; el.appendChild(c); }
      else el.appendChild(document.createTextNode(run[0]));
    });
  }

  /* The count in the site header (every page with this script), and the link by "Added to basket". */
  function renderCount(list) {
    document.querySelectorAll("[data-basket-total]").forEach(function (n) { n.textContent = String(list.length); });
    document.querySelectorAll("[data-basket-nav]").forEach(function (n) { n.hidden = false; });
    document.querySelectorAll("[data-basket-view]").forEach(function (a) {
      a.firstChild.nodeValue = "View the basket (" + list.length + ")";
    });
  }

  function viewLink(button) {
    if (document.querySelector("[data-basket]") || (button.nextElementSibling && button.nextElementSibling.hasAttribute("data-basket-view"))) return;
    var a = document.createElement("a");
    a.href = "/quotes#basket";
    a.className = "basket-view";
    a.setAttribute("data-basket-view", "");
    a.append(document.createTextNode("View the basket"));
    button.after(a);
  }

  function control(text, attr, n, hiddenText, disabled) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "secondary";
    b.setAttribute(attr, String(n));
    b.textContent = text;
    b.disabled = disabled;
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = hiddenText;
    b.appendChild(hidden);
    return b;
  }

  /* The basket before the last removal (or emptying), until the next change: Undo puts it back. */
  var undo = null;

  function count(n) { return n + (n === 1 ? " quote" : " quotes"); }
  function opening(text) {
    var words = (text || "").trim().split(/\s+/);
    return "“" + words.slice(0, 6).join(" ") + (words.length > 6 ? "…”" : "”");
  }

  function move(from, to) {
    var list = items();
    if (to < 0 || to >= list.length) return;
    var moved = list.splice(from, 1)[0];
    list.splice(to, 0, moved);
    undo = null;
    save(list);
    render();
    announce("Moved " + opening(moved.text) + " " + (to < from ? "up" : "down") + ": now quote " + (to + 1) + " of " + list.length + ".");
    /* Keep focus on the button pressed, now on the moved quote; at the top or bottom it is disabled, so take the other. */
    var want = to < from ? "data-basket-up" : "data-basket-down";
    var other = to < from ? "data-basket-down" : "data-basket-up";
    var b = document.querySelector("[" + want + "='" + to + "']");
    if (!b || b.disabled) b = document.querySelector("[" + other + "='" + to + "']");
    if (b) b.focus();
  }

  function remove(n) {
    var list = items();
    var before = list.slice();
    var gone = list.splice(n, 1)[0];
    save(list);
    undo = {list: before, focus: n, message: "Removed " + opening(gone.text) + "."};
    render();
    announce("Removed " + opening(gone.text) + ". " + count(list.length) + " left in the basket. Undo is next to the list.");
    document.querySelector("[data-basket-undo]").focus();
  }

  function empty() {
    var list = items();
    if (!list.length) return;
    save([]);
    undo = {list: list, focus: 0, message: "Emptied the basket (" + count(list.length) + ")."};
    render();
    announce("The basket is empty. Undo puts back " + count(list.length) + ".");
    document.querySelector("[data-basket-undo]").focus();
  }

  function restore() {
    if (!undo) return;
    var was = undo;
    undo = null;
    save(was.list);
    render();
    announce("Put back. " + count(was.list.length) + " in the basket.");
    var b = document.querySelector("[data-basket-remove='" + Math.min(was.focus, was.list.length - 1) + "']");
    if (b) b.focus();
  }

  function render() {
    var list = items();
    renderCount(list);
    var box = document.querySelector("[data-basket]");
    if (!box) return;
    var ol = box.querySelector("[data-basket-list]");
    ol.textContent = "";
    list.forEach(function (item, n) {
      var li = document.createElement("li");
      var q = document.createElement("blockquote");
      q.textContent = item.text;
      var p = document.createElement("p");
      p.className = "quote__citation";
      citation(p, item);
      var actions = document.createElement("div");
      actions.className = "basket__item-actions";
      actions.append(
        control("Move up", "data-basket-up", n, " (quote " + (n + 1) + ")", n === 0),
        control("Move down", "data-basket-down", n, " (quote " + (n + 1) + ")", n === list.length - 1),
        control("Remove", "data-basket-remove", n, " quote " + (n + 1) + " from the basket", false));
      li.append(q, p, actions);
      ol.appendChild(li);
    });
    var bar = box.querySelector("[data-basket-undo-bar]");
    bar.hidden = !undo;
    if (undo) bar.querySelector("[data-basket-undo-text]").textContent = undo.message;
    box.querySelector("[data-basket-count]").textContent = list.length === 0 ? "The basket is empty." :
      (list.length === 1 ? "1 quote" : list.length + " quotes") + " in the basket.";
    box.querySelectorAll("[data-basket-needs-items]").forEach(function (b) { b.disabled = list.length === 0; });
    box.querySelector("[data-basket-items]").value = JSON.stringify(triples(list));
  }

  function copyAll(form) {
    var list = items();
    if (!list.length) return;
    fetch("/api/export", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({items: refs(list), format: "txt", style: form.querySelector("[name=style]").value,
        title: form.querySelector("[name=title]").value.trim() || null})
    }).then(function (r) {
      if (!r.ok) throw new Error("export failed");
      return r.text();
    }).then(window.SafeguardingCopy).then(function () {
      announce("Copied " + list.length + (list.length === 1 ? " quote" : " quotes") + " with citations.");
    }).catch(function () {
      announce("Could not copy. Download the basket as plain text instead.");
    });
  }

  document.addEventListener("click", function (event) {
    var t = event.target.closest("button");
    if (!t) return;
    if (t.hasAttribute("data-basket-add")) { add(t); }
    else if (t.hasAttribute("data-basket-remove")) { remove(parseInt(t.getAttribute("data-basket-remove"), 10)); }
    else if (t.hasAttribute("data-basket-up")) {
      var up = parseInt(t.getAttribute("data-basket-up"), 10);
      move(up, up - 1);
    } else if (t.hasAttribute("data-basket-down")) {
      var down = parseInt(t.getAttribute("data-basket-down"), 10);
      move(down, down + 1);
    } else if (t.hasAttribute("data-basket-undo")) { restore(); }
    else if (t.hasAttribute("data-basket-clear")) { empty(); }
    else if (t.hasAttribute("data-basket-copy")) { copyAll(t.form); }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-basket-export")) return;
    var list = items();
    if (!list.length) { event.preventDefault(); announce("The basket is empty."); return; }
    form.querySelector("[data-basket-items]").value = JSON.stringify(triples(list));
  });

  window.addEventListener("storage", function (event) { if (event.key === KEY) { undo = null; render(); } });

  /* Quote cards of the chat (article.quote with data-doc/start/end) get an "Add to basket" button. */
  function enhance() {
    document.querySelectorAll("[data-basket-add][hidden]").forEach(function (b) { b.hidden = false; });
    document.querySelectorAll("article.quote[data-start]").forEach(function (card) {
      var actions = card.querySelector(".quote__actions");
      if (!actions || actions.querySelector("[data-basket-add]")) return;
      var b = document.createElement("button");
      b.type = "button";
      b.className = "secondary";
      b.setAttribute("data-basket-add", "");
      b.textContent = "Add to basket";
      var title = card.querySelector(".quote__title");
      var more = document.createElement("span");
      more.className = "visually-hidden";
      more.textContent = " (" + (title ? title.textContent : "this quote") + ")";
      b.appendChild(more);
      actions.appendChild(b);
    });
  }
  var box = document.querySelector("[data-basket]");
  if (box) box.hidden = false;
  enhance();
  render();
  new MutationObserver(enhance).observe(document.body, {childList: true, subtree: true});
})();
