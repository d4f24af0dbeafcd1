// Copy and share buttons for a link shown in a read-only field (a check-in link, a
// one-time link for a coach): templates/includes/link_share.html.
// No library: the Clipboard API where the browser offers it, else select-and-copy.
(function () {
  "use strict";

  function field(button, attribute) {
    return document.getElementById(button.getAttribute(attribute));
  }

  function say(button, text) {
    var box = button.closest(".share-link");
    var status = box && box.querySelector("[data-copy-status]");
    if (status) { status.textContent = text; }
  }

  function copy(button) {
    var input = field(button, "data-copy");
    if (!input) { return; }
    var done = function () {
      say(button, button.getAttribute("data-copied") || "Copied: paste it into a message.");
    };
    var fallback = function () {
      input.focus();
      input.select();
      try { document.execCommand("copy"); done(); }
      catch (e) { say(button, "Selected: copy it with your device's copy command."); }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
      fallback();
    }
  }

  function share(button) {
    var input = field(button, "data-share");
    if (input && navigator.share) {
      navigator.share({ title: button.getAttribute("data-title") || "", url: input.value })
        .catch(function () { /* the person closed the share sheet */ });
    }
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () { copy(button); });
  });
  document.querySelectorAll("[data-share]").forEach(function (button) {
    if (navigator.share) { button.hidden = false; }
    button.addEventListener("click", function () { share(button); });
  });
})();
