import datetime as dt

from zist.meters.models import Flag
from zist.meters.services import Point, derive, outliers

UTC = dt.UTC


def at(day: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(2024, 1, day, hour, tzinfo=UTC)


def test_it_turns_a_cumulative_register_into_consumption_per_interval():
    points = [Point(at(1), 1000), Point(at(2), 1012.5), Point(at(3), 1030)]
    result = derive(points, "cumulative", interval="daily")
    assert [r.consumption for r in result] == [None, 12.5, 17.5]
    assert [r.interval_start for r in result] == [None, at(1), at(2)]
    assert result[0].flag == Flag.FIRST


def test_it_continues_from_the_last_stored_reading():
    result = derive([Point(at(2), 1010)], "cumulative", previous=Point(at(1), 1000))
    assert result[0].consumption == 10
    assert result[0].interval_start == at(1)


def test_it_handles_a_roll_over_of_a_five_digit_register():
    points = [Point(at(1), 99_950), Point(at(2), 30)]
    result = derive(points, "cumulative", rollover=100_000)
    assert result[1].consumption == 80
    assert result[1].flag == Flag.ROLLOVER


def test_it_flags_a_register_going_backwards_without_counting_it():
    result = derive([Point(at(1), 500), Point(at(2), 400)], "cumulative")
    assert result[1].consumption is None
    assert result[1].flag == Flag.NEGATIVE


def test_it_starts_afresh_after_a_meter_replacement():
    points = [
        Point(at(1), 48_000),
        Point(at(2), 48_100),  # last reading of the old meter
        Point(at(2, 1), 5, restart=True),  # first reading of the new one
        Point(at(3), 65),
    ]
    result = derive(points, "cumulative", interval="daily")
    assert [r.consumption for r in result] == [None, 100, None, 60]
    assert result[2].flag == Flag.RESTART
    assert sum(r.consumption or 0 for r in result) == 160


def test_it_flags_gaps_without_filling_them():
    points = [Point(at(1, 0), 5), Point(at(1, 1), 6), Point(at(1, 5), 7)]
    result = derive(points, "interval", interval="hourly")
    assert [r.flag for r in result] == [Flag.OK, Flag.OK, Flag.GAP]
    assert [r.consumption for r in result] == [5, 6, 7]
    assert [r.interval_start for r in result] == [at(1, 0), at(1, 1), at(1, 5)]


def test_it_finds_an_outlier_among_ordinary_values():
    values = [10, 11, 9, 10, 12, 10, 11, 9, 250, None]
    assert outliers(values) == [False] * 8 + [True, False]
    assert outliers([10, 250]) == [False, False]  # too few values to judge
