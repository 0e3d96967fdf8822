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
// The header's "Menu" (details.site-menu) is always open on a wide screen; the
// stylesheet does that with ::details-content where the browser has it, this for others.
(() => {
  const menu = document.querySelector("details.site-menu");
  if (!menu) return;
  const wide = window.matchMedia("(min-width: 40.01rem)");
  const supported = CSS.supports && CSS.supports("selector(::details-content)");
  const sync = () => { if (wide.matches && !supported) menu.open = true; };
  sync();
  wide.addEventListener("change", sync);
})();
