"""Risk rating on an organisation's likelihood × consequence matrix (ISO 31000
vocabulary): pure functions over plain numbers, tested with worked examples."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    key: str
    minimum: int  # lowest rating in the band


def rating(likelihood: int, consequence: int) -> int:
    """Rating = likelihood × consequence (a 5 × 5 matrix rates 1 to 25)."""
    return likelihood * consequence


def band_for(value: int, bands: list[Band]) -> Band | None:
    """The band whose range holds `value`: the one with the highest minimum at or
    below it; None below every band."""
    fitting = [band for band in bands if band.minimum <= value]
    return max(fitting, key=lambda band: band.minimum) if fitting else None


def grid(likelihood_levels: int, consequence_levels: int, bands: list[Band]) -> list[list]:
    """Rows from the highest likelihood down; each cell (likelihood, consequence,
    rating, band)."""
    return [
        [
            (lik, con, rating(lik, con), band_for(rating(lik, con), bands))
            for con in range(1, consequence_levels + 1)
        ]
        for lik in range(likelihood_levels, 0, -1)
    ]
