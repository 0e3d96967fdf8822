"""Award schemes as data, award rounds, applications and independent assessors' scores.

A scheme is a criteria tree: every criterion carries points (a parent's points are the
sum of its children's) and the leaves are scored in per cent (RADAR-style: the share of
the criterion's points earned). A leaf of kind "technical" or "improvement" is
computed from the applicant's accepted KPI submission instead of scored by people.

Like submissions, an application hangs on the applicant's unit and is seen by the
awarding body through its round; assessors' scores hang on the round only: applicants
never see who gave what. Assessors score independently: until the round reaches its
consensus step an assessor sees only their own scores, on every surface (pages, API,
exports, history), through `Score.person_q`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.core.querysets import RestrictedManager, RestrictedQuerySet, submitted_q, subtree_q


class Scheme(ZistModel):
    """An award scheme: its criteria tree, total points and levels."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="award_schemes",
        verbose_name=_("awarding body"),
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=200)
    total_points = models.PositiveIntegerField(_("total points"), default=1000)
    levels = models.JSONField(
        _("levels"),
        default=list,
        blank=True,
        help_text=_('From the lowest: [{"min": 550, "name": "Bronze"}, …]'),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("award scheme")
        verbose_name_plural = _("award schemes")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="awards_scheme_code_unique",
                violation_error_message=_("This body already has a scheme with this code."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        levels = self.levels or []
        ok = isinstance(levels, list) and all(
            isinstance(level, dict)
            and isinstance(level.get("min"), int | float)
            and 0 <= level["min"] <= self.total_points
            and isinstance(level.get("name"), str)
            for level in levels
        )
        if not ok or [lv["min"] for lv in levels] != sorted(lv["min"] for lv in levels):
            raise ValidationError(
                {"levels": _("Give levels as a list of {min, name}, lowest first.")}
            )

    def level_for(self, total) -> str:
        reached = [lv["name"] for lv in self.levels or [] if total >= lv["min"]]
        return reached[-1] if reached else ""


class CriterionKind(models.TextChoices):
    ENABLER = "enabler", _("Enabler")
    RESULT = "result", _("Result")
    TECHNICAL = "technical", _("Technical score from KPIs")
    IMPROVEMENT = "improvement", _("Improvement on last year")
    MANAGEMENT = "management", _("Management system")


class Criterion(ZistModel):
    """A node of a scheme's criteria tree with its points."""

    scheme = models.ForeignKey(
        Scheme, models.CASCADE, related_name="criteria", verbose_name=_("scheme")
    )
    parent = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=CriterionKind.choices)
    points = models.DecimalField(
        _("points"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    kpi_code = models.CharField(
        _("KPI"),
        max_length=40,
        blank=True,
        help_text=_("For a technical or improvement criterion."),
    )
    rule = models.JSONField(
        _("scoring rule"),
        default=dict,
        blank=True,
        help_text=_(
            'Technical: {"standard": {"C2394": 1.0}, "full": 0.8, "zero": 1.2}; improvement: {"full": 10}'
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    scope_field = "scheme__unit"
    str_select_related = ("scheme",)

    class Meta:
        ordering = ["scheme", "order", "code"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "code"],
                name="awards_criterion_code_unique",
                violation_error_message=_("This scheme already has a criterion with this code."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def computed(self) -> bool:
        return self.kind in (CriterionKind.TECHNICAL, CriterionKind.IMPROVEMENT)

    def clean(self) -> None:
        if self.parent_id and self.parent.scheme_id != self.scheme_id:
            raise ValidationError({"parent": _("The parent belongs to another scheme.")})


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open for applications")
    ASSESSING = "assessing", _("Assessing")
    # Assessors score alone until the panel compares their scores and agrees.
    CONSENSUS = "consensus", _("Consensus")
    PUBLISHED = "published", _("Results published")


class RoundQuerySet(RestrictedQuerySet):
    def open_or(self, visible):
        """Rounds open for applications (announced to everyone), and `visible`."""
        return self.model.objects.filter(
            Q(status=RoundStatus.OPEN) | Q(pk__in=visible.values("pk"))
        )


class Round(ZistModel):
    """One award round of a scheme (the 1404 round), optionally reading technical
    scores from a reporting programme."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="award_rounds",
        verbose_name=_("awarding body"),
    )
    scheme = models.ForeignKey(
        Scheme, models.PROTECT, related_name="rounds", verbose_name=_("scheme")
    )
    name = models.CharField(_("name"), max_length=200)
    programme = models.ForeignKey(
        "reporting.Programme",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="award_rounds",
        verbose_name=_("KPI programme"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    spread_limit = models.DecimalField(
        _("spread that needs consensus (percentage points)"),
        max_digits=5,
        decimal_places=2,
        default=20,
    )

    objects = RestrictedManager.from_queryset(RoundQuerySet)()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("award round")
        verbose_name_plural = _("award rounds")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        own = subtree_q("unit", paths)
        if action != "view":
            return own
        applied = Application._base_manager.filter(subtree_q("unit", paths)).values("round")
        return own | Q(pk__in=applied)


class Application(ZistModel):
    """An organisation's application to a round, with its evidence; the published total
    and level once the round's results are out."""

    round = models.ForeignKey(
        Round, models.PROTECT, related_name="applications", verbose_name=_("round")
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="award_applications",
        verbose_name=_("applicant"),
    )
    category = models.CharField(_("category"), max_length=100, blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    total = models.DecimalField(
        _("total points"), max_digits=7, decimal_places=2, null=True, blank=True, editable=False
    )
    level = models.CharField(_("level"), max_length=100, blank=True, editable=False)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True, editable=False)

    str_select_related = ("round", "unit")

    class Meta:
        ordering = ["round", "rank", "unit__name"]
        verbose_name = _("award application")
        verbose_name_plural = _("award applications")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit"],
                name="awards_one_application_per_unit",
                violation_error_message=_("This organisation has already applied in this round."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.round}"

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        return submitted_q("unit", "round__unit", paths, action, model=cls)


class Score(ZistModel):
    """One assessor's score of one leaf criterion for one application, in per cent of
    the criterion's points; or, with `consensus`, the score agreed after discussion."""

    application = models.ForeignKey(
        Application, models.CASCADE, related_name="scores", verbose_name=_("application")
    )
    criterion = models.ForeignKey(
        Criterion, models.PROTECT, related_name="scores", verbose_name=_("criterion")
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="award_scores",
        verbose_name=_("assessor"),
    )
    consensus = models.BooleanField(_("consensus"), default=False)
    percent = models.DecimalField(
        _("score (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    note = models.TextField(_("note"), blank=True)

    scope_field = "application__round__unit"
    str_select_related = ("criterion", "application__unit")

    class Meta:
        ordering = ["application", "criterion__order", "criterion__code"]
        verbose_name = _("assessor's score")
        verbose_name_plural = _("assessors' scores")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion", "assessor"],
                condition=Q(consensus=False),
                name="awards_one_score_per_assessor",
                violation_error_message=_("This assessor has already scored this criterion."),
            ),
            models.UniqueConstraint(
                fields=["application", "criterion"],
                condition=Q(consensus=True),
                name="awards_one_consensus_score",
                violation_error_message=_("This criterion already has a consensus score."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.application.unit}"

    @classmethod
    def person_q(cls, user, action: str) -> Q:
        """Independent assessment: before the consensus step an assessor sees (and
        changes) their own scores only. Whoever may approve the round (the panel's
        lead, who publishes) sees all of them, and so does everyone once the round is
        at its consensus step or published."""
        led = Round.objects.restrict(user, "approve").values("pk")
        compared = (RoundStatus.CONSENSUS, RoundStatus.PUBLISHED)
        return (
            Q(assessor=user)
            | Q(application__round__in=led)
            | Q(application__round__status__in=compared)
        )

    def clean(self) -> None:
        if self.criterion_id and self.application_id:
            if self.criterion.scheme_id != self.application.round.scheme_id:
                raise ValidationError({"criterion": _("This criterion belongs to another scheme.")})
        if not self.consensus and self.assessor_id is None:
            raise ValidationError({"assessor": _("Say who gave the score.")})
