"""The `bantin-indexes` plugin: index pages, feeds, tabs, sitemap dates and article neighbours.

Hooks dispatch; `pages.plan` decides what exists, `views`, `related` and `feeds` compute what
each page shows, and theme/bantin/ renders it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..articles import catalog_of
from ..engine.host import (
    BasePlugin,
    File,
    Files,
    InclusionLevel,
    MkDocsConfig,
    Navigation,
    Page,
    PluginError,
    plugin_logger,
)
from ..model.addresses import page_file
from ..model.catalog import Catalog
from ..model.configtext import plain
from . import views
from .config import IndexesConfig
from .indexpage import IndexPage, stub
from .pages import Generated, Options, Plan, clashes, plan, tab_of
from .related import Relations, Weights

log = plugin_logger(__name__)

# Named .html so MkDocs does not also publish the template as a static theme file.
FEED_TEMPLATE = "bantin/feed.xml.html"


@dataclass
class BuildState:
    """Everything this plugin knows about one build; replaced at the start of the next."""

    catalog: Catalog
    plan: Plan
    config: IndexesConfig
    by_src: dict[str, Generated] = field(default_factory=dict)
    files: dict[str, File] = field(default_factory=dict)
    """Planned address → its generated file."""

    @cached_property
    def relations(self) -> Relations:
        weights = self.config.related_weights
        return Relations(self.catalog, Weights(weights.unit, weights.category, weights.tag))

    @cached_property
    def home(self) -> views.Home:
        return views.home(
            self.catalog,
            self.config.home_featured,
            self.config.home_newest,
            self.config.home_per_category,
        )


class IndexesPlugin(BasePlugin[IndexesConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.state: BuildState | None = None
        self.lit: Page | None = None
        """A tab marked active for the page being rendered (its category, the archive…)."""

    # After bantin-articles' on_files (priority 50), which places the articles this plan lists.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.state = None
        if not self.config.enabled:
            return files
        catalog = catalog_of(config)
        options = Options(
            page_size=max(1, self.config.page_size),
            feed_size=max(1, self.config.feed_size),
            site_name=plain(config.site_name),
            site_description=plain(config.site_description) or "",
            site_url=config.site_url,
        )
        self.state = BuildState(catalog, plan(catalog, options), self.config)
        if not config.site_url:
            log.warning(
                "Chưa đặt site_url trong mkdocs.yml: không tạo được RSS (cần địa chỉ tuyệt đối)."
            )
        add_generated_pages(files, self.state, config)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.state is not None and self.config.nav:
            pages = [self.state.files[address].page for address in self.state.plan.nav]
            insert_after_home(nav, [page for page in pages if page is not None])
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.state is None:
            return env
        plan_ = self.state.plan
        env.globals["bantin_site_feed"] = plan_.feeds[0].address if plan_.feeds else None
        template = env.get_template(FEED_TEMPLATE)
        for feed in plan_.feeds:
            xml = template.render(feed=feed, config=config)
            files.append(
                File.generated(config, feed.address, content=xml, inclusion=InclusionLevel.INCLUDED)
            )
        return env

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        state = self.state
        if state is None:
            return context
        generated = state.by_src.get(page.file.src_uri) if page.file.generated_by else None
        subject = None
        if generated is not None:
            context["view"] = subject = generated.view
        elif page.is_homepage:
            context["home"] = state.home
        elif (article := state.catalog.by_src.get(page.file.src_uri)) is not None:
            subject = article
            context["neighbours"] = state.relations.neighbours(
                article, self.config.related_count, self.config.others_count
            )
        self.lit = light_tab(state, tab_of(subject, state.catalog.addresses), page)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.lit is not None:
            self.lit.active = False
            self.lit = None
        return output

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        if self.state is not None and template_name == "sitemap.xml":
            context["lastmod"] = {
                address: day.isoformat() for address, day in self.state.plan.lastmod.items()
            }
        return context


def source_of(address: str) -> str:
    """The pretend Markdown source of a generated page: `chuyen-muc/x/` → `chuyen-muc/x/index.md`."""
    destination = page_file(address)
    return destination.removesuffix(".html") + ".md"


def add_generated_pages(files: Files, state: BuildState, config: MkDocsConfig) -> None:
    """Add a file per planned page; an address already taken is an error naming both."""
    taken = {file.dest_uri: file.src_uri for file in files}
    problems = [
        f"địa chỉ '{address}' được tạo hai lần; kiểm tra addresses trong mkdocs.yml"
        for address in clashes(state.plan)
    ]
    for address in [generated.address for generated in state.plan.pages] + [
        feed.address for feed in state.plan.feeds
    ]:
        owner = taken.get(page_file(address))
        if owner is not None:
            problems.append(
                f"trang '/{address}' do Bản Tin tạo trùng với tệp content/{owner}; "
                "hãy đổi tên tệp, đổi slug trong content/_data/ hoặc địa chỉ trong mkdocs.yml"
            )
    if problems:
        raise PluginError("\n".join(problems))
    for generated in state.plan.pages:
        file = File.generated(config, source_of(generated.address), content=stub(generated))
        file.dest_uri = page_file(generated.address)
        IndexPage(file, config, generated)
        files.append(file)
        state.by_src[file.src_uri] = generated
        state.files[generated.address] = file


def light_tab(state: BuildState, address: str | None, page: Page) -> Page | None:
    """Mark the tab page at `address` active while `page` renders; returns it to switch off."""
    file = state.files.get(address) if address is not None else None
    tab = file.page if file is not None else None
    if tab is None or tab is page or address not in state.plan.nav:
        return None
    tab.active = True
    return tab


def insert_after_home(nav: Navigation, pages: list[Page]) -> None:
    """Put `pages` as tabs right after the home page (first when the nav has none)."""
    at = next((i + 1 for i, item in enumerate(nav.items) if getattr(item, "is_homepage", False)), 0)
    present = {id(item) for item in nav.items}
    nav.items[at:at] = [page for page in pages if id(page) not in present]
