"""Translations: every catalogue complete and compiled, the platform catalogue fresh, and
pages in Persian, Danish and Finnish free of the English they are written in.

The platform catalogue (`zist/locale`, LOCALE_PATHS) holds the strings of the platform
folders below; every domain app keeps its own catalogue in `zist/<app>/locale`. To
refresh the platform catalogue, run from `zist/`:

    zist makemessages -l fa -l da -l fi --ignore "e2e/*" --ignore "<app>/*" …

with one `--ignore` for every folder that is not in PLATFORM_FOLDERS.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from zist.actions.models import Action
from zist.users.roles import Role

# Catalogues and translated pages are the same on every database: read in the SQLite run.
pytestmark = pytest.mark.same_on_every_database

ZIST = Path(settings.BASE_DIR)
PLATFORM_FOLDERS = ("core", "users", "organisations", "attachments", "demo", "templates", "formats")
LANGUAGES = ("fa", "da", "fi")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


def _tracked(paths: list[Path]) -> list[Path]:
    """Only committed catalogues: in a shared working tree another engineer's catalogue
    is half translated until they commit it (as settings leaves out uncommitted apps).
    Outside a git checkout every catalogue counts."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--", *[str(path.relative_to(ZIST)) for path in paths]],
            cwd=ZIST,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return paths
    tracked = {ZIST / name for name in listed}
    return [path for path in paths if path in tracked]


def _catalogues() -> list[Path]:
    found = sorted(ZIST.glob("locale/*/LC_MESSAGES/*.po"))
    found += sorted(ZIST.glob("*/locale/*/LC_MESSAGES/*.po"))
    return _tracked(found)


CATALOGUES = _catalogues()


def _id(path: Path) -> str:
    return str(path.relative_to(ZIST))


def _key(entry) -> tuple:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _translations(entries) -> dict:
    """What gettext would answer: (context, msgid, plural) → the translated forms."""
    found = {}
    for entry in entries:
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
        else:
            forms = (entry.msgstr,)
        found[_key(entry)] = forms
    return found


def _nplurals(po) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    assert match, "the catalogue header has no Plural-Forms"
    return int(match.group(1))


def test_it_finds_the_catalogues():
    # The tests below are parametrised over this list: an empty list would pass them all.
    assert ZIST / "locale/fa/LC_MESSAGES/django.po" in CATALOGUES
    assert {path.parts[-3] for path in CATALOGUES} >= set(LANGUAGES)


@pytest.mark.parametrize("path", CATALOGUES, ids=_id)
def test_it_translates_every_entry(path):
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{_id(path)}: {len(untranslated)} untranslated: {untranslated}"
    assert not fuzzy, f"{_id(path)}: {len(fuzzy)} fuzzy: {fuzzy}"
    nplurals = _nplurals(po)
    short = [
        entry.msgid
        for entry in po.translated_entries()
        if entry.msgid_plural and len(entry.msgstr_plural) != nplurals
    ]
    assert not short, f"{_id(path)}: plural forms missing (nplurals={nplurals}): {short}"


@pytest.mark.parametrize("path", CATALOGUES, ids=_id)
def test_it_keeps_every_placeholder(path):
    po = polib.pofile(str(path))
    wrong = []
    for entry in po.translated_entries():
        expected = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        wrong += [
            (entry.msgid, form) for form in forms if set(PLACEHOLDER.findall(form)) != expected
        ]
    assert not wrong, f"{_id(path)}: placeholders changed in {wrong}"


@pytest.mark.parametrize("path", CATALOGUES, ids=_id)
def test_it_ships_a_compiled_catalogue_that_matches_its_source(path):
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{_id(mo_path)} is missing: run zist compilemessages"
    po = polib.pofile(str(path))
    # msgfmt leaves out untranslated and fuzzy entries; so must the expectation.
    expected = _translations(po.translated_entries())
    compiled = _translations(entry for entry in polib.mofile(str(mo_path)) if entry.msgid)
    stale = {
        key for key in expected.keys() | compiled.keys() if expected.get(key) != compiled.get(key)
    }
    assert not stale, (
        f"{_id(mo_path)} differs from its .po (run zist compilemessages): {sorted(stale)}"
    )


def _extract(tmp_path: Path, folders: list[str], root: str, settings) -> set[tuple]:
    """The msgids makemessages finds in a copy of `folders`, run from `root` inside the
    copy (the copy keeps makemessages away from the committed catalogues)."""
    copy = tmp_path / "zist"
    for name in folders:
        source = ZIST / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "locale", "static")
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy(source, copy / name)
    workdir = copy / root
    locale = workdir / "locale"
    locale.mkdir()
    settings.LOCALE_PATHS = [locale]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(workdir)
        call_command("makemessages", locale=["fa"], keep_pot=True, verbosity=0)
    return {_key(entry) for entry in polib.pofile(str(locale / "django.pot"))}


def _committed(catalogue: Path) -> set[tuple]:
    return {_key(entry) for entry in polib.pofile(str(catalogue)) if not entry.obsolete}


def test_it_has_every_platform_string_in_the_platform_catalogue(tmp_path, settings):
    top_level = [path.name for path in ZIST.glob("*.py")]
    used = _extract(tmp_path, [*PLATFORM_FOLDERS, *top_level], ".", settings)
    assert ("", "Your roles", "") in used  # the extraction itself worked
    missing = used - _committed(ZIST / "locale/fa/LC_MESSAGES/django.po")
    assert not missing, f"run makemessages for the platform and translate: {sorted(missing)}"


# Every domain app with a committed catalogue: its code and its catalogue must agree too.
APP_CATALOGUES = [
    path
    for path in CATALOGUES
    if path.relative_to(ZIST).parts[1:3] == ("locale", "fa") and path.name == "django.po"
]


def test_it_finds_the_app_catalogues():
    assert ZIST / "actions/locale/fa/LC_MESSAGES/django.po" in APP_CATALOGUES


@pytest.mark.parametrize("catalogue", APP_CATALOGUES, ids=lambda path: path.parts[-5])
def test_it_has_every_string_of_an_app_in_its_catalogue(catalogue, tmp_path, settings):
    app = catalogue.parts[-5]
    used = _extract(tmp_path, [app], app, settings)
    assert used, f"makemessages found no strings in zist/{app}"
    missing = used - _committed(catalogue)
    assert not missing, f"run makemessages in zist/{app} and translate: {sorted(missing)}"


# Pages (URL name, the object it shows) and the English each shows; the English page
# must show them (or the check below proves nothing), the translated pages must not.
PAGES = [
    (
        "home",
        None,
        ["Your work", "Your roles", "All registers", "Recent changes", "All changes", "Log out"],
    ),
    ("organisations:unit_list", None, ["Filter", "Clear", "Export CSV", "Rows per page"]),
    ("organisations:unit_detail", "region", ["History", "Subunits", "Evidence files"]),
    ("actions:action_detail", "action", ["Edit", "History", "Delete", "Evidence files"]),
    ("actions:action_history", "action", ["History of Check the pumps", "Created"]),
    ("actions:action_add", None, ["Save", "Cancel", "Corrective action", "Due date"]),
    ("actions:action_import", None, ["Template", "Columns", "Import", "Cancel"]),
    ("profile", None, ["Your profile", "Preferences", "Your roles", "Save", "Create token"]),
    ("change_log", None, ["Changes", "When", "Who", "Record"]),
]


def _page(client, objects: dict, page, language: str) -> str:
    name, shown, _english = page
    with translation.override(language):
        url = reverse(name, args=[objects[shown].pk] if shown else None)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _shows(html: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", html) is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_shows_no_english_on_translated_pages(cast, make_user, client, language):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, username="manager")
    client.force_login(user)
    action = Action.objects.create(unit=cast.inside, title="Check the pumps")
    objects = {"region": cast.region, "action": action}
    for page in PAGES:
        name, _argument, english = page
        shown = _page(client, objects, page, "en")
        assert all(_shows(shown, text) for text in english), name
        html = _page(client, objects, page, language)
        left = [text for text in english if _shows(html, text)]
        assert not left, f"/{language}/ {name} still shows {left}"
        # simple_history names old rows "<record> as of <date>" in English.
        assert " as of " not in html, name


def test_it_shows_persian_in_persian(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    html = _page(client, {}, ("profile", None, []), "fa")
    assert 'lang="fa" dir="rtl"' in html
    assert "نقش\u200cهای شما" in html  # "Your roles", with its zero-width non-joiner
    assert "ذخیره" in html


def test_it_shows_history_fields_only_under_translated_names(cast, client):
    # Django names every primary key "ID" and treebeard its tree columns "Path", "Depth"
    # and "Numchild", in English only: the history page must not list them.
    client.force_login(cast.superuser)
    with translation.override("fa"):
        url = reverse("organisations:unit_history", args=[cast.region.pk])
    html = client.get(url).content.decode()
    fields = re.findall(r'<th scope="row">([^<]*)</th>', html)
    assert "نام" in fields  # "name": the page does list the unit's fields
    assert not {"ID", "Path", "Depth", "Numchild"} & set(fields), fields
