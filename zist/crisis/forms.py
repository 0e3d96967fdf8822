from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import localize_digits
from zist.core.forms import ZistModelForm
from zist.crisis import models as m
from zist.crisis.models.sessions import Favours
from zist.crisis.services.ahp_entry import EQUAL, Judgement, isolated, pair_name


def _form(model_, field_names):
    meta = type("Meta", (), {"model": model_, "fields": field_names})
    return type(f"{model_.__name__}Form", (ZistModelForm,), {"Meta": meta, "__module__": __name__})


HazardForm = _form(m.Hazard, ["unit", "name", "category", "kind", "area", "description"])
HazardEventForm = _form(
    m.HazardEvent,
    [
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
    ],
)
RiskMatrixForm = _form(
    m.RiskMatrix,
    [
        "unit",
        "name",
        "likelihood_levels",
        "impact_levels",
        "medium_from",
        "high_from",
        "very_high_from",
    ],
)
AssessmentSessionForm = _form(
    m.AssessmentSession,
    [
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
    ],
)
ParticipantForm = _form(m.Participant, ["session", "name", "user", "affiliation"])
CriterionScoreForm = _form(m.CriterionScore, ["participant", "hazard", "criterion", "value"])
PairwiseComparisonForm = _form(
    m.PairwiseComparison, ["session", "participant", "first", "second", "favours", "intensity"]
)
DelphiRoundForm = _form(m.DelphiRound, ["session", "number", "held_on", "notes"])
DelphiScoreForm = _form(m.DelphiScore, ["round", "participant", "hazard", "likelihood", "impact"])
HazardScenarioForm = _form(
    m.HazardScenario, ["unit", "hazard", "title", "description", "root_causes", "is_tree"]
)
ConsequenceNodeForm = _form(
    m.ConsequenceNode, ["scenario", "label", "kind", "likelihood", "severity"]
)
ConsequenceLinkForm = _form(m.ConsequenceLink, ["scenario", "source", "target", "note"])
AgencyForm = _form(m.Agency, ["unit", "name", "is_municipal", "contact"])
CapabilityGapForm = _form(
    m.CapabilityGap,
    ["scenario", "agency", "category", "kind", "description", "remedy", "remedy_due"],
)
PostForm = _form(
    m.Post,
    [
        "unit",
        "title",
        "reports_to",
        "job_description",
        "education",
        "field_of_study",
        "experience_years",
        "trainings",
    ],
)
PostHolderForm = _form(
    m.PostHolder, ["post", "name", "user", "education", "experience_years", "trainings"]
)
CrisisFunctionForm = _form(m.CrisisFunction, ["unit", "name", "lead_post"])
FunctionAssignmentForm = _form(m.FunctionAssignment, ["function", "agency", "responsibility"])
ProcessForm = _form(
    m.Process,
    [
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
    ],
)
ProcessStepForm = _form(
    m.ProcessStep,
    ["process", "order", "name", "post", "inputs", "outputs", "target_minutes", "resources"],
)
DrillForm = _form(
    m.Drill,
    [
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
    ],
)
DrillTimingForm = _form(m.DrillTiming, ["drill", "step", "measured_minutes"])
DrillFindingForm = _form(m.DrillFinding, ["drill", "description", "remedy", "remedy_due"])
PublicTrainingNeedForm = _form(
    m.PublicTrainingNeed, ["hazard", "topic", "audience", "priority", "channel"]
)
MasterPlanForm = _form(m.MasterPlan, ["unit", "title", "version", "population", "summary"])


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
