import pytest
from django.core.exceptions import ValidationError

from zist.crisis.models import ConsequenceLink
from zist.crisis.services import cascade
from zist.crisis.testing import node, scenario_


def test_it_finds_a_cycle():
    assert cascade.find_cycle([(1, 2), (2, 3), (1, 3)]) is None
    assert cascade.find_cycle([(1, 2), (2, 3), (3, 1)]) == [1, 2, 3, 1]
    assert cascade.find_cycle([(4, 4)]) == [4, 4]


def test_it_layers_a_graph_and_sets_back_edges_aside():
    edges = [("quake", "gas fire"), ("quake", "power cut"), ("gas fire", "hospital overload")]
    edges.append(("power cut", "hospital overload"))
    layer = cascade.layers(["quake", "gas fire", "power cut", "hospital overload"], edges)
    assert layer == {"quake": 0, "gas fire": 1, "power cut": 1, "hospital overload": 2}
    cyclic = [("quake", "fire"), ("fire", "power cut"), ("power cut", "fire")]
    assert cascade.back_edges(["quake", "fire", "power cut"], cyclic) == {("power cut", "fire")}


def _link(parent, source, target):
    link = ConsequenceLink(scenario=parent, source=source, target=target)
    link.full_clean()
    link.save()
    return link


def test_it_draws_cycles_when_no_tree_is_asked(cast):
    parent = scenario_(cast.inside)
    quake, fire, cut = node(parent), node(parent), node(parent)
    _link(parent, quake, fire)
    _link(parent, fire, cut)
    _link(parent, cut, fire)  # a power cut stops the fire pumps: the fire spreads
    svg = parent.diagram()
    assert svg.startswith("<svg")
    assert svg.count('class="cycle-edge"') == 1
    assert fire.label in svg and cut.label in svg


def test_it_refuses_cycles_in_a_tree(cast):
    parent = scenario_(cast.inside)
    parent.is_tree = True
    parent.save()
    quake, fire, cut = node(parent), node(parent), node(parent)
    _link(parent, quake, fire)
    _link(parent, fire, cut)
    with pytest.raises(ValidationError) as error:
        _link(parent, cut, quake)
    assert "cycle" in str(error.value)
    assert parent.links.count() == 2


def test_it_refuses_to_make_a_cyclic_graph_a_tree(cast):
    parent = scenario_(cast.inside)
    a, b = node(parent), node(parent)
    _link(parent, a, b)
    _link(parent, b, a)
    parent.is_tree = True
    with pytest.raises(ValidationError) as error:
        parent.full_clean()
    assert "is_tree" in error.value.message_dict


def test_it_refuses_links_across_scenarios(cast):
    one, two = scenario_(cast.inside), scenario_(cast.inside)
    with pytest.raises(ValidationError):
        _link(one, node(one), node(two))


def test_it_escapes_labels_in_the_drawing(cast):
    parent = scenario_(cast.inside)
    evil = node(parent)
    evil.label = '<script>alert("x")</script>'
    evil.save()
    svg = parent.diagram()
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def test_it_orders_each_layer_under_its_causes():
    nodes = ["head", "ops", "prep", "ops-1", "prep-1", "ops-2"]
    edges = [("head", "prep"), ("head", "ops"), ("prep", "prep-1"), ("ops", "ops-1")]
    edges.append(("ops", "ops-2"))
    rows = cascade.order_layers(nodes, edges, cascade.layers(nodes, edges))
    assert rows[1] == ["ops", "prep"]
    # Children follow their parents' order instead of the input order.
    assert rows[2] == ["ops-1", "ops-2", "prep-1"]


def test_it_routes_long_edges_through_waypoints():
    edges = [("quake", "collapse"), ("collapse", "fire"), ("fire", "hospitals")]
    edges.append(("quake", "hospitals"))
    layer = cascade.layers(["quake", "collapse", "fire", "hospitals"], edges)
    extended, waypoints, chains = cascade.split_long_edges(edges, layer)
    assert chains["quake", "hospitals"] == [
        "quake",
        ("~", "quake", "hospitals", 1),
        ("~", "quake", "hospitals", 2),
        "hospitals",
    ]
    assert waypoints == {("~", "quake", "hospitals", 1): 1, ("~", "quake", "hospitals", 2): 2}
    assert len(extended) == 6
