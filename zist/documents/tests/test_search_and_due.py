import datetime as dt

from django.urls import reverse

from zist.documents.due import due_items
from zist.documents.models import DocumentVersion
from zist.documents.testing import make_document
from zist.users.roles import Role


def test_it_finds_documents_by_the_text_of_their_versions(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside)
    document = make_document(cast.inside, title="Waste separation")
    DocumentVersion.objects.create(document=document, content="پسماند خشک و تر")
    DocumentVersion.objects.create(document=document, content="پسماند خشک، تر و خطرناک")
    make_document(cast.inside, title="Energy")
    client.force_login(user)
    found = client.get(reverse("documents:document_list"), {"q": "پسماند"})
    assert [row["object"] for row in found.context["rows"]] == [document]
    by_title = client.get(reverse("documents:document_list"), {"q": "separation"})
    assert [row["object"] for row in by_title.context["rows"]] == [document]


def test_it_puts_a_due_review_in_the_owners_tasks(cast, make_user):
    owner = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    late = make_document(cast.inside, owner=owner, next_review=dt.date(2025, 1, 1))
    make_document(cast.inside, owner=owner, next_review=dt.date(2031, 1, 1))
    items = list(due_items(owner, dt.date(2025, 6, 1)))
    assert [item.title for item in items] == [str(late)]
    assert items[0].is_overdue
