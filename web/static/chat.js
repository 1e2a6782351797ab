/* The chat, enhanced: asks POST /api/ask and appends to the thread without reloading.
   The page works without this script (the forms post and the server renders the thread).
   Corpus text and questions only ever reach the page through textContent, never innerHTML. */
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
  var history = Array.prototype.map.call(form.querySelectorAll("input[name=history]"), function (i) { return i.value; });
  var busy = false;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c != null) node.append(c); });
    return node;
  }

  function link(href, text) {
    var a = el("a", { href: href }, [text]);
    if (compact) { a.target = "_blank"; a.rel = "noopener"; }
    return a;
  }

  /* The status line is read out by screen readers; it is only shown while something is pending. */
  function say(text, visible) {
    status.textContent = text;
    status.classList.toggle("visually-hidden", !visible);
  }

  function hidden(text) { return el("span", { "class": "visually-hidden" }, [text]); }

  /* The quote text with <mark> around the highlighted [start, end] offsets. */
  function marked(text, highlights) {
    var parts = [], pos = 0;
    highlights.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (h) {
      var a = Math.max(h[0], pos);
      if (h[1] <= a) return;
      parts.push(text.slice(pos, a), el("mark", {}, [text.slice(a, h[1])]));
      pos = h[1];
    });
    parts.push(text.slice(pos));
    return parts;
  }

  function citation(text) {
    return text.split("*").map(function (part, i) { return i % 2 ? el("cite", {}, [part]) : part; });
  }

  /* Mirrors web/templates/partials/quote.html. */
  function quoteCard(q, n) {
    var id = "quote-" + n.replace(".", "-");
    var actions = el("div", { "class": "quote__actions" }, [
      el("button", { type: "button", "class": "secondary", "data-action": "copy" }, ["Copy quote with citation"]),
      el("button", { type: "button", "class": "secondary", "data-action": "context", "aria-expanded": "false", "aria-controls": id + "-context" }, ["Show surrounding text"])
    ]);
    if (q.link) {
      var label = "Open the source" + (q.pdf_page && q.link.indexOf("#page=") >= 0 ? " at page " + (q.page || q.pdf_page) : "");
      var a = link(q.link, label);
      a.className = "quote__source";
      a.append(hidden(" for quote " + n));
      actions.append(a);
    }
    var quote = el("blockquote", { "class": "quote__text" }, marked(q.text, q.highlights || []));
    if (q.link) quote.setAttribute("cite", q.link);
    return el("article", { "class": "quote", id: id, "aria-labelledby": id + "-title", "data-quote-id": q.id, "data-citation": q.citation, "data-link": q.link || "", "data-doc": q.document.id, "data-edition": q.document.edition || "", "data-start": String(q.start), "data-end": String(q.end) }, [
      el("h3", { "class": "quote__title", id: id + "-title" }, ["Quote " + n]),
      quote,
      el("p", { "class": "quote__citation" }, citation(q.citation)),
      actions,
      el("div", { "class": "quote__context", id: id + "-context", hidden: "" })
    ]);
  }

  /* Mirrors web/templates/partials/turn.html. */
  function turnView(n, question, answer) {
    var heading = el("h2", { "class": "turn__question", id: "answer-" + n, tabindex: "-1" }, [el("span", { "class": "turn__label" }, ["You asked:"]), " " + question]);
    var parts = [heading];
    if (answer.interpreted_as) parts.push(el("p", { "class": "turn__interpreted" }, ["Read together with your previous question, as: “" + answer.interpreted_as + "”"]));
    parts.push(el("p", { "class": "turn__message" + (answer.answered ? "" : " notice") }, [answer.message]));
    if (!answer.answered) {
      parts.push(el("p", { "class": "turn__next" }, ["You can also ", link("/quotes", "search for exact words"), " or ", link("/documents", "read the documents"), "."]));
    }
    if (answer.quotes.length) {
      parts.push(el("ol", { "class": "quotes", "aria-label": "Quotes answering: " + question }, answer.quotes.map(function (q, i) {
        return el("li", {}, [quoteCard(q, n + "." + (i + 1))]);
      })));
    }
    return el("article", { "class": "turn" + (answer.answered ? "" : " turn--abstained"), "aria-labelledby": "answer-" + n }, parts);
  }

  function showError(message) {
    var p = document.getElementById("question-error");
    p.querySelector("[data-error-text]").textContent = message;
    p.hidden = !message;
    box.closest(".field").classList.toggle("field--error", !!message);
    if (message) {
      box.setAttribute("aria-invalid", "true");
      box.setAttribute("aria-describedby", "question-hint question-error");
    } else {
      box.removeAttribute("aria-invalid");
      box.setAttribute("aria-describedby", "question-hint");
    }
  }

  function ask(question, button) {
    if (busy) return;
    if (!question.trim()) {
      showError("Please type a question.");
      say("Please type a question.", false);
      box.focus();
      return;
    }
    busy = true;
    if (button) button.setAttribute("aria-disabled", "true");
    say("Searching the report…", true);
    fetch("/api/ask", {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ question: question, history: history.slice(-10) })
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) throw new Error(data.detail || "The question could not be answered. Please try again.");
        return data;
      });
    }).then(function (answer) {
      showError("");
      history.push(question);
      form.insertBefore(el("input", { type: "hidden", name: "history", value: question }), form.firstChild);
      var n = thread.querySelectorAll(".turn").length + 1;
      var old = document.getElementById("latest");
      if (old) old.removeAttribute("id");
      var view = turnView(n, question, answer);
      view.id = "latest";
      thread.append(view);
      var examples = document.getElementById("examples");
      if (examples) examples.remove();
      var summary = document.getElementById("error-summary");
      if (summary) summary.remove();
      box.value = "";
      form.querySelector("label").textContent = "Ask a follow-up or a new question";
      say(answer.answered ? "Answer received: " + answer.quotes.length + " quote" + (answer.quotes.length === 1 ? "" : "s") + " from the report." : "The report does not seem to cover this.", false);
      document.getElementById("answer-" + n).focus();
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

  document.querySelectorAll("form[data-ask]").forEach(function (f) {
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter;
      var fromExample = submitter && submitter.name === "question";
      ask(fromExample ? submitter.value : box.value, fromExample ? null : f.querySelector("button[type=submit]"));
    });
  });

  /* Ctrl+Enter (or Cmd+Enter) asks; Enter alone still starts a new line, as in any text box. */
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      ask(box.value, form.querySelector("button[type=submit]"));
    }
  });

  /* Copy with citation: the Clipboard API, or a hidden textarea and execCommand where it is missing. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    var area = el("textarea", { readonly: "", "class": "visually-hidden" });
    area.value = text;
    body.append(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function quoteForCopy(card) {
    var text = card.querySelector(".quote__text").textContent;
    var link = card.getAttribute("data-link");
    return "“" + text + "”\n\n" + card.getAttribute("data-citation").replace(/\*/g, "") + (link ? ". " + link : "");
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
      copyText(quoteForCopy(card)).then(
        function () { say("Quote copied with its citation.", false); button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy quote with citation"; }, 3000); },
        function () { say("Copying is not available here: select the quote and copy it instead.", true); }
      );
    } else if (action === "context") {
      showContext(card, button);
    } else if (action === "close") {
      tellParent({ type: "close" });
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && parentOrigin) tellParent({ type: "close" });
  });

  window.addEventListener("message", function (event) {
    if (!parentOrigin || event.origin !== parentOrigin || event.source !== window.parent) return;
    if (event.data && event.data.type === "focus") box.focus();
  });

  if (parentOrigin && window.ResizeObserver) {
    new ResizeObserver(function () { tellParent({ type: "resize", height: document.documentElement.scrollHeight }); }).observe(body);
  }

  document.querySelectorAll("[data-js]").forEach(function (b) { b.hidden = false; });
})();
