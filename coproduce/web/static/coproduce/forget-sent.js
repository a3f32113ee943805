// A form marked data-forget-once-sent (the public feedback form) is shown empty when the
// browser comes Back (or Forward) to it after it was sent: on a shared or public computer
// the next person must not read someone's feedback and email address by pressing Back
// (found by a fresh-eyes trial). Its page is never kept (Cache-Control: no-store), but
// the browser still puts back what was typed into the fields of the page it fetches again.
//
// The mark is kept on the history entry of the page that sent the form, so only that page
// is emptied: a form the service refused comes back on a page of its own with what was
// typed, and a draft not yet sent is still there after Back.
//
// Loaded before init.js, so that this runs before the NHS.UK components draw themselves
// again on "pageshow" (the revealed contact fields, the character count).
const SENT = "formSent";

for (const form of document.querySelectorAll("form[data-forget-once-sent]")) {
  form.addEventListener("submit", () => {
    history.replaceState({ ...history.state, [SENT]: true }, "");
  });
}

window.addEventListener("pageshow", () => {
  if (!history.state?.[SENT]) return;
  for (const form of document.querySelectorAll("form[data-forget-once-sent]")) form.reset();
  const { [SENT]: _sent, ...rest } = history.state;
  history.replaceState(rest, "");
});
