// The printout toolbar's Print button: shown only where this script runs, so a page
// without JavaScript offers the PDF alone. A file of its own: the pages allow no inline
// script or handler (Content-Security-Policy).
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
