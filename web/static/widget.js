/* The partner widget: one <script src=".../widget.js" defer data-...> adds a launcher button that
   opens the chat in an iframe served from the assistant's own origin (/embed).
   One global (SafeguardingAssistant); no cookies or storage; nothing is loaded until it is opened.
   Options: data-title, data-accent (#rrggbb), data-position (bottom-right|bottom-left; "right" and
   "left" also work), data-offset ("16" or "16 88": pixels from the side and from the bottom, to keep
   the launcher clear of the page's own controls), data-open (true), data-placeholder, and
   data-documents, data-kinds, data-publishers (comma-separated: document ids, kinds, publishers)
   to answer from fewer documents. When the operator gave this site a profile, the server keeps
   every answer inside it whatever these say, and the profile's title and accent win.
   On narrow screens (600 px or less) the launcher is a round 56 px button named by data-title.
   Before showing anything it asks the assistant (GET /widget/config) whether this page's origin may
   embed it: when it may not, no launcher is shown and one console message says why.
   data-accent colours the launcher, the panel's heading bar and its Ask button; a colour on which
   neither white nor near-black text reaches 4.5:1 is refused (console message) for the operator's. */
(function () {
  "use strict";
  if (window.SafeguardingAssistant) return;
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, location.href).origin;
  var data = script.dataset;
  var title = (data.title || "Ask the safeguarding report").slice(0, 80);
  var PREFIX = "Safeguarding assistant widget: ";
  var accent = "#1d70b8", ink = "#ffffff";
  var left = data.position === "bottom-left" || data.position === "left";
  var offsets = (data.offset || "").trim().split(/\s+/).map(function (v) { return Math.min(400, Math.max(0, parseInt(v, 10) || 0)); });
  var side = data.offset ? offsets[0] : 16, bottom = data.offset && offsets.length > 1 ? offsets[1] : side;
  var host, root, launcher, panel, frame, isOpen = false, loaded = false;

  /* White or near-black text, whichever contrasts more with the accent (WCAG relative
     luminance; the same rule as assistant/server/branding.py). Null when neither reaches 4.5:1. */
  function lum(hex) {
    return [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (s, c, i) { return s + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function inkFor(hex) {
    if (!/^#[0-9a-f]{6}$/i.test(hex || "")) return null;
    var l = lum(hex), white = 1.05 / (l + 0.05), dark = (l + 0.05) / (lum("#0b0c0c") + 0.05);
    if (Math.max(white, dark) < 4.5) return null;
    return white >= dark ? "#ffffff" : "#0b0c0c";
  }

  function styles() { return ":host{all:initial !important;position:fixed !important;z-index:2147483000 !important;bottom:" + bottom + "px !important;" + (left ? "left" : "right") + ":" + side + "px !important;display:block !important}" +
    "*{box-sizing:border-box}" +
    ".launcher{all:initial;box-sizing:border-box;display:inline-flex;align-items:center;gap:8px;min-height:48px;min-width:48px;padding:12px 18px;font:700 16px/1.25 system-ui,-apple-system,'Segoe UI',Arial,sans-serif;background:" + accent + ";color:" + ink + ";border:2px solid " + ink + ";box-shadow:0 2px 6px rgba(0,0,0,.35);cursor:pointer}" +
    ".launcher svg{width:24px;height:24px;flex:none;fill:currentColor}" +
    ".launcher:focus-visible{outline:3px solid #ffdd00;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}" +
    ".panel{position:fixed;bottom:" + (bottom + 64) + "px;" + (left ? "left" : "right") + ":" + side + "px;width:min(420px,calc(100vw - 32px));height:min(var(--content-height,520px),calc(100vh - " + (bottom + 96) + "px));background:#fff;border:2px solid #0b0c0c;box-shadow:0 4px 16px rgba(0,0,0,.35)}" +
    ".panel[hidden]{display:none}" +
    "iframe{display:block;width:100%;height:100%;border:0}" +
    /* Phones: a round launcher that covers little of the page; the open chat fills the screen
       (its own header keeps Close in view), so the launcher steps out of the way. */
    "@media (max-width:600px){.launcher{width:56px;height:56px;padding:0;justify-content:center;border-radius:50%}" +
    ".launcher .label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
    ".panel{inset:0;width:100vw;height:100vh;height:100dvh;border:0}:host(.is-open) .launcher{display:none}}"; }

  function build() {
    host = document.createElement("safeguarding-assistant");
    root = host.attachShadow({ mode: "open" });
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(styles());
      root.adoptedStyleSheets = [sheet];
    } else {
      var style = document.createElement("style");
      style.textContent = styles();
      root.append(style);
    }
    panel = document.createElement("div");
    panel.className = "panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-label", title);
    launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "launcher";
    launcher.setAttribute("aria-label", title);
    var label = document.createElement("span");
    label.className = "label";
    label.textContent = title;
    var ns = "http://www.w3.org/2000/svg", icon = document.createElementNS(ns, "svg"), path = document.createElementNS(ns, "path");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("focusable", "false");
    path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
    icon.append(path);
    launcher.append(icon, label);
    launcher.setAttribute("aria-expanded", "false");
    launcher.addEventListener("click", function () { toggle(); });
    root.append(panel, launcher);
    root.addEventListener("keydown", function (e) { if (e.key === "Escape" && isOpen) { e.stopPropagation(); close(); } });
    document.body.append(host);
  }

  function open() {
    if (!frame) {
      var params = new URLSearchParams({ title: title, origin: location.origin, accent: accent });
      if (data.placeholder) params.set("placeholder", data.placeholder.slice(0, 120));
      ["documents", "kinds", "publishers"].forEach(function (name) {
        if (data[name]) params.set(name, data[name].slice(0, 2000));
      });
      frame = document.createElement("iframe");
      frame.title = title;
      frame.allow = "clipboard-write";  /* copy with citation inside the cross-origin frame */
      frame.src = origin + "/embed?" + params.toString();
      frame.addEventListener("load", function () { loaded = true; focusFrame(); });
      panel.append(frame);
    }
    panel.hidden = false;
    isOpen = true;
    host.classList.add("is-open");
    launcher.setAttribute("aria-expanded", "true");
    focusFrame();
  }

  function focusFrame() {
    if (!isOpen || !loaded) return;
    frame.focus();
    frame.contentWindow.postMessage({ type: "focus" }, origin);
  }

  function close() {
    if (!isOpen) return;
    panel.hidden = true;
    isOpen = false;
    host.classList.remove("is-open");
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  function toggle() { if (isOpen) close(); else open(); }

  /* Messages from the chat frame: only from our frame, only from the assistant's exact origin. */
  window.addEventListener("message", function (e) {
    if (!frame || e.origin !== origin || e.source !== frame.contentWindow || !e.data) return;
    if (e.data.type === "close") close();
    /* Grow with the conversation, up to the window (full screen on narrow screens anyway). */
    if (e.data.type === "resize" && isFinite(e.data.height) && e.data.height > 0) {
      panel.style.setProperty("--content-height", Math.max(360, Math.min(Math.round(e.data.height) + 4, 2000)) + "px");
    }
  });

  /* Never hide the partner page's focused element: step aside when focus moves under the panel. */
  document.addEventListener("focusin", function (e) {
    if (!isOpen || e.target === host || !e.target.getBoundingClientRect) return;
    var a = e.target.getBoundingClientRect(), b = panel.getBoundingClientRect();
    if (a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) {
      panel.hidden = true;
      isOpen = false;
      host.classList.remove("is-open");
      launcher.setAttribute("aria-expanded", "false");
    }
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && isOpen) close(); });

  function start() {
    build();
    if (data.open === "true") open();
  }

  /* Ask first: may this origin embed the assistant? Nothing is shown until the answer says yes. */
  function configure(config) {
    if (!config || config.allowed !== true) {
      console.warn(PREFIX + "not shown on " + location.origin + ". " + ((config && config.reason) || "The assistant at " + origin + " could not be reached.") + " Check a site at " + origin + "/embed-help#check");
      return;
    }
    accent = inkFor(config.accent) ? config.accent : "#1d70b8";
    var profile = config.profile || {};
    if (profile.title) title = String(profile.title).slice(0, 80);
    if (profile.accent && inkFor(profile.accent)) accent = profile.accent;
    else if (data.accent) {
      if (inkFor(data.accent)) accent = data.accent.toLowerCase();
      else console.warn(PREFIX + "data-accent " + JSON.stringify(data.accent) + " is refused: " + (/^#[0-9a-f]{6}$/i.test(data.accent) ? "neither white nor black text reaches 4.5:1 contrast on it" : "write it as #rrggbb") + "; using " + accent + ".");
    }
    ink = inkFor(accent);
    if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  }
  fetch(origin + "/widget/config", { credentials: "omit", cache: "no-store" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(configure, function () { configure(null); });

  window.SafeguardingAssistant = Object.freeze({ open: function () { if (launcher) open(); }, close: close, toggle: function () { if (launcher) toggle(); } });
})();
