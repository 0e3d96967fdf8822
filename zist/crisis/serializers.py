from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.crisis import models as m


def _hazard_id(hazard) -> int | None:
    """A result's hazard by id; none for a hazard the reader may not see."""
    return None if getattr(hazard, "hidden", False) else hazard.pk


class AssessmentSessionSerializer(ZistModelSerializer):
    """A session with its computed result: the ranked hazards and, for AHP, the
    consistency; for Delphi, each round's medians and interquartile ranges."""

    results = serializers.SerializerMethodField()

    class Meta:
        model = m.AssessmentSession
        fields = [
            "id",
            "display",
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
            "results",
            "created",
            "last_updated",
        ]

    def get_results(self, obj) -> dict:
        results = obj.results(getattr(self.context.get("request"), "user", None))
        data = {
            "warnings": [str(w) for w in results.warnings],
            "ranking": [
                {
                    "rank": row.rank,
                    "hazard": _hazard_id(row.hazard),
                    "likelihood": row.likelihood,
                    "impact": row.impact,
                    "score": row.score,
                    "level": row.level,
                }
                for row in results.rows
            ],
        }
        if results.ahp is not None:
            data["ahp"] = {
                "lambda_max": results.ahp.lambda_max,
                "ci": results.ahp.ci,
                "cr": results.ahp.cr,
                "acceptable": results.ahp.acceptable,
            }
        if results.rounds:
            data["consensus"] = results.consensus
            data["rounds"] = [
                {
                    "number": item.round.number,
                    "consensus": item.consensus,
                    "hazards": [
                        {
                            "hazard": _hazard_id(hazard),
                            "likelihood_median": likelihood.median,
                            "likelihood_iqr": likelihood.iqr,
                            "impact_median": impact.median,
                            "impact_iqr": impact.iqr,
                        }
                        for hazard, likelihood, impact in item.rows
                    ],
                }
                for item in results.rounds
            ]
        return data


class MasterPlanSerializer(ZistModelSerializer):
    """A master plan; its approval is set by the approval on its page, never written here."""

    class Meta:
        model = m.MasterPlan
        fields = [
            "id",
            "display",
            "unit",
            "title",
            "version",
            "population",
            "summary",
            "status",
            "approved_by",
            "approved_on",
            "created",
            "last_updated",
        ]
        read_only_fields = ["status", "approved_by", "approved_on"]
