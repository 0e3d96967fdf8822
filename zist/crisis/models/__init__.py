"""The crisis management master plan, one module per concept."""

from zist.crisis.models.drills import Drill, DrillFinding, DrillStatus, DrillTiming
from zist.crisis.models.hazards import Hazard, HazardCategory, HazardEvent, HazardKind
from zist.crisis.models.office import CrisisFunction, FunctionAssignment, Post, PostHolder
from zist.crisis.models.plan import MasterPlan, PlanStatus, PublicTrainingNeed
from zist.crisis.models.processes import Phase, Process, ProcessStep
from zist.crisis.models.scenarios import (
    Agency,
    CapabilityGap,
    ConsequenceLink,
    ConsequenceNode,
    HazardScenario,
)
from zist.crisis.models.sessions import (
    AssessmentSession,
    CriterionScore,
    DelphiRound,
    DelphiScore,
    PairwiseComparison,
    Participant,
    RiskMatrix,
)

__all__ = [
    "Agency",
    "AssessmentSession",
    "CapabilityGap",
    "ConsequenceLink",
    "ConsequenceNode",
    "CrisisFunction",
    "CriterionScore",
    "DelphiRound",
    "DelphiScore",
    "Drill",
    "DrillFinding",
    "DrillStatus",
    "DrillTiming",
    "FunctionAssignment",
    "Hazard",
    "HazardCategory",
    "HazardEvent",
    "HazardKind",
    "HazardScenario",
    "MasterPlan",
    "PairwiseComparison",
    "Participant",
    "Phase",
    "PlanStatus",
    "Post",
    "PostHolder",
    "Process",
    "ProcessStep",
    "PublicTrainingNeed",
    "RiskMatrix",
]
