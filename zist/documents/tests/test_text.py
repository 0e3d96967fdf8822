from zist.documents.services import render_text


def test_it_renders_headings_lists_and_paragraphs():
    text = "# Scope\nThis applies to\nall districts.\n\n- waste\n- **energy**\n## Records"
    assert render_text(text) == (
        "<h3>Scope</h3>\n<p>This applies to<br>all districts.</p>\n"
        "<ul><li>waste</li><li><strong>energy</strong></li></ul>\n<h4>Records</h4>"
    )


def test_it_never_renders_user_html():
    html = render_text('<script>alert(1)</script>\n# <img src=x onerror="y">')
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_renders_persian_text():
    assert render_text("# خط‌مشی زیست‌محیطی") == "<h3>خط‌مشی زیست‌محیطی</h3>"
