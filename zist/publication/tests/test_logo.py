"""The organisation's logo: uploaded on the organisation's form (a PNG or JPEG up to
1 MB), shown on the environmental statement and printed in its PDF's running header."""

import io
import subprocess

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from zist.jobs.testing import pdf_of
from zist.organisations.models import Organisation

FIELDS = ("name", "kind", "language", "calendar", "year_start_month", "year_start_day")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 40), (20, 110, 60)).save(out, format="PNG")
    return out.getvalue()


def _form(organisation, logo) -> dict:
    data = {name: getattr(organisation, name) for name in FIELDS}
    data.update(time_zone=organisation.time_zone, currency=organisation.currency, logo=logo)
    return data


def test_the_logo_is_shown_on_the_statement_and_printed_in_its_pdf(
    world, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.cast.superuser)
    edit = reverse("organisations:organisation_edit", args=[world.org.pk])
    # Not an image: refused in words, nothing stored.
    fake = SimpleUploadedFile("logo.png", b"not a picture", content_type="image/png")
    refused = client.post(edit, _form(world.org, fake))
    assert refused.status_code in (200, 400)
    assert not Organisation.objects.get(pk=world.org.pk).logo
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    assert client.post(edit, _form(world.org, logo)).status_code == 302
    organisation = Organisation.objects.get(pk=world.org.pk)
    assert organisation.logo.name.startswith("logos/")
    document = reverse("publication:statement_document", args=[world.statement.pk])
    page = client.get(document).content.decode()
    assert 'class="statement-logo no-print"' in page and 'src="data:image/png;base64,' in page
    content = pdf_of(client, client.get(document + "?format=pdf"))
    images = subprocess.run(
        ["pdfimages", "-list", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    # The header's logo on every page (one image object, drawn on each page).
    assert " 120    40 " in images, images


def test_a_logo_over_one_megabyte_is_refused_in_words(world, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.cast.superuser)
    out = io.BytesIO()
    Image.effect_noise((800, 800), 80).convert("RGB").save(out, format="PNG")
    assert out.tell() > 1024 * 1024
    big = SimpleUploadedFile("big.png", out.getvalue(), content_type="image/png")
    edit = reverse("organisations:organisation_edit", args=[world.org.pk])
    with_lang = client.post("/da" + edit[3:], _form(world.org, big))
    assert "Logoet må højst fylde 1 MB." in with_lang.content.decode()
    assert not Organisation.objects.get(pk=world.org.pk).logo
