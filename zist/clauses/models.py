"""Requirement libraries: the clauses an audit checks against and a gap assessment
answers (one concept, decision 0023).

A library is a versioned tree of requirements. Built-in libraries (ISO 14001:2015, EMAS,
ISO 50001, award models, a Lean checklist) ship with Zist as data files
(`data/libraries/*.yaml`, the format in docs/requirement-libraries.md): clause numbers
with our own short titles and guidance — never the standards' text — and their
translations. An organisation loads or adds its own libraries on one of its units.
Each requirement has a URN that stays the same from one version of its library to the
next, so mappings between libraries and answers of unchanged requirements survive.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.core.models import ZistModel
from zist.core.querysets import subtree_q


class Library(ZistModel):
    """A set of requirements: a standard, a regulation or an organisation's own criteria.
    Built-in libraries have no unit and are seen by everyone; own libraries belong to
    a unit's subtree like any record."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="requirement_libraries",
        verbose_name=_("unit"),
        help_text=_("Empty for the libraries that come with Zist."),
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    builtin = models.BooleanField(_("built in"), default=False, editable=False)
    urn = models.CharField(
        _("URN"),
        max_length=200,
        blank=True,
        help_text=_("Stays the same from one version of the library to the next."),
    )
    version = models.CharField(_("version"), max_length=30, default="1")
    maturity_levels = models.PositiveSmallIntegerField(
        _("maturity levels"),
        default=0,
        help_text=_("Answers score maturity from 1 to this number; 0 for no maturity score."),
    )
    # {"fa": {"name": ..., "description": ...}, ...}: the library's own translations.
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        ordering = ["name", "version"]
        verbose_name = _("requirement library")
        verbose_name_plural = _("requirement libraries")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"],
                condition=Q(builtin=True),
                name="library_builtin_code_unique",
                violation_error_message=_("A built-in library has this code."),
            ),
            models.UniqueConstraint(
                fields=["unit", "code", "version"],
                name="library_code_unique_in_unit",
                violation_error_message=_(
                    "This unit already has a library with this code and version."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @classmethod
    def history_text(cls, record, name: str, value) -> str | None:
        # A built-in library's name as its file translates it at that time (else the
        # catalogue), as on its page.
        if name == "name" and value and record.builtin:
            return _translated(record.translations or {}, "name") or gettext(value)
        return None

    @property
    def display_name(self) -> str:
        own = _translated(self.translations, "name")
        if own:
            return own
        return gettext(self.name) if self.builtin else self.name

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        own = subtree_q(cls.scope_field, paths)
        # Built-in libraries are read by anyone who may read libraries, changed by no one
        # but the code that ships them.
        return own | Q(unit__isnull=True) if action == "view" else own


class Documented(models.TextChoices):
    MAINTAINED = "maintained", _("Maintained (a document kept up to date)")
    RETAINED = "retained", _("Retained (a record kept as evidence)")
    NONE = "none", _("None asked for")


def _translated(translations: dict, key: str) -> str:
    language = (get_language() or "en").split("-")[0]
    return (translations.get(language) or {}).get(key, "")


class Clause(ZistModel):
    """One requirement of a library: its number, a short title and the question an
    auditor asks to check it."""

    scope_field = "library__unit"
    str_select_related = ("library",)
    # Derived from the number for sorting: nobody reads it.
    history_hidden = ("sort_key",)

    library = models.ForeignKey(
        Library, models.CASCADE, related_name="clauses", verbose_name=_("library")
    )
    number = models.CharField(_("number"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    question = models.TextField(_("guidance question"), blank=True)
    parent = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    urn = models.CharField(_("URN"), max_length=200, blank=True, db_index=True)
    documented = models.CharField(
        _("documented information"),
        max_length=12,
        choices=Documented.choices,
        default=Documented.NONE,
    )
    # Model labels ("aspects.aspect") of the registers that usually hold the evidence.
    evidence_registers = models.JSONField(
        _("registers holding the evidence"), default=list, blank=True
    )
    # {"fa": {"title": ..., "guidance": ...}, ...}: the requirement's own translations.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    sort_key = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        ordering = ["library", "sort_key"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        constraints = [
            models.UniqueConstraint(
                fields=["library", "number"],
                name="clause_number_unique_in_library",
                violation_error_message=_("This library already has a clause with this number."),
            )
        ]
        indexes = [models.Index(fields=["library", "urn"], name="clause_urn_in_library")]

    def __str__(self) -> str:
        return f"{self.display_number} {self.display_title}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        own = subtree_q(cls.scope_field, paths)
        return own | Q(library__unit__isnull=True) if action == "view" else own

    @property
    def display_number(self) -> str:
        """The number in the reader's digits (۶.۱.۲ in Persian); stored as typed."""
        return calendars.localize_digits(self.number)

    @property
    def display_title(self) -> str:
        own = _translated(self.translations, "title")
        if own:
            return own
        return gettext(self.title) if self.library.builtin else self.title

    @property
    def display_question(self) -> str:
        if not self.question:
            return ""
        own = _translated(self.translations, "guidance")
        if own:
            return own
        return gettext(self.question) if self.library.builtin else self.question

    @classmethod
    def history_text(cls, record, name: str, value) -> str | None:
        """A built-in clause's title and question in history, translated as on its
        page (they are stored as their English source); its number in the reader's
        digits."""
        if name == "number" and value:
            return calendars.localize_digits(value)
        if name in ("title", "question") and value:
            key = "title" if name == "title" else "guidance"
            own = _translated(record.translations or {}, key)
            if own:
                return own
            if Library.objects.filter(pk=record.library_id, builtin=True).exists():
                return gettext(value)
        return None

    @property
    def group_number(self) -> str:
        """The number of the top-level clause this one belongs to ("9" for 9.1.2)."""
        return self.number.replace("-", ".").split(".")[0]

    def save(self, *args, **kwargs):
        self.sort_key = natural_key(self.number)
        super().save(*args, **kwargs)


def natural_key(number: str) -> str:
    """A text that sorts clause numbers as people do: 4.2 before 4.10, 9.1.2 after 9.1."""
    parts = []
    for part in number.replace("-", ".").split("."):
        parts.append(part.zfill(6) if part.isdigit() else part)
    return ".".join(parts)


class Mapping(models.Model):
    """Two requirements that ask for the same thing, named by URN so that the mapping
    holds for every version of both libraries: an answer to one counts for the other.
    Shipped as data (data/libraries/mappings.yaml) and replaced on every sync, like the
    built-in libraries; not a register."""

    source = models.CharField(_("requirement"), max_length=200, db_index=True)
    target = models.CharField(_("mapped requirement"), max_length=200, db_index=True)

    class Meta:
        verbose_name = _("requirement mapping")
        verbose_name_plural = _("requirement mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                name="mapping_unique",
                violation_error_message=_("These requirements are already mapped."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} ↔ {self.target}"
