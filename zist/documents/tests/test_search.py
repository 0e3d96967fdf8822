"""The document search: ranked full-text search on PostgreSQL, "contains" everywhere,
within the user's reach, over typed text and the text of uploaded files."""

import datetime as dt
import io
import logging
import zipfile
from xml.sax.saxutils import escape

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from zist.documents.extraction import extract_text
from zist.documents.models import Document, DocumentVersion, VersionStatus
from zist.documents.search import search_documents
from zist.documents.testing import make_document
from zist.organisations import services as organisations
from zist.organisations.models import Unit
from zist.users.roles import Role

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def english_site(db):
    """A unit of an English-speaking organisation (the cast's are Persian and Danish)."""
    organisation = organisations.create_organisation(name="Leeds City Council", language="en")
    root = Unit.objects.get(organisation=organisation, depth=1)
    return organisations.create_unit(root, name="Depot", code="depot", kind="site")


def found(client, q: str, **params) -> list:
    response = client.get(reverse("documents:document_list"), {"q": q, **params})
    assert response.status_code == 200
    return [row["object"] for row in response.context["rows"]]


def pdf_with_text(text: str) -> bytes:
    """A one-page PDF showing `text` in Helvetica, written by hand (offsets and all)."""
    content = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf


def docx_with_paragraphs(*paragraphs: str) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body>'
            "</w:document>",
        )
    return buffer.getvalue()


def odt_with_paragraphs(*paragraphs: str) -> bytes:
    body = "".join(f"<text:p>{escape(text)}</text:p>" for text in paragraphs)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The type comes first and uncompressed, as OpenDocument requires.
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office='
            '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:'
            'names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f"{body}</office:text></office:body></office:document-content>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return buffer.getvalue()


def upload(client, document, name: str, data: bytes, content: str = "") -> DocumentVersion:
    response = client.post(
        reverse("documents:documentversion_add"),
        {"document": document.pk, "content": content, "file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 302, response.context["form"].errors
    return DocumentVersion.objects.filter(document=document).latest("number")


# Ranking and word forms (PostgreSQL)


@postgresql_only
def test_it_ranks_title_before_description_before_text_before_contains_only(
    english_site, make_user, client
):
    in_text = make_document(english_site, code="P-1", title="Energy plan")
    DocumentVersion.objects.create(document=in_text, content="The audit of the boiler room.")
    in_title = make_document(english_site, code="P-2", title="Internal audit procedure")
    in_description = make_document(
        english_site, code="P-3", title="Supplier meetings", description="Before each audit."
    )
    # Found by a word of an older version; ranked by the newest, which lacks it.
    in_old_version = make_document(english_site, code="P-00", title="Depot lighting")
    DocumentVersion.objects.create(document=in_old_version, content="After the audit.")
    DocumentVersion.objects.create(document=in_old_version, content="LED lamps.")
    # "auditorium" contains the letters but is another word.
    contains_only = make_document(english_site, code="P-0", title="Auditorium lighting")
    make_document(english_site, code="P-4", title="Noise map")
    client.force_login(make_user(Role.VIEWER, english_site))
    assert found(client, "audit") == [
        in_title,
        in_description,
        in_text,
        in_old_version,
        contains_only,
    ]


@postgresql_only
def test_it_looks_words_up_in_the_gin_indexes(english_site):
    document = make_document(english_site)
    DocumentVersion.objects.create(document=document, content="Boiler inspection")
    found = search_documents(Document.objects.all(), "inspections", DocumentVersion.objects.all())
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        # Tables this small are read whole; forbid that to see which index serves.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for config in ("english", "danish", "finnish", "simple"):
        assert f"documents_version_words_{config}" in plan
    assert list(found) == [document]


@postgresql_only
def test_it_finds_english_word_forms(english_site, make_user, client):
    document = make_document(english_site, title="Boiler room")
    DocumentVersion.objects.create(document=document, content="The yearly audit of the boiler.")
    client.force_login(make_user(Role.VIEWER, english_site))
    # Neither "audits" nor "boilers" is in the text: only their word "audit", "boiler".
    assert found(client, "audits") == [document]
    assert found(client, "boilers audits") == [document]
    # A websearch query: all words must match, "-word" excludes.
    assert found(client, "audits -boiler") == []
    assert found(client, '"yearly audit"') == [document]


@postgresql_only
def test_it_finds_danish_word_forms_in_a_danish_organisation(cast, make_user, client):
    document = make_document(cast.foreign, title="Miljøledelse")
    DocumentVersion.objects.create(
        document=document, content="Årlig revision og sortering af affald."
    )
    client.force_login(make_user(Role.VIEWER, cast.foreign))
    assert found(client, "revisioner") == [document]
    assert found(client, "affaldet") == [document]


def test_it_leaves_out_word_forms_on_sqlite_but_finds_what_is_written(
    english_site, make_user, client
):
    document = make_document(english_site, title="Boiler room")
    DocumentVersion.objects.create(document=document, content="The yearly audit of the boiler.")
    client.force_login(make_user(Role.VIEWER, english_site))
    assert found(client, "AUDIT of") == [document]
    assert found(client, "audits") == ([document] if connection.vendor == "postgresql" else [])


# "Contains" on both databases


def test_it_finds_a_fragment_of_a_number(cast, make_user, client):
    ems = make_document(cast.inside, code="EMS-01", title="Environmental policy")
    make_document(cast.inside, code="OHS-01", title="Safety policy")
    client.force_login(make_user(Role.VIEWER, cast.inside))
    assert found(client, "EMS-0") == [ems]
    assert found(client, "ems-01") == [ems]


def test_it_finds_a_persian_word_inside_a_longer_one(cast, make_user, client):
    compound = make_document(cast.inside, code="D-2", title="مدیریت پسماندهای خطرناک")
    in_text = make_document(cast.inside, code="D-3", title="Energy")
    DocumentVersion.objects.create(document=in_text, content="جمع‌آوری پسماند خشک")
    make_document(cast.inside, code="D-1", title="انرژی")
    client.force_login(make_user(Role.VIEWER, cast.inside))
    if connection.vendor == "postgresql":
        # The whole word first (Persian words are matched as written), then the compound.
        assert found(client, "پسماند") == [in_text, compound]
    else:
        assert found(client, "پسماند") == [compound, in_text]
    assert found(client, "جمع‌آوری") == [in_text]


def test_it_lists_a_document_once_when_several_versions_match(cast, make_user, client):
    document = make_document(cast.inside, title="Waste separation")
    DocumentVersion.objects.create(document=document, content="پسماند خشک و تر")
    DocumentVersion.objects.create(document=document, content="پسماند خشک، تر و خطرناک")
    client.force_login(make_user(Role.VIEWER, cast.inside))
    assert found(client, "پسماند") == [document]


def test_it_searches_the_list_as_it_stood_on_a_past_date(cast, make_user, client):
    document = make_document(cast.inside, code="EMS-07", title="Spill response")
    DocumentVersion.objects.create(document=document, content="Absorbent pads")
    client.force_login(make_user(Role.VIEWER, cast.inside))
    assert [row.id for row in found(client, "absorbent", as_of="2099-01-01")] == [document.pk]
    assert found(client, "absorbent", as_of="2000-01-01") == []


def test_it_sorts_by_a_column_when_asked_even_while_searching(english_site, make_user, client):
    first = make_document(english_site, code="A-1", title="Waste")
    second = make_document(english_site, code="B-1", title="Waste and water", description="waste")
    client.force_login(make_user(Role.VIEWER, english_site))
    assert found(client, "waste", sort="code") == [first, second]
    assert found(client, "waste", sort="-code") == [second, first]


# Only what the user may see


def test_a_district_representative_does_not_find_another_districts_documents(
    cast, make_user, client
):
    mine = make_document(cast.inside, code="D3-01", title="Oil spill response")
    theirs = make_document(cast.outside, code="D4-01", title="Oil spill response")
    DocumentVersion.objects.create(document=theirs, content="oil spill")
    foreign = make_document(cast.foreign, code="A-01", title="Oil spill response")
    DocumentVersion.objects.create(document=foreign, content="oil spill")
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    assert found(client, "spill") == [mine]
    assert found(client, "D4-01") == []
    api = client.get("/api/documents/documents/", {"q": "spill"})
    assert [row["id"] for row in api.json()["results"]] == [mine.pk]


def test_it_searches_only_the_text_of_versions_the_user_may_read(cast, make_user, client):
    """A district reads a region document's published version, not its drafts: a draft's
    words find nothing, not even by their first letters (which would spell them out)."""
    document = make_document(cast.region, code="R-01", title="Noise policy")
    document.applicable_units.add(cast.inside)
    DocumentVersion.objects.create(
        document=document, number=1, status=VersionStatus.PUBLISHED, content="quiet hours"
    )
    DocumentVersion.objects.create(
        document=document, number=2, content="draft: relocate the depot to Varanak"
    )
    today = dt.date.today().isoformat()
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    assert found(client, "quiet") == [document]
    for hidden in ("Varanak", "Vara", "relocate the depot"):
        assert found(client, hidden) == []
        assert found(client, hidden, as_of=today) == []
        api = client.get("/api/documents/documents/", {"q": hidden})
        assert api.json()["results"] == []
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    assert found(client, "Varanak") == [document]


# Text read from uploaded files


def test_it_reads_the_text_of_an_uploaded_pdf_and_finds_it(cast, make_user, client, media):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    document = make_document(cast.inside, title="Emergency kit")
    make_document(cast.inside, title="Emergency plan")
    version = upload(client, document, "kit.pdf", pdf_with_text("Absorbent booms in store 7"))
    assert version.file_text == "Absorbent booms in store 7"
    assert found(client, "booms") == [document]
    # Stored whole: the download is the uploaded file, not a rewound fragment of it.
    download = client.get(reverse("documents:documentversion_file", args=[version.pk]))
    assert b"".join(download.streaming_content) == pdf_with_text("Absorbent booms in store 7")


def test_it_reads_docx_odt_and_plain_text(cast, make_user, client, media):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    docx = upload(
        client,
        make_document(cast.inside),
        "rules.docx",
        docx_with_paragraphs("Scope", "All depots & workshops"),
    )
    odt = upload(
        client, make_document(cast.inside), "plan.odt", odt_with_paragraphs("فهرست", "پسماند")
    )
    txt = upload(
        client,
        make_document(cast.inside),
        "note.txt",
        b"Tarkastus\n\n  kerran   vuodessa\n",
    )
    assert docx.file_text == "Scope\nAll depots & workshops"
    assert odt.file_text == "فهرست\nپسماند"
    assert txt.file_text == "Tarkastus\nkerran vuodessa"
    assert found(client, "workshops") == [docx.document]
    assert found(client, "vuodessa") == [txt.document]


def test_it_reads_no_file_when_the_text_is_typed(cast, make_user, client, media):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    document = make_document(cast.inside)
    version = upload(client, document, "kit.pdf", pdf_with_text("Signed copy"), content="# Kit")
    assert version.file_text == ""
    assert found(client, "signed") == []
    # Typed text cleared from the draft: the file is its text again.
    version.content = ""
    version.save()
    assert version.file_text == "Signed copy"


def test_it_stores_an_unreadable_file_with_empty_text_and_says_so_in_the_log(
    cast, make_user, client, media, caplog
):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    document = make_document(cast.inside)
    damaged = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    with caplog.at_level(logging.WARNING, logger="zist.documents.extraction"):
        version = upload(client, document, "scan.pdf", damaged)
    assert version.file_text == ""
    assert version.file_name == "scan.pdf"
    assert "Could not read the text of the document file scan.pdf" in caplog.text


def test_it_refuses_to_unpack_a_zip_bomb(caplog):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b" " * (51 * 1024 * 1024) + b"</a>")
    with caplog.at_level(logging.WARNING, logger="zist.documents.extraction"):
        assert extract_text(ContentFile(buffer.getvalue()), "bomb.docx") == ""
    assert "larger than" in caplog.text


def test_it_keeps_the_file_text_out_of_history(cast, media):
    document = make_document(cast.inside)
    version = DocumentVersion.objects.create(
        document=document, file=SimpleUploadedFile("a.txt", b"words")
    )
    assert version.file_text == "words"
    assert not hasattr(version.history.first(), "file_text")


# The public list


def test_the_public_list_searches_only_what_citizens_can_read(cast, client, media):
    document = make_document(
        cast.inside,
        code="EP-01",
        title="Environmental policy",
        public=True,
        description="Budget negotiation notes",
    )
    DocumentVersion.objects.create(
        document=document,
        status=VersionStatus.PUBLISHED,
        file=SimpleUploadedFile("policy.pdf", pdf_with_text("We prevent pollution")),
    )
    DocumentVersion.objects.create(document=document, content="Draft: merger with district 4")
    internal = make_document(cast.inside, title="Pollution register")
    DocumentVersion.objects.create(document=internal, status=VersionStatus.PUBLISHED)

    def listed(q):
        response = client.get(
            reverse("documents:public_list"), {"q": q, "organisation": cast.tehran.pk}
        )
        return [version.document for version in response.context["versions"]]

    assert listed("pollution") == [document]
    assert listed("EP-0") == [document]
    assert listed("merger") == []
    assert listed("negotiation") == []
