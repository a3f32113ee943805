// Recording feedback, where services use different category frameworks: once a service
// is chosen, only its framework's categories are shown (a service with none set, or no
// service, uses the default). Without this, every framework in use is listed and the
// server refuses a category of another framework, saying which.
for (const list of document.querySelectorAll("[data-service-frameworks]")) {
  const services = JSON.parse(list.dataset.serviceFrameworks);
  const fallback = list.dataset.defaultFramework;
  const form = list.closest("form");
  const show = () => {
    const chosen = form.querySelector('input[name="team"]:checked');
    const framework = (chosen && services[chosen.value]) || fallback;
    for (const group of list.querySelectorAll("[data-framework]")) {
      const ticked = group.querySelector("input:checked");
      const other = group.dataset.framework !== framework && !ticked;
      group.dataset.otherFramework = String(other); // the search leaves these hidden
      group.hidden = other;
    }
  };
  form.addEventListener("change", (event) => {
    if (event.target.name === "team") show();
  });
  show();
}
