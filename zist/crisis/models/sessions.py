"""Group risk assessment: the organisation's risk matrix, sessions, their participants
and the judgements they give (criteria scores, AHP pairwise comparisons, Delphi
rounds). Results are computed by `zist.crisis.services`, never stored."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    VERY_HIGH = "very_high", _("Very high")


class RiskMatrix(ZistModel):
    """Likelihood × impact matrix with the organisation's bands (ISO 31000): a score
    (likelihood level × impact level) from `medium_from` up is medium, and so on."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="risk_matrices", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    likelihood_levels = models.PositiveSmallIntegerField(
        _("likelihood levels"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )
    impact_levels = models.PositiveSmallIntegerField(
        _("impact levels"), default=5, validators=[MinValueValidator(2), MaxValueValidator(10)]
    )
    medium_from = models.PositiveSmallIntegerField(_("medium from score"), default=4)
    high_from = models.PositiveSmallIntegerField(_("high from score"), default=8)
    very_high_from = models.PositiveSmallIntegerField(_("very high from score"), default=15)

    class Meta:
        ordering = ["name"]
        verbose_name = _("risk matrix")
        verbose_name_plural = _("risk matrices")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        top = (self.likelihood_levels or 0) * (self.impact_levels or 0)
        if not (1 < self.medium_from < self.high_from < self.very_high_from <= top):
            raise ValidationError(
                _("The bands must rise: 1 < medium < high < very high ≤ %(top)s.") % {"top": top}
            )

    def level(self, likelihood: float, impact: float) -> str:
        """The band of the cell holding (likelihood, impact), each rounded to a level."""
        from zist.crisis.services.scoring import risk_level

        return risk_level(
            likelihood,
            impact,
            levels=(self.likelihood_levels, self.impact_levels),
            bands=(self.medium_from, self.high_from, self.very_high_from),
        )


class Method(models.TextChoices):
    SCORING = "scoring", _("Criteria scoring")
    AHP = "ahp", _("AHP pairwise comparison")
    DELPHI = "delphi", _("Delphi rounds")


class Aggregation(models.TextChoices):
    MEAN = "mean", _("Arithmetic mean")
    GEOMETRIC = "geometric", _("Geometric mean")


class AssessmentSession(ZistModel):
    """A group decision session of managers and experts prioritising hazards."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="assessment_sessions",
        verbose_name=_("unit"),
    )
    title = models.CharField(_("title"), max_length=300)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    aggregation = models.CharField(
        _("aggregation"), max_length=20, choices=Aggregation.choices, default=Aggregation.MEAN
    )
    risk_matrix = models.ForeignKey(
        RiskMatrix,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("risk matrix"),
    )
    hazards = models.ManyToManyField(
        "crisis.Hazard", related_name="sessions", blank=True, verbose_name=_("hazards in scope")
    )
    consensus_iqr = models.DecimalField(
        _("consensus: largest interquartile range"),
        max_digits=4,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
        help_text=_("Delphi: consensus is reached when every IQR is at most this."),
    )
    max_rounds = models.PositiveSmallIntegerField(
        _("maximum Delphi rounds"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("risk assessment session")
        verbose_name_plural = _("risk assessment sessions")

    def __str__(self) -> str:
        return self.title

    def matrix(self):
        """The session's risk matrix, or the default 5×5 one (not saved)."""
        return self.risk_matrix or RiskMatrix(name=str(_("Default 5×5 matrix")))

    def results(self, user):
        """The computed result as `user` may read it (see zist.crisis.services.sessions)."""
        from zist.crisis.services.sessions import session_results

        return session_results(self, user)


class Participant(ZistModel):
    """A person taking part in a session, with or without a login."""

    scope_field = "session__unit"

    session = models.ForeignKey(
        AssessmentSession,
        models.CASCADE,
        related_name="participants",
        verbose_name=_("session"),
    )
    name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    affiliation = models.CharField(_("organisation and post"), max_length=200, blank=True)

    class Meta:
        ordering = ["session", "name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "name"],
                name="crisis_participant_unique_name",
                violation_error_message=_("This session already has a participant of this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name


def _check_in_session(session, hazards, participant=None, method=None) -> None:
    errors = {}
    if method and session.method != method:
        errors["session"] = _("This session uses another method.")
    for field, hazard in hazards.items():
        if hazard is not None and not session.hazards.filter(pk=hazard.pk).exists():
            errors[field] = _("This hazard is not in the session's scope.")
    if participant is not None and participant.session_id != session.pk:
        errors["participant"] = _("This person does not take part in this session.")
    if errors:
        raise ValidationError(errors)


class Criterion(models.TextChoices):
    """Likelihood and the impact criteria of the EU civil-protection guidelines."""

    LIKELIHOOD = "likelihood", _("Likelihood")
    HUMAN = "human", _("Human impact")
    ECONOMIC = "economic", _("Economic impact")
    ENVIRONMENTAL = "environmental", _("Environmental impact")
    SOCIAL = "social", _("Social and political impact")


IMPACT_CRITERIA = (Criterion.HUMAN, Criterion.ECONOMIC, Criterion.ENVIRONMENTAL, Criterion.SOCIAL)


class CriterionScore(ZistModel):
    """One participant's score of one hazard on one criterion (1–5)."""

    str_select_related = ("participant", "hazard")

    scope_field = "participant__session__unit"

    participant = models.ForeignKey(
        Participant, models.CASCADE, related_name="scores", verbose_name=_("participant")
    )
    hazard = models.ForeignKey(
        "crisis.Hazard", models.PROTECT, related_name="criterion_scores", verbose_name=_("hazard")
    )
    criterion = models.CharField(_("criterion"), max_length=20, choices=Criterion.choices)
    value = models.PositiveSmallIntegerField(_("score (1–5)"), validators=ONE_TO_FIVE)

    class Meta:
        ordering = ["participant", "hazard", "criterion"]
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "hazard", "criterion"],
                name="crisis_criterionscore_unique",
                violation_error_message=_("This person already scored this hazard on this."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.hazard} · {self.get_criterion_display()}"

    def clean(self) -> None:
        if self.participant_id and self.hazard_id:
            session = self.participant.session
            _check_in_session(session, {"hazard": self.hazard}, method=Method.SCORING)


class Favours(models.TextChoices):
    FIRST = "first", _("First hazard")
    SECOND = "second", _("Second hazard")


class PairwiseComparison(ZistModel):
    """An AHP judgement on Saaty's 1–9 scale: how much riskier the favoured hazard is.
    Without a participant it is the group's consensus judgement."""

    str_select_related = ("first", "second")

    scope_field = "session__unit"

    session = models.ForeignKey(
        AssessmentSession,
        models.CASCADE,
        related_name="comparisons",
        verbose_name=_("session"),
    )
    participant = models.ForeignKey(
        Participant,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="comparisons",
        verbose_name=_("participant"),
        help_text=_("Empty for the group's consensus judgement."),
    )
    first = models.ForeignKey(
        "crisis.Hazard", models.PROTECT, related_name="+", verbose_name=_("first hazard")
    )
    second = models.ForeignKey(
        "crisis.Hazard", models.PROTECT, related_name="+", verbose_name=_("second hazard")
    )
    favours = models.CharField(
        _("riskier"), max_length=10, choices=Favours.choices, default=Favours.FIRST
    )
    intensity = models.PositiveSmallIntegerField(
        _("intensity (1–9)"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme."),
    )

    class Meta:
        ordering = ["session", "participant", "pk"]
        verbose_name = _("pairwise comparison")
        verbose_name_plural = _("pairwise comparisons")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant", "first", "second"],
                name="crisis_comparison_unique",
                violation_error_message=_("This pair is already compared by this person."),
            ),
            models.UniqueConstraint(
                fields=["session", "first", "second"],
                condition=Q(participant__isnull=True),
                name="crisis_comparison_unique_consensus",
                violation_error_message=_("This pair already has a consensus judgement."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first} / {self.second}"

    @property
    def value(self) -> float:
        """a(first, second) of the pairwise matrix."""
        return float(self.intensity) if self.favours == Favours.FIRST else 1 / self.intensity

    def clean(self) -> None:
        if not (self.session_id and self.first_id and self.second_id):
            return
        if self.first_id == self.second_id:
            raise ValidationError({"second": _("Compare two different hazards.")})
        _check_in_session(
            self.session,
            {"first": self.first, "second": self.second},
            participant=self.participant,
            method=Method.AHP,
        )
        mirrored = PairwiseComparison.objects.filter(
            session=self.session_id,
            participant=self.participant_id,
            first=self.second_id,
            second=self.first_id,
        ).exclude(pk=self.pk)
        if mirrored.exists():
            raise ValidationError(_("This pair is already compared the other way round."))


class DelphiRound(ZistModel):
    """One anonymous Delphi round. Rounds are numbered 1, 2, 3…; no round follows one
    that reached consensus, and earlier rounds are kept unchanged."""

    str_select_related = ("session",)

    scope_field = "session__unit"

    session = models.ForeignKey(
        AssessmentSession, models.CASCADE, related_name="rounds", verbose_name=_("session")
    )
    number = models.PositiveSmallIntegerField(_("round"), validators=[MinValueValidator(1)])
    held_on = models.DateField(_("held on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["session", "number"]
        verbose_name = _("Delphi round")
        verbose_name_plural = _("Delphi rounds")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"],
                name="crisis_delphiround_unique",
                violation_error_message=_("This session already has a round with this number."),
            )
        ]

    def __str__(self) -> str:
        return _("%(session)s, round %(number)s") % {"session": self.session, "number": self.number}

    def clean(self) -> None:
        if not self.session_id or self.number is None:
            return
        if self.session.method != Method.DELPHI:
            raise ValidationError({"session": _("This session uses another method.")})
        if self.pk:
            return
        from zist.crisis.services.sessions import delphi_round_results

        previous = self.session.rounds.order_by("number").last()
        expected = (previous.number + 1) if previous else 1
        if self.number != expected:
            raise ValidationError({"number": _("The next round is round %(n)s.") % {"n": expected}})
        if self.number > self.session.max_rounds:
            raise ValidationError(_("The session allows no more rounds."))
        if previous and delphi_round_results(previous).consensus:
            raise ValidationError(_("Consensus was reached in the previous round: no more rounds."))

    @property
    def is_latest(self) -> bool:
        return not self.session.rounds.filter(number__gt=self.number).exists()


class DelphiScore(ZistModel):
    """A participant's anonymous likelihood and impact score of a hazard in one round."""

    str_select_related = ("round__session", "hazard")

    scope_field = "round__session__unit"

    round = models.ForeignKey(
        DelphiRound, models.CASCADE, related_name="scores", verbose_name=_("round")
    )
    participant = models.ForeignKey(
        Participant, models.CASCADE, related_name="delphi_scores", verbose_name=_("participant")
    )
    hazard = models.ForeignKey(
        "crisis.Hazard", models.PROTECT, related_name="delphi_scores", verbose_name=_("hazard")
    )
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1–5)"), validators=ONE_TO_FIVE)
    impact = models.PositiveSmallIntegerField(_("impact (1–5)"), validators=ONE_TO_FIVE)

    class Meta:
        ordering = ["round", "hazard", "pk"]
        verbose_name = _("Delphi score")
        verbose_name_plural = _("Delphi scores")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "participant", "hazard"],
                name="crisis_delphiscore_unique",
                violation_error_message=_("This person already scored this hazard in this round."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.round} · {self.hazard}"

    def clean(self) -> None:
        if not (self.round_id and self.participant_id and self.hazard_id):
            return
        _check_in_session(self.round.session, {"hazard": self.hazard}, participant=self.participant)
        if not self.round.is_latest:
            raise ValidationError(_("An earlier round is closed: its scores are kept as given."))
