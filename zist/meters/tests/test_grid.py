"""The readings grid and a meter's next reading: what is stored, what is refused, and
that nothing outside the person's units is shown or written."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.utils import timezone

from zist.core import numbers
from zist.meters.models import Reading
from zist.meters.testing import make_meter
from zist.organisations.models import Unit
from zist.users.models import User

pytestmark = pytest.mark.usefixtures("demo_platform")
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


def stored(meter) -> dict[dt.datetime, Decimal]:
    return {r.timestamp: numbers.to_decimal(r.value) for r in Reading.objects.filter(meter=meter)}


@pytest.fixture
def library(db):
    unit = Unit.objects.get(code="bibliotek", organisation__language="da")
    return unit, [
        make_meter(unit, code="BIB-EL"),
        make_meter(unit, code="BIB-VA", carrier="water", measure_unit="m³"),
    ]


@pytest.fixture
def rep(client):
    client.force_login(User.objects.get(username="albertslund.rep"))
    return client


def test_it_saves_a_month_of_danish_decimal_commas_exactly(rep, library):
    unit, (el, water) = library
    url = f"/da/meters/readings/grid/?unit={unit.pk}&year=2026&month=11"
    page = rep.get(url)
    assert page.status_code == 200
    assert b'name="r-%d-2026-11-30"' % el.pk in page.content
    data = {"time": "07:30"}
    for day in range(1, 31):
        data[f"r-{el.pk}-2026-11-{day:02d}"] = f"{1000 + day},{day % 10}"
    data[f"r-{water.pk}-2026-11-03"] = "1.234,5"
    response = rep.post(url, data)
    assert response.status_code == 302
    readings = stored(el)
    assert len(readings) == 30
    assert readings[dt.datetime(2026, 11, 3, 7, 30, tzinfo=COPENHAGEN)] == Decimal("1003.3")
    assert stored(water) == {dt.datetime(2026, 11, 3, 7, 30, tzinfo=COPENHAGEN): Decimal("1234.5")}
    # Consumption derived as for a reading typed alone; every reading has its history.
    second = Reading.objects.get(
        meter=el, timestamp=dt.datetime(2026, 11, 2, 7, 30, tzinfo=COPENHAGEN)
    )
    assert numbers.to_decimal(second.consumption) == Decimal("1.1")
    assert second.history.get().history_user.username == "albertslund.rep"
    # The stored values come back in the cells, as the person typed them.
    assert response["Location"] == url + "&time=07%3A30"
    shown = rep.get(response["Location"]).content.decode()
    assert 'value="1002,2"' in shown


def test_it_saves_nothing_when_one_cell_is_bad_and_names_the_cell(rep, library):
    unit, (el, water) = library
    url = f"/da/meters/readings/grid/?unit={unit.pk}&year=2026&month=11"
    data = {
        "time": "08:00",
        f"r-{el.pk}-2026-11-01": "100,5",
        f"r-{el.pk}-2026-11-02": "1,23.4",  # a group mark among the decimals: ambiguous
        f"r-{water.pk}-2026-11-05": "tolv",
    }
    response = rep.post(url, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Intet blev gemt" in text
    assert f'href="#r-{el.pk}-2026-11-02"' in text and f'href="#r-{water.pk}-2026-11-05"' in text
    assert 'value="1,23.4"' in text and 'value="100,5"' in text
    assert not Reading.objects.filter(meter__unit=unit).exists()


def test_it_refuses_a_bad_time_and_keeps_the_cells(rep, library):
    unit, (el, _water) = library
    url = f"/da/meters/readings/grid/?unit={unit.pk}&year=2026&month=11"
    response = rep.post(url, {"time": "25:00", f"r-{el.pk}-2026-11-01": "1"})
    assert response.status_code == 400
    assert not Reading.objects.exists()


def test_it_takes_persian_digits_and_the_persian_decimal_mark_on_a_jalali_month(client):
    unit = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meter = make_meter(unit, code="D3-E")
    client.force_login(User.objects.get(username="district3.rep"))
    # Aban 1405: 23 October – 21 November 2026, 30 days.
    url = f"/fa/meters/readings/grid/?unit={unit.pk}&year=1405&month=8"
    page = client.get(url).content.decode()
    assert f'name="r-{meter.pk}-2026-10-23"' in page and f'name="r-{meter.pk}-2026-11-21"' in page
    assert f'name="r-{meter.pk}-2026-11-22"' not in page
    response = client.post(url, {"time": "۰۸:۰۰", f"r-{meter.pk}-2026-10-23": "۷۵۰۱۰۰٫۴"})
    assert response.status_code == 302
    assert stored(meter) == {dt.datetime(2026, 10, 23, 8, 0, tzinfo=TEHRAN): Decimal("750100.4")}


def test_it_shows_and_writes_only_meters_of_the_persons_units(client, library):
    unit, (el, _water) = library
    other = Unit.objects.get(code="region2-d4", organisation__language="fa", depth=3)
    hidden = make_meter(other, code="D4-SECRET")
    client.force_login(User.objects.get(username="albertslund.rep"))
    page = client.get(f"/da/meters/readings/grid/?unit={other.pk}").content.decode()
    assert "D4-SECRET" not in page  # falls back to the person's own unit
    response = client.post(
        f"/da/meters/readings/grid/?unit={other.pk}&year=2026&month=11",
        {"time": "08:00", f"r-{hidden.pk}-2026-11-01": "5"},
    )
    assert not Reading.objects.filter(meter=hidden).exists()
    assert response.status_code in (302, 400)
    viewer = User.objects.get(username="viewer")
    client.force_login(viewer)
    assert client.get("/en/meters/readings/grid/").status_code == 403


def test_a_meters_page_takes_the_next_reading_and_returns_there(rep, library):
    _unit, (el, _water) = library
    page = rep.get(f"/da/meters/meters/{el.pk}/").content.decode()
    assert 'action="/da/meters/readings/add/"' in page
    response = rep.post(
        "/da/meters/readings/add/",
        {
            "_next": f"/da/meters/meters/{el.pk}/",
            "meter": el.pk,
            "quality": "measured",
            "timestamp": "01.12.2026 06:45",
            "value": "750100,4",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/da/meters/meters/{el.pk}/"
    assert stored(el) == {dt.datetime(2026, 12, 1, 6, 45, tzinfo=COPENHAGEN): Decimal("750100.4")}
    # A foreign `_next` is ignored: the saved reading's page instead.
    response = rep.post(
        "/da/meters/readings/add/",
        {
            "_next": "https://evil.example/",
            "meter": el.pk,
            "quality": "measured",
            "timestamp": "02.12.2026 06:45",
            "value": "750101",
        },
    )
    assert response["Location"].startswith("/da/meters/readings/")


def test_save_and_add_another_opens_an_empty_form_keeping_the_address(rep, library):
    _unit, (el, _water) = library
    response = rep.post(
        f"/da/meters/readings/add/?meter={el.pk}",
        {
            "_addanother": "Gem og tilføj en til",
            "meter": el.pk,
            "quality": "measured",
            "timestamp": "01.12.2026 06:45",
            "value": "7",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/da/meters/readings/add/?meter={el.pk}"
    assert Reading.objects.filter(meter=el).count() == 1
    form = rep.get(response["Location"]).content.decode()
    assert 'name="_addanother"' in form


def _versions(page: str) -> str:
    import re

    return re.search(r'name="versions" value="([^"]*)"', page).group(1)


def _someone_else_saves(reading, value) -> None:
    reading.value = value
    reading.save()


def test_a_reading_changed_after_the_page_opened_is_not_overwritten(rep, library):
    """Two people on one month: the one who saves second is told, nothing is stored,
    and saving again replaces the reading on purpose."""
    unit, (el, _water) = library
    moment = dt.datetime(2026, 11, 1, 8, 0, tzinfo=COPENHAGEN)
    reading = Reading.objects.create(meter=el, timestamp=moment, value=100)
    url = f"/da/meters/readings/grid/?unit={unit.pk}&year=2026&month=11"
    opened = _versions(rep.get(url).content.decode())
    _someone_else_saves(reading, 150)
    typed = {
        "time": "08:00",
        "versions": opened,
        f"r-{el.pk}-2026-11-01": "120",
        f"r-{el.pk}-2026-11-02": "5",
    }
    response = rep.post(url, typed)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#r-{el.pk}-2026-11-01"' in page and "150" in page
    assert 'value="120"' in page  # what this person typed is kept
    assert stored(el) == {moment: Decimal("150")}  # all or nothing
    # The page shown again carries the new version: saving again is deliberate.
    again = rep.post(url, {**typed, "versions": _versions(page)})
    assert again.status_code == 302
    assert stored(el)[moment] == Decimal("120")


def test_cells_left_as_shown_keep_what_someone_else_saved(rep, library):
    unit, (el, _water) = library
    first = dt.datetime(2026, 11, 1, 8, 0, tzinfo=COPENHAGEN)
    third = dt.datetime(2026, 11, 3, 8, 0, tzinfo=COPENHAGEN)
    reading = Reading.objects.create(meter=el, timestamp=first, value=100)
    url = f"/da/meters/readings/grid/?unit={unit.pk}&year=2026&month=11"
    opened = _versions(rep.get(url).content.decode())
    _someone_else_saves(reading, 150)
    Reading.objects.create(meter=el, timestamp=third, value=7)  # added meanwhile
    response = rep.post(
        url,
        {
            "time": "08:00",
            "versions": opened,
            f"r-{el.pk}-2026-11-01": "100",  # as the page showed it
            f"r-{el.pk}-2026-11-02": "5",
            f"r-{el.pk}-2026-11-03": "",  # empty when the page was opened
        },
    )
    assert response.status_code == 302
    values = stored(el)
    assert values[first] == Decimal("150") and values[third] == Decimal("7")
    assert len(values) == 3
    # Typing over the reading added meanwhile is refused like a changed one.
    response = rep.post(url, {"time": "08:00", "versions": opened, f"r-{el.pk}-2026-11-03": "9"})
    assert response.status_code == 400
    assert stored(el)[third] == Decimal("7")


def test_a_change_between_the_check_and_the_save_stores_nothing(library):
    """The rows are locked and compared again inside the saving transaction."""
    from zist.meters import grid

    unit, (el, _water) = library
    user = User.objects.get(username="albertslund.rep")
    # The grid reads "08:00" in the person's time zone, which their requests activate;
    # built here without a request, the test activates it (it relied on a zone an
    # earlier test's request had left active).
    timezone.activate(COPENHAGEN)
    day = dt.date(2026, 11, 1)
    reading = Reading.objects.create(
        meter=el, timestamp=dt.datetime(2026, 11, 1, 8, 0, tzinfo=COPENHAGEN), value=100
    )
    opened = grid.Grid(user, unit, [day, day + dt.timedelta(days=1)]).versions
    data = {
        "time": "08:00",
        "versions": opened,
        f"r-{el.pk}-2026-11-01": "120",
        f"r-{el.pk}-2026-11-02": "5",
    }
    sheet = grid.Grid(user, unit, [day, day + dt.timedelta(days=1)], data)
    assert sheet.is_valid()
    _someone_else_saves(reading, 150)
    with pytest.raises(grid.GridConflict):
        sheet.save()
    assert stored(el) == {reading.timestamp: Decimal("150")}
    assert [cell.name for cell in sheet.errors()] == [f"r-{el.pk}-2026-11-01"]
