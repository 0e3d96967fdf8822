"""The requirement libraries that ship with Zist: the files in data/libraries/.

Clause numbers follow the standards; titles and guidance are our own short wording
(the standards' text is copyrighted and not reproduced), translated in the files.
"""

from pathlib import Path

DATA = Path(__file__).parent / "data" / "libraries"
MAPPINGS = DATA / "mappings.yaml"

# Codes other apps look libraries up by.
ISO14001 = {"code": "iso14001-2015", "urn": "urn:zist:iso14001"}
EMAS = {"code": "emas", "urn": "urn:zist:emas"}


def library_files() -> list[Path]:
    """The shipped library files, in a stable order."""
    return sorted(path for path in DATA.glob("*.yaml") if path != MAPPINGS)
