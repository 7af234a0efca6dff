// The document page: show or hide what cleaning removed.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("toggle-removed");
  const raw = document.getElementById("raw");
  if (!button || !raw) return;
  const label = button.textContent;
  button.addEventListener("click", () => {
    raw.hidden = !raw.hidden;
    button.setAttribute("aria-expanded", String(!raw.hidden));
    button.textContent = raw.hidden ? label : "Hide what cleaning removed";
  });
});
