// Enquiry categories on a voice: a search box over the grouped list. The list works
// without it; this only hides the categories (and groups) that do not match what is
// typed, by name, description or the words that suggest each. Checked categories
// always stay in view.
for (const list of document.querySelectorAll('[data-module="coproduce-category-search"]')) {
  const groups = list.querySelectorAll(".coproduce-category-group");
  if (groups.length < 2) continue;
  const field = document.createElement("div");
  field.className = "nhsuk-form-group nhsuk-u-margin-bottom-3";
  const id = "category-search";
  field.innerHTML =
    `<label class="nhsuk-label" for="${id}">Find a category</label>` +
    `<input class="nhsuk-input nhsuk-u-width-two-thirds" id="${id}" type="search" autocomplete="off">` +
    `<p class="nhsuk-body-s nhsuk-u-margin-top-1" id="${id}-status" aria-live="polite"></p>`;
  groups[0].before(field);
  const input = field.querySelector("input");
  const status = field.querySelector("p");
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const group of groups) {
      if (group.dataset.otherFramework === "true") continue; // another service's framework
      let inGroup = 0;
      for (const item of group.querySelectorAll(".nhsuk-checkboxes__item")) {
        // Its name, and its description and the words that suggest it ("waiting" finds
        // Timeliness of care).
        const text = `${item.textContent} ${item.dataset.search || ""}`.toLowerCase();
        const box = item.querySelector("input");
        const match = box.checked || words.every((word) => text.includes(word));
        item.hidden = !match;
        if (match) inGroup += 1;
      }
      group.hidden = inGroup === 0;
      shown += inGroup;
    }
    status.textContent = words.length ? `${shown} categories shown` : "";
  });
}
