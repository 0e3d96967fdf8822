"""Requirement library files: reading, writing, loading into the database and exporting
from it. The format is ours and documented in docs/requirement-libraries.md; a library
exported and loaded again exports to the same text (tests/test_libfile.py).
"""

from __future__ import annotations

import yaml
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from zist.clauses.models import Clause, Documented, Library

FORMAT = "zist-requirements/1"
# libyaml's safe loader where PyYAML was built with it (its wheels are): the same
# documents, read several times faster (the built-in libraries are read after every
# migrate, and after every emptying of a test database).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LANGUAGES = ("en", "fa", "da", "fi")


class LibraryFileError(ValueError):
    """A library file that cannot be loaded; the message says where and why."""


def read(text: str) -> dict:
    """The library in `text`, checked: every requirement has an id, a title and a URN
    of its own, evidence registers name real models. Raises `LibraryFileError`."""
    try:
        spec = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise LibraryFileError(
            _("The file is not valid YAML: %(error)s") % {"error": error}
        ) from None
    if not isinstance(spec, dict) or spec.get("format") != FORMAT:
        raise LibraryFileError(
            _("The file does not start with format: %(format)s.") % {"format": FORMAT}
        )
    for key in ("urn", "code", "version", "name", "requirements"):
        if not spec.get(key):
            raise LibraryFileError(_("The library has no %(key)s.") % {"key": key})
    levels = spec.get("maturity_levels", 0)
    if not isinstance(levels, int) or not 0 <= levels <= 10:
        raise LibraryFileError(_("maturity_levels must be a whole number from 0 to 10."))
    seen_ids, seen_urns = set(), set()
    for requirement, _parent in walk(spec["requirements"]):
        _check_requirement(requirement, seen_ids, seen_urns)
    return spec


def _check_requirement(requirement: dict, seen_ids: set, seen_urns: set) -> None:
    ident = str(requirement.get("id", "")).strip()
    if not ident or not _text(requirement.get("title")).get("en"):
        raise LibraryFileError(_("Every requirement needs an id and an English title."))
    urn = requirement.get("urn", "")
    if not urn:
        raise LibraryFileError(_("Requirement %(id)s has no URN.") % {"id": ident})
    if ident in seen_ids or urn in seen_urns:
        raise LibraryFileError(_("Requirement %(id)s appears twice.") % {"id": ident})
    seen_ids.add(ident)
    seen_urns.add(urn)
    if requirement.get("documented", Documented.NONE) not in Documented.values:
        raise LibraryFileError(
            _("Requirement %(id)s: documented must be maintained, retained or none.")
            % {"id": ident}
        )
    for label in requirement.get("evidence", []):
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            raise LibraryFileError(
                _("Requirement %(id)s names an unknown register %(label)s.")
                % {"id": ident, "label": label}
            ) from None


def walk(requirements: list, parent: dict | None = None):
    """Each requirement of the tree with its parent, parents first."""
    for requirement in requirements or []:
        yield requirement, parent
        yield from walk(requirement.get("children"), requirement)


def _text(value) -> dict:
    """A text of the file as {language: text}: a plain string is English."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    return {str(k): str(v) for k, v in value.items()}


def _untext(texts: dict):
    """The file's form of {language: text}: a plain string when only English."""
    texts = {lang: texts[lang] for lang in LANGUAGES if texts.get(lang)}
    if list(texts) == ["en"]:
        return texts["en"]
    return texts


def write(spec: dict) -> str:
    """The library as file text (keys in the documented order, Unicode as is)."""
    return yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=100)


def _split(texts: dict, *keys: str) -> tuple[dict, dict]:
    """English texts and the translations JSON from {key: {language: text}}."""
    english = {key: texts[key].get("en", "") for key in keys}
    translations: dict = {}
    for key in keys:
        for lang, text in texts[key].items():
            if lang != "en" and text:
                translations.setdefault(lang, {})[key] = text
    return english, translations


def load(spec: dict, *, unit=None, builtin: bool = False, user=None) -> tuple[Library, int]:
    """Create or update the library `spec` (a checked file) on `unit` (None for a
    built-in library) and its requirements, matched by URN; returns the library and
    how many requirements were created. Requirements that left the file are kept:
    audits and assessments refer to them."""
    with transaction.atomic():
        # A library loaded before libraries had URNs is the same library.
        library = Library.objects.filter(
            Q(version=str(spec["version"])) | Q(urn=""),
            code=spec["code"],
            unit=unit,
            builtin=builtin,
        ).first() or Library(code=spec["code"], version=str(spec["version"]), unit=unit)
        library.builtin = builtin
        english, translations = _split(
            {"name": _text(spec["name"]), "description": _text(spec.get("description"))},
            "name",
            "description",
        )
        changed = library.assign(
            {
                "urn": spec["urn"],
                "name": english["name"],
                "description": english["description"],
                "maturity_levels": spec.get("maturity_levels", 0),
                "translations": translations,
            }
        )
        if library.pk is None or changed:
            _save(library, user)
        existing = {c.urn or c.number: c for c in Clause.objects.filter(library=library)}
        by_urn: dict[str, Clause] = {}
        created = 0
        for requirement, parent in walk(spec["requirements"]):
            ident = str(requirement["id"])
            clause = existing.get(requirement["urn"]) or existing.get(ident)
            if clause is None:
                clause = Clause(library=library)
                created += 1
            english, translations = _split(
                {
                    "title": _text(requirement["title"]),
                    "guidance": _text(requirement.get("guidance")),
                },
                "title",
                "guidance",
            )
            changed = clause.assign(
                {
                    "number": ident,
                    "urn": requirement["urn"],
                    "title": english["title"],
                    "question": english["guidance"],
                    "parent": by_urn[parent["urn"]] if parent else None,
                    "documented": requirement.get("documented", Documented.NONE),
                    "evidence_registers": list(requirement.get("evidence", [])),
                    "translations": translations,
                }
            )
            if clause.pk is None or changed:
                _save(clause, user)
            by_urn[clause.urn] = clause
    return library, created


def _save(obj, user) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise LibraryFileError("; ".join(error.messages)) from error
    obj._history_user = user
    obj.save()


def export(library: Library) -> dict:
    """The library as a file spec: what `load` reads back into the same library."""
    clauses = list(library.clauses.order_by("sort_key"))
    children: dict[int | None, list[Clause]] = {}
    for clause in clauses:
        children.setdefault(clause.parent_id, []).append(clause)

    def texts(obj, key: str, english: str) -> dict:
        out = {"en": english}
        for lang, values in (obj.translations or {}).items():
            if values.get(key):
                out[lang] = values[key]
        return out

    def node(clause: Clause) -> dict:
        item: dict = {"id": clause.number, "urn": clause.urn}
        item["title"] = _untext(texts(clause, "title", clause.title))
        if clause.question:
            item["guidance"] = _untext(texts(clause, "guidance", clause.question))
        if clause.documented != Documented.NONE:
            item["documented"] = clause.documented
        if clause.evidence_registers:
            item["evidence"] = list(clause.evidence_registers)
        if children.get(clause.pk):
            item["children"] = [node(child) for child in children[clause.pk]]
        return item

    spec: dict = {
        "format": FORMAT,
        "urn": library.urn,
        "code": library.code,
        "version": library.version,
        "name": _untext(texts(library, "name", library.name)),
    }
    if library.description:
        spec["description"] = _untext(texts(library, "description", library.description))
    if library.maturity_levels:
        spec["maturity_levels"] = library.maturity_levels
    spec["requirements"] = [node(clause) for clause in children.get(None, [])]
    return spec
