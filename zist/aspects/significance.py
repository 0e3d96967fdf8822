"""The significance engine: an organisation's documented criteria applied to one aspect.

Pure functions over plain data (no database, no `eval`): the criteria set is data the
organisation keeps (named criteria with scales and weights, a method, a threshold and
override rules), so the same code serves every organisation and its result can be
tested against worked examples.

- Weighted sum: score = Σ weightᵢ × scoreᵢ.
- Product: score = Π weightᵢ × scoreᵢ (with every weight 1, the plain product
  severity × probability × extent).
- Significant when score ≥ threshold, or when an override rule applies:
  "an applicable legal obligation makes it significant", or "under condition C, a
  criterion scored at least N makes it significant" (e.g. emergency and severity ≥ 4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

WEIGHTED_SUM = "weighted_sum"
PRODUCT = "product"

# Why an aspect is (or is not) significant.
BY_SCORE = "score"
BY_LEGAL_OBLIGATION = "legal_obligation"
BY_RULE = "rule"
BELOW_THRESHOLD = "below_threshold"
INCOMPLETE = "incomplete"

# Override rule kinds.
LEGAL_OBLIGATION = "legal_obligation"
CRITERION_AT_LEAST = "criterion_at_least"


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    minimum: int = 1
    maximum: int = 5
    weight: Decimal = Decimal(1)


@dataclass(frozen=True)
class Rule:
    kind: str
    condition: str = ""  # "" = any condition
    criterion: str = ""  # criterion code, for CRITERION_AT_LEAST
    minimum: int = 0


@dataclass(frozen=True)
class Method:
    method: str
    threshold: Decimal
    criteria: tuple[Criterion, ...]
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    score: Decimal | None
    significant: bool
    basis: str
    # Details for the reason: the rule that applied, the obligations that count.
    rule: Rule | None = None
    obligations: tuple[str, ...] = field(default=())


UNKNOWN, MISSING, OUT_OF_SCALE = "unknown", "missing", "out_of_scale"


def score_errors(method: Method, scores: dict[str, int]) -> list[tuple[str, str]]:
    """Problems with `scores` for `method` as (criterion code, problem) pairs: unknown
    codes, missing or out-of-scale values. The caller words them in the user's
    language."""
    errors = []
    known = {c.code for c in method.criteria}
    for code in sorted(set(scores) - known):
        errors.append((code, UNKNOWN))
    for criterion in method.criteria:
        value = scores.get(criterion.code)
        if value is None:
            errors.append((criterion.code, MISSING))
        elif not criterion.minimum <= value <= criterion.maximum:
            errors.append((criterion.code, OUT_OF_SCALE))
    return errors


def compute_score(method: Method, scores: dict[str, int]) -> Decimal | None:
    """The aspect's score by the method, or None while any criterion lacks a score."""
    if not method.criteria or any(c.code not in scores for c in method.criteria):
        return None
    terms = [Decimal(c.weight) * Decimal(scores[c.code]) for c in method.criteria]
    if method.method == PRODUCT:
        total = Decimal(1)
        for term in terms:
            total *= term
        return total
    if method.method == WEIGHTED_SUM:
        return sum(terms, Decimal(0))
    raise ValueError(f"unknown method {method.method!r}")


def evaluate(
    method: Method,
    scores: dict[str, int],
    condition: str = "normal",
    legal_obligations: tuple[str, ...] = (),
) -> Evaluation:
    """Significance of one aspect.

    `legal_obligations` names the applicable legal obligations (law, regulation, permit)
    linked to the aspect. A score at or above the threshold is significant by score;
    otherwise the first override rule that applies makes it significant.
    """
    score = compute_score(method, scores)
    if score is not None and score >= method.threshold:
        return Evaluation(score, True, BY_SCORE)
    for rule in method.rules:
        if rule.condition and rule.condition != condition:
            continue
        if rule.kind == LEGAL_OBLIGATION and legal_obligations:
            return Evaluation(score, True, BY_LEGAL_OBLIGATION, rule, tuple(legal_obligations))
        if rule.kind == CRITERION_AT_LEAST:
            value = scores.get(rule.criterion)
            if value is not None and value >= rule.minimum:
                return Evaluation(score, True, BY_RULE, rule)
    if score is None:
        return Evaluation(None, False, INCOMPLETE)
    return Evaluation(score, False, BELOW_THRESHOLD)


def parse_scores(text: str) -> dict[str, int]:
    """ "severity=3; probability=3; extent=3" → {"severity": 3, ...}. Raises ValueError
    on a part that is not code=whole number."""
    from zist.core.calendars import to_latin_digits

    scores: dict[str, int] = {}
    for part in to_latin_digits(text or "").replace(",", ";").replace("\n", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        code, sep, value = part.partition("=")
        if not sep or not code.strip() or not value.strip().lstrip("-").isdigit():
            raise ValueError(part)
        scores[code.strip().lower()] = int(value.strip())
    return scores


def format_scores(scores: dict[str, int], order: list[str] | None = None) -> str:
    codes = [c for c in (order or []) if c in scores] + sorted(set(scores) - set(order or []))
    return "; ".join(f"{code}={scores[code]}" for code in codes)
