"""Rendered pages kept in `.cache/bantin/pages/`, reused only when nothing they read changed.

Rendering Material's templates is the largest per-page cost, and after one edit every other page
would render to the same bytes again. A page's HTML (before `on_post_page`) is a function
of the template sources, the Jinja environment's globals and filters, and the template context.
The key here covers each of them:

- the installed packages and the files of the theme folders outside site-packages;
- the config and, for the `catalog` global, every article except its body (so any change to
  which articles exist, their titles, summaries, tags or addresses invalidates every page);
- every context variable that some template of the theme names (found by parsing them), each by
  value: the page with its content and toc, the nav with its active flags, the config, and what
  plugins added (an index page's list of articles, an article's related news), field by field;
- the bodies of other articles only when a page's templates read those articles: while a page
  renders, `article.READS` records each article touched, and the entry is used only while each of
  them is unchanged.

A value with no stable text form, a global or filter from an unknown package, or a bound method
(whose object may hold anything) turns the cache off for the build. `on_page_context` and
`on_post_page` still run for every page, so plugins that gather from them see every page.
"""

from __future__ import annotations

import contextlib
import json
import types
import zlib
from importlib import metadata
from pathlib import Path

import jinja2
from jinja2 import meta

from ..digests import digest as _digest
from ..digests import tree_digest
from ..model.article import Article, reads_recorded
from ..model.catalog import Catalog
from . import host
from .host import Page, plugin_logger
from .mdcache import Unstable, stable
from .store import Store, read_sealed, write_sealed

FORMAT = "2"
TRUSTED_MODULES = (
    "jinja2.", "markupsafe", host.PREFIX, "material.", "bantin.", "builtins", "_operator", "operator",
)  # fmt: skip
"""Where the globals, filters and tests may come from: code without hidden inputs."""

log = plugin_logger(__name__)


def article_digest(article: Article) -> str:
    return article.digest


def catalog_digest(catalog: Catalog) -> str:
    return catalog.listing_digest


def installed_packages() -> str:
    return _digest(
        *sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    )


def _is_installed(folder: Path) -> bool:
    return "site-packages" in folder.parts or "dist-packages" in folder.parts


TEMPLATE_SUFFIXES = (".html", ".xml", ".j2", ".jinja", ".txt", ".json")
"""Files Jinja may render; icons (.svg), stylesheets and scripts hold no template syntax."""


def _template_names(env: jinja2.Environment, folder: Path) -> set[str]:
    names: set[str] = set()
    for path in sorted(folder.rglob("*")):
        if path.suffix in TEMPLATE_SUFFIXES and path.is_file():
            # A file Jinja cannot parse is not a template it can render.
            with contextlib.suppress(UnicodeDecodeError, jinja2.TemplateSyntaxError):
                names |= meta.find_undeclared_variables(env.parse(path.read_text("utf-8")))
    return names


def local_theme_digest(dirs: list[str]) -> str:
    """The theme folders of the project (installed themes are covered by package versions)."""
    folders = [Path(d) for d in dirs if not _is_installed(Path(d))]
    return _digest(*(tree_digest(folder, contents=True) for folder in folders))


def referenced_names(
    env: jinja2.Environment, dirs: list[str], packages: str, theme: str, memo: dict, fresh: dict
) -> set[str]:
    """Every top-level name that some theme template uses. A folder is parsed again only when
    it changed (`memo`, from an earlier build): an installed theme folder with the set of
    installed packages, the project's own folders with their contents (`theme`, their
    `local_theme_digest`). `fresh` receives what this build found. Parsing the templates costs
    ~0.7 s, in every build that renders a page."""
    names: set[str] = set()
    for folder in map(Path, dirs):
        stamp = f"{folder}|{packages if _is_installed(folder) else theme}"
        found = memo.get(stamp)
        if found is None:
            found = sorted(_template_names(env, folder))
        fresh[stamp] = found
        names.update(found)
    return names


def environment_digest(env: jinja2.Environment, catalog: Catalog) -> str:
    """Globals, filters and tests; `Unstable` when one of them could hide an input."""
    parts = []
    for kind, table in (("global", env.globals), ("filter", env.filters), ("test", env.tests)):
        for name, value in sorted(table.items(), key=lambda item: item[0]):
            if value is catalog:
                parts.append(f"{kind} {name} catalog {catalog_digest(catalog)}")
            elif _is_translation(value):
                owner = value.__self__
                catalog_size = host.translations_size(owner)
                parts.append(f"{kind} {name} {type(owner).__qualname__} {catalog_size}")
            elif callable(value):
                module = getattr(value, "__module__", None) or ""
                owner = getattr(value, "__self__", None)
                if not module.startswith(TRUSTED_MODULES) or (
                    owner is not None
                    and not isinstance(owner, type | types.ModuleType)
                    and not isinstance(value, type)
                ):
                    raise Unstable(f"{kind} {name} from {module}")
                parts.append(f"{kind} {name} {module}.{getattr(value, '__qualname__', name)}")
            else:
                parts.append(f"{kind} {name} {json.dumps(stable(value), ensure_ascii=False)}")
    return _digest(*parts)


def _is_translation(value) -> bool:
    """The theme's gettext functions: their catalogs are files of the theme, covered above."""
    import gettext

    return isinstance(getattr(value, "__self__", None), gettext.NullTranslations)


def config_digest(config) -> str:
    """The config, less where the output goes: `bantin build` writes into a new folder each time."""
    items = {}
    for key, value in config.items():
        if key == "site_dir":
            continue
        if key in ("plugins", "hooks"):
            items[key] = {name: _plugin_form(plugin) for name, plugin in value.items()}
        else:
            items[key] = stable(value)
    return _digest(json.dumps(items, ensure_ascii=False, sort_keys=True))


def _plugin_form(plugin) -> object:
    """A plugin by its options; a hook file of mkdocs.yml (a module, without options) by its code."""
    if isinstance(plugin, types.ModuleType):
        return ["hooks", _digest(Path(plugin.__file__ or "").read_bytes())]
    return stable(dict(plugin.config))


def _page_digest(page) -> str:
    """What templates can read from an article page."""
    toc = [repr(link) for link in page.toc]
    neighbours = [
        (other.title, other.url) if other is not None else None
        for other in (page.previous_page, page.next_page, page.parent)
    ]
    return _digest(
        page.file.src_uri,
        page.file.url,
        page.url,
        page.title,
        page.content,
        json.dumps(stable(page.meta), ensure_ascii=False),
        toc,
        neighbours,
        page.canonical_url,
        page.edit_url,
        page.update_date,
        page.is_homepage,
        article_digest(page.article) if getattr(page, "article", None) is not None else None,
    )


def _nav_digest(items) -> list:
    return [
        (
            type(item).__name__,
            item.title,
            getattr(item, "url", None),
            item.active,
            _nav_digest(item.children or []),
        )
        for item in items
    ]


class PageCache:
    """The rendered-page cache of one build. Its key is made at the first render, once every
    plugin's `on_env` has run; until then nothing about the environment is final."""

    def __init__(self, folder: Path, env: jinja2.Environment, config, catalog: Catalog):
        self.folder, self.env, self.config, self.catalog = folder, env, config, catalog
        self.store = Store(folder, ".z")
        self.used: set[str] = self.store.used
        self._articles: dict[str, str] = {}
        self._by_id: dict[int, tuple[object, object]] = {}
        self._opened = False
        self._pages: str | None = None
        self.build_key: str | None = None
        self.names: frozenset[str] = frozenset()
        self.reads: dict[str, dict[str, str | None] | None] = {}
        """src_uri → the articles each page rendered this build read, by digest; None when it
        read every page (MkDocs' `pages`). Pages rendered without the cache are not in it."""

    def open(self) -> None:
        """Make the build key; done by the first render unless called before."""
        if self._opened:
            return
        self._opened = True
        memo_file = self.folder / "names.json"
        try:
            memo = json.loads(read_sealed(memo_file) or b"{}")
        except ValueError:
            memo = {}
        fresh: dict = {}
        packages = installed_packages()
        dirs = self.config.theme.dirs
        theme = local_theme_digest(dirs)
        try:
            self.names = frozenset(referenced_names(self.env, dirs, packages, theme, memo, fresh))
            self.build_key = _digest(
                FORMAT,
                packages,
                theme,
                config_digest(self.config),
                environment_digest(self.env, self.catalog),
            )
        except Unstable as error:
            log.debug(f"Page cache off: {error}")
            return
        write_sealed(memo_file, json.dumps(fresh).encode())

    def _known(self, value) -> object:
        """Articles by their memoised digest: a list page or related news holds many. Other
        frozen dataclasses by a digest of their form, made once per object and build: every page
        of a unit's list holds the same unit, its parents and its whole subtree."""
        if isinstance(value, Article):
            return ["Article", value.src, self._article_digest(value)]
        params = getattr(type(value), "__dataclass_params__", None)
        if params is None or not params.frozen or isinstance(value, type):
            return None
        return self._per_object(value, lambda: ["frozen", self._form_digest(value)])

    def _form_digest(self, value) -> str:
        inner = stable(value, lambda item: None if item is value else self._known(item))
        return _digest(json.dumps(inner, ensure_ascii=False))

    def _article_digest(self, article: Article) -> str:
        return self._per_object(article, lambda: article_digest(article))

    def _per_object(self, value, make):
        """`make()`, once per object and build (the object is kept, so its id is not reused)."""
        found = self._by_id.get(id(value))
        if found is None or found[0] is not value:
            found = self._by_id[id(value)] = (value, make())
        return found[1]

    def _article(self, src: str) -> str | None:
        if src not in self._articles:
            found = self.catalog.by_src.get(src)
            self._articles[src] = self._article_digest(found) if found is not None else ""
        return self._articles[src] or None

    def key(self, template_name: str, context: dict) -> str | None:
        self.open()
        if self.build_key is None:
            return None
        parts = [self.build_key, template_name]
        for name in sorted(self.names & set(context)):
            value = context[name]
            if name == "page":
                parts += [name, _page_digest(value)]
            elif name == "nav":
                parts += [name, repr(_nav_digest(value.items))]
            elif name == "config":
                continue  # in the build key
            elif name == "pages":
                continue  # checked after rendering: see `_TrackedPages`
            else:
                try:
                    form = stable(value, self._known)
                    parts += [name, json.dumps(form, ensure_ascii=False)]
                except Unstable:
                    return None
        return _digest(*parts)

    def get(self, key: str, pages) -> dict | None:
        stored = self.store.get(key)
        if stored is None:
            return None
        try:
            header, _, html = zlib.decompress(stored).partition(b"\n")
            data = dict(json.loads(header), html=html.decode("utf-8"))
        except (ValueError, zlib.error):
            return None
        if any(self._article(src) != digest for src, digest in data["reads"].items()):
            return None
        if data["pages"] is not None and data["pages"] != self._pages_digest(pages):
            return None
        return data

    def _pages_digest(self, pages) -> str:
        """Every page of the site, content included; only for a page that read `pages`."""
        if self._pages is None:
            self._pages = _digest(
                *(
                    (f.src_uri, f.url, f.page and f.page.title, f.page and f.page.content)
                    for f in pages
                )
            )
        return self._pages

    def put(self, key: str, html: str, reads: set[str], pages) -> dict:
        entry = {
            "html": html,
            "reads": {src: self._article(src) for src in sorted(reads)},
            "pages": self._pages_digest(pages) if pages is not None else None,
        }
        self._store(key, entry)
        return entry

    def _store(self, key: str, entry: dict) -> None:
        """A line of JSON (what the page read), then the page: its HTML stays UTF-8 rather
        than a JSON string, which costs a tenth of a millisecond a page to escape and unescape."""
        header = json.dumps({name: value for name, value in entry.items() if name != "html"})
        data = header.encode() + b"\n" + entry["html"].encode("utf-8")
        if not self.store.put(key, zlib.compress(data, 1)):
            log.debug("Page cache not written")

    def render(self, template: jinja2.Template, context: dict, render) -> str:
        page = context.get("page")
        key = self.key(template.name or "", context) if isinstance(page, Page) else None
        if key is None:
            return render(context)
        pages = context.get("pages")
        entry = self.get(key, pages)
        if entry is not None:
            self._note_reads(page, entry)
            return entry["html"]
        reads: set[str] = set()
        tracked = _TrackedPages(pages or [])
        with reads_recorded(reads):
            html = render(dict(context, pages=tracked) if "pages" in context else context)
        own = getattr(page, "article", None)
        if own is not None:
            reads.discard(own.src)
        self._note_reads(page, self.put(key, html, reads, pages if tracked.read else None))
        return html

    def _note_reads(self, page: Page, entry: dict) -> None:
        self.reads[page.file.src_uri] = entry["reads"] if entry["pages"] is None else None

    def prune(self) -> None:
        self.store.prune()


class _TrackedPages(list):
    """MkDocs' `pages` list, noting whether a template looked at it."""

    read = False

    def _note(self):
        self.read = True

    def __iter__(self):
        self._note()
        return super().__iter__()

    def __getitem__(self, index):
        self._note()
        return super().__getitem__(index)

    def __len__(self):
        self._note()
        return super().__len__()

    def __contains__(self, item):
        self._note()
        return super().__contains__(item)

    def __bool__(self):
        self._note()
        return super().__len__() > 0


class CachingTemplate(jinja2.Template):
    """A template that asks the environment's page cache before rendering a page."""

    def render(self, *args, **kwargs) -> str:
        cache = getattr(self.environment, "bantin_page_cache", None)
        if cache is None or not args or kwargs:
            return super().render(*args, **kwargs)
        return cache.render(
            self, dict(args[0]), lambda context: super(CachingTemplate, self).render(context)
        )


def open_page_cache(env: jinja2.Environment, config, catalog: Catalog, folder: Path) -> PageCache:
    """Put this build's page cache on `env`: its templates will consult it."""
    cache = PageCache(folder, env, config, catalog)
    host.set_template_class(env, CachingTemplate)
    if env.cache is not None:
        env.cache.clear()
    env.bantin_page_cache = cache  # type: ignore[attr-defined]
    return cache
