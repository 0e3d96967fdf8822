import datetime as dt

from django.urls import reverse
from django.utils import timezone

from zist.actions.models import Action
from zist.tasks import ical
from zist.tasks.models import CalendarFeed


def test_it_escapes_text():
    assert ical.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"


def test_it_folds_long_lines_at_75_octets():
    line = "SUMMARY:" + "ش" * 60  # 8 + 120 octets
    folded = ical.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line


def test_it_writes_an_all_day_event_with_crlf():
    stamp = dt.datetime(2030, 3, 1, 12, 0, tzinfo=dt.UTC)
    text = ical.calendar(
        [{"uid": "action:1:2030-03-08", "date": dt.date(2030, 3, 8), "summary": "Fit timers"}],
        "Zist",
        stamp,
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert "DTSTART;VALUE=DATE:20300308\r\nDTEND;VALUE=DATE:20300309\r\n" in text
    assert "DTSTAMP:20300301T120000Z\r\n" in text
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_it_serves_the_feed_without_a_login_and_revokes_it(cast, make_user, client):
    rep = make_user("environmental_representative", cast.inside)
    Action.objects.create(
        unit=cast.inside,
        title="Fit timers, boiler room",
        owner=rep,
        due_date=timezone.localdate() + dt.timedelta(days=3),
    )
    secret = CalendarFeed.issue(rep)
    url = reverse("tasks:feed", args=[secret])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "SUMMARY:Fit timers\\, boiler room\r\n" in response.content.decode()
    new_secret = CalendarFeed.issue(rep)
    assert client.get(url).status_code == 404
    assert client.get(reverse("tasks:feed", args=[new_secret])).status_code == 200
    CalendarFeed.revoke(rep)
    assert client.get(reverse("tasks:feed", args=[new_secret])).status_code == 404


def test_it_stores_only_a_digest_of_the_secret(cast, make_user):
    rep = make_user("environmental_representative", cast.inside)
    secret = CalendarFeed.issue(rep)
    assert secret not in CalendarFeed.objects.get(user=rep).digest


def test_it_lists_my_tasks_and_shows_a_new_address_once(cast, make_user, client):
    rep = make_user("environmental_representative", cast.inside)
    Action.objects.create(
        unit=cast.inside,
        title="Late one",
        owner=rep,
        due_date=timezone.localdate() - dt.timedelta(days=2),
    )
    client.force_login(rep)
    page = client.get(reverse("tasks:my_tasks"))
    assert "Late one" in page.content.decode()
    assert page.context["groups"][0][1][0].title == "Late one"  # overdue group
    response = client.post(reverse("tasks:feed_address"))
    assert response.status_code == 302
    shown = client.get(reverse("tasks:my_tasks")).context["feed_url"]
    assert shown and shown.endswith(".ics")
    assert client.get(reverse("tasks:my_tasks")).context["feed_url"] is None
