// The register's filter, faster: kind, year and unit combined on the page, from the register's
// JSON (loaded once, on the first change). Without this script the filter links still work.
(function () {
  const nav = document.querySelector(".bt-docfilter");
  const list = document.querySelector(".bt-docs__list");
  if (!nav || !list || !window.fetch) return;
  const base = new URL(nav.dataset.base, location.href);
  const form = document.createElement("form");
  form.className = "bt-docfilter__form";
  const selects = [...nav.querySelectorAll("details[data-filter]")].map((group) => {
    const label = document.createElement("label");
    const select = document.createElement("select");
    select.name = group.dataset.filter;
    select.append(new Option("Tất cả", ""));
    for (const link of group.querySelectorAll("a[data-value]")) {
      select.append(new Option(link.textContent, link.dataset.value, false, link.hasAttribute("aria-current")));
    }
    label.append(`${group.querySelector("summary").textContent} `, select);
    form.append(label);
    return select;
  });
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  form.append(status);
  nav.before(form);
  let register;
  const keys = { kind: "k", year: "y", unit: "u" };
  form.addEventListener("change", async () => {
    register ??= await (await fetch(new URL(nav.dataset.register, location.href))).json();
    const chosen = selects.filter((select) => select.value);
    const found = register.filter((doc) => chosen.every((s) => doc[keys[s.name]] === s.value));
    const items = found.slice(0, 100).map((doc) => {
      const item = document.createElement("li");
      item.className = "bt-doc";
      const heading = document.createElement("h3");
      heading.className = "bt-doc__number";
      const link = document.createElement("a");
      link.href = new URL(doc.url, base).href;
      link.textContent = doc.t;
      heading.append(link);
      const line = document.createElement("p");
      line.className = "bt-doc__line";
      line.textContent = doc.d;
      const summary = document.createElement("p");
      summary.className = "bt-doc__summary";
      summary.textContent = doc.s;
      item.append(heading, line, summary);
      return item;
    });
    list.replaceChildren(...items);
    document.querySelector(".bt-pagination")?.setAttribute("hidden", "");
    status.textContent = `${found.length} văn bản` + (found.length > 100 ? " (hiện 100 văn bản mới nhất)" : "");
  });
})();
