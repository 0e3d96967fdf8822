"""The certification evidence pack: built by the job engine with the asking person's
permissions, its index hashes equal to its files, kept as a record with history and
downloaded only by those who may see the assessed unit."""

import datetime as dt
import hashlib
import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from zist.attachments.models import Attachment
from zist.audits.models import Audit, AuditKind
from zist.clauses.services import iso14001
from zist.core.testing import pdf_text
from zist.gaps import services
from zist.gaps.models import Assessment, Pack, PackState
from zist.jobs import engine
from zist.jobs.models import Job, State
from zist.jobs.testing import job_of
from zist.reviews.testing import review_held

OURS, THEIRS = "District3-review-2026", "District4-review-2026"


def _review(unit, title):
    return review_held(unit, dt.date(2026, 3, 10), title)


def _file(record, name, text):
    return Attachment.objects.create(
        parent=record,
        file=ContentFile(text.encode(), name=name),
        name=name,
        mime_type="text/plain",
        size=len(text),
    )


@pytest.fixture
def linked(cast):
    """District 3's assessment; its 9.3 linked by the superuser (whose scope is wider)
    to district 3's review and to district 4's, each with an evidence file."""
    assessment = Assessment.objects.create(
        unit=cast.inside, library=iso14001(), title="D3 ISO 14001", assessed_on="2026-11-30"
    )
    services.ensure_answers(assessment)
    answer = assessment.answers.get(requirement__number="9.3")
    answer.status, answer.notes = "conforms", "Reviewed in March."
    answer.save()
    ours, theirs = _review(cast.inside, OURS), _review(cast.outside, THEIRS)
    for record in (ours, theirs):
        services.link(answer, record, cast.superuser)
    _file(ours, "minutes-d3.txt", "minutes of district 3")
    _file(theirs, "minutes-d4.txt", "secret minutes of district 4")
    _file(answer, "photo-d3.txt", "evidence on the answer")
    return assessment


def _build(client, assessment, **data):
    response = client.post(reverse("gaps:assessment_pack", args=[assessment.pk]), data)
    job = job_of(response)
    assert engine.run(job.pk) == State.DONE, Job.objects.get(pk=job.pk).error
    return Pack.objects.filter(assessment=assessment).latest("pk")


def _zip(client, made) -> dict[str, bytes]:
    response = client.get(reverse("gaps:pack_download", args=[made.pk]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == made.sha256
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_it_keeps_district_4_out_of_district_3s_pack(cast, make_user, client, linked):
    manager = make_user("environmental_manager", cast.inside)
    client.force_login(manager)
    made = _build(client, linked)
    files = _zip(client, made)
    assert sorted(files) == [
        "SHA256SUMS",
        "evidence/" + _name(linked, "minutes-d3.txt"),
        "evidence/" + _name(linked, "photo-d3.txt"),
        "index.html",
        "index.pdf",
        "records/reviews.managementreview.csv",
    ]
    csv = files["records/reviews.managementreview.csv"].decode("utf-8")
    assert OURS in csv and THEIRS not in csv
    index = files["index.html"].decode("utf-8")
    assert OURS in index and THEIRS not in index and "minutes-d4" not in index
    assert THEIRS not in pdf_text(files["index.pdf"], layout=False)
    assert not any(b"district 4" in data or THEIRS.encode() in data for data in files.values())
    assert (made.state, made.records, made.files) == (PackState.READY, 1, 2)


def _name(assessment, name):
    return f"{Attachment.objects.get(name=name).pk}-{name}"


def test_it_lists_each_files_sha256_in_the_index_and_in_sha256sums(cast, make_user, client, linked):
    client.force_login(make_user("environmental_manager", cast.inside))
    files = _zip(client, _build(client, linked))
    index = files["index.html"].decode("utf-8")
    listed = dict(
        re.findall(
            r'<code dir="ltr">([^<]+)</code></td><td>[^<]*</td><td class="hash" dir="ltr">([0-9a-f]{64})',
            index,
        )
    )
    others = {n: d for n, d in files.items() if n not in ("index.html", "index.pdf", "SHA256SUMS")}
    assert listed == {name: hashlib.sha256(data).hexdigest() for name, data in others.items()}
    sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS"].decode().splitlines())
    assert sums == {
        name: hashlib.sha256(data).hexdigest()
        for name, data in files.items()
        if name != "SHA256SUMS"
    }
    pdf = "".join(pdf_text(files["index.pdf"], layout=False).split())
    assert all(digest in pdf for digest in listed.values())


def test_it_puts_in_what_a_wider_scope_sees(cast, client, linked):
    # The same filter with the superuser's scope: district 4's review goes in, so the
    # test above would fail if the pack were not built with the asker's permissions.
    client.force_login(cast.superuser)
    files = _zip(client, _build(client, linked))
    assert THEIRS in files["records/reviews.managementreview.csv"].decode("utf-8")


def test_it_keeps_the_pack_as_a_record_with_history(cast, make_user, client, linked):
    manager = make_user("environmental_manager", cast.inside)
    audit = Audit.objects.create(
        unit=cast.inside,
        title="Surveillance 1405",
        kind=AuditKind.SURVEILLANCE,
        start_date=dt.date(2026, 12, 16),
    )
    client.force_login(manager)
    made = _build(client, linked, audit=audit.pk)
    assert (made.audit, made.purpose, made.requested_by) == (audit, "surveillance", manager)
    rows = list(
        made.history.order_by("history_date").values_list("history_type", "history_user", "state")
    )
    assert rows == [("+", manager.pk, "building"), ("~", manager.pk, "ready")]
    page = client.get(linked.get_absolute_url())
    assert reverse("gaps:assessment_pack", args=[linked.pk]) in page.content.decode()
    detail = client.get(made.get_absolute_url()).content.decode()
    assert reverse("gaps:pack_download", args=[made.pk]) in detail


def test_it_refuses_the_download_to_another_district(cast, make_user, client, linked):
    client.force_login(make_user("environmental_manager", cast.inside))
    made = _build(client, linked)
    client.force_login(make_user("environmental_manager", cast.outside))
    assert client.get(reverse("gaps:pack_download", args=[made.pk])).status_code == 404
    assert client.get(made.get_absolute_url()).status_code == 404
    client.force_login(make_user("viewer", cast.region))
    assert client.get(reverse("gaps:pack_download", args=[made.pk])).status_code == 200


def test_it_gives_a_wider_scopes_pack_only_to_those_who_may_see_all_it_holds(
    cast, make_user, client, linked
):
    # Built by the superuser, the pack holds district 4's review and file: district 3's
    # manager may see the assessment but not those, so neither the download nor its
    # button is theirs; a manager of the region sees both districts and may have it.
    client.force_login(cast.superuser)
    made = _build(client, linked)
    assert "reviews.managementreview" in made.held and "attachments.attachment" in made.held
    download = reverse("gaps:pack_download", args=[made.pk])
    client.force_login(make_user("environmental_manager", cast.inside))
    assert client.get(download).status_code == 404
    page = client.get(made.get_absolute_url())
    assert page.status_code == 200 and download not in page.content.decode()
    client.force_login(make_user("environmental_manager", cast.region))
    assert client.get(download).status_code == 200
    # A pack district 3's manager built holds only district 3's: a reader there may have it.
    client.force_login(make_user("environmental_manager", cast.inside, username="m3"))
    own = _build(client, Assessment.objects.get(pk=linked.pk))
    client.force_login(make_user("viewer", cast.inside))
    assert client.get(reverse("gaps:pack_download", args=[own.pk])).status_code == 200


def test_it_refuses_a_pack_to_a_reader(cast, make_user, client, linked):
    client.force_login(make_user("viewer", cast.inside))
    response = client.post(reverse("gaps:assessment_pack", args=[linked.pk]))
    assert response.status_code == 403
    assert not Pack.objects.exists()


def test_it_fixes_what_a_pack_holds_once_asked_for(cast, make_user, client, linked):
    client.force_login(make_user("environmental_manager", cast.inside))
    made = _build(client, linked)
    response = client.post(
        reverse("gaps:pack_edit", args=[made.pk]),
        {"assessment": made.assessment_id, "purpose": "recertification", "notes": ""},
    )
    assert response.status_code in (200, 400)
    made.refresh_from_db()
    assert made.purpose == "surveillance"
