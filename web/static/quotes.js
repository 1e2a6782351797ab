/* The quotation finder: the section list follows the chosen document. Without JavaScript every
   section stays listed, and a section from another document gets a readable message. */
(function () {
  "use strict";
  var doc = document.getElementById("document");
  var section = document.getElementById("section");
  if (!doc || !section) return;

  function narrow() {
    section.querySelectorAll("optgroup[data-document]").forEach(function (group) {
      var shown = !doc.value || group.getAttribute("data-document") === doc.value;
      group.hidden = !shown;
      group.disabled = !shown;
    });
    var chosen = section.selectedOptions[0];
    if (chosen && chosen.parentElement.disabled) section.value = "";  // it belonged to another document
  }

  doc.addEventListener("change", narrow);
  narrow();
})();
