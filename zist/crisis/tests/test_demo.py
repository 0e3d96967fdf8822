import re

from django.urls import reverse

from zist.crisis import demo
from zist.crisis.models import AssessmentSession, Hazard, HazardScenario, MasterPlan, Post
from zist.crisis.models.sessions import Method
from zist.demo import platform
from zist.users.models import User


def test_it_loads_the_qazvin_demo_once_and_every_page_reads(db, client):
    platform.load()
    counts = demo.load()
    assert counts["hazards"] >= 12 and counts["posts"] >= 10
    assert counts["Delphi rounds"] == 3 and counts["hazard scenarios"] == 4
    assert demo.load() == {}
    ahp_session = AssessmentSession.objects.get(method=Method.AHP)
    assert ahp_session.participants.count() == 5
    assert ahp_session.results(User.objects.get(username="qazvin.crisis")).ahp.acceptable
    delphi_session = AssessmentSession.objects.get(method=Method.DELPHI)
    assert [
        r.consensus
        for r in delphi_session.results(User.objects.get(username="qazvin.crisis")).rounds
    ] == [False, False, True]
    assert MasterPlan.objects.filter(status="approved").count() == 1

    client.force_login(User.objects.get(username="qazvin.crisis"))
    pages = [
        reverse("crisis:overview"),
        reverse("crisis:office"),
        reverse("crisis:training"),
        reverse("crisis:drill_trend"),
        *[reverse("crisis:masterplan_document", args=[p.pk]) for p in MasterPlan.objects.all()],
        *[reverse("crisis:masterplan_detail", args=[p.pk]) for p in MasterPlan.objects.all()],
        reverse("crisis:assessmentsession_detail", args=[ahp_session.pk]),
        reverse("crisis:assessmentsession_detail", args=[delphi_session.pk]),
        *[
            reverse("crisis:hazardscenario_detail", args=[s.pk])
            for s in HazardScenario.objects.all()
        ],
        reverse("crisis:hazard_detail", args=[Hazard.objects.first().pk]),
        reverse("crisis:post_detail", args=[Post.objects.first().pk]),
    ]
    for url in pages:
        url = url.replace("/en/", "/fa/", 1)
        response = client.get(url)
        assert response.status_code == 200, url
    # Each of the AHP session's five participants has a full matrix on the entry page.
    for person in ahp_session.participants.all():
        url = reverse("crisis:participant_comparisons", args=[person.pk]).replace("/en/", "/fa/")
        page = client.get(url).content.decode()
        assert page.count('<select name="pair_') == 10, person
        assert len(re.findall(r'<option value="(?:first|second)-\d" selected>', page)) == 10
        assert "نرخ ناسازگاری" in page and 'class="ahp-priority"' in page
    # Tehran's people see nothing of Qazvin's plan.
    client.force_login(User.objects.get(username="region2.manager"))
    assert client.get(reverse("crisis:hazard_list")).context["rows"] == []
