"""Activities, environmental aspects, their impacts and the organisation's significance
criteria (ISO 14001 6.1.2).

An activity or service of a unit has aspects (energy use, noise, waste…); each aspect
has impacts, the changes to the environment it causes, adverse or beneficial (ISO 14001
3.2.4), each on one part of the environment (air, water, climate…). Each aspect is
scored against a criteria set: data of the organisation held on a unit (usually the
root or a region) and applying to that unit's subtree. The score, the significance and
the reason are computed by `zist.aspects.significance` and stored on the aspect, so that
history keeps every evaluation.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from zist.aspects import significance
from zist.core.display import display
from zist.core.models import ZistModel


class Method(models.TextChoices):
    WEIGHTED_SUM = significance.WEIGHTED_SUM, _("Weighted sum")
    PRODUCT = significance.PRODUCT, _("Product")


class Condition(models.TextChoices):
    NORMAL = "normal", _("Normal")
    ABNORMAL = "abnormal", _("Abnormal")
    EMERGENCY = "emergency", _("Emergency")


class LifeCycleStage(models.TextChoices):
    RAW_MATERIAL = "raw_material", _("Raw material acquisition")
    DESIGN = "design", _("Design")
    PRODUCTION = "production", _("Production or service delivery")
    TRANSPORT = "transport", _("Transport and delivery")
    USE = "use", _("Use")
    END_OF_LIFE = "end_of_life", _("End-of-life treatment and disposal")


class Control(models.TextChoices):
    DIRECT = "direct", _("Direct (controlled)")
    INDIRECT = "indirect", _("Indirect (influenced)")


class ImpactCategory(models.TextChoices):
    """The part of the environment an impact changes (ISO 14001 3.2.1 and 3.2.4: air,
    water, land, natural resources, flora, fauna, humans and their interrelation)."""

    AIR = "air", _("Air")
    WATER = "water", _("Water")
    SOIL = "soil", _("Soil and land")
    CLIMATE = "climate", _("Climate")
    RESOURCES = "resources", _("Natural resources and energy")
    BIODIVERSITY = "biodiversity", _("Biodiversity and ecosystems")
    WASTE = "waste", _("Waste")
    NOISE = "noise", _("Noise and vibration")
    HEALTH = "health", _("Human health and community")
    OTHER = "other", _("Other")


class Effect(models.TextChoices):
    ADVERSE = "adverse", _("Adverse")
    BENEFICIAL = "beneficial", _("Beneficial")


class RuleKind(models.TextChoices):
    LEGAL_OBLIGATION = significance.LEGAL_OBLIGATION, _("Applicable legal obligation")
    CRITERION_AT_LEAST = significance.CRITERION_AT_LEAST, _("Criterion at least")


class Basis(models.TextChoices):
    SCORE = significance.BY_SCORE, _("Score at or above the threshold")
    LEGAL_OBLIGATION = significance.BY_LEGAL_OBLIGATION, _("Applicable legal obligation")
    RULE = significance.BY_RULE, _("Override rule")
    BELOW_THRESHOLD = significance.BELOW_THRESHOLD, _("Score below the threshold")
    INCOMPLETE = significance.INCOMPLETE, _("Scores incomplete")


class CriteriaSet(ZistModel):
    """The documented significance criteria of an organisation (or of one unit's
    subtree): how aspects are scored and when they are significant."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="criteria_sets", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    method = models.CharField(
        _("method"), max_length=20, choices=Method.choices, default=Method.PRODUCT
    )
    threshold = models.DecimalField(
        _("significance threshold"),
        max_digits=10,
        decimal_places=2,
        help_text=_("An aspect scoring at least this much is significant."),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("significance criteria set")
        verbose_name_plural = _("significance criteria sets")

    def __str__(self) -> str:
        return self.name

    def as_method(self) -> significance.Method:
        """The criteria set as plain data for the significance engine."""
        criteria = tuple(
            significance.Criterion(c.code, c.name, c.minimum, c.maximum, c.weight)
            for c in self.criteria.all()
        )
        rules = tuple(
            significance.Rule(
                r.kind, r.condition, r.criterion.code if r.criterion_id else "", r.minimum or 0
            )
            for r in self.rules.select_related("criterion")
        )
        return significance.Method(self.method, self.threshold, criteria, rules)


class Criterion(ZistModel):
    """One named criterion of a criteria set, with its scale and weight."""

    scope_field = "criteria_set__unit"

    criteria_set = models.ForeignKey(
        CriteriaSet, models.CASCADE, related_name="criteria", verbose_name=_("criteria set")
    )
    code = models.SlugField(
        _("code"), max_length=30, help_text=_("Short name used in scores, e.g. severity.")
    )
    name = models.CharField(_("name"), max_length=200)
    minimum = models.SmallIntegerField(_("lowest score"), default=1)
    maximum = models.SmallIntegerField(_("highest score"), default=5)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    scale = models.TextField(
        _("scale"), blank=True, help_text=_("What each score means, one per line.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["criteria_set", "order", "pk"]
        verbose_name = _("significance criterion")
        verbose_name_plural = _("significance criteria")
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "code"],
                name="criterion_code_unique_in_set",
                violation_error_message=_(
                    "This criteria set already has a criterion with this code."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(maximum__gt=models.F("minimum")),
                name="criterion_scale_ascending",
                violation_error_message=_("The highest score must be above the lowest."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({display(self.minimum)}–{display(self.maximum)})"


class OverrideRule(ZistModel):
    """A rule that makes an aspect significant whatever its score."""

    scope_field = "criteria_set__unit"

    criteria_set = models.ForeignKey(
        CriteriaSet, models.CASCADE, related_name="rules", verbose_name=_("criteria set")
    )
    kind = models.CharField(_("rule"), max_length=30, choices=RuleKind.choices)
    condition = models.CharField(
        _("only under condition"),
        max_length=20,
        choices=Condition.choices,
        blank=True,
        help_text=_("Leave empty for any condition."),
    )
    criterion = models.ForeignKey(
        Criterion,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="rules",
        verbose_name=_("criterion"),
    )
    minimum = models.SmallIntegerField(_("at least"), null=True, blank=True)

    class Meta:
        ordering = ["criteria_set", "pk"]
        verbose_name = _("significance override rule")
        verbose_name_plural = _("significance override rules")

    def __str__(self) -> str:
        text = str(self.get_kind_display())
        if self.kind == RuleKind.CRITERION_AT_LEAST and self.criterion_id:
            text = f"{self.criterion.name} ≥ {display(self.minimum)}"
        if self.condition:
            text = f"{self.get_condition_display()}: {text}"
        return text

    def clean(self) -> None:
        if self.kind == RuleKind.CRITERION_AT_LEAST:
            if not self.criterion_id or self.minimum is None:
                raise ValidationError(
                    _("A criterion rule needs the criterion and its lowest score.")
                )
            if self.criteria_set_id and self.criterion.criteria_set_id != self.criteria_set_id:
                raise ValidationError({"criterion": _("Choose a criterion of the same set.")})


class Activity(ZistModel):
    """An activity or service of a unit (street cleaning, park irrigation, a school
    kitchen) whose environmental aspects are registered."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="activities", verbose_name=_("unit")
    )
    code = models.SlugField(
        _("code"),
        max_length=50,
        allow_unicode=True,
        help_text=_("Short identifier, unique in the unit, used by imports."),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["unit__path", "code"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "code"],
                name="activity_code_unique_in_unit",
                violation_error_message=_("Another activity of this unit has this code."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Aspect(ZistModel):
    """An environmental aspect of an activity and its significance as last evaluated
    with the criteria set; its impacts are `Impact` records."""

    scope_field = "activity__unit"

    activity = models.ForeignKey(
        Activity, models.CASCADE, related_name="aspects", verbose_name=_("activity")
    )
    name = models.CharField(_("aspect"), max_length=300)
    # The impacts were one free text before they became Impact records (migration
    # 0003 copied each text into a record). The text stays, read-only, so that the
    # aspect's history still shows how it read and changed before then.
    impact = models.TextField(
        _("impacts as text (before impact records)"), blank=True, editable=False
    )
    condition = models.CharField(
        _("condition"), max_length=20, choices=Condition.choices, default=Condition.NORMAL
    )
    life_cycle_stage = models.CharField(
        _("life-cycle stage"),
        max_length=20,
        choices=LifeCycleStage.choices,
        default=LifeCycleStage.PRODUCTION,
    )
    control = models.CharField(
        _("direct or indirect"), max_length=10, choices=Control.choices, default=Control.DIRECT
    )
    obligations = models.ManyToManyField(
        "obligations.Obligation",
        blank=True,
        related_name="aspects",
        verbose_name=_("compliance obligations"),
    )
    controls = models.TextField(_("operational controls"), blank=True)
    criteria_set = models.ForeignKey(
        CriteriaSet,
        models.PROTECT,
        related_name="aspects",
        verbose_name=_("criteria set"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the criteria set of the unit or its parents."),
    )
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    # Computed by zist.aspects.services.apply_evaluation(); history keeps each result.
    score = models.DecimalField(
        _("score"), max_digits=12, decimal_places=2, null=True, blank=True, editable=False
    )
    significant = models.BooleanField(_("significant"), default=False, editable=False)
    significance_basis = models.CharField(
        _("significance basis"),
        max_length=20,
        choices=Basis.choices,
        default=Basis.INCOMPLETE,
        editable=False,
    )
    significance_reason = models.TextField(_("significance reason"), blank=True, editable=False)

    class Meta:
        ordering = ["activity", "pk"]
        verbose_name = _("environmental aspect")
        verbose_name_plural = _("environmental aspects")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from zist.aspects.services import criteria_set_for

        if not self.activity_id:
            return
        unit = self.activity.unit
        if self.criteria_set_id is None:
            self.criteria_set = criteria_set_for(unit)
        elif not unit.path.startswith(self.criteria_set.unit.path):
            raise ValidationError(
                {"criteria_set": _("Choose a criteria set of this unit or one of its parents.")}
            )
        if self.criteria_set is None:
            raise ValidationError(
                {"criteria_set": _("No significance criteria set covers this unit yet.")}
            )
        errors = significance.score_errors(self.criteria_set.as_method(), self.scores or {})
        if errors:
            words = {
                significance.UNKNOWN: _("not a criterion of this set"),
                significance.MISSING: _("missing"),
                significance.OUT_OF_SCALE: _("outside its scale"),
            }
            problems = ", ".join(f"{code}: {words[problem]}" for code, problem in errors)
            raise ValidationError(
                {
                    "scores": _("Give every criterion a score on its scale (%(problems)s).")
                    % {"problems": problems}
                }
            )

    @property
    def scores_text(self) -> str:
        order = (
            list(self.criteria_set.criteria.values_list("code", flat=True))
            if (self.criteria_set_id)
            else []
        )
        return significance.format_scores(self.scores or {}, order)


class Impact(ZistModel):
    """A change to the environment that an aspect causes (ISO 14001 3.2.4), adverse or
    beneficial, on one part of the environment: so one can list every aspect that
    pollutes the air, or the register's beneficial impacts."""

    scope_field = "aspect__activity__unit"

    aspect = models.ForeignKey(
        Aspect, models.CASCADE, related_name="impacts", verbose_name=_("environmental aspect")
    )
    category = models.CharField(
        _("affected environment"),
        max_length=20,
        choices=ImpactCategory.choices,
        help_text=_("The part of the environment the impact changes."),
    )
    description = models.TextField(
        _("description"), help_text=_("The change to the environment, e.g. smog from exhaust.")
    )
    effect = models.CharField(
        _("adverse or beneficial"), max_length=10, choices=Effect.choices, default=Effect.ADVERSE
    )

    class Meta:
        ordering = ["aspect", "pk"]
        verbose_name = _("environmental impact")
        verbose_name_plural = _("environmental impacts")

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {Truncator(self.description).chars(80)}"
