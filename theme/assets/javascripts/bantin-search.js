// Bản Tin search page: Pagefind, with `đ` folded like a tone and results built as text nodes.
//
// The index holds every `đ` as `d` + U+0335 (see plugins/bantin/search/indexer.py), a mark
// Pagefind folds for matching and keeps for ranking. The query is written the same way; every
// string that comes back is turned back into `đ` before it is shown.

const STROKE = "\u0335";
const root = document.querySelector(".bt-search");
const form = root.querySelector("form");
const input = form.elements.q;
const facets = root.querySelector(".bt-search__facets");
const selects = [...root.querySelectorAll("select[data-facet]")];
const status = root.querySelector(".bt-search__status");
const list = root.querySelector(".bt-search__results");
const more = root.querySelector(".bt-search__more");
const perPage = Number(root.dataset.perPage) || 10;
const bundle = new URL(root.dataset.bundle, location.href);

/** A reader's text in the index's spelling: NFC (NFD keyboards), `đ` as `d` + U+0335. */
export function toIndex(text) {
  return text.normalize("NFC").replace(/đ/g, "d" + STROKE).replace(/Đ/g, "D" + STROKE);
}

/** The index's spelling back into Vietnamese. */
export function fromIndex(text) {
  return String(text ?? "").replace(/([dD])\u0335/g, (_, d) => (d === "d" ? "đ" : "Đ"));
}

/** Entities decoded, tags kept as text: a textarea parses its content as text only. */
function plain(html) {
  const decoder = document.createElement("textarea");
  decoder.innerHTML = html;
  return decoder.value;
}

/** Pagefind's excerpt as nodes: its <mark> become ours, everything else is text. */
function excerptNodes(excerpt) {
  const nodes = [];
  fromIndex(excerpt)
    .split(/(<mark>.*?<\/mark>)/s)
    .forEach((part) => {
      const marked = part.match(/^<mark>(.*)<\/mark>$/s);
      if (marked) {
        const mark = document.createElement("mark");
        mark.textContent = plain(marked[1]);
        nodes.push(mark);
      } else if (part) {
        nodes.push(document.createTextNode(plain(part)));
      }
    });
  return nodes;
}

/** For comparing words only: no tones or letter marks, `đ` as `d`, lower case. */
function fold(text) {
  return fromIndex(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/**
 * The article's summary with the query's words marked, compared without tones. Pagefind's own
 * excerpt is cut from the indexed copy, where words after the lede are kept once per article
 * (indexer.py), so past the lede it would read as broken text.
 */
function summaryNodes(summary, query) {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const last = words[words.length - 1];
  return summary
    .split(/([\p{L}\p{N}]+)/u)
    .filter(Boolean)
    .map((part) => {
      const folded = fold(part);
      const hit = words.includes(folded) || (last?.length > 2 && folded.startsWith(last));
      return hit ? element("mark", null, part) : document.createTextNode(part);
    });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function resultItem(data) {
  const item = element("li", "bt-search__result");
  const article = element("article");
  const heading = element("h2");
  const link = element("a", null, fromIndex(data.meta.title));
  link.href = data.url;
  heading.append(link);
  const line = element("p", "bt-dateline");
  const parts = [data.meta.date, data.meta.unit, data.meta.category].filter(Boolean);
  parts.forEach((part, index) => {
    if (index) line.append(element("span", "bt-dateline__sep", " · "));
    line.append(element("span", null, fromIndex(part)));
  });
  const excerpt = element("p", "bt-search__excerpt");
  const summary = fromIndex(data.meta.summary || "");
  excerpt.append(...(summary ? summaryNodes(summary, lastQuery) : excerptNodes(data.excerpt)));
  article.append(heading, line, excerpt);
  item.append(article);
  return item;
}

let pagefind;
async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({
      baseUrl: new URL("..", bundle).pathname,
      ranking: {
        termSimilarity: Number(root.dataset.termSimilarity),
        pageLength: Number(root.dataset.pageLength),
      },
    });
  }
  return pagefind;
}

let facetsFilled;
/** The facets' values, loaded when a reader opens them: a first query does not pay for them. */
function fillFacets() {
  facetsFilled ??= loadFacets();
  return facetsFilled;
}

async function loadFacets() {
  const available = await (await engine()).filters();
  for (const select of selects) {
    const values = Object.keys(available[select.dataset.facet] || {});
    const collator = new Intl.Collator("vi", { numeric: true });
    values.sort((a, b) =>
      select.dataset.facet === "year" ? b.localeCompare(a) : collator.compare(fromIndex(a), fromIndex(b)),
    );
    for (const value of values) {
      const option = element("option", null, fromIndex(value));
      option.value = fromIndex(value);
      select.append(option);
    }
  }
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    if (select.value) filters[select.dataset.facet] = toIndex(select.value);
  }
  return filters;
}

let shown = [];
let generation = 0;
let lastQuery = "";

async function showMore(results, run) {
  const batch = results.slice(shown.length, shown.length + perPage);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (run !== generation) return;
  shown = shown.concat(data);
  const items = data.map(resultItem);
  list.append(...items);
  more.hidden = shown.length >= results.length;
  return items[0];
}

async function run() {
  const query = input.value.trim();
  const filters = chosenFilters();
  const current = ++generation;
  lastQuery = query;
  shown = [];
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = true;
    return;
  }
  status.textContent = "Đang tìm…";
  const search = await (await engine()).search(query ? toIndex(query) : null, { filters });
  if (current !== generation) return;
  list.replaceChildren();
  // Keyboard and screen-reader users land on the first of the new results.
  more.onclick = () =>
    showMore(search.results, current).then((item) => item?.querySelector("a").focus());
  await showMore(search.results, current);
  if (current !== generation) return;
  // Announced once the results are on the page, so a screen reader can go on to them.
  const count = search.results.length;
  const about = query ? ` cho “${query}”` : "";
  status.textContent = count
    ? `Tìm thấy ${count.toLocaleString("vi-VN")} bài viết${about}.`
    : `Không tìm thấy bài viết nào${about}. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.`;
}

function remember() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  const address = params.toString() ? `?${params}` : location.pathname;
  history.replaceState(null, "", address);
}

let timer;
function schedule(delay) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    remember();
    run().catch(fail);
  }, delay);
}

function fail(error) {
  status.textContent = "Không tải được bộ tìm kiếm. Vui lòng thử lại sau.";
  console.warn(error);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  schedule(0);
});
input.addEventListener("input", () => {
  // Fetch the index chunks for the words typed so far while the reader is still typing.
  if (pagefind && input.value.trim()) pagefind.preload(toIndex(input.value.trim()));
  schedule(250);
});
selects.forEach((select) => select.addEventListener("change", () => schedule(0)));

facets.addEventListener("toggle", () => facets.open && fillFacets().catch(fail));

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
const chosen = selects.some((select) => params.get(select.name));
(chosen ? fillFacets() : engine())
  .then(() => {
    for (const select of selects) select.value = params.get(select.name) || "";
    facets.open ||= chosen;
    root.dataset.ready = "";
    if (input.value || chosen) schedule(0);
  })
  .catch(fail);
