// Typed look-ups (zist.core.lookups): matches fetched as you type, picked with the
// mouse, a finger or the keyboard (ARIA combobox with a listbox). Without this file the
// server resolves the text typed, so every form still works.
(() => {
  let counter = 0;

  function setUp(box) {
    const input = box.querySelector("input[role=combobox]");
    const list = box.querySelector("[role=listbox]");
    const status = box.querySelector(".lookup-status");
    const multiple = box.hasAttribute("data-multiple");
    const name = box.dataset.name;
    const hidden = box.querySelector(`input[type=hidden][name="${name}"]`);
    let options = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
      active = index;
      if (index < 0) { input.removeAttribute("aria-activedescendant"); return; }
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function pick(option) {
      const id = option.dataset.id;
      const text = option.textContent;
      if (multiple) {
        if (!box.querySelector(`input[type=checkbox][name="${name}"][value="${id}"]`)) {
          const chip = document.createElement("label");
          chip.className = "lookup-chip";
          const tick = document.createElement("input");
          Object.assign(tick, { type: "checkbox", name, value: id, checked: true });
          chip.append(tick, ` ${text}`);
          box.querySelector(".lookup-chosen").append(chip);
        }
        input.value = "";
      } else {
        if (hidden) hidden.value = id;
        input.value = text;
      }
      close();
      input.focus();
    }

    function show(results, more) {
      list.replaceChildren();
      options = results.map((result) => {
        const option = document.createElement("li");
        option.id = `lookup-${++counter}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.id = result.id;
        option.textContent = result.text;
        // mousedown, not click: the input keeps its focus and does not close the list first.
        option.addEventListener("mousedown", (event) => { event.preventDefault(); pick(option); });
        list.append(option);
        return option;
      });
      const count = results.length + (more ? "+" : "");
      status.textContent = results.length ? box.dataset.found.replace("%(count)s", count) : box.dataset.none;
      list.hidden = !results.length;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      active = -1;
    }

    async function ask() {
      const text = input.value.trim();
      if (!text) { close(); return; }
      const mine = ++asked;
      const url = `${box.dataset.lookup}&q=${encodeURIComponent(text)}`;
      try {
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (!response.ok || mine !== asked) return;
        const data = await response.json();
        if (mine === asked) show(data.results, data.more);
      } catch (error) {
        // Offline or logged out: the server still resolves the text when the form is sent.
      }
    }

    input.addEventListener("input", () => {
      // The id belonged to the text now changed; the server resolves the new text.
      if (hidden) hidden.value = "";
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", (event) => {
      const open = !list.hidden && options.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { ask(); return; }
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        pick(options[active]);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  }

  document.querySelectorAll(".lookup[data-lookup]").forEach(setUp);
})();
