import pytest
from django.core.management import call_command
from django.utils import translation

from zist.clauses import builtin, libfile
from zist.clauses.models import Library, Mapping
from zist.clauses.services import mapped_urns


@pytest.mark.parametrize("path", builtin.library_files(), ids=lambda p: p.stem)
def test_it_exports_a_library_that_loads_back_identical(db, cast, path):
    shipped = libfile.read(path.read_text(encoding="utf-8"))
    library = Library.objects.get(code=shipped["code"], version=shipped["version"], builtin=True)
    text = libfile.write(libfile.export(library))
    # The shipped file is written by the same writer: export gives it back to the byte.
    assert text == path.read_text(encoding="utf-8")
    copy, created = libfile.load(libfile.read(text), unit=cast.inside)
    assert created == library.clauses.count()
    assert copy.pk != library.pk
    assert libfile.write(libfile.export(copy)) == text


def test_it_ships_each_library_as_the_writer_writes_it(db):
    for path in builtin.library_files():
        spec = libfile.read(path.read_text(encoding="utf-8"))
        assert libfile.write(spec) == path.read_text(encoding="utf-8"), path.name


def test_it_reads_titles_in_the_readers_language(db):
    library = Library.objects.get(code="iso50001-2018", builtin=True)
    clause = library.clauses.get(number="6.3")
    with translation.override("fa"):
        assert clause.display_title == "بازنگری انرژی"
    with translation.override("da"):
        assert clause.display_title == "Energigennemgang"
    assert clause.documented == "retained"
    assert clause.parent.number == "6"


def test_it_refuses_a_file_with_a_duplicate_requirement(db):
    text = """format: zist-requirements/1
urn: urn:x
code: x
version: '1'
name: X
requirements:
- {id: '1', urn: 'urn:x:1', title: A}
- {id: '1', urn: 'urn:x:2', title: B}
"""
    with pytest.raises(libfile.LibraryFileError, match="appears twice"):
        libfile.read(text)


def test_it_refuses_an_unknown_evidence_register(db):
    text = """format: zist-requirements/1
urn: urn:x
code: x
version: '1'
name: X
requirements:
- {id: '1', urn: 'urn:x:1', title: A, evidence: [nowhere.thing]}
"""
    with pytest.raises(libfile.LibraryFileError, match="nowhere.thing"):
        libfile.read(text)


def test_it_maps_iso_14001_to_emas_and_iso_50001_both_ways(db):
    assert Mapping.objects.count() >= 16
    mapped = mapped_urns(["urn:zist:iso14001:9.1.2", "urn:zist:emas:II.A"])
    assert mapped["urn:zist:iso14001:9.1.2"] == {"urn:zist:iso50001:9.1.2", "urn:zist:emas:II.A"}
    assert mapped["urn:zist:emas:II.A"] == {"urn:zist:iso14001:9.1.2"}


def test_it_loads_and_exports_through_the_command(db, cast, tmp_path, capsys):
    path = tmp_path / "lean.yaml"
    path.write_text(
        (builtin.DATA / "lean-resource-wisdom.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    call_command("libraries", "load", str(path), "--unit", str(cast.inside.pk))
    capsys.readouterr()
    call_command("libraries", "export", "lean-resource-wisdom", "--unit", str(cast.inside.pk))
    assert capsys.readouterr().out == path.read_text(encoding="utf-8")
