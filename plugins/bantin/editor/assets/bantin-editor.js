/*
 * Bản Tin's side of the editor page, loaded before Sveltia CMS (sveltia-cms.js, vendored from
 * the pinned npm package). It does four things, each through Sveltia's public API or a documented
 * browser mechanism:
 *
 * 1. Nothing is fetched from a CDN. Sveltia fetches its non-English interface strings from
 *    unpkg.com; the site serves the same file (the package's locales/vi.json), so the fetch is
 *    redirected here. Any other unpkg.com request (optional helpers: EXIF reading, SVG
 *    optimisation, HEIC conversion) is refused, and the editor carries on without them.
 * 2. The interface is in Vietnamese unless the person chose another language in its settings.
 * 3. Articles are written in `bantin new`'s YAML style (`bantin.model.frontmatter`), so a file saved in
 *    the browser is the file `bantin new` would have written: same keys, order and quoting.
 * 4. The preview uses the site's own stylesheets, and photos with captions are one block
 *    ("Ảnh có chú thích") written in our caption syntax: `![alt](src)`, caption, `{: .bt-caption }`.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const version = script.dataset.cmsVersion;
  const here = new URL(".", script.src);
  const cdn = "https://unpkg.com/";
  const locales = `${cdn}@sveltia/cms@${version}/locales/`;

  const nativeFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(locales)) {
      return nativeFetch(new URL(`sveltia-cms-${url.slice(locales.length)}`, here), init);
    }
    if (url.startsWith(cdn)) {
      return Promise.reject(new TypeError(`Bản Tin: không tải từ CDN (${url})`));
    }
    return nativeFetch(input, init);
  };

  // Sveltia's stylesheet (a <style> it adds to <head>) takes three fonts from cdn.jsdelivr.net.
  // The icons come from this site instead (the same file, vendored from its npm package); the
  // two text fonts become local() look-ups, so the page uses the computer's fonts, which also
  // have every Vietnamese letter (the CDN's files hold Latin-1 only).
  const FONTS = "https://cdn.jsdelivr.net/fontsource/fonts/";
  const ICONS = new URL("material-symbols-outlined-latin-wght-normal.woff2", here).href;
  const localFonts = (css) =>
    css
      .replace(/url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/material-symbols-outlined[^)]*\)/g, `url(${ICONS})`)
      .replace(/url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/source-sans-3[^)]*\)\s*format\([^)]*\)/g, "local('Source Sans 3')")
      .replace(/url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/noto-mono[^)]*\)\s*format\([^)]*\)/g, "local('Noto Mono')");
  const rewriteStyles = (nodes) => {
    for (const node of nodes) {
      if (node instanceof HTMLStyleElement && node.textContent.includes(FONTS)) {
        node.textContent = localFonts(node.textContent);
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records) rewriteStyles(record.addedNodes);
  }).observe(document.head, { childList: true });

  const PREFS = "sveltia-cms.prefs";
  try {
    const prefs = JSON.parse(localStorage.getItem(PREFS) || "{}") || {};
    if (!prefs.locale) {
      localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: "vi" }));
    }
  } catch {
    // Storage blocked: Sveltia then follows the browser's language.
  }

  window.CMS_MANUAL_INIT = true;

  // --- 3. Front matter as bantin.frontmatter writes it -------------------------------------

  /** Keys in the order of the article contract (bantin.model.article.FIELDS). */
  const ORDER = [
    "title", "date", "unit", "category", "author", "tags", "summary", "cover",
    "cover_caption", "featured", "draft", "slug", "review",
  ];
  const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n]*$/;
  const RISKY = /: |\s#|:$|^\s|\s$/;
  const SPECIAL = new RegExp(
    "^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\\d[\\d_]*)?(?:\\.\\d*)?(?:e[-+]?\\d+)?|" +
      "0x[0-9a-f]+|0o[0-7]+|[-+]?\\.(?:inf|nan)|\\d{4}-\\d{1,2}-\\d{1,2}.*|\\d+:\\d+.*|[\\d_:]+)$",
    "i",
  );
  const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/;

  /** A YAML scalar that reads back as exactly `value` (bantin.model.frontmatter.yaml_scalar). */
  const scalar = (value) =>
    value && PLAIN.test(value) && !RISKY.test(value) && !SPECIAL.test(value)
      ? value
      : JSON.stringify(value);

  const flowItem = (value) => {
    const plain = scalar(value);
    return /[,[\]{}]/.test(plain) ? JSON.stringify(value) : plain;
  };

  const yamlValue = (key, value) => {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (Array.isArray(value)) return `[${value.map((item) => flowItem(String(item))).join(", ")}]`;
    if (typeof value === "number") return String(value);
    if (key === "date" && DATE.test(value)) return value;
    if (typeof value === "object") return JSON.stringify(value);
    return scalar(String(value));
  };

  const clean = (value) =>
    typeof value === "string" ? value.normalize("NFC").replace(/\u00a0/g, " ").trim() : value;

  const empty = (value) =>
    value === undefined || value === null || value === "" || value === false ||
    (Array.isArray(value) && value.length === 0);

  /** The whole file: front matter, a blank line, the body, one final newline. */
  const articleText = (content) => {
    const { body = "", ...fields } = content;
    const keys = [
      ...ORDER.filter((key) => key in fields),
      ...Object.keys(fields).filter((key) => !ORDER.includes(key)),
    ];
    const lines = ["---"];
    for (const key of keys) {
      let value = fields[key];
      if (Array.isArray(value)) value = value.map(clean).filter((item) => !empty(item));
      else value = clean(value);
      // Like `bantin new`, a switch that is off and an empty field are left out.
      if (!empty(value)) lines.push(`${key}: ${yamlValue(key, value)}`);
    }
    lines.push("---");
    const text = String(body).replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "");
    return `${lines.join("\n")}\n\n${text}\n`;
  };

  // --- 4. Photos with captions in our syntax -------------------------------------------------

  /** One paragraph as Markdown that renders back to the same words (bantin.model.frontmatter). */
  const markdownText = (text) => {
    let out = text
      .replace(/([\\`*_[\]])/g, "\\$1")
      .replace(/&(?=#?\w+;)/g, "&amp;")
      .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
      .replace(/\{(?=:)|\{(?=[#.][\w-])/g, "\\{");
    const head = out.match(/^(?:[#>+\-|]|!!!|\d+(?=[.)]\s|[.)]$)|\s)/);
    if (head) {
      out = /\d/.test(head[0][0])
        ? `${head[0]}\\${out.slice(head[0].length)}`
        : `\\${out}`;
    }
    return out;
  };
  const unescapeMarkdown = (text) => text.replace(/\\([\\`*_[\]{#>+\-|!.)])/g, "$1").replace(/&amp;/g, "&").replace(/&lt;/g, "<");
  const escapeHtml = (text) =>
    String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

  const figure = {
    id: "bt-figure",
    label: "Ảnh có chú thích",
    fields: [
      { name: "image", label: "Ảnh", widget: "image", hint: "Ảnh JPEG, PNG hoặc WebP." },
      {
        name: "alt",
        label: "Mô tả ảnh cho người khiếm thị",
        widget: "string",
        hint: "Trong ảnh có gì, ví dụ: Đại biểu phát biểu tại hội nghị.",
      },
      {
        name: "caption",
        label: "Chú thích",
        widget: "string",
        hint: "Dòng chữ in dưới ảnh.",
      },
    ],
    pattern: /^!\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)\n(.+)\n\{: \.bt-caption \}$/m,
    fromBlock: (match) => ({
      alt: unescapeMarkdown(match[1]),
      image: match[2],
      caption: unescapeMarkdown(match[3]),
    }),
    toBlock: ({ image = "", alt = "", caption = "" }) =>
      `![${String(alt).replace(/([\\\]])/g, "\\$1")}](${image})\n` +
      `${markdownText(clean(caption) || "")}\n{: .bt-caption }`,
    toPreview: ({ image = "", alt = "", caption = "" }) =>
      `<p><img src="${escapeHtml(image)}" alt="${escapeHtml(alt)}"></p>` +
      `<p class="bt-caption">${escapeHtml(caption)}</p>`,
  };

  // The article preview in the site's own markup (theme/bantin/article.html: the header, the
  // date line, the cover, the body, the signature), so the site's stylesheets style it.
  const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  const dateLine = (value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value || "");
    if (!match) return "";
    const [, year, month, day, hour, minute] = match;
    const weekday = WEEKDAYS[new Date(Date.UTC(+year, +month - 1, +day)).getUTCDay()];
    return `${weekday}, ${day}/${month}/${year}` + (hour ? `, ${hour}:${minute}` : "");
  };
  /**
   * The body as the site renders it, for the preview: Markdown by the `marked` Sveltia exposes,
   * a caption line followed by `{: .bt-caption }` as the site's caption paragraph, photos shown
   * from the editor's copies, the result cleaned by the `DOMPurify` Sveltia exposes. Null when
   * either is missing (then Sveltia's own rendering of the field is used).
   */
  const bodyHtml = (markdown, getAsset) => {
    const { marked, DOMPurify } = window;
    if (!marked?.parse || !DOMPurify?.sanitize) return null;
    const text = String(markdown || "").replace(
      /^(.+)\n\{: \.bt-caption \}[ \t]*$/gm,
      (_, caption) => `\n\n<p class="bt-caption">${escapeHtml(unescapeMarkdown(caption))}</p>\n\n`,
    );
    const holder = document.createElement("template");
    // DOMPurify's own rule for addresses, plus blob: (a photo uploaded but not yet saved).
    holder.innerHTML = DOMPurify.sanitize(marked.parse(text), {
      ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|blob):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    });
    for (const img of holder.content.querySelectorAll("img")) {
      const asset = getAsset(img.getAttribute("src") || "");
      const url = asset ? String(asset) : "";
      if (url) img.setAttribute("src", url);
    }
    return holder.innerHTML;
  };

  const articlePreview = () => {
    const { h, createClass } = window;
    return createClass({
      render() {
        const { entry, widgetFor, getAsset } = this.props;
        const data = (key) => entry.getIn(["data", key]);
        const cover = data("cover");
        const sep = () => h("span", { className: "bt-dateline__sep", "aria-hidden": "true" }, " · ");
        return h(
          "article",
          { className: "md-content__inner md-typeset" },
          h(
            "header",
            { className: "bt-article__header" },
            h("h1", null, data("title") || ""),
            h(
              "p",
              { className: "bt-dateline" },
              h("time", null, dateLine(data("date"))),
              sep(),
              h("span", { className: "bt-dateline__unit" }, data("unit") || ""),
              sep(),
              h("span", { className: "bt-dateline__category" }, data("category") || ""),
            ),
          ),
          cover
            ? h(
                "figure",
                { className: "bt-cover" },
                h("img", { src: String(getAsset(cover) ?? cover), alt: data("cover_caption") || "" }),
                data("cover_caption") ? h("figcaption", null, data("cover_caption")) : null,
              )
            : null,
          (() => {
            const html = bodyHtml(data("body"), getAsset);
            return html === null
              ? h("div", { className: "bt-article__body" }, widgetFor("body"))
              : h("div", { className: "bt-article__body", dangerouslySetInnerHTML: { __html: html } });
          })(),
          data("author") ? h("p", { className: "bt-author" }, data("author")) : null,
        );
      },
    });
  };

  const start = () => {
    const { CMS } = window;
    CMS.registerPreviewTemplate("articles", articlePreview());
    // Sveltia keeps its own parser for this name; only the writer is ours.
    CMS.registerCustomFormat("yaml-frontmatter", "md", { toFile: articleText });
    for (const href of JSON.parse(script.dataset.previewStyles || "[]")) {
      CMS.registerPreviewStyle(new URL(href, here).href);
    }
    CMS.registerEditorComponent(figure);
    CMS.init();
  };

  // Scripts without `defer` run before DOMContentLoaded, so sveltia-cms.js (the next tag) has
  // defined window.CMS by then.
  document.addEventListener("DOMContentLoaded", start, { once: true });

  window.BantinEditor = { articleText, markdownText };
})();
