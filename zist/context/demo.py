"""Demo context of the organisation in each organisation's language: issues, interested
parties with needs and expectations, scope statements of the certified units (Region 2
and each of its nine districts hold their own ISO 14001 certificate).

The records are in data/demo.json, loaded by zist.demo.datafile (issues by unit and
title, parties by unit and name, needs by party and text, scope statements by unit and
version). The obligations demo later links adopted needs to their obligations.
"""

from __future__ import annotations

from pathlib import Path

from zist.demo import datafile

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"
DATA = Path(__file__).parent / "data" / "demo.json"


def load() -> dict[str, int]:
    return datafile.load(DATA)
