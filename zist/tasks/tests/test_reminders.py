import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from zist.actions.models import Action, ActionStatus
from zist.tasks import services
from zist.tasks.models import SentReminder

TODAY = dt.date(2030, 3, 1)


@pytest.fixture
def rep(cast, make_user):
    # English: the organisation (Tehran) would otherwise make the e-mails Persian.
    return make_user(
        "environmental_representative", cast.inside, email="rep@example.org", language="en"
    )


def action(cast, owner, days: int, title: str = "Fit timers") -> Action:
    return Action.objects.create(
        unit=cast.inside, title=title, owner=owner, due_date=TODAY + dt.timedelta(days=days)
    )


def remind(date=TODAY):
    call_command("remind", date=date.isoformat(), days="30,7", stdout=open("/dev/null", "w"))


@pytest.mark.parametrize(
    ("days_left", "threshold"),
    [(31, None), (30, "30"), (8, "30"), (7, "7"), (0, "7"), (-1, "overdue")],
)
def test_it_finds_the_tightest_threshold_reached(days_left, threshold):
    due = TODAY + dt.timedelta(days=days_left)
    assert services.reached_threshold(due, TODAY, (30, 7)) == threshold


def test_it_reads_the_thresholds_setting():
    assert services.thresholds_from_setting("7, 30") == (30, 7)
    assert services.thresholds_from_setting("") == (30, 7)
    with pytest.raises(ValueError):
        services.thresholds_from_setting("7,-1")


def test_it_sends_each_reminder_once_when_run_twice(cast, rep):
    action(cast, rep, 7)
    remind()
    remind()
    assert len(mail.outbox) == 1
    assert SentReminder.objects.count() == 1


def test_it_groups_three_due_items_into_one_email(cast, rep):
    action(cast, rep, 30, "Fit timers")
    action(cast, rep, 5, "Replace bulbs")
    action(cast, rep, -3, "Empty the oil trap")
    remind()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rep@example.org"]
    assert message.subject == "Zist: 3 items due"
    for title in ("Fit timers", "Replace bulbs", "Empty the oil trap"):
        assert title in message.body
    assert "Overdue since" in message.body


def test_it_sends_nothing_when_nothing_is_due(cast, rep, make_user):
    action(cast, rep, 45)  # not yet at the 30-day threshold
    Action.objects.create(
        unit=cast.inside,
        title="Done",
        owner=rep,
        due_date=TODAY,
        status=ActionStatus.DONE,
        completed_on=TODAY,
    )
    make_user("viewer", cast.inside, email="viewer@example.org")
    remind()
    assert mail.outbox == []


def test_it_sends_again_at_the_next_threshold_only(cast, rep):
    action(cast, rep, 30)
    remind(TODAY)
    remind(TODAY + dt.timedelta(days=10))  # 20 days left: still the 30-day reminder
    remind(TODAY + dt.timedelta(days=23))  # 7 days left
    remind(TODAY + dt.timedelta(days=31))  # overdue
    remind(TODAY + dt.timedelta(days=32))
    assert len(mail.outbox) == 3
    assert sorted(SentReminder.objects.values_list("threshold", flat=True)) == [
        "30",
        "7",
        "overdue",
    ]


def test_it_catches_up_after_a_missed_run(cast, rep):
    action(cast, rep, 40)
    remind(TODAY)  # nothing yet
    # The runs between 30 and 7 days before were missed: the 7-day reminder goes out.
    remind(TODAY + dt.timedelta(days=35))
    assert len(mail.outbox) == 1
    assert list(SentReminder.objects.values_list("threshold", flat=True)) == ["7"]


def test_it_skips_a_reminder_claimed_by_a_concurrent_run(cast, rep):
    item = action(cast, rep, 7)
    SentReminder.objects.create(user=rep, key=f"action:{item.pk}:{item.due_date}", threshold="7")
    remind()
    assert mail.outbox == []


def test_it_retries_when_sending_failed(cast, rep, monkeypatch):
    action(cast, rep, 7)

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_mail", broken)
    with pytest.raises(OSError):
        remind()
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    remind()
    assert len(mail.outbox) == 1


def test_it_writes_in_the_users_language_and_calendar(cast, make_user):
    rep = make_user("environmental_representative", cast.inside, email="fa@example.org")
    rep.language = "fa"
    rep.save()
    action(cast, rep, 7, "نصب تایمر")
    remind()
    message = mail.outbox[0]
    assert message.subject == "زیست: ۱ مورد سررسید"
    assert "نصب تایمر" in message.body
    assert "۱۴۰۸/۱۲/۱۸" in message.body  # 8 March 2030 in the Jalali calendar


def test_it_reminds_at_the_users_own_days_or_not_at_all(cast, rep, make_user):
    """A user's own days replace the run's; a user who turned reminders off gets none."""
    rep.reminder_days = "14"
    rep.save()
    other = make_user(
        "environmental_representative", cast.inside, email="other@example.org", language="en"
    )
    other.email_reminders = False
    other.save()
    action(cast, rep, 20, "Due in twenty days")
    action(cast, rep, 14, "Due in fourteen days")
    action(cast, other, 7, "Someone else's")
    remind()
    assert [m.to for m in mail.outbox] == [["rep@example.org"]]
    body = mail.outbox[0].body
    assert "Due in fourteen days" in body and "Due in twenty days" not in body
    assert list(SentReminder.objects.values_list("threshold", flat=True)) == ["14"]


def test_the_profile_takes_reminder_days_in_any_digits_and_refuses_words(cast, rep, client):
    from django.urls import reverse

    client.force_login(rep)
    data = {
        "profile-first_name": "Maryam",
        "profile-email": "rep@example.org",
        "profile-language": "en",
        "profile-email_reminders": "on",
        "profile-reminder_days": "thirty",
    }
    response = client.post(reverse("profile"), data)
    assert response.status_code == 400
    assert "Write whole numbers of days" in response.content.decode()
    data["profile-reminder_days"] = "۳۰، ۷"
    assert client.post(reverse("profile"), data).status_code == 302
    rep.refresh_from_db()
    assert rep.reminder_days == "30,7"


@pytest.mark.django_db(transaction=True)
def test_it_sends_mail_outside_any_database_transaction(cast, rep, monkeypatch):
    # On SQLite an open write transaction locks the whole database: a slow mail server
    # must not hold it. The claim is committed before the e-mail goes out.
    from django.db import connection

    action(cast, rep, 7)
    seen = []
    send = services.send_mail

    def watching(*args, **kwargs):
        seen.append((connection.in_atomic_block, SentReminder.objects.count()))
        return send(*args, **kwargs)

    monkeypatch.setattr(services, "send_mail", watching)
    remind()
    assert seen == [(False, 1)]
    assert len(mail.outbox) == 1
    remind()
    assert len(mail.outbox) == 1
