"""Scenario analysis of a priority hazard: the graph of secondary consequences, root
causes, and the capability gaps of the responsible organisations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.crisis.models.sessions import ONE_TO_FIVE


class HazardScenario(ZistModel):
    """A worked-out scenario of one hazard ("earthquake of magnitude 7 at night")."""

    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="hazard_scenarios",
        verbose_name=_("unit"),
    )
    hazard = models.ForeignKey(
        "crisis.Hazard", models.PROTECT, related_name="scenarios", verbose_name=_("hazard")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    root_causes = models.TextField(_("root causes"), blank=True, help_text=_("One per line."))
    is_tree = models.BooleanField(
        _("consequences form a tree"),
        default=False,
        help_text=_("When set, links that would close a cycle are refused."),
    )

    class Meta:
        ordering = ["hazard", "title"]
        verbose_name = _("hazard scenario")
        verbose_name_plural = _("hazard scenarios")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.is_tree and self.pk:
            from zist.crisis.services.cascade import find_cycle

            edges = self.links.values_list("source_id", "target_id")
            if find_cycle(list(edges)):
                raise ValidationError(
                    {"is_tree": _("The consequences contain a cycle: they are not a tree.")}
                )

    def root_cause_list(self) -> list[str]:
        return [line.strip() for line in self.root_causes.splitlines() if line.strip()]

    def diagram(self) -> str:
        from zist.crisis.services.diagrams import consequence_diagram

        return consequence_diagram(self)


class NodeKind(models.TextChoices):
    HAZARD = "hazard", _("Hazard")
    EFFECT = "effect", _("Effect")


class ConsequenceNode(ZistModel):
    """A hazard or effect in a scenario's consequence graph."""

    scope_field = "scenario__unit"

    scenario = models.ForeignKey(
        HazardScenario, models.CASCADE, related_name="nodes", verbose_name=_("scenario")
    )
    label = models.CharField(_("label"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=NodeKind.choices)
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1–5)"), validators=ONE_TO_FIVE)
    severity = models.PositiveSmallIntegerField(_("severity (1–5)"), validators=ONE_TO_FIVE)

    class Meta:
        ordering = ["scenario", "pk"]
        verbose_name = _("consequence")
        verbose_name_plural = _("consequences")

    def __str__(self) -> str:
        return self.label


class ConsequenceLink(ZistModel):
    """`source` triggers `target` (earthquake → gas-pipe fire)."""

    str_select_related = ("source", "target")

    scope_field = "scenario__unit"

    scenario = models.ForeignKey(
        HazardScenario, models.CASCADE, related_name="links", verbose_name=_("scenario")
    )
    source = models.ForeignKey(
        ConsequenceNode, models.CASCADE, related_name="outgoing", verbose_name=_("cause")
    )
    target = models.ForeignKey(
        ConsequenceNode, models.CASCADE, related_name="incoming", verbose_name=_("consequence")
    )
    note = models.CharField(_("through"), max_length=300, blank=True)

    class Meta:
        ordering = ["scenario", "pk"]
        verbose_name = _("consequence link")
        verbose_name_plural = _("consequence links")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                name="crisis_link_unique",
                violation_error_message=_("These two are already linked."),
            )
        ]

    def __str__(self) -> str:
        # Translated so right-to-left languages can point the arrow the other way.
        return _("%(cause)s → %(effect)s") % {"cause": self.source, "effect": self.target}

    def clean(self) -> None:
        if not (self.scenario_id and self.source_id and self.target_id):
            return
        for name in ("source", "target"):
            if getattr(self, name).scenario_id != self.scenario_id:
                raise ValidationError({name: _("Pick a consequence of this scenario.")})
        if self.scenario.is_tree:
            from zist.crisis.services.cascade import find_cycle

            edges = list(
                self.scenario.links.exclude(pk=self.pk).values_list("source_id", "target_id")
            )
            if find_cycle([*edges, (self.source_id, self.target_id)]):
                raise ValidationError(
                    _("This link would close a cycle, and this scenario is drawn as a tree.")
                )


class Agency(ZistModel):
    """A municipal department or an outside organisation with a role in crises."""

    unit = models.ForeignKey(
        "organisations.Unit", models.PROTECT, related_name="crisis_agencies", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=200)
    is_municipal = models.BooleanField(_("municipal department"), default=True)
    contact = models.CharField(_("contact"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="crisis_agency_unique_name",
                violation_error_message=_("This unit already has an agency with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class GapCategory(models.TextChoices):
    HARDWARE = "hardware", _("Hardware")
    SOFTWARE = "software", _("Software")


class GapKind(models.TextChoices):
    EQUIPMENT = "equipment", _("Equipment")
    BUILDINGS = "buildings", _("Buildings")
    VEHICLES = "vehicles", _("Vehicles")
    PLANS = "plans", _("Plans")
    SKILLS = "skills", _("Skills")
    PROCEDURES = "procedures", _("Procedures")
    INFORMATION = "information", _("Information")


GAP_KINDS = {
    GapCategory.HARDWARE: {GapKind.EQUIPMENT, GapKind.BUILDINGS, GapKind.VEHICLES},
    GapCategory.SOFTWARE: {GapKind.PLANS, GapKind.SKILLS, GapKind.PROCEDURES, GapKind.INFORMATION},
}


class CapabilityGap(ZistModel):
    """A hardware or software weakness of a responsible organisation in a scenario,
    with the remedy that becomes a tracked action."""

    str_select_related = ("agency",)

    scope_field = "scenario__unit"

    scenario = models.ForeignKey(
        HazardScenario, models.CASCADE, related_name="gaps", verbose_name=_("scenario")
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="gaps", verbose_name=_("responsible organisation")
    )
    category = models.CharField(_("category"), max_length=10, choices=GapCategory.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=GapKind.choices)
    description = models.TextField(_("weakness"))
    remedy = models.CharField(_("remedy"), max_length=300, blank=True)
    remedy_due = models.DateField(_("remedy due"), null=True, blank=True)

    class Meta:
        ordering = ["scenario", "agency", "pk"]
        verbose_name = _("capability gap")
        verbose_name_plural = _("capability gaps")

    def __str__(self) -> str:
        return f"{self.agency}: {self.get_kind_display()}"

    def clean(self) -> None:
        if self.category and self.kind and self.kind not in GAP_KINDS[self.category]:
            raise ValidationError({"kind": _("This kind does not belong to the chosen category.")})
