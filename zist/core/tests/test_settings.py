"""Settings find the domain apps without running anything (decision 0002)."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from zist import settings as zist_settings

ROOT = Path(zist_settings.BASE_DIR).parent


@pytest.mark.skipif(
    not (ROOT / ".git").exists() or not shutil.which("git"), reason="not a git checkout"
)
def test_it_reads_the_same_paths_from_the_git_index_as_git_does():
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    assert zist_settings._git_index_paths(ROOT) == set(listed.split("\0")) - {""}


def test_it_installs_every_app_when_there_is_no_git_index(tmp_path):
    assert zist_settings._git_index_paths(tmp_path) is None
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_bytes(b"DIRC\0\0\0\x04" + b"\0" * 40)
    assert zist_settings._git_index_paths(tmp_path) is None  # version 4: not read here


def test_it_installs_the_committed_domain_apps():
    assert "zist.actions" in settings.INSTALLED_APPS
    assert "zist.crisis" in settings.INSTALLED_APPS
    assert settings.INSTALLED_APPS[-1] == "zist.demo"


def test_it_runs_nothing_while_loading_settings(monkeypatch):
    import importlib.util

    def refuse(*args, **kwargs):
        raise AssertionError("settings ran a program")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    spec = importlib.util.spec_from_file_location("zist_settings_again", zist_settings.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.INSTALLED_APPS == settings.INSTALLED_APPS


def test_postgresql_connections_price_random_reads_as_on_an_ssd(monkeypatch):
    # Decision 0032: the planner then reads a person's few rows through an index.
    monkeypatch.setenv("DATABASE_URL", "postgresql://zist@db.example:5432/zist")
    monkeypatch.delenv("ZIST_PG_RANDOM_PAGE_COST", raising=False)
    assert zist_settings._database()["OPTIONS"] == {"options": "-c random_page_cost=1.1"}
    monkeypatch.setenv("ZIST_PG_RANDOM_PAGE_COST", "")
    assert zist_settings._database()["OPTIONS"] == {}
    for wrong in ("fast", "-1", "1.1 -c work_mem=1GB"):
        monkeypatch.setenv("ZIST_PG_RANDOM_PAGE_COST", wrong)
        with pytest.raises(ImproperlyConfigured, match="ZIST_PG_RANDOM_PAGE_COST"):
            zist_settings._database()


@pytest.mark.django_db
def test_the_database_connection_has_the_setting():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL planner setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
