from zist.core.testing import Cast, Scenario, scenario, unique
from zist.documents.models import ApprovalRoute, Document, DocumentType, DocumentVersion


def make_document(unit, **fields) -> Document:
    fields = {"code": unique("DOC"), "title": unique("doc"), **fields}
    return Document.objects.create(unit=unit, **fields)


@scenario
class DocumentScenario(Scenario):
    model = Document

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_document(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "code": unique("P"), "title": unique("procedure")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"title": unique("renamed"), "public": True}

    @classmethod
    def label(cls, obj) -> str:
        return obj.title


@scenario
class DocumentVersionScenario(Scenario):
    model = DocumentVersion

    @classmethod
    def make(cls, cast: Cast, unit):
        return DocumentVersion.objects.create(document=make_document(unit), content="text")

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"document": make_document(unit).pk, "content": "# Scope\nAll districts."}

    @classmethod
    def change(cls, obj) -> dict:
        return {"change_summary": "Clarified the scope."}

    @classmethod
    def label(cls, obj) -> str:
        return str(obj.document)


@scenario
class ApprovalRouteScenario(Scenario):
    model = ApprovalRoute

    @classmethod
    def make(cls, cast: Cast, unit):
        return ApprovalRoute.objects.create(unit=unit, doc_type=DocumentType.PROCEDURE)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "doc_type": DocumentType.POLICY}

    @classmethod
    def change(cls, obj) -> dict:
        return {"doc_type": DocumentType.MANUAL}

    @classmethod
    def label(cls, obj) -> str:
        # The export shows unit and type in separate columns.
        return str(obj.unit)
