// Bản Tin search page: Pagefind, with `đ` folded like a tone and results built as text nodes.
//
// The index holds every `đ` as `d` + U+0335 (see plugins/bantin/search/indexer.py), a mark
// Pagefind folds for matching and keeps for ranking. The query is written the same way; every
// string that comes back is turned back into `đ` before it is shown.
//
// The index is split by publication date (plugins/bantin/search/shards.py). A query searches
// the newest shards first; "Tìm trong các bài cũ hơn" (or a query that finds nothing there)
// extends it to all of them. docs/search.md has the why and the figures.

const STROKE = "\u0335";
const root = document.querySelector(".bt-search");
const form = root.querySelector("form");
const input = form.elements.q;
const facets = root.querySelector(".bt-search__facets");
const selects = [...root.querySelectorAll("select[data-facet]")];
const status = root.querySelector(".bt-search__status");
const list = root.querySelector(".bt-search__results");
const more = root.querySelector(".bt-search__more");
const earlier = root.querySelector(".bt-search__older");
const perPage = Number(root.dataset.perPage) || 10;
// Set by search.html's inline script: the bundle's address, Pagefind's options, and the first
// instance, opened while the page loads.
const started = window.bantinSearch;
const bundle = new URL(started.bundle);
const options = started.options;

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

let setup;
let manifest;
/** The index's shards and facet values (shards.json, written with it, preloaded by
 * search.html) and Pagefind's module. */
function engine() {
  setup ??= Promise.all([
    fetch(new URL("shards.json", bundle)).then((response) => {
      if (!response.ok) throw new Error(`shards.json: ${response.status}`);
      return response.json();
    }),
    import(new URL("pagefind.js", bundle).href),
  ]).then(([shards, module]) => {
    manifest = shards;
    return module;
  });
  return setup;
}

const instances = new Map();
/** One Pagefind instance over some shards (a year, or a part of one, each), merged in. */
function instanceOf(shards) {
  const key = shards.join(",");
  if (!instances.has(key)) instances.set(key, openInstance(shards));
  return instances.get(key);
}

/**
 * The first instance is search.html's; others are opened here the same way. Each starts over
 * the bundle's own index, which holds only a placeholder page: Pagefind fetches its
 * WebAssembly from an instance's first index, so every instance shares one download.
 */
let opening = started.first;
async function openInstance(shards) {
  const module = await engine();
  const opened = opening ?? module.createInstance({ basePath: bundle.pathname, ...options });
  opening = undefined;
  const instance = await opened;
  await Promise.all(
    shards.map((shard) => instance.mergeIndex(new URL(`${shard}/`, bundle).pathname, options)),
  );
  return instance;
}

/** The years of some shards. */
function yearsOf(shards) {
  return manifest.shards.filter((shard) => shards.includes(shard.name)).map((shard) => shard.year);
}

/**
 * The shards a query searches, in groups of one instance each, and the older ones it leaves
 * for the button: the newest first (manifest.recent); all of them once the reader asked for
 * the older years; only its own with a year chosen.
 */
async function plan(year, older) {
  await engine();
  const all = manifest.shards.map((shard) => shard.name);
  const earlier = all.filter((shard) => !manifest.recent.includes(shard));
  if (year) {
    const chosen = manifest.shards.filter((shard) => String(shard.year) === year);
    return { groups: [chosen.map((shard) => shard.name)], earlier: [] };
  }
  if (older || !earlier.length) {
    return { groups: [manifest.recent, earlier].filter((group) => group.length), earlier: [] };
  }
  return { groups: [manifest.recent], earlier };
}

/** Every group searched at once, merged by score as Pagefind merges indexes. */
async function searchGroups(groups, term, filters) {
  const search = (word, options) =>
    Promise.all(groups.map(async (shards) => (await instanceOf(shards)).search(word, options)));
  const words = term && !/^\s*".+"\s*$/.test(term) ? term.split(/\s+/).filter(Boolean) : [];
  // Pagefind leaves out a query word its index does not hold, and each shard is an index of
  // its own: "sang tao" would find every "Sáng" of a year without "tạo". Over several shards,
  // each word is searched alone too (its chunks are loaded already), and a word stays out only
  // when none of the shards searched holds it, as in one index of them all. One shard (a first
  // query, usually) is one index: Pagefind's own results are those already.
  const alone = words.length > 1 && groups.flat().length > 1 ? words : [];
  const [found, ...each] = await Promise.all([
    search(term, { filters }),
    ...alone.map((word) => search(word, {})),
  ]);
  let results = found.flatMap((one) => one.results);
  for (const pages of each) {
    const ids = new Set(pages.flatMap((one) => one.results.map((result) => result.id)));
    if (ids.size) results = results.filter((result) => ids.has(result.id));
  }
  return results
    .filter((result) => result.id !== manifest.placeholder)
    .sort((a, b) => b.score - a.score);
}

/** "2016–2023", or "2024" for one year. */
function range(years) {
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return first === last ? String(first) : `${first}–${last}`;
}

/** Where the search ran, for the status line: "từ tháng 10/2025", "trong mọi năm (2016–2025)". */
function coverage(shards, year, all) {
  if (year) return `trong năm ${year}`;
  const years = yearsOf(shards);
  if (all) return new Set(years).size > 1 ? `trong mọi năm (${range(years)})` : `trong năm ${years[0]}`;
  const oldest = manifest.shards.filter((shard) => shards.includes(shard.name)).at(-1);
  return oldest.month ? `từ tháng ${oldest.month}/${oldest.year}` : `từ năm ${oldest.year}`;
}

/** The older shards' period, for the button: "2016–2023", "2016 – 9/2025". */
function before(earlier, recent) {
  const first = Math.min(...yearsOf(earlier));
  const start = manifest.shards.filter((shard) => recent.includes(shard.name)).at(-1);
  const last = start.month > 1 ? `${start.month - 1}/${start.year}` : String(start.year - 1);
  return first === Number(last) ? last : `${first}${last.includes("/") ? " – " : "–"}${last}`;
}

let facetsFilled;
/** The facets' values, from shards.json: no shard's filter tables are needed to list them. */
function fillFacets() {
  facetsFilled ??= engine().then(() => {
    const values = {
      category: manifest.categories,
      unit: manifest.units,
      type: manifest.types,
      year: [...new Set(manifest.shards.map((shard) => String(shard.year)))],
    };
    for (const select of selects) {
      // A facet with nothing to choose (no documents: no "Loại") is not offered.
      select.closest("label").hidden = !(values[select.dataset.facet] || []).length;
      for (const value of values[select.dataset.facet] || []) {
        const option = element("option", null, value);
        option.value = value;
        select.append(option);
      }
    }
  });
  return facetsFilled;
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    // A year chooses the shards searched (plan); it is not a filter.
    if (select.value && select.dataset.facet !== "year") {
      filters[select.dataset.facet] = toIndex(select.value);
    }
  }
  return filters;
}

let shown = [];
let generation = 0;
let lastQuery = "";

/**
 * The next results, in two steps: the first as soon as its fragment has arrived, the others
 * once all theirs have (one layout each, not one per result). `fresh` replaces the previous
 * query's results. Resolves to the first new result's element.
 */
async function showMore(results, run, fresh = false) {
  const batch = results.slice(shown.length, shown.length + perPage);
  shown = results.slice(0, shown.length + batch.length);
  if (fresh) more.hidden = true;
  const [head, ...rest] = batch.map((result) => result.data());
  const first = head && resultItem(await head);
  if (run !== generation) return;
  if (fresh) list.replaceChildren(...(first ? [first] : []));
  else if (first) list.append(first);
  const others = await Promise.all(rest);
  if (run !== generation) return;
  list.append(...others.map(resultItem));
  more.hidden = shown.length >= results.length;
  return first;
}

let older = false;
let searched = null;

/** Search, and show the first results; resolves to the first result's element. */
async function run() {
  const query = input.value.trim();
  const filters = chosenFilters();
  const year = root.querySelector("select[data-facet=year]").value;
  const current = ++generation;
  // A new query starts again from the newest years.
  if (searched !== null && query !== searched) older = false;
  searched = lastQuery = query;
  shown = [];
  if (!query && !Object.keys(filters).length && !year) {
    list.replaceChildren();
    status.textContent = "";
    more.hidden = earlier.hidden = true;
    return;
  }
  status.textContent = "Đang tìm…";
  const term = query ? toIndex(query) : null;
  let { groups, earlier: rest } = await plan(year, older);
  let results = await searchGroups(groups, term, filters);
  if (!results.length && rest.length) {
    // Nothing in the newest years: a reader would ask for the older ones next.
    ({ groups, earlier: rest } = await plan(year, (older = true)));
    results = await searchGroups(groups, term, filters);
  }
  if (current !== generation) return;
  // Keyboard and screen-reader users land on the first of the new results.
  more.onclick = () => showMore(results, current).then((item) => item?.querySelector("a").focus());
  const first = await showMore(results, current, true);
  if (current !== generation) return;
  earlier.hidden = !rest.length;
  earlier.textContent = rest.length
    ? `Tìm trong các bài cũ hơn (${before(rest, groups.flat())})`
    : "";
  // Announced once the results are on the page, so a screen reader can go on to them.
  const count = results.length;
  const shards = groups.flat();
  const where = shards.length ? ` ${coverage(shards, year, !rest.length)}` : "";
  const about = (query ? ` cho “${query}”` : "") + where;
  status.textContent = count
    ? `Tìm thấy ${count.toLocaleString("vi-VN")} bài viết${about}.`
    : `Không tìm thấy bài viết nào${about}. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.`;
  return first;
}

function remember() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  if (older) params.set("older", "1");
  const address = params.toString() ? `?${params}` : location.pathname;
  history.replaceState(null, "", address);
}

let timer;
function schedule(delay, then) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    run()
      .then((first) => {
        remember();
        then?.(first);
      })
      .catch(fail);
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
  const query = input.value.trim();
  if (setup && query) {
    const year = root.querySelector("select[data-facet=year]").value;
    plan(year, false)
      .then(({ groups }) => groups[0] && instanceOf(groups[0]))
      .then((instance) => instance?.preload(toIndex(query)))
      .catch(fail);
  }
  schedule(250);
});
selects.forEach((select) => select.addEventListener("change", () => schedule(0)));
earlier.addEventListener("click", () => {
  older = true;
  schedule(0, (first) => first?.querySelector("a").focus());
});

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
older = params.has("older");
const chosen = selects.some((select) => params.get(select.name));
fillFacets()
  .then(() => {
    for (const select of selects) select.value = params.get(select.name) || "";
    facets.open ||= chosen;
    root.dataset.ready = "";
    if (input.value || chosen) schedule(0);
    // The newest years' instance, ready before the reader has finished typing.
    return plan(params.get("year"), false).then(({ groups }) => groups[0] && instanceOf(groups[0]));
  })
  .catch(fail);
