"""Demo significance criteria, activities, aspects and their impacts in each
organisation's language: the records are in data/demo.json (loaded by
zist.demo.datafile); each new aspect is evaluated with its criteria set before it is
validated and saved, as the aspect form does. Links to legal obligations are added by
the obligations demo, which re-evaluates the aspects concerned.
"""

from __future__ import annotations

from pathlib import Path

from zist.aspects import services
from zist.aspects.models import Aspect
from zist.demo import datafile

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"
DATA = Path(__file__).parent / "data" / "demo.json"


def load() -> dict[str, int]:
    return datafile.load(
        DATA, prepare={Aspect: lambda aspect: services.apply_evaluation(aspect, obligations=[])}
    )
