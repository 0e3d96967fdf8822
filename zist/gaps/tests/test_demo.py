"""Kemi's demo assessment: evidence found in the registers, gaps turned into actions."""

from zist.actions.models import Action
from zist.aspects import demo as aspects_demo
from zist.context import demo as context_demo
from zist.demo import platform
from zist.gaps import demo
from zist.gaps.models import Assessment, Status


def test_it_assesses_kemi_against_iso_14001_with_evidence_and_actions(db):
    platform.load()
    aspects_demo.load()
    context_demo.load()
    demo.load()
    assessment = Assessment.objects.get(unit__organisation__name="Kemin kaupunki")
    answers = {a.requirement.number: a for a in assessment.answers.all()}
    aspects = answers["6.1.2"]
    assert aspects.status == Status.CONFORMS
    linked = {link.target_type.model for link in aspects.evidence.all()}
    assert linked == {"criteriaset", "aspect"}
    assert all(link.suggested for link in aspects.evidence.all())
    assert answers["8.2"].status == Status.NOT_APPLICABLE
    gaps = [n for n in ("6.1.3", "9.2.2", "9.3") if Action.objects.for_source(answers[n]).exists()]
    assert gaps == ["6.1.3", "9.2.2", "9.3"]
    action = Action.objects.for_source(answers["9.3"]).get()
    assert action.title == "Korjaa puute: 9.3 Johdon katselmus"
    # A second load changes nothing.
    before = (Action.objects.count(), aspects.evidence.count())
    demo.load()
    assert (Action.objects.count(), aspects.evidence.count()) == before


def test_it_builds_district_3s_evidence_pack_for_its_next_surveillance_audit(db):
    import io
    import zipfile

    from zist.audits import demo as audits_demo
    from zist.certification import demo as certification_demo
    from zist.gaps.models import Pack
    from zist.obligations import demo as obligations_demo

    platform.load()
    aspects_demo.load()
    audits_demo.load()
    certification_demo.load()
    obligations_demo.load()
    demo.load()
    made = Pack.objects.get(assessment__unit__code="region2-d3")
    assert (made.state, made.purpose, made.requested_by.username) == (
        "ready",
        "surveillance",
        "district3.rep",
    )
    assert made.audit.start_date > made.assessment.assessed_on
    with made.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    names = set(archive.namelist())
    assert {"index.html", "index.pdf", "SHA256SUMS", "records/audits.audit.csv"} <= names
    assert any(name.startswith("evidence/") for name in names)
    # Nothing of district 4 (another district's aspects) is in it.
    assert made.records > 0
    text = b"".join(archive.read(name) for name in archive.namelist() if name.endswith(".csv"))
    assert "ناحیه ۴".encode() not in text
    before = (Pack.objects.count(), made.history.count())
    demo.load()
    assert (Pack.objects.count(), made.history.count()) == before
