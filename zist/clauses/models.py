"""Requirement libraries: the clauses an audit checks against.

Built-in libraries (ISO 14001:2015, EMAS) ship with Zist as data (`builtin.py`): clause
numbers with our own short titles and guidance questions — never the standards' text —
translated through the app's message catalogue. An organisation adds its own libraries
(ISO 50001, a customer's criteria, internal rules) on one of its units.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
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

    class Meta:
        ordering = ["name"]
        verbose_name = _("requirement library")
        verbose_name_plural = _("requirement libraries")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(builtin=True),
                name="library_builtin_code_unique",
                violation_error_message=_("A built-in library has this code."),
            ),
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="library_code_unique_in_unit",
                violation_error_message=_("This unit already has a library with this code."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @classmethod
    def history_text(cls, record, name: str, value) -> str | None:
        if name == "name" and value and record.builtin:
            return gettext(value)
        return None

    @property
    def display_name(self) -> str:
        return gettext(self.name) if self.builtin else self.name

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        own = subtree_q(cls.scope_field, paths)
        # Built-in libraries are read by anyone who may read libraries, changed by no one
        # but the code that ships them.
        return own | Q(unit__isnull=True) if action == "view" else own


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
        return gettext(self.title) if self.library.builtin else self.title

    @property
    def display_question(self) -> str:
        if not self.question:
            return ""
        return gettext(self.question) if self.library.builtin else self.question

    @classmethod
    def history_text(cls, record, name: str, value) -> str | None:
        """A built-in clause's title and question in history, translated as on its
        page (they are stored as their English source); its number in the reader's
        digits."""
        if name == "number" and value:
            return calendars.localize_digits(value)
        if name in ("title", "question") and value:
            if Library.objects.filter(pk=record.library_id, builtin=True).exists():
                return gettext(value)
        return None

    def save(self, *args, **kwargs):
        self.sort_key = natural_key(self.number)
        super().save(*args, **kwargs)


def natural_key(number: str) -> str:
    """A text that sorts clause numbers as people do: 4.2 before 4.10, 9.1.2 after 9.1."""
    parts = []
    for part in number.replace("-", ".").split("."):
        parts.append(part.zfill(6) if part.isdigit() else part)
    return ".".join(parts)
