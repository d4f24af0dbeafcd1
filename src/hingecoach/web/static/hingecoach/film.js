// "Film the test": say how the camera opens here, and name the clip once it is filmed.
// Nothing else: the form posts the clip to the ordinary upload and analysis.
(function () {
  "use strict";
  var live = window.isSecureContext && navigator.mediaDevices &&
    typeof navigator.mediaDevices.getUserMedia === "function";
  var note = document.getElementById(live ? "film-live" : "film-plain-http");
  if (note) { note.hidden = false; }
  var input = document.getElementById("film-file");
  var chosen = document.getElementById("film-chosen");
  if (input && chosen) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      chosen.textContent = file ? "Ready to send: " + file.name + " (" +
        Math.round(file.size / 1024 / 1024 * 10) / 10 + " MB)" : "";
    });
  }
})();
