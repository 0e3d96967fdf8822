// Small progressive touches; every page works without this file.
document.documentElement.classList.add("js");
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target.matches && target.matches("select[data-autosubmit]")) target.form.submit();
});
// Only one menu group open at a time, and Escape closes it.
document.addEventListener("toggle", (event) => {
  const opened = event.target;
  if (!opened.classList || !opened.classList.contains("menu-group") || !opened.open) return;
  document.querySelectorAll("details.menu-group[open]").forEach((other) => {
    if (other !== opened) other.open = false;
  });
}, true);
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll("details.menu-group[open]").forEach((menu) => { menu.open = false; });
});
// On a phone the filters would push the register itself below the screen: start them
// folded away unless the list is already filtered (the page works without this).
if (window.matchMedia("(max-width: 40rem)").matches && !window.location.search) {
  document.querySelectorAll("details.filter-panel").forEach((panel) => { panel.open = false; });
}
