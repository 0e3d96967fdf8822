"""The OpenAPI description every API view gets (REST_FRAMEWORK's DEFAULT_SCHEMA_CLASS):
the answers a client must expect besides success, and the fields that can be null.

Checked by the schemathesis run (core/tests/test_api_schemathesis.py, decision 0014):
a response whose status or body the schema does not declare fails it."""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

WRITES = ("POST", "PUT", "PATCH", "DELETE")


class ErrorSerializer(serializers.Serializer):
    """The body of a refusal: one translated sentence."""

    detail = serializers.CharField()


# A 400 names what was wrong: {field: [messages]}, {"non_field_errors": [...]}, or
# {"detail": "..."}; nested for nested fields.
VALIDATION_ERRORS = {
    "type": "object",
    "additionalProperties": {},
    "description": "Field name → the messages about it, in the user's language.",
}

ERRORS = {
    "400": (VALIDATION_ERRORS, _("The request is malformed or a value is not valid.")),
    "401": (ErrorSerializer, _("No valid session or token.")),
    "403": (ErrorSerializer, _("The user may not do this.")),
    "404": (ErrorSerializer, _("No such record among those the user may see.")),
}
WRITE_ERRORS = {
    "409": (ErrorSerializer, _("The change conflicts with what is stored.")),
}


class ZistAutoSchema(AutoSchema):
    def _get_serializer_name(self, serializer, direction, bypass_extensions=False):
        """A serializer whose model's name another app also uses (objectives' and the
        regulator's Programme, aspects' and awards' Criterion) is named with its app in
        front, so that the two never share one component of the schema."""
        name = super()._get_serializer_name(serializer, direction, bypass_extensions)
        model = getattr(getattr(serializer, "Meta", None), "model", None)
        if model is None or not _shared_name(model):
            return name
        app = model._meta.app_label.capitalize()
        patched = "Patched"  # drf-spectacular's prefix of a PATCH request's component
        if name.startswith(patched + model.__name__):
            return patched + app + name[len(patched) :]
        if name.startswith(model.__name__):
            return app + name
        return name

    def _get_response_bodies(self, direction="response"):
        # drf-spectacular has no public hook that adds responses to the discovered ones.
        responses = super()._get_response_bodies(direction)
        errors = {**ERRORS, **(WRITE_ERRORS if self.method in WRITES else {})}
        for code, (body, description) in errors.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(body, description=str(description)), code, direction=direction
                )
        return responses

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        """A field read from a model column that may be empty is nullable (or may be
        blank) in answers, even when a write must fill it or cannot write it at all (a
        shipped emission factor has no unit, the root unit no parent, an obligation
        never evaluated no last result)."""
        meta = super()._map_serializer_field(field, direction, bypass_extensions)
        column = _model_field(field) if direction == "response" else None
        if column is None:
            return meta
        empty = []
        if column.null and not getattr(field, "allow_null", False):
            empty.append(None)
        if column.blank and column.choices:
            empty.append("")
        if "enum" in meta:
            # The enum post-processing hook turns these into BlankEnum/NullEnum.
            meta = {**meta, "enum": [*meta["enum"], *(e for e in empty if e not in meta["enum"])]}
        elif None in empty and "$ref" not in meta and "oneOf" not in meta:
            meta = {**meta, "nullable": True}
        return meta


def _model_field(field):
    """The model column a serializer field reads, if it reads one directly."""
    parent = getattr(field, "parent", None)
    model = getattr(getattr(parent, "Meta", None), "model", None)
    source = getattr(field, "source", None)
    if model is None or not source or "." in source or source == "*":
        return None
    try:
        column = model._meta.get_field(source)
    except FieldDoesNotExist:
        return None
    return column if getattr(column, "concrete", False) else None


def _shared_name(model):
    from django.apps import apps

    return any(
        other is not model and other.__name__ == model.__name__
        for other in apps.get_models()
        if not other._meta.auto_created
    )
