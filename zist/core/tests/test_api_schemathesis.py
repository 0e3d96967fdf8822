"""Schemathesis over every operation of the OpenAPI schema, as an administrator and as
a district's environmental representative (decision 0014).

Each operation is called with data generated from its own schema: a few examples each,
derandomized (the same requests on every run), with the record ids of one record of
each register in the representative's district, so that details, edits and custom
actions reach real records, not only 404s. A run fails on any 5xx and on any answer
whose status, content type or body the schema does not declare. Deletes run last."""

import collections

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import checks

from zist.core.registry import registers
from zist.core.testing import scenarios
from zist.users.models import ApiToken, RoleAssignment, User
from zist.users.roles import Role

EXAMPLES = 2  # per operation and user; 518 operations × 2 users × 2 ≈ 2 000 requests
CHUNKS = 3  # the operations split by app, so that test workers share them
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
ROLES = {
    "administrator": (Role.ADMINISTRATOR, "tehran_root"),
    "representative": (Role.ENVIRONMENTAL_REPRESENTATIVE, "inside"),
}


def _records(cast) -> dict[str, int]:
    """{API path prefix of a register: the id of one of its records in District 3}."""
    made = {}
    for reg in registers():
        scenario = scenarios().get(reg.label())
        if scenario is None:
            continue
        prefix = f"/api/{reg.model._meta.app_label}/{reg.url_slug()}/"
        made[prefix] = scenario.make(cast, cast.inside).pk
    return made


@pytest.fixture
def wsgi_app():
    """The WSGI application, called in the test's transaction: like Django's test
    client, requests do not close the database connection when they end."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _chunk(path: str) -> int:
    app = path.split("/")[2] if path.count("/") > 2 else ""
    return sum(map(ord, app)) % CHUNKS


@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("who", ROLES)
def test_no_operation_answers_a_server_error_or_outside_its_schema(who, chunk, cast, wsgi_app):
    role, unit_name = ROLES[who]
    unit = getattr(cast, unit_name)
    user = User.objects.create_user(f"api-{who}", password="pw", home_unit=unit)
    RoleAssignment.objects.create(user=user, role=role, unit=unit)
    _token, key = ApiToken.issue(user, "schemathesis")
    headers = {"Authorization": f"Token {key}"}
    records = _records(cast)
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_app, headers=headers)
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [op for op in operations if _chunk(op.path) == chunk]
    operations.sort(key=lambda op: (op.method.upper() == "DELETE", op.path, op.method))
    failures = collections.defaultdict(list)
    calls = collections.Counter()

    for operation in operations:
        ids = {}
        if "{id}" in operation.path:
            prefix = operation.path.split("{id}")[0]
            if prefix in records:
                ids = {"id": records[prefix]}

        @settings(
            max_examples=EXAMPLES,
            derandomize=True,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(path_parameters=ids or None))
        def call(case):
            response = case.call(headers=headers)
            calls[response.status_code // 100] += 1
            try:
                case.validate_response(response, checks=CHECKS, headers=headers)
            except (AssertionError, BaseExceptionGroup) as failure:
                failures[case.operation.label].append(f"{response.status_code}: {failure}"[:2000])

        call()

    assert calls[2], f"no operation succeeded ({dict(calls)}): is the token refused?"
    report = "\n\n".join(f"{label}\n{found[0]}" for label, found in sorted(failures.items()))
    assert not failures, f"{len(failures)} operations failed:\n\n{report}"
