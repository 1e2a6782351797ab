/* One copy routine for every page: the Clipboard API, or a hidden textarea and execCommand where
   it is missing or refused (a cross-origin frame without clipboard-write, plain http).
   SafeguardingCopy(text) -> Promise, resolved when the text is on the clipboard. */
(function () {
  "use strict";
  function legacy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "visually-hidden";
    document.body.append(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  window.SafeguardingCopy = function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacy(text); });
    }
    return legacy(text);
  };
})();
