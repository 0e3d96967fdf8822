"""The generic spreadsheet import, exercised through the Action register."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from zist.actions.models import Action
from zist.actions.registers import ActionRegister
from zist.users.roles import Role

HEADER = "Unit,Title,Kind,Due date,Status,Progress (%)\n"


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("actions.csv", text.encode("utf-8"), content_type="text/csv")


def test_it_imports_every_row(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    upload = _csv(
        HEADER + "d3,Fit timers,Task,2030-01-31,Open,0\n"
        "District 4,Insulate roof,corrective,2030-02-28,open,10\n"
    )
    response = client.post(reverse("actions:action_import"), {"file": upload})
    assert response.status_code == 302
    assert sorted(Action.objects.values_list("title", "unit__code", "kind")) == [
        ("Fit timers", "d3", "task"),
        ("Insulate roof", "d4", "corrective"),
    ]
    assert Action.objects.get(title="Fit timers").due_date == dt.date(2030, 1, 31)


def test_it_saves_nothing_when_one_row_is_bad(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    upload = _csv(
        HEADER + "d3,Fine row,task,2030-01-31,open,0\n"
        "d3,Bad date,task,31st of never,open,0\n"
        "d3,Bad progress,task,,open,250\n"
    )
    response = client.post(reverse("actions:action_import"), {"file": upload})
    assert response.status_code == 400
    assert Action.objects.count() == 0
    errors = {e.row: " ".join(e.messages) for e in response.context["result"].errors}
    assert set(errors) == {3, 4}
    assert "Due date" in errors[3]
    assert "100" in errors[4]


def test_it_refuses_rows_outside_the_users_units(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    upload = _csv(HEADER + "d3,Mine,task,,open,0\nd4,Not mine,task,,open,0\n")
    response = client.post(reverse("actions:action_import"), {"file": upload})
    assert response.status_code == 400
    assert [e.row for e in response.context["result"].errors] == [3]
    assert Action.objects.count() == 0


def test_it_reports_errors_in_the_users_language(cast, make_user, client):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="fa")
    client.force_login(user)
    upload = _csv(HEADER + "d3,Bad,task,2030-13-45,open,0\n")
    response = client.post("/fa/actions/actions/import/", {"file": upload})
    assert response.status_code == 400
    message = " ".join(response.context["result"].errors[0].messages)
    assert "Enter a valid date" not in message


def test_it_reads_jalali_dates_and_persian_digits_for_a_jalali_user(cast, make_user, client):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, calendar="jalali")
    client.force_login(user)
    upload = _csv(HEADER + "d3,Nowruz check,task,۱۴۰۴/۰۱/۰۱,open,0\n")
    response = client.post(reverse("actions:action_import"), {"file": upload})
    assert response.status_code == 302
    assert Action.objects.get().due_date == dt.date(2025, 3, 21)


def test_it_imports_xlsx_with_date_cells(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Unit", "Title", "Due date"])
    sheet.append(["d3", "From Excel", dt.datetime(2030, 5, 1)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("a.xlsx", buffer.getvalue())
    response = client.post(reverse("actions:action_import"), {"file": upload})
    assert response.status_code == 302, response.context["result"].errors
    assert Action.objects.get().due_date == dt.date(2030, 5, 1)


def test_it_names_unknown_columns(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = client.post(
        reverse("actions:action_import"), {"file": _csv("Unit,Colour\nd3,red\n")}
    )
    assert response.status_code == 400
    assert "Colour" in str(response.context["form"].errors["file"])


def test_it_offers_a_template_in_the_users_language(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = client.get(reverse("actions:action_import"), {"template": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [c.value for c in sheet[1]][:2] == ["Unit", "Title"]


def test_it_refuses_import_to_users_who_may_not_add(cast, make_user, client):
    client.force_login(make_user(Role.VIEWER, cast.region))
    assert client.get(reverse("actions:action_import")).status_code == 403


# Natural keys: the Action register declares none, so these tests give it one.


def test_it_updates_the_record_a_reimport_names_in_other_case_and_spaces(
    cast, make_user, client, monkeypatch
):
    monkeypatch.setattr(ActionRegister, "natural_key", ("unit", "title__iexact"))
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(user)
    first = client.post(
        reverse("actions:action_import"), {"file": _csv(HEADER + "d3,Fit timers,task,,open,0\n")}
    )
    assert first.status_code == 302
    action = Action.objects.get()
    # A spreadsheet cell loses its spaces on reading; the lookup strips them itself too.
    found = ActionRegister.find_existing(
        {"unit": f"{cast.inside.pk}", "title": " FIT timers "}, user
    )
    assert found == action

    again = client.post(
        reverse("actions:action_import"),
        {"file": _csv(HEADER + "d3,  FIT TIMERS  ,task,,in progress,40\n")},
    )
    assert again.status_code == 302
    assert list(Action.objects.values_list("pk", "title", "progress")) == [
        (action.pk, "FIT TIMERS", 40)
    ]


def test_it_matches_a_plain_key_exactly(cast, make_user, client, monkeypatch):
    monkeypatch.setattr(ActionRegister, "natural_key", ("unit", "title"))
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    for row in ("d3,Fit timers,task,,open,0\n", "d3,FIT TIMERS,task,,open,40\n"):
        response = client.post(reverse("actions:action_import"), {"file": _csv(HEADER + row)})
        assert response.status_code == 302
    assert sorted(Action.objects.values_list("title", "progress")) == [
        ("FIT TIMERS", 40),
        ("Fit timers", 0),
    ]


def test_it_reports_a_row_whose_unit_is_unreadable_and_touches_nothing(
    cast, make_user, client, monkeypatch
):
    monkeypatch.setattr(ActionRegister, "natural_key", ("unit", "title__iexact"))
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(user)
    client.post(
        reverse("actions:action_import"), {"file": _csv(HEADER + "d3,Fit timers,task,,open,0\n")}
    )
    assert (
        ActionRegister.find_existing({"unit": "Head office", "title": "Fit timers"}, user) is None
    )
    response = client.post(
        reverse("actions:action_import"),
        {
            "file": _csv(
                HEADER + "d3,Insulate roof,task,,open,0\nHead office,fit timers,task,,done,100\n"
            )
        },
    )
    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [e.row for e in errors] == [3]
    assert "Unit" in " ".join(errors[0].messages)
    assert list(Action.objects.values_list("title", "unit__code", "progress")) == [
        ("Fit timers", "d3", 0)
    ]


def test_it_reads_a_date_key_in_the_users_calendar(cast, make_user, client, monkeypatch):
    monkeypatch.setattr(ActionRegister, "natural_key", ("unit", "title", "due_date"))
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, calendar="jalali"))
    for row in (
        "d3,Nowruz check,task,۱۴۰۴/۰۱/۰۱,open,0\n",
        "d3,Nowruz check,task,1404/1/1,open,60\n",
    ):
        response = client.post(reverse("actions:action_import"), {"file": _csv(HEADER + row)})
        assert response.status_code == 302
    assert list(Action.objects.values_list("due_date", "progress")) == [(dt.date(2025, 3, 21), 60)]
