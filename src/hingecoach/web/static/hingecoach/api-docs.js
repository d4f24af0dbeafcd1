// "Try it" on the API documentation page: an operation's form is sent as the real request
// (with the signed-in session, or only with the API token typed at the top of the page, as
// an integrator's program would send it) and the answer is shown as it came, errors too.
// A plain fetch rather than htmx: htmx swaps HTML into the page, and these answers are
// JSON to show as text (textContent, so nothing in an answer is ever read as markup).
(() => {
  const settings = document.getElementById("api-try-settings");
  if (!settings) return;
  const token = document.getElementById("api-token");

  function target(form) {
    let path = form.dataset.path;
    for (const input of form.querySelectorAll("[data-in=path]")) {
      path = path.replace(`{${input.name}}`, encodeURIComponent(input.value.trim()));
    }
    const query = new URLSearchParams();
    for (const input of form.querySelectorAll("[data-in=query]")) {
      if (input.value.trim() !== "") query.append(input.name, input.value.trim());
    }
    const search = query.toString();
    return search ? `${path}?${search}` : path;
  }

  function multipart(fields) {
    const body = new FormData();
    for (const field of fields) {
      if (field.type === "file") {
        if (field.files.length) body.append(field.name, field.files[0]);
      } else if (field.value.trim() !== "") {
        body.append(field.name, field.value.trim());
      }
    }
    return body;
  }

  function request(form) {
    const method = form.dataset.method;
    const headers = { Accept: "application/json" };
    const pasted = token ? token.value.trim() : "";
    // With a token, the session's cookies stay behind: the answer is what the token gets.
    const init = { method, headers, credentials: pasted ? "omit" : "same-origin" };
    if (pasted) headers.Authorization = `Bearer ${pasted}`;
    else if (method !== "GET") headers["X-CSRFToken"] = settings.dataset.csrf;
    const json = form.querySelector("[data-in=body]");
    const fields = form.querySelectorAll("[data-in=form]");
    if (json) {
      headers["Content-Type"] = "application/json";
      init.body = json.value;  // sent as typed: unreadable JSON gets the API's own answer
    } else if (fields.length) {
      init.body = multipart(fields);
    }
    return init;
  }

  function pretty(text) {
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }

  async function send(form) {
    const answer = form.parentElement.querySelector(".api-answer");
    const status = answer.querySelector(".api-status");
    const body = answer.querySelector(".api-json");
    const url = target(form);
    status.textContent = `Sending ${form.dataset.method} ${url}…`;
    body.hidden = true;
    try {
      const response = await fetch(url, request(form));
      const text = await response.text();
      const words = `${response.status} ${response.statusText}`.trim();
      status.textContent = `${form.dataset.method} ${url}: ${words}${text ? "" : " (no body)"}`;
      body.textContent = pretty(text);
      body.hidden = text === "";
    } catch (error) {
      status.textContent = `${form.dataset.method} ${url}: no answer (${error.message})`;
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form.api-try-form");
    if (!form) return;
    event.preventDefault();
    send(form);
  });
})();
