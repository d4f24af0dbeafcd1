// Gym mode: one step at a time, a rest timer, and sets kept on the phone until saved.
// Everything entered is copied to localStorage as it changes; a save that finds no
// connection stays there and is sent again when the phone is back online. Without this
// script the page is one long form that posts as usual.
(function () {
  "use strict";

  var form = document.getElementById("gym-form");
  if (!form) { return; }
  var athlete = form.closest("[data-athlete]").getAttribute("data-athlete");
  // One store per page: a block's week keeps its entries apart from today's session.
  var pointer = "hingecoach-gym:" + athlete + ":" + window.location.pathname +
    window.location.search;
  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var faults = Array.prototype.slice.call(form.querySelectorAll(".fault-q"));
  var progress = form.querySelector("[data-progress]");
  var status = form.querySelector("[data-status]");
  var errorsBox = document.getElementById("gym-errors");
  var current = 0;
  var timer = null;

  // --- what the phone keeps ----------------------------------------------------------
  function key() { return form.elements.key.value; }
  function storageKey() { return pointer + ":" + key(); }

  function keep() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) { pairs.push([name, value]); });
    try {
      localStorage.setItem(storageKey(), JSON.stringify({ pairs: pairs, step: current }));
      localStorage.setItem(pointer, key());
    } catch (e) { /* private mode or full: the page still works, only unsaved */ }
  }

  function restore() {
    var saved, kept;
    try {
      kept = localStorage.getItem(pointer);
      saved = kept && JSON.parse(localStorage.getItem(pointer + ":" + kept) || "null");
    } catch (e) { return false; }
    if (!saved || !saved.pairs) { return false; }
    form.querySelectorAll("input[type=checkbox], input[type=radio]").forEach(function (box) {
      box.checked = false;
    });
    saved.pairs.forEach(function (pair) {
      var fields = form.querySelectorAll("[name='" + pair[0] + "']");
      fields.forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio") {
          if (field.value === pair[1]) { field.checked = true; }
        } else if (field.name !== "csrfmiddlewaretoken") {
          field.value = pair[1];
        }
      });
    });
    current = Math.min(saved.step || 0, steps.length - 1);
    return true;
  }

  function forget() {
    try { localStorage.removeItem(storageKey()); localStorage.removeItem(pointer); }
    catch (e) { /* nothing kept */ }
  }

  // --- the test's verdict and the loaded work it calls for ---------------------------
  function verdict() {
    if (!faults.length) { return ""; }
    var answered = 0, seen = [];
    faults.forEach(function (question) {
      var picked = question.querySelector("input:checked");
      if (picked) { answered += 1; }
      if (picked && picked.value === "seen") {
        seen.push(question.querySelector(".fault-name").textContent);
      }
    });
    var line = form.querySelector("[data-verdict]");
    var result = "";
    if (answered === 0) {
      line.textContent = "Not answered: no test is saved unless every fault is answered.";
    } else if (answered < faults.length) {
      line.textContent = (faults.length - answered) + " fault(s) still to answer: a pass needs every answer.";
    } else if (seen.length) {
      result = "failed";
      line.textContent = "Failed: " + seen.join(", ") + ".";
    } else {
      result = "passed";
      line.textContent = "Passed: no fault seen.";
    }
    return result;
  }

  function visible() {
    var result = verdict();
    var branch = result || "failed";  // no verdict: nothing moves up
    return steps.filter(function (step) {
      var own = step.getAttribute("data-branch");
      return !own || own === branch;
    });
  }

  // --- one step at a time --------------------------------------------------------------
  function show(index) {
    var shown = visible();
    current = Math.max(0, Math.min(index, shown.length - 1));
    steps.forEach(function (step) { step.hidden = step !== shown[current]; });
    progress.textContent = current === shown.length - 1 ? "Last step: save"
      : "Step " + (current + 1) + " of " + (shown.length - 1);
    form.querySelector("[data-back]").disabled = current === 0;
    form.querySelector("[data-next]").hidden = current === shown.length - 1;
    keep();
  }

  function move(by) {
    show(current + by);
    window.scrollTo(0, 0);
  }

  // --- the rest timer ------------------------------------------------------------------
  function rest(seconds) {
    var box = form.querySelector("[data-timer]");
    var left = form.querySelector("[data-timer-left]");
    var end = Date.now() + seconds * 1000;
    clearInterval(timer);
    box.hidden = false;
    function tick() {
      var remaining = Math.max(0, Math.round((end - Date.now()) / 1000));
      left.textContent = Math.floor(remaining / 60) + ":" + String(remaining % 60).padStart(2, "0");
      if (remaining === 0) { clearInterval(timer); box.classList.add("over"); }
    }
    box.classList.remove("over");
    tick();
    timer = setInterval(tick, 250);
  }

  // --- checking a step's sets as it is left ----------------------------------------
  // The same checks as the server's (gym/forms.py), worded the same, so a typo shows on
  // its own step, not at Save on the last one.
  function problem(input) {
    var text = input.value.trim();
    var kind = input.getAttribute("data-check");
    if (kind === "reps") {
      if (!text) {  // empty is fine until the set is marked done
        var done = input.closest(".set-row").querySelector("input[type=checkbox]");
        return done && done.checked ? "reps missing: a set marked done needs its reps" : "";
      }
      if (!/^[0-9]+$/.test(text)) { return "reps '" + text + "' is not a whole number"; }
      var reps = parseInt(text, 10);
      return reps >= 1 && reps <= 100 ? "" : "reps " + text + " is not in 1..100";
    }
    if (!text) { return ""; }
    var unit = input.getAttribute("data-unit");
    var load = Number(text.replace(",", "."));
    if (!isFinite(load) || !/^[0-9.,+-]+$/.test(text)) {
      return "load '" + text + "' is not a number of " + unit;
    }
    var top = Number(input.getAttribute("data-max"));
    return load >= 0 && load <= top ? "" : "load " + text + " " + unit + " is not in 0.." + top + " " + unit;
  }

  function markField(field, message) {
    var id = field.name + "-error";
    var line = document.getElementById(id);
    if (!message) {
      if (line) { line.remove(); }
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
      return;
    }
    if (!line) {
      line = document.createElement("p");
      line.className = "error field-error";
      line.id = id;
      line.setAttribute("data-error-for", field.name);
      (field.closest(".set-row") || field.closest(".field") || field.parentNode).appendChild(line);
    }
    line.textContent = message;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", id);
  }

  function checkStep(step) {
    var first = null;
    step.querySelectorAll("[data-check]").forEach(function (input) {
      var wrong = problem(input);
      markField(input, wrong ? input.getAttribute("data-label") + ": " + wrong : "");
      if (wrong && !first) { first = input; }
    });
    return first;
  }

  // --- saving ----------------------------------------------------------------------------
  function showErrors(errors) {
    var list = errorsBox.querySelector("ul");
    list.textContent = "";
    Object.keys(errors).forEach(function (name) {
      var item = document.createElement("li");
      item.setAttribute("data-field", name);
      item.textContent = errors[name].join(" ");
      list.appendChild(item);
      var field = name && form.querySelector("[name='" + name + "']");
      if (field && field.type !== "radio") { markField(field, errors[name].join(" ")); }
    });
    errorsBox.hidden = false;
    var first = Object.keys(errors)[0];
    var field = first && form.querySelector("[name='" + first + "']");
    var step = field && field.closest("[data-step]");
    if (step) { show(visible().indexOf(step)); field.focus(); }
    errorsBox.scrollIntoView();
  }

  // --- a save with no set marked done ----------------------------------------------------
  function doneBoxes() {
    var boxes = [];
    visible().forEach(function (step) {
      step.querySelectorAll("input[type=checkbox][data-rest]").forEach(function (box) {
        boxes.push(box);
      });
    });
    return boxes;
  }

  function noneDone() {
    var boxes = doneBoxes();
    return boxes.length > 0 && !boxes.some(function (box) { return box.checked; });
  }

  function markAllDone() {
    var boxes = doneBoxes();
    boxes.forEach(function (box) { box.checked = true; });
    var shown = visible();
    for (var i = 0; i < shown.length; i += 1) {
      var wrong = checkStep(shown[i]);
      if (wrong) { show(i); wrong.focus(); return false; }
    }
    keep();
    return true;
  }

  function send() {
    keep();
    status.textContent = "Saving…";
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action || window.location.href, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (answer) {
      if (answer.ok && answer.data.saved) {
        forget();
        status.textContent = "Saved.";
        window.location.href = answer.data.url;
      } else {
        status.textContent = "Not saved: see above.";
        showErrors(answer.data.errors || { "": ["the server refused the session"] });
      }
    }).catch(function () {
      status.textContent = "No connection: the session is kept on this phone and sent when "
        + "the connection is back.";
      form.classList.add("waiting");
    });
  }

  // --- wiring ----------------------------------------------------------------------------
  form.classList.add("stepwise");
  form.querySelector("[data-nav]").hidden = false;
  progress.hidden = false;
  var restored = !errorsBox || errorsBox.hidden ? restore() : false;
  form.addEventListener("input", keep);
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.matches("input[type=checkbox][data-rest]") && box.checked) {
      rest(parseInt(box.getAttribute("data-rest"), 10) || 60);
    }
    if (box.type === "radio") { show(current); }
    keep();
  });
  form.querySelector("[data-back]").addEventListener("click", function () { move(-1); });
  form.querySelector("[data-next]").addEventListener("click", function () {
    var wrong = checkStep(visible()[current]);
    if (wrong) { wrong.focus(); return; }
    move(1);
  });
  var noneBox = form.querySelector("[data-none-done]");
  form.querySelector("[data-mark-all]").addEventListener("click", function () {
    noneBox.hidden = true;
    if (markAllDone()) { send(); }
  });
  form.querySelector("[data-save-anyway]").addEventListener("click", function () {
    noneBox.hidden = true;
    send();
  });
  form.querySelector("[data-go-sets]").addEventListener("click", function () {
    noneBox.hidden = true;
    var first = doneBoxes()[0];
    move(visible().indexOf(first.closest("[data-step]")) - current);
    first.focus();
  });
  form.querySelector("[data-timer-skip]").addEventListener("click", function () {
    clearInterval(timer);
    form.querySelector("[data-timer]").hidden = true;
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (noneDone()) {  // saved so, the session's sets, pain and notes would be lost
      noneBox.hidden = false;
      // pain and notes go with a session: with either, there is no saving without one
      noneBox.querySelector("[data-save-anyway]").hidden =
        Boolean(form.elements.pain_during.value || form.elements.notes.value.trim());
      noneBox.querySelector("[data-mark-all]").focus();
      return;
    }
    send();
  });
  window.addEventListener("online", function () {
    if (form.classList.contains("waiting")) { form.classList.remove("waiting"); send(); }
  });
  show(current);
  if (restored) {
    status.textContent = "Restored what was entered earlier on this phone.";
    progress.textContent += " · restored from this phone";
  }
})();
