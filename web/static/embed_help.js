/* /embed-help: the snippets and the preview follow the options; copy buttons. Text only via textContent. */
(function () {
  "use strict";
  var form = document.querySelector("[data-embed-options]");
  var script = document.getElementById("snippet-script");
  var frame = document.getElementById("snippet-frame");
  var preview = document.getElementById("embed-preview");
  if (!form || !script) return;
  var base = script.getAttribute("data-base");
  var fallback = form.accent.defaultValue;
  var accentError = document.getElementById("opt-accent-error");
  var launcherPreview = document.querySelector("[data-launcher-preview]");
  function attr(v) { return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;"); }

  /* The widget's rule (widget.js, assistant/server/branding.py): white or near-black text, whichever
     contrasts more; refused when neither reaches 4.5:1. */
  function lum(hex) {
    return [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (s, c, i) { return s + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  function checkAccent(value) {
    if (!/^#[0-9a-f]{6}$/i.test(value)) return { error: "Write the colour as # and six hex digits, such as #1d70b8." };
    var l = lum(value), white = 1.05 / (l + 0.05), dark = (l + 0.05) / (lum("#0b0c0c") + 0.05);
    var best = Math.max(white, dark);
    if (best < 4.5) return { error: value + " cannot be used: neither white nor black text reaches a contrast of 4.5:1 on it (best " + best.toFixed(2) + ":1). Choose a darker or a lighter colour." };
    return { accent: value.toLowerCase(), ink: white >= dark ? "#ffffff" : "#0b0c0c" };
  }

  function update() {
    var title = form.title.value.trim().slice(0, 80) || "Ask the safeguarding report";
    var placeholder = form.placeholder.value.trim().slice(0, 120);
    var typed = form.accent.value.trim();
    var checked = typed ? checkAccent(typed) : { accent: fallback };
    accentError.hidden = !checked.error;
    accentError.querySelector("[data-accent-error]").textContent = checked.error || "";
    form.accent.setAttribute("aria-describedby", "opt-accent-hint" + (checked.error ? " opt-accent-error" : ""));
    if (checked.error) form.accent.setAttribute("aria-invalid", "true"); else form.accent.removeAttribute("aria-invalid");
    form.accent.closest(".field").classList.toggle("field--error", !!checked.error);
    var accent = checked.error ? fallback : checked.accent;
    var ok = checkAccent(accent);
    launcherPreview.style.setProperty("--accent", accent);
    launcherPreview.style.setProperty("--accent-ink", ok.ink || "#ffffff");
    launcherPreview.querySelector("[data-launcher-preview-title]").textContent = title;
    launcherPreview.parentNode.classList.toggle("launcher-preview__page--left", form.position.value === "bottom-left");
    var parts = ['<script src="' + base + '/widget.js" defer data-title="' + attr(title) + '"'];
    if (accent !== fallback) parts.push(' data-accent="' + accent + '"');
    parts.push(' data-position="' + form.position.value + '"');
    if (placeholder) parts.push(' data-placeholder="' + attr(placeholder) + '"');
    var narrow = {};
    ["documents", "kinds"].forEach(function (name) {
      var list = form[name].value.split(",").map(function (v) { return v.trim(); }).filter(Boolean).join(",");
      if (list) { narrow[name] = list; parts.push(" data-" + name + '="' + attr(list) + '"'); }
    });
    script.textContent = parts.join("") + "></" + "script>";
    var q = new URLSearchParams({ title: title });
    if (placeholder) q.set("placeholder", placeholder);
    if (accent !== fallback) q.set("accent", accent);
    Object.keys(narrow).forEach(function (name) { q.set(name, narrow[name]); });
    frame.textContent = '<iframe src="' + base + "/embed?" + attr(q.toString()) + '" title="' + attr(title) + '" width="100%" height="640" loading="lazy" allow="clipboard-write"></iframe>';
    q.set("accent", accent);
    var src = "/embed?" + q.toString();
    if (preview.getAttribute("src") !== src) { preview.setAttribute("src", src); preview.title = "Preview: " + title; }
  }

  var timer;
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 300); });
  form.addEventListener("change", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); update(); });

  var status = document.querySelector("[data-copy-status]");
  document.addEventListener("click", function (e) {
    var b = e.target.closest("[data-copy]");
    if (!b) return;
    var text = document.getElementById(b.getAttribute("data-copy")).textContent;
    window.SafeguardingCopy(text).then(
      function () { status.textContent = "Copied."; b.textContent = "Copied"; },
      function () { status.textContent = "Copying is not available here: select the snippet and copy it."; }
    );
  });
  document.querySelectorAll("[data-js]").forEach(function (b) { b.hidden = false; });
  update();
})();
