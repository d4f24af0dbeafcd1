// Live mode: the camera picture goes to the coach's own server a few times a second, as
// a small JPEG; the server finds the person, runs the hinge rules of the Python core on
// the set so far and answers landmarks, angles, reps and cues. This script only
// captures, draws what the server answers, speaks its words, and records the clip
// (MediaRecorder) for "Save the clip", which is an ordinary upload.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root) { return; }
  function $(id) { return document.getElementById(id); }
  var LONG_SIDE = 320;  // pixels sent: the pose model looks at a 256 px region anyway
  var QUALITY = 0.7;
  // What the skeleton joins (BlazePose's landmark numbering); drawing only.
  var BONES = [[11, 12], [11, 23], [12, 24], [23, 24], [11, 13], [13, 15], [12, 14],
    [14, 16], [23, 25], [25, 27], [27, 29], [29, 31], [27, 31], [24, 26], [26, 28],
    [28, 30], [30, 32], [28, 32], [0, 11], [0, 12]];
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]").value;
  var interval = 1000 / (Number(root.dataset.fps) || 10);
  var video = $("live-video"), overlay = $("live-overlay");
  var grab = document.createElement("canvas");
  var state = { session: null, stream: null, recorder: null, chunks: [], running: false,
    loop: null, started: 0, sent: 0, bytes: 0, delays: [] };

  var camera = window.isSecureContext && navigator.mediaDevices &&
    typeof navigator.mediaDevices.getUserMedia === "function";
  if (!camera) {
    $("live-unavailable").hidden = false;
    $("live-start").disabled = true;
    return;
  }

  function sleep(ms) { return new Promise(function (done) { setTimeout(done, ms); }); }

  function say(text) { $("live-problem").textContent = text || ""; }

  function stats() {
    root.dataset.sent = String(state.sent);
    root.dataset.bytes = String(state.bytes);
    root.dataset.seconds = String(((performance.now() - state.started) / 1000).toFixed(2));
    root.dataset.delays = state.delays.map(function (d) { return d.toFixed(2); }).join(" ");
  }

  function post(url, body, type) {
    var headers = { "X-CSRFToken": csrf };
    if (type) { headers["Content-Type"] = type; }
    return fetch(url, { method: "POST", body: body, headers: headers,
      credentials: "same-origin" });
  }

  function recorderType() {
    var types = ["video/webm;codecs=vp8", "video/webm;codecs=vp9", "video/webm"];
    for (var i = 0; i < types.length; i++) {
      if (window.MediaRecorder && MediaRecorder.isTypeSupported(types[i])) { return types[i]; }
    }
    return "";
  }

  async function start() {
    $("live-start").disabled = true;
    say("");
    try {
      state.stream = await navigator.mediaDevices.getUserMedia(
        { video: { facingMode: "environment" }, audio: false });
    } catch (error) {
      say("The camera could not be opened (" + error.name + "). Allow the camera for this " +
        "page, or film the test instead.");
      $("live-start").disabled = false;
      return;
    }
    video.srcObject = state.stream;
    await video.play();
    var response = await post(root.dataset.start,
      JSON.stringify({ exercise: $("live-exercise").value }), "application/json");
    var body = await response.json();
    if (!response.ok) {
      say(body.message);
      $("live-start").disabled = false;
      return;
    }
    state.session = root.dataset.start + body.session + "/";
    $("live-exercise").disabled = true;  // the set is read as the exercise it started as
    var type = recorderType();
    if (type) {
      state.recorder = new MediaRecorder(state.stream, { mimeType: type });
      state.recorder.ondataavailable = function (event) {
        if (event.data && event.data.size) { state.chunks.push(event.data); }
      };
      state.recorder.start(1000);
    }
    state.started = performance.now();
    state.running = true;
    $("live-start").hidden = true;
    $("live-stop").hidden = false;
    $("cue-head").textContent = "Go when ready.";
    // The running set fits one screen (live.css): the picture, count, cue and End the set.
    root.classList.add("live-running");
    if ($("live-stop").getBoundingClientRect().bottom > window.innerHeight) {
      $("live-stage").scrollIntoView({ block: "start" });
    }
    state.loop = run();
  }

  async function run() {
    while (state.running) {
      var began = performance.now();
      try {
        await send(began - state.started);
      } catch (error) {
        say("The server did not answer (" + error.message + "); trying again.");
      }
      var wait = interval - (performance.now() - began);
      if (wait > 0) { await sleep(wait); }
    }
  }

  function picture() {
    var width = video.videoWidth, height = video.videoHeight;
    var scale = Math.min(1, LONG_SIDE / Math.max(width, height));
    grab.width = Math.round(width * scale);
    grab.height = Math.round(height * scale);
    grab.getContext("2d").drawImage(video, 0, 0, grab.width, grab.height);
    return new Promise(function (done) { grab.toBlob(done, "image/jpeg", QUALITY); });
  }

  async function send(tMs) {
    if (!video.videoWidth) { return; }
    var jpeg = await picture();
    var response = await post(state.session + "pictures/?t_ms=" + Math.round(tMs), jpeg,
      "image/jpeg");
    state.sent += 1;
    state.bytes += jpeg.size;
    var body = await response.json();
    if (!response.ok) {
      say(body.message);
      return;
    }
    show(body);
    stats();
  }

  function angle(value) { return value === null ? "–" : Math.round(value) + "°"; }

  function show(answer) {
    $("rep-count").textContent = String(answer.reps);
    $("angle-hip").textContent = angle(answer.angles.hip);
    $("angle-knee").textContent = angle(answer.angles.knee);
    $("angle-trunk").textContent = angle(answer.angles.trunk);
    say(answer.points ? answer.problem : "No one found in the picture: step into view.");
    draw(answer.points);
    answer.cues.forEach(cue);
  }

  function cue(words) {
    $("cue-head").textContent = words.headline;
    $("cue-fix").textContent = words.fix;
    var item = document.createElement("li");
    item.textContent = words.headline + (words.fix ? ". " + words.fix : "");
    $("live-cues").appendChild(item);
    state.delays.push((performance.now() - state.started) / 1000 - words.end_s);
    if ($("live-speak").checked && window.speechSynthesis) {
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(
        words.headline + (words.fix ? ". " + words.fix : "")));
    }
  }

  function draw(points) {
    var box = overlay.getBoundingClientRect();
    overlay.width = Math.round(box.width);
    overlay.height = Math.round(box.height);
    var pen = overlay.getContext("2d");
    pen.clearRect(0, 0, overlay.width, overlay.height);
    if (!points) { return; }
    function at(i) { return [points[i][0] * overlay.width, points[i][1] * overlay.height]; }
    pen.lineWidth = Math.max(3, overlay.width / 120);
    pen.strokeStyle = "#f0b429";
    BONES.forEach(function (bone) {
      if (points[bone[0]][2] < 0.5 || points[bone[1]][2] < 0.5) { return; }
      var a = at(bone[0]), b = at(bone[1]);
      pen.beginPath();
      pen.moveTo(a[0], a[1]);
      pen.lineTo(b[0], b[1]);
      pen.stroke();
    });
    pen.fillStyle = "#ffffff";
    points.forEach(function (point, i) {
      if (point[2] < 0.5 || i < 11) { return; }
      var p = at(i);
      pen.beginPath();
      pen.arc(p[0], p[1], pen.lineWidth, 0, 2 * Math.PI);
      pen.fill();
    });
  }

  function recorded() {
    return new Promise(function (done) {
      if (!state.recorder || state.recorder.state === "inactive") { done(); return; }
      state.recorder.onstop = function () { done(); };
      state.recorder.stop();
    });
  }

  async function stop() {
    $("live-stop").disabled = true;
    state.running = false;
    await state.loop;
    await recorded();
    state.stream.getTracks().forEach(function (track) { track.stop(); });
    draw(null);
    stats();
    var response = await post(state.session + "end/", "", "application/json");
    var body = await response.json();
    $("live-stop").hidden = true;
    // The stopped camera would leave an empty black box above the summary.
    root.classList.remove("live-running");
    root.classList.add("live-ended");
    $("live-summary").hidden = false;
    if (!response.ok) {
      $("summary-line").textContent = body.message;
      return;
    }
    summary(body);
  }

  function summary(body) {
    // Ending may count a last rep the final pictures cut short: show and speak it too.
    $("rep-count").textContent = String(body.reps);
    body.cues.slice($("live-cues").children.length).forEach(cue);
    var line = body.reps === 1 ? "1 rep." : body.reps + " reps.";
    if (!body.reps) { line = "No rep counted."; }
    $("summary-line").textContent = line;
    var list = $("summary-cues");
    list.textContent = "";
    body.cues.forEach(function (words) {
      var item = document.createElement("li");
      item.textContent = words.headline + (words.fix ? ". " + words.fix : "");
      list.appendChild(item);
    });
    if (!state.chunks.length) {
      $("live-save").hidden = true;
      $("save-status").textContent = "This browser cannot record the camera, so there is " +
        "no clip to save.";
    }
  }

  async function save() {
    $("live-save").disabled = true;
    $("save-status").textContent = "Sending the clip…";
    var type = state.chunks[0].type || "video/webm";
    var stamp = new Date().toISOString().slice(0, 16).replace("T", " ").replace(":", "h");
    var form = new FormData();
    form.append("file", new File(state.chunks, "live " + stamp + ".webm", { type: type }));
    form.append("exercise", $("live-exercise").value);
    form.append("csrfmiddlewaretoken", csrf);
    var response = await fetch(root.dataset.upload, { method: "POST", body: form,
      credentials: "same-origin" });
    if (response.ok && /\/clips\/\d+\/$/.test(new URL(response.url).pathname)) {
      window.location.assign(response.url);
      return;
    }
    $("save-status").textContent = "The clip was not accepted; try again, or film the " +
      "test and upload it.";
    $("live-save").disabled = false;
  }

  $("live-start").addEventListener("click", start);
  $("live-stop").addEventListener("click", stop);
  $("live-save").addEventListener("click", save);
})();
