// The printout toolbar's Print button, and sheets that fit a narrow screen. A file of its
// own: the pages allow no inline script or handler (Content-Security-Policy).
(function () {
  "use strict";
  var PX_PER_MM = 96 / 25.4;
  var SIDES_PX = 32; // the page's padding, 1rem each side

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // A sheet is drawn at paper size; on a screen narrower than the paper it is shown
  // smaller (screen.css zooms it by --fit, on screen only: print and the PDF keep the size).
  function fit() {
    var room = document.documentElement.clientWidth - SIDES_PX;
    document.querySelectorAll(".mode-screen .sheet").forEach(function (sheet) {
      var paper = parseFloat(sheet.style.width) * PX_PER_MM;
      var scale = paper > 0 ? Math.min(1, room / paper) : 1;
      sheet.style.setProperty("--fit", scale.toFixed(4));
    });
  }
  fit();
  window.addEventListener("resize", fit);
})();
