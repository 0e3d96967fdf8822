"""The crisis management office: posts, who holds them, reporting lines, and the
matrix of crisis functions × departments (who leads, who supports)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel


class Education(models.IntegerChoices):
    """Ordered: a higher value meets every lower requirement."""

    DIPLOMA = 1, _("Secondary diploma")
    ASSOCIATE = 2, _("Associate degree")
    BACHELOR = 3, _("Bachelor's degree")
    MASTER = 4, _("Master's degree")
    DOCTORATE = 5, _("Doctorate")


class Post(ZistModel):
    """A post of the crisis office with its job description and qualifications."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="crisis_posts", verbose_name=_("unit")
    )
    title = models.CharField(_("title"), max_length=200)
    reports_to = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="subordinates",
        verbose_name=_("reports to"),
    )
    job_description = models.TextField(_("job description"), blank=True)
    education = models.PositiveSmallIntegerField(
        _("required education"), choices=Education.choices, null=True, blank=True
    )
    field_of_study = models.CharField(_("field of study"), max_length=200, blank=True)
    experience_years = models.PositiveSmallIntegerField(
        _("required experience (years)"), default=0, validators=[MaxValueValidator(50)]
    )
    trainings = models.TextField(_("required training"), blank=True, help_text=_("One per line."))

    class Meta:
        ordering = ["title"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "title"],
                name="crisis_post_unique_title",
                violation_error_message=_("This unit already has a post with this title."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        boss, seen = self.reports_to, {self.pk}
        while boss is not None:
            if boss.pk in seen:
                raise ValidationError(
                    {"reports_to": _("A post cannot report to itself, even indirectly.")}
                )
            seen.add(boss.pk)
            boss = boss.reports_to

    def training_list(self) -> list[str]:
        return [line.strip() for line in self.trainings.splitlines() if line.strip()]


class PostHolder(ZistModel):
    """A person holding a post, with the qualifications they bring."""

    scope_field = "post__unit"

    post = models.ForeignKey(Post, models.CASCADE, related_name="holders", verbose_name=_("post"))
    name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    education = models.PositiveSmallIntegerField(
        _("education"), choices=Education.choices, null=True, blank=True
    )
    experience_years = models.PositiveSmallIntegerField(
        _("experience (years)"), default=0, validators=[MaxValueValidator(60)]
    )
    trainings = models.TextField(_("training completed"), blank=True, help_text=_("One per line."))

    class Meta:
        ordering = ["post", "name"]
        verbose_name = _("post holder")
        verbose_name_plural = _("post holders")

    def __str__(self) -> str:
        return self.name

    def training_list(self) -> list[str]:
        return [line.strip() for line in self.trainings.splitlines() if line.strip()]


class CrisisFunction(ZistModel):
    """A crisis function (search and rescue, sheltering, debris removal…)."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="crisis_functions",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    lead_post = models.ForeignKey(
        Post,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="functions",
        verbose_name=_("coordinating post"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("crisis function")
        verbose_name_plural = _("crisis functions")

    def __str__(self) -> str:
        return self.name


class Responsibility(models.TextChoices):
    LEAD = "lead", _("Lead")
    SUPPORT = "support", _("Support")


class FunctionAssignment(ZistModel):
    """A cell of the functions × departments matrix."""

    str_select_related = ("function", "agency")

    scope_field = "function__unit"

    function = models.ForeignKey(
        CrisisFunction, models.CASCADE, related_name="assignments", verbose_name=_("function")
    )
    agency = models.ForeignKey(
        "crisis.Agency",
        models.PROTECT,
        related_name="assignments",
        verbose_name=_("department or organisation"),
    )
    responsibility = models.CharField(
        _("responsibility"), max_length=10, choices=Responsibility.choices
    )

    class Meta:
        ordering = ["function", "responsibility", "agency"]
        verbose_name = _("function assignment")
        verbose_name_plural = _("function assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["function", "agency"],
                name="crisis_assignment_unique",
                violation_error_message=_("This department already has a role in this function."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.function} · {self.agency}"

    def clean(self) -> None:
        if self.responsibility == Responsibility.LEAD and self.function_id:
            leads = self.function.assignments.filter(responsibility=Responsibility.LEAD)
            if leads.exclude(pk=self.pk).exists():
                raise ValidationError({"responsibility": _("This function already has a lead.")})
