"""The statement's PDF, from the page's template through the shared renderer, read
back with poppler: every section heading, the A/B/R figures of the registers, Persian
shaping and right-to-left order, Jalali dates and Persian digits."""

import datetime as dt

from django.utils import translation

from zist.core import calendars
from zist.core.testing import pdf_info, pdf_png, pdf_text, squash
from zist.jobs.testing import pdf_of
from zist.publication import services
from zist.publication.models import StatementStatus
from zist.users.roles import Role


def _published(world):
    statement = world.statement
    statement.declaration = "امضا شد."
    statement.validated_on = dt.date(2026, 3, 1)
    statement.next_statement_on = dt.date(2027, 3, 31)
    statement.status = StatementStatus.VALIDATED
    statement.save()
    return services.freeze(None, statement)


def test_the_persian_statement_pdf_has_every_section_and_the_registers_figures(
    world, client, make_user
):
    statement = _published(world)
    manager = make_user(
        Role.ENVIRONMENTAL_MANAGER, world.root, language="fa", calendar=calendars.JALALI
    )
    client.force_login(manager)
    answer = client.get(f"/fa/publication/statements/{statement.pk}/document/", {"format": "pdf"})
    # Rendered by a background job, downloaded from the job's page.
    content = pdf_of(client, answer)
    assert int(pdf_info(content)["Pages"]) >= 2
    text = pdf_text(content)
    with translation.override("fa"):
        for heading in (
            "سازمان و سایت‌های آن",
            "خط‌مشی زیست‌محیطی و راهبری",
            "جنبه‌ها و پیامدهای بارز زیست‌محیطی",
            "هدف‌ها و مقاصد",
            "اقدامات انجام‌شده و برنامه‌ریزی‌شده",
            "تصدیق و اعتبارسنجی",
        ):
            # Shaped Arabic script comes back as the same letters, in reading order.
            assert squash(heading) in squash(text), heading
    # A of 2025 (3 700 m³), B (80 employees), R (46.25): Persian digits and separators,
    # as the registers hold them (the library's and the school's values).
    # R is printed rounded for reading (46.25 → 46.3); the API gives it in full.
    assert "۳٬۷۰۰" in text and "۸۰٫۰" in text and "۴۶٫۳" in text
    assert "۴٬۰۰۰" in text and "۳٬۹۰۰" in text  # three years: 2023 and 2024 too
    pdf_png(content, "/tmp/statement-pdf-fa", page=1, dpi=60)
    pdf_png(content, "/tmp/statement-pdf-fa2", page=2, dpi=60)
    # Every figure says its source; the section letter sits beside its heading (the
    # text tool reads the bracket of a left-to-right "(f)" inside Persian either way).
    assert squash("۲ مقدار واردشده") in squash(text)
    assert "(f" in squash(text).replace(")(f", "(f")
    # Dates in the Jalali calendar: validated 1 March 2026 = 10 Esfand 1404.
    with calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
        assert calendars.format_date(dt.date(2026, 3, 1)) in text
    assert "۱۴۰۴/۱۲/۱۰" in text
    # Right to left: the heading's words come in reading order on their line.
    line = next(line for line in text.splitlines() if "اعتبارسنجی" in line and "تصدیق" in line)
    assert line.index("تصدیق") < line.index("اعتبارسنجی")


def test_an_anonymous_reader_gets_the_published_pdf_only(world, client):
    _published(world)
    answer = client.get(
        f"/da/publication/portal/{world.org.pk}/statements/2025/", {"format": "pdf"}
    )
    assert answer.status_code == 200 and answer["Content-Type"] == "application/pdf"
    assert "Miljøredegørelse 2025" in pdf_text(answer.content)
    # Served again from the portal's cache: still a PDF.
    again = client.get(f"/da/publication/portal/{world.org.pk}/statements/2025/", {"format": "pdf"})
    assert again["Content-Type"] == "application/pdf" and again.content[:4] == b"%PDF"
    assert (
        client.get(
            f"/da/publication/portal/{world.org.pk}/statements/2024/", {"format": "pdf"}
        ).status_code
        == 404
    )
