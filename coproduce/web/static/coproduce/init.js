// Start the NHS.UK frontend's components (an ES module; no inline script needed).
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

initAll();
