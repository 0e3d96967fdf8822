from zist.core.navigation import menu_for
from zist.users.roles import Role


def _labels(user) -> set[str]:
    return {str(item["label"]) for group in menu_for(user) for item in group["items"]}


def test_it_shows_pages_beside_registers_to_those_who_may_see_their_data(cast, make_user):
    manager = _labels(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    crisis = _labels(make_user(Role.CRISIS_MANAGER, cast.region))
    assert {
        "Significance map",
        "Green accounts",
        "Check and improvement dashboard",
        "Training needs",
        "Public documents",
    } <= manager
    assert "Crisis management master plan" in crisis
    assert "Significance map" not in crisis and "Green accounts" not in crisis


def test_it_shows_no_menu_to_a_user_without_roles(cast, make_user):
    assert menu_for(make_user(None, cast.inside)) == []
