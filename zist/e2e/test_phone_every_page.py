"""Every kind of page on a 390×844 phone, in Persian and in Danish: no visible control
smaller than 44 px in either direction (the rule of test_phone_pages.py, which also
runs axe-core on the ten key pages), and no page wider than the phone.

One page of each kind of every register (list, detail, add form, edit form, history,
import) and every page that is no register (home, my tasks, profile, the grids and
reports that take no parameter), over the whole demo. The pages of one language are
read in one browser tab after one login, each loaded once, so the whole walk stays
within a minute or two; the test prints how many pages it read and how long it took.
"""

from __future__ import annotations

import re
import time

import pytest
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from zist.core.registry import registers
from zist.core.views import can
from zist.e2e import log_in, screenshot
from zist.e2e.test_phone_pages import small_controls
from zist.users.models import User

# Sizes and widths are the templates' and the style sheet's, whatever the database: CI
# reads these ~1 200 pages once, in its SQLite run.
pytestmark = [pytest.mark.e2e, pytest.mark.same_on_every_database]

# Pages that are no page to look at: files, the API, the language switch, logging out,
# and pages that only answer a form's POST.
NOT_PAGES = re.compile(
    r"^/(files|static|media|api|i18n)/|/logout/$|/(export|download|pdf|csv|xlsx|json)/?$"
)
KINDS = ("list", "add", "import", "detail", "edit", "history")
# Pictures for a person to look at (with ZIST_E2E_SCREENSHOTS set).
SHOTS = {
    "organisations.unit list",
    "clauses.library list",
    "clauses.clause detail",
    "aspects.aspect detail",
    "/fa/training/needs/",
    "/da/training/needs/",
    "/fa/communication/representatives/",
}


def sideways(page) -> list[str]:
    """The page itself scrolls sideways (a wide table scrolls inside its own box)."""
    width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return [f"page {width[0]} px wide on a {width[1]} px screen"] if width[0] > width[1] + 1 else []


def _pattern_names(resolver: URLResolver, namespace: str = "") -> list[str]:
    """Names of the URL patterns that take no parameter, with their namespaces."""
    names = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if not entry.pattern.converters and "(?P<" not in str(entry.pattern):
                names += _pattern_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.converters:
            if "(?P<" not in str(entry.pattern):
                names.append(f"{namespace}{entry.name}")
    return names


def other_pages(user, register_urls: set[str]) -> list[str]:
    """Every page without parameters that is no register page and that the person may
    open (asked of the server first: some answer only a form's POST)."""
    client = Client()
    client.force_login(user)
    urls = []
    for name in _pattern_names(get_resolver()):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if url in register_urls or NOT_PAGES.search(url) or url in urls:
            continue
        response = client.get(url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            urls.append(url)
    return urls


def pages_for(usernames: list[str], language: str) -> dict[str, tuple[str, str]]:
    """{what: (username, url)}: each register's pages as the first of `usernames` who
    may open them (its first record that person may change, else may see), and the
    pages that are no register as the first person."""
    users = [User.objects.get(username=name) for name in usernames]
    pages: dict[str, tuple[str, str]] = {}

    def first(model, action: str):
        return next((user for user in users if can(user, model, action)), None)

    with translation.override(language):
        for reg in registers():
            label, objects = reg.label(), reg.model.objects.order_by("pk")
            reader = first(reg.model, "view")
            if reader is None:
                continue
            pages[f"{label} list"] = (reader.username, reverse(reg.url_name("list")))
            adder = first(reg.model, "add")
            if adder is not None:
                for kind in ("add", "import"):
                    pages[f"{label} {kind}"] = (adder.username, reverse(reg.url_name(kind)))
            for action, kinds in (("view", ("detail", "history")), ("change", ("edit",))):
                for user in users:
                    record = objects.restrict(user, action).first()
                    if record is not None:
                        for kind in kinds:
                            url = reverse(reg.url_name(kind), args=[record.pk])
                            pages[f"{label} {kind}"] = (user.username, url)
                        break
        register_urls = {url for _user, url in pages.values()}
        for url in other_pages(users[0], register_urls):
            pages[url] = (users[0].username, url)
    return pages


@pytest.fixture
def whole_demo(demo):
    """Everything `zist demo` loads, committed for the live server (the test database
    is emptied after the test)."""
    from zist.demo.management.commands.demo import Command

    with transaction.atomic():
        Command(stdout=open("/dev/null", "w")).load()  # noqa: SIM115


@pytest.mark.usefixtures("whole_demo")
@pytest.mark.parametrize(
    ("language", "usernames"),
    [
        # The organisations' own people first; the superuser for registers whose
        # records belong to nobody of that language.
        ("fa", ["tehran.admin", "qazvin.crisis", "doe.reviewer", "cement.manager", "admin"]),
        ("da", ["albertslund.manager", "admin"]),
    ],
    ids=["fa", "da"],
)
def test_no_control_on_any_kind_of_page_is_smaller_than_44_px(phone390, language, usernames):
    pages = pages_for(usernames, language)
    started = time.perf_counter()
    problems: dict[str, list[str]] = {}
    statuses: dict[str, int] = {}
    measuring = 0.0
    current = None
    # A busy machine (the CI runs several suites at once) may take more than the usual
    # five seconds for a page; a slow page is not what this test looks for.
    phone390.set_default_navigation_timeout(30_000)
    # One login per person, the person's pages one after another.
    for what, (username, url) in sorted(pages.items(), key=lambda p: usernames.index(p[1][0])):
        if username != current:
            phone390.context.clear_cookies()
            log_in(phone390, username)
            current = username
        response = phone390.goto(url)
        statuses[what] = response.status if response else 0
        if statuses[what] != 200:
            continue
        before = time.perf_counter()
        found = small_controls(phone390) + sideways(phone390)
        measuring += time.perf_counter() - before
        if found:
            problems[f"{what} ({url})"] = found
        if what in SHOTS:
            screenshot(phone390, f"{language}-every-page-{re.sub(r'[^a-z]+', '-', what)}")
    seconds = time.perf_counter() - started
    read = sum(1 for status in statuses.values() if status == 200)
    print(
        f"\n{language}: {read} of {len(pages)} pages read in {seconds:.1f} s "
        f"({measuring:.1f} s of it measuring)"
    )
    for kind in KINDS:
        count = sum(1 for what, s in statuses.items() if what.endswith(f" {kind}") and s == 200)
        print(f"  {kind}: {count}")
    screenshot(phone390, f"{language}-phone-every-page-last")
    assert read == len(pages), {what: s for what, s in statuses.items() if s != 200}
    assert read > 250
    assert problems == {}, "\n".join(f"{what}: {found}" for what, found in problems.items())
