// Start the NHS.UK frontend's components (an ES module; no inline script needed).
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

initAll();

// The demo's code page, when the next code is not yet accepted: count down, then show it.
for (const countdown of document.querySelectorAll("[data-countdown]")) {
  let seconds = Number(countdown.dataset.countdown);
  const timer = setInterval(() => {
    seconds -= 1;
    if (seconds <= 0) {
      clearInterval(timer);
      window.location.reload();
    } else {
      countdown.textContent = seconds === 1 ? "1 second" : `${seconds} seconds`;
    }
  }, 1000);
}
