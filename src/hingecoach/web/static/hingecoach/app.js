// A one-time value (a new token or link) is selected whole when it gets focus, to copy.
document.addEventListener("focusin", (event) => {
  if (event.target.matches("input.token")) event.target.select();
});
