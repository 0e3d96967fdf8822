"""Analytic hierarchy process (Saaty): priorities from a pairwise comparison matrix,
its consistency, and group aggregation by the geometric mean of judgements.

A matrix is a list of rows; a[i][j] says how much more important (here: riskier)
item i is than item j on Saaty's 1–9 scale, and a[j][i] = 1 / a[i][j].
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

# Saaty's random consistency index by matrix size.
RANDOM_INDEX = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
}
# Judgements are acceptable below this consistency ratio.
CR_LIMIT = 0.10

Matrix = list[list[float]]


@dataclass(frozen=True)
class Inconsistency:
    """Comparison (i, j): what was judged, what the priorities imply, how far apart
    (a factor ≥ 1)."""

    i: int
    j: int
    judged: float
    implied: float
    factor: float


@dataclass
class AhpResult:
    """Priorities and consistency of one pairwise matrix."""

    priorities: list[float]
    lambda_max: float
    ci: float
    cr: float | None  # None when the size has no random index (n > 10)
    inconsistencies: list[Inconsistency] = field(default_factory=list)

    @property
    def acceptable(self) -> bool:
        return self.cr is None or self.cr < CR_LIMIT


def principal_eigenvector(matrix: Matrix, tolerance: float = 1e-12, max_iterations: int = 1000):
    """The principal right eigenvector of a positive matrix, normalised to sum 1, by
    power iteration (Perron–Frobenius: it converges for positive matrices)."""
    n = len(matrix)
    vector = [1.0 / n] * n
    for _ in range(max_iterations):
        product = [sum(matrix[i][j] * vector[j] for j in range(n)) for i in range(n)]
        total = sum(product)
        nxt = [value / total for value in product]
        if max(abs(a - b) for a, b in zip(nxt, vector, strict=True)) < tolerance:
            return nxt
        vector = nxt
    return vector


def check_matrix(matrix: Matrix) -> None:
    """Refuse a matrix that is not square, positive and reciprocal."""
    n = len(matrix)
    if n == 0 or any(len(row) != n for row in matrix):
        raise ValueError("the matrix must be square")
    for i in range(n):
        for j in range(n):
            if matrix[i][j] <= 0:
                raise ValueError("judgements must be positive")
            if not math.isclose(matrix[i][j] * matrix[j][i], 1.0, rel_tol=1e-6):
                raise ValueError(f"a[{i}][{j}] and a[{j}][{i}] are not reciprocal")


def analyse(matrix: Matrix) -> AhpResult:
    """Priorities, λmax, CI = (λmax − n)/(n − 1), CR = CI/RI, and the comparisons
    ordered from the most to the least inconsistent."""
    check_matrix(matrix)
    n = len(matrix)
    weights = principal_eigenvector(matrix)
    lambda_max = (
        sum(sum(matrix[i][j] * weights[j] for j in range(n)) / weights[i] for i in range(n)) / n
    )
    ci = (lambda_max - n) / (n - 1) if n > 2 else 0.0
    ci = max(ci, 0.0)  # rounding can give −1e-16 for a consistent matrix
    ri = RANDOM_INDEX.get(n)
    cr = None if ri is None else (ci / ri if ri else 0.0)
    inconsistencies = []
    for i in range(n):
        for j in range(i + 1, n):
            implied = weights[i] / weights[j]
            ratio = matrix[i][j] / implied
            inconsistencies.append(
                Inconsistency(i, j, matrix[i][j], implied, max(ratio, 1 / ratio))
            )
    inconsistencies.sort(key=lambda item: -item.factor)
    return AhpResult(weights, lambda_max, ci, cr, inconsistencies)


def from_judgements(n: int, judgements: dict[tuple[int, int], float]) -> tuple[Matrix, list]:
    """Build the reciprocal matrix from judgements {(i, j): a_ij}; also return the
    pairs (i < j) nobody judged."""
    matrix = [[1.0] * n for _ in range(n)]
    for (i, j), value in judgements.items():
        matrix[i][j] = value
        matrix[j][i] = 1 / value
    missing = [
        (i, j)
        for i in range(n)
        for j in range(i + 1, n)
        if (i, j) not in judgements and (j, i) not in judgements
    ]
    return matrix, missing


def aggregate(matrices: list[Matrix]) -> Matrix:
    """Group matrix: the element-wise geometric mean of individual judgements (the
    only mean that keeps the result reciprocal, Aczél and Saaty 1983)."""
    if not matrices:
        raise ValueError("no matrices to aggregate")
    n = len(matrices[0])
    k = len(matrices)
    return [[math.prod(m[i][j] for m in matrices) ** (1 / k) for j in range(n)] for i in range(n)]
