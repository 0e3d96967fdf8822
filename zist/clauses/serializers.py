from rest_framework import serializers

from zist.clauses.models import Clause, Library
from zist.core.api import ZistModelSerializer


class LibrarySerializer(ZistModelSerializer):
    class Meta:
        model = Library
        fields = [
            "id",
            "display",
            "unit",
            "code",
            "version",
            "urn",
            "name",
            "description",
            "maturity_levels",
            "builtin",
        ]
        read_only_fields = ["builtin"]


class ClauseSerializer(ZistModelSerializer):
    display_title = serializers.CharField(read_only=True)
    display_question = serializers.CharField(read_only=True)

    class Meta:
        model = Clause
        fields = [
            "id",
            "display",
            "library",
            "number",
            "title",
            "question",
            "display_title",
            "display_question",
            "urn",
            "parent",
            "documented",
            "evidence_registers",
        ]
        read_only_fields = ["parent", "evidence_registers"]
