"""The home page puts the person's work first: what is due, what waits for their
approval, quick entry for their own units; the register index one tap away. Nothing
from outside their units."""

import datetime as dt

import pytest
from django.utils import timezone

from zist.actions.models import Action
from zist.meters.testing import make_meter
from zist.organisations.models import Unit
from zist.users.models import User


@pytest.mark.usefixtures("demo_platform")
def test_it_shows_overdue_work_quick_entry_and_the_index(db, client):
    library = Unit.objects.get(code="bibliotek", organisation__language="da")
    tehran = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    make_meter(library, code="BIB-EL")
    make_meter(tehran, code="D3-HIDDEN")
    rep = User.objects.get(username="albertslund.rep")
    today = timezone.localdate()
    Action.objects.create(
        unit=library, title="Skift lysstofrør", owner=rep, due_date=today - dt.timedelta(days=3)
    )
    Action.objects.create(unit=tehran, title="کار دیگران", due_date=today - dt.timedelta(days=3))
    client.force_login(rep)
    html = client.get("/da/").content.decode()
    work = html[html.index('id="work-heading"') : html.index('id="quick-heading"')]
    assert "Skift lysstofrør" in work and "Forfalden" in work
    assert "کار دیگران" not in html
    quick = html[html.index('id="quick-heading"') : html.index('id="menu-heading"')]
    assert f"/da/meters/readings/grid/?unit={library.pk}&amp;day=today" in quick
    assert f"unit={tehran.pk}" not in html
    assert 'class="register-index"' in html and "Alle registre" in html


@pytest.mark.usefixtures("demo_platform")
def test_a_viewer_gets_no_quick_entry(db, client):
    client.force_login(User.objects.get(username="viewer"))
    html = client.get("/en/").content.decode()
    assert 'id="quick-heading"' not in html
    assert "Nothing is overdue or due this week." in html


def test_a_version_waiting_for_review_shows_under_approval_not_work(cast, make_user, client):
    from zist.documents import services
    from zist.documents.models import ApprovalRoute, DocumentType, DocumentVersion
    from zist.documents.testing import make_document
    from zist.users.roles import Role

    author = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    approver = make_user(Role.UNIT_LEADER, cast.inside)
    route = ApprovalRoute.objects.create(
        unit=cast.inside, doc_type=DocumentType.PROCEDURE, approver=approver
    )
    assert route.approver == approver
    version = DocumentVersion.objects.create(document=make_document(cast.inside), content="x")
    services.submit(version, author)
    client.force_login(approver)
    html = client.get("/en/").content.decode()
    approvals = html[html.index('id="approval-heading"') : html.index('id="menu-heading"')]
    assert str(version) in approvals
    work = html[html.index('id="work-heading"') : html.index('id="approval-heading"')]
    assert str(version) not in work
