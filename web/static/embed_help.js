/* /embed-help: the snippets and the preview follow the options; copy buttons. Text only via textContent. */
(function () {
  "use strict";
  var form = document.querySelector("[data-embed-options]");
  var script = document.getElementById("snippet-script");
  var frame = document.getElementById("snippet-frame");
  var preview = document.getElementById("embed-preview");
  if (!form || !script) return;
  var base = script.getAttribute("data-base");
  function attr(v) { return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;"); }

  function update() {
    var title = form.title.value.trim().slice(0, 80) || "Ask the safeguarding report";
    var placeholder = form.placeholder.value.trim().slice(0, 120);
    var accent = /^#[0-9a-f]{6}$/i.test(form.accent.value.trim()) ? form.accent.value.trim() : "";
    var parts = ['<script src="' + base + '/widget.js" defer data-title="' + attr(title) + '"'];
    if (accent && accent.toLowerCase() !== "#1d70b8") parts.push(' data-accent="' + accent + '"');
    parts.push(' data-position="' + form.position.value + '"');
    if (placeholder) parts.push(' data-placeholder="' + attr(placeholder) + '"');
    script.textContent = parts.join("") + "></" + "script>";
    var q = new URLSearchParams({ title: title });
    if (placeholder) q.set("placeholder", placeholder);
    frame.textContent = '<iframe src="' + base + "/embed?" + attr(q.toString()) + '" title="' + attr(title) + '" width="100%" height="640" loading="lazy" allow="clipboard-write"></iframe>';
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
