from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import localize_digits
from zist.core.forms import ZistModelForm
from zist.crisis import models as m
from zist.crisis.models.sessions import Favours
from zist.crisis.services.ahp_entry import EQUAL, Judgement, isolated, pair_name


class HazardForm(ZistModelForm):
    class Meta:
        model = m.Hazard
        fields = ["unit", "name", "category", "kind", "area", "description"]


class HazardEventForm(ZistModelForm):
    class Meta:
        model = m.HazardEvent
        fields = [
            "hazard",
            "title",
            "date",
            "location",
            "severity",
            "deaths",
            "injured",
            "displaced",
            "economic_loss",
            "source",
            "description",
        ]


class RiskMatrixForm(ZistModelForm):
    class Meta:
        model = m.RiskMatrix
        fields = [
            "unit",
            "name",
            "likelihood_levels",
            "impact_levels",
            "medium_from",
            "high_from",
            "very_high_from",
        ]


class AssessmentSessionForm(ZistModelForm):
    class Meta:
        model = m.AssessmentSession
        fields = [
            "unit",
            "title",
            "held_on",
            "method",
            "aggregation",
            "risk_matrix",
            "hazards",
            "consensus_iqr",
            "max_rounds",
            "notes",
        ]


class ParticipantForm(ZistModelForm):
    class Meta:
        model = m.Participant
        fields = ["session", "name", "user", "affiliation"]


class CriterionScoreForm(ZistModelForm):
    class Meta:
        model = m.CriterionScore
        fields = ["participant", "hazard", "criterion", "value"]


class PairwiseComparisonForm(ZistModelForm):
    class Meta:
        model = m.PairwiseComparison
        fields = ["session", "participant", "first", "second", "favours", "intensity"]


class DelphiRoundForm(ZistModelForm):
    class Meta:
        model = m.DelphiRound
        fields = ["session", "number", "held_on", "notes"]


class DelphiScoreForm(ZistModelForm):
    class Meta:
        model = m.DelphiScore
        fields = ["round", "participant", "hazard", "likelihood", "impact"]


class HazardScenarioForm(ZistModelForm):
    class Meta:
        model = m.HazardScenario
        fields = ["unit", "hazard", "title", "description", "root_causes", "is_tree"]


class ConsequenceNodeForm(ZistModelForm):
    class Meta:
        model = m.ConsequenceNode
        fields = ["scenario", "label", "kind", "likelihood", "severity"]


class ConsequenceLinkForm(ZistModelForm):
    class Meta:
        model = m.ConsequenceLink
        fields = ["scenario", "source", "target", "note"]


class AgencyForm(ZistModelForm):
    class Meta:
        model = m.Agency
        fields = ["unit", "name", "is_municipal", "contact"]


class CapabilityGapForm(ZistModelForm):
    class Meta:
        model = m.CapabilityGap
        fields = ["scenario", "agency", "category", "kind", "description", "remedy", "remedy_due"]


class PostForm(ZistModelForm):
    class Meta:
        model = m.Post
        fields = [
            "unit",
            "title",
            "reports_to",
            "job_description",
            "education",
            "field_of_study",
            "experience_years",
            "trainings",
        ]


class PostHolderForm(ZistModelForm):
    class Meta:
        model = m.PostHolder
        fields = ["post", "name", "user", "education", "experience_years", "trainings"]


class CrisisFunctionForm(ZistModelForm):
    class Meta:
        model = m.CrisisFunction
        fields = ["unit", "name", "lead_post"]


class FunctionAssignmentForm(ZistModelForm):
    class Meta:
        model = m.FunctionAssignment
        fields = ["function", "agency", "responsibility"]


class ProcessForm(ZistModelForm):
    class Meta:
        model = m.Process
        fields = [
            "unit",
            "name",
            "phase",
            "hazard",
            "owner_post",
            "purpose",
            "speed",
            "flexibility",
            "quality",
            "efficiency",
        ]


class ProcessStepForm(ZistModelForm):
    class Meta:
        model = m.ProcessStep
        fields = [
            "process",
            "order",
            "name",
            "post",
            "inputs",
            "outputs",
            "target_minutes",
            "resources",
        ]


class DrillForm(ZistModelForm):
    class Meta:
        model = m.Drill
        fields = [
            "unit",
            "title",
            "hazard",
            "process",
            "scenario",
            "status",
            "planned_on",
            "held_on",
            "participants",
            "participant_count",
            "speed",
            "flexibility",
            "quality",
            "efficiency",
        ]


class DrillTimingForm(ZistModelForm):
    class Meta:
        model = m.DrillTiming
        fields = ["drill", "step", "measured_minutes"]


class DrillFindingForm(ZistModelForm):
    class Meta:
        model = m.DrillFinding
        fields = ["drill", "description", "remedy", "remedy_due"]


class PublicTrainingNeedForm(ZistModelForm):
    class Meta:
        model = m.PublicTrainingNeed
        fields = ["hazard", "topic", "audience", "priority", "channel"]


class MasterPlanForm(ZistModelForm):
    class Meta:
        model = m.MasterPlan
        fields = ["unit", "title", "version", "population", "summary"]


# The matrix page for one participant's AHP judgements. An option's value is the
# comparison's own (favours, intensity), written "first-5"; equal is "first-1".
# Whole phrases per strength, so that each language orders its own words.
SIDES = {
    3: _("%(hazard)s somewhat riskier (%(intensity)s)"),
    5: _("%(hazard)s clearly riskier (%(intensity)s)"),
    7: _("%(hazard)s much riskier (%(intensity)s)"),
    9: _("%(hazard)s far riskier (%(intensity)s)"),
}
IN_BETWEEN = _("%(hazard)s riskier (%(intensity)s)")


def judgement_token(judgement: Judgement | None) -> str:
    return "" if judgement is None else f"{judgement.favours}-{judgement.intensity}"


def scale_choices(first, second) -> list[tuple[str, str]]:
    """The Saaty scale from "row hazard far riskier" through "equal" to "column hazard
    far riskier", in the user's digits."""

    def side(hazard, favours, intensity):
        phrase = SIDES.get(intensity, IN_BETWEEN)
        values = {"hazard": isolated(hazard), "intensity": localize_digits(str(intensity))}
        text = str(phrase) % values
        return judgement_token(Judgement(favours, intensity)), text

    equal = Judgement(Favours.FIRST, EQUAL)
    return [
        ("", gettext("Not compared")),
        *(side(first, Favours.FIRST, n) for n in range(9, 1, -1)),
        (
            judgement_token(equal),
            gettext("Equal (%(intensity)s)") % {"intensity": localize_digits("1")},
        ),
        *(side(second, Favours.SECOND, n) for n in range(2, 10)),
    ]


class ComparisonMatrixForm(forms.Form):
    """One select per pair of the upper triangle, named by the pair, prefilled with
    the participant's judgements."""

    def __init__(self, hazards, pairs, data=None, *, disabled=False):
        super().__init__(data)
        self.hazards = hazards
        self.pairs = {}
        for pair in pairs:
            name = f"pair_{pair.first.pk}_{pair.second.pk}"
            self.pairs[name] = pair
            self.fields[name] = forms.ChoiceField(
                label=pair_name(pair.first, pair.second),
                choices=scale_choices(pair.first, pair.second),
                required=False,
                initial=judgement_token(pair.judgement),
                disabled=disabled,
                error_messages={"invalid_choice": _("Choose a value of the scale.")},
            )

    def judgements(self) -> dict:
        """{(row hazard id, column hazard id): Judgement or None to clear} for the pairs
        the page sent: a pair added to the session after the page was opened is not
        in it and stays as it is."""
        found = {}
        for name, pair in self.pairs.items():
            if name not in self.data:
                continue
            token = self.cleaned_data[name]
            if token:
                favours, intensity = token.split("-")
                found[pair.key] = Judgement(favours, int(intensity))
            else:
                found[pair.key] = None
        return found

    def grid(self) -> list[dict]:
        """Rows of the upper triangle: each row hazard but the last, a cell for each
        column hazard but the first (a select right of the diagonal)."""
        names = {(p.first.pk, p.second.pk): name for name, p in self.pairs.items()}
        rows = []
        for i, row in enumerate(self.hazards[:-1]):
            cells = []
            for j, column in enumerate(self.hazards[1:], 1):
                if j > i:
                    cells.append({"field": self[names[row.pk, column.pk]]})
                else:
                    cells.append({"diagonal": j == i})
            rows.append({"hazard": row, "cells": cells})
        return rows
