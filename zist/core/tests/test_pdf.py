"""PDFs of pages (zist.core.pdf): the print base, the offline fetcher and a register
list as filtered, read back with poppler (pdftotext, pdfinfo, pdftoppm)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client, RequestFactory
from django.utils import timezone
from weasyprint import HTML

from zist.core import calendars
from zist.core.pdf import (
    OfflineFetcher,
    css_string,
    page_label_css,
    render_pdf,
    svg_text_for_print,
    visual_rtl,
)
from zist.core.testing import pdf_info, pdf_pages, pdf_png, pdf_text, plain, squash
from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User

ORIGIN = "http://testserver"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def test_it_serves_only_our_static_files():
    fetcher = OfflineFetcher(ORIGIN + "/")
    assert fetcher.static_path(f"{ORIGIN}/static/zist/pdf.css").name == "pdf.css"
    font = fetcher.fetch(f"{ORIGIN}/static/zist/fonts/Vazirmatn-Regular.woff2")
    # Handed over decompressed (TrueType), so the renderer does not decompress it anew.
    assert font.content_type == "font/ttf" and font.read(4) == b"\x00\x01\x00\x00"
    for url in (
        "https://example.org/static/zist/pdf.css",
        "http://testserver.example.org/static/zist/pdf.css",
        "file:///etc/passwd",
        f"{ORIGIN}/static/../settings.py",
        f"{ORIGIN}/static/%2e%2e/settings.py",
        f"{ORIGIN}/uploads-not-served/secret.pdf",
        f"{ORIGIN}/fa/organisation/units/",
        f"{ORIGIN}/static/zist/no-such-file.css",
    ):
        assert fetcher.static_path(url) is None, url


def test_it_renders_without_fetching_anything_from_elsewhere():
    fetcher = OfflineFetcher(ORIGIN + "/")
    html = (
        '<link rel="stylesheet" href="https://cdn.example.org/x.css">'
        '<link rel="stylesheet" href="/static/zist/pdf.css">'
        '<img src="file:///etc/passwd"><img src="http://169.254.169.254/latest">'
        '<img src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E">'
        "<p>Albertslund</p>"
    )
    content = HTML(string=html, base_url=ORIGIN + "/", url_fetcher=fetcher).write_pdf()
    assert "Albertslund" in pdf_text(content)
    assert sorted(fetcher.refused) == [
        "file:///etc/passwd",
        "http://169.254.169.254/latest",
        "https://cdn.example.org/x.css",
    ]


def test_it_writes_page_numbers_in_the_readers_language_and_digits():
    from django.utils import translation

    with translation.override("fa"), calendars.override(calendars.JALALI, "persian"):
        assert page_label_css() == ('"صفحه " counter(page, persian) " از " counter(pages, persian)')
    with translation.override("da"):
        assert page_label_css() == '"Side " counter(page, decimal) " af " counter(pages, decimal)'
    assert css_string('a"b\\</style>') == '"a\\"b\\\\\\3c /style\\3e "'


@pytest.fixture(scope="class")
def unit_lists(django_db_setup, django_db_blocker):
    """Tehran with 70 districts and Albertslund, a Persian and a Danish manager, and
    the PDFs of their unit lists rendered once for the class."""
    with django_db_blocker.unblock(), transaction.atomic():
        tehran = services.create_organisation(
            name="شهرداری تهران", language="fa", calendar=calendars.JALALI
        )
        root = Unit.objects.get(organisation=tehran, depth=1)
        region = services.create_unit(root, name="منطقه ۲", code="r2", kind="region")
        for n in range(1, 71):
            name = "ناحیه " + str(n).translate(PERSIAN_DIGITS)
            services.create_unit(region, name=name, code=f"d{n:02}", kind="district")
        services.create_unit(root, name="منطقه پنهان", code="r9", kind="region")
        albertslund = services.create_organisation(name="Albertslund Kommune", language="da")
        aroot = Unit.objects.get(organisation=albertslund, depth=1)
        services.create_unit(aroot, name="Biblioteket", code="bib", kind="workplace")
        persian = User.objects.create_user("fa-manager", password="pw", home_unit=region)
        RoleAssignment.objects.create(user=persian, role="environmental_manager", unit=region)
        danish = User.objects.create_user("da-manager", password="pw", home_unit=aroot)
        RoleAssignment.objects.create(user=danish, role="environmental_manager", unit=aroot)
        client = Client()
        client.force_login(persian)
        renders = {
            "fa": client.get("/fa/organisation/units/?export=pdf"),
            "fa_filtered": client.get("/fa/organisation/units/?export=pdf&q=ناحیه ۷"),
        }
        client.force_login(danish)
        renders["da"] = client.get("/da/organisation/units/?export=pdf")
        yield renders
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestRegisterListPdf:
    def test_it_answers_a_pdf_named_after_the_register(self, unit_lists):
        response = unit_lists["fa"]
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith('inline; filename="unit-')
        info = pdf_info(response.content)
        # Seven columns: landscape A4.
        assert info["Page size"].startswith("841.89 x 595.276")
        assert int(info["Pages"]) >= 2

    def test_it_shows_persian_in_order_with_persian_digits_and_page_numbers(self, unit_lists):
        pages = pdf_pages(unit_lists["fa"].content)
        first = pages[0]
        assert plain("واحدها") in first  # the register's name
        assert "منطقه ۲" in first and "ناحیه ۱" in first
        assert "شهرداری تهران" in first  # the running header
        total = str(len(pages)).translate(PERSIAN_DIGITS)
        assert squash(f"صفحه ۱ از {total}") in squash(first)
        assert squash(f"صفحه {total} از {total}") in squash(pages[-1])
        with calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
            printed = calendars.format_date(timezone.localdate())
        assert printed.startswith("۱۴") and plain(f"چاپ‌شده در {printed}") in first

    def test_it_repeats_the_table_header_on_every_page(self, unit_lists):
        pages = pdf_pages(unit_lists["fa"].content)
        assert len(pages) >= 2
        pdf_png(unit_lists["fa"].content, "/tmp/pdf-units-fa-2", page=2)
        for page in pages:
            assert "کد" in page and "نوع" in page, page[:400]

    def test_it_lists_only_what_the_user_may_see_as_filtered(self, unit_lists):
        every = pdf_text(unit_lists["fa"].content)
        assert "ناحیه ۷۰" in every
        assert "منطقه پنهان" not in every and "Biblioteket" not in every
        filtered = pdf_text(unit_lists["fa_filtered"].content)
        assert "ناحیه ۷" in filtered and "ناحیه ۷۰" in filtered
        assert "ناحیه ۶۹" not in filtered and "منطقه ۲" not in filtered.split("\n", 3)[-1]
        assert plain("جست‌وجو") in filtered  # the filter it was printed with

    def test_it_prints_danish_with_danish_page_numbers(self, unit_lists):
        text = pdf_text(unit_lists["da"].content)
        assert "Albertslund Kommune" in text and "Biblioteket" in text
        assert "Side 1 af 1" in text and "ناحیه" not in text

    def test_it_draws_the_pages_for_a_person_to_look_at(self, unit_lists):
        for lang in ("fa", "da"):
            png = pdf_png(unit_lists[lang].content, f"/tmp/pdf-units-{lang}")
            with open(png, "rb") as handle:
                assert handle.read(8) == b"\x89PNG\r\n\x1a\n"


def test_it_asks_for_a_filter_before_printing_a_huge_list(cast, make_user, client, monkeypatch):
    from zist.core import views

    monkeypatch.setattr(views, "PDF_MAX_ROWS", 1)
    client.force_login(make_user("environmental_manager", cast.region))
    response = client.get("/en/organisation/units/?export=pdf&kind=district")
    assert response.status_code == 302
    assert response["Location"] == "/en/organisation/units/?kind=district"
    page = client.get(response["Location"]).content.decode()
    assert "A PDF holds at most 1 rows" in page


def test_it_renders_a_trivial_page(rf_user_request):
    content = render_pdf(rf_user_request, "core/print_blank.html", {}, title="Grønt regnskab")
    assert pdf_info(content)["Pages"] == "1"
    assert pdf_info(content)["Title"] == "Grønt regnskab"
    assert "Grønt regnskab" in pdf_text(content) and "Page 1 of 1" in pdf_text(content)


@pytest.fixture
def rf_user_request(db):
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    return request


def test_it_gives_drawings_persian_text_shaped_and_in_drawing_order():
    # "احتمال ۵ · شدت ۳" drawn left to right: ۳, then شدت joined, then ۵, then احتمال.
    assert visual_rtl("احتمال ۵ · شدت ۳") == "۳ ﺕﺪﺷ · ۵ ﻝﺎﻤﺘﺣﺍ"
    # Dates, Latin words and numbers keep their order; brackets face their content.
    assert visual_rtl("غلظت PM2.5 (میانگین) ۱۴۰۵/۰۱/۰۱") == "۱۴۰۵/۰۱/۰۱ (ﻦﯿﮕﻧﺎﯿﻣ) PM2.5 ﺖﻈﻠﻏ"
    svg = '<svg><text x="1">وارونگی &amp; دما</text><text>District 3</text></svg>'
    assert svg_text_for_print(svg) == (
        '<svg><text x="1">ﺎﻣﺩ &amp; ﯽﮕﻧﻭﺭﺍﻭ</text><text>District 3</text></svg>'
    )
    # Text outside drawings is left to the renderer, which shapes it itself.
    assert svg_text_for_print("<p>وارونگی دما</p>") == "<p>وارونگی دما</p>"
