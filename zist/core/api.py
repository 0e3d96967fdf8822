"""REST API machinery: one viewset class serves every register with the same
restriction mechanism, filters and validation as the web pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.utils import model_meta

from zist.core import calendars, concurrency
from zist.core.api_schema import ZistAutoSchema
from zist.core.forms import check_plausible
from zist.core.middleware import note_refusal
from zist.core.querysets import hidden_links, with_str_related
from zist.core.registry import DeleteRefused, Register, delete_record, save_record

METHOD_ACTIONS = {
    "GET": "view",
    "HEAD": "view",
    "OPTIONS": "view",
    "POST": "add",
    "PUT": "change",
    "PATCH": "change",
    "DELETE": "delete",
}


class ZistModelSerializer(serializers.ModelSerializer):
    """Base serializer: a `display` text, related choices restricted to what the user
    may see, and the model's own validation (`clean`, constraints) on every write."""

    display = serializers.SerializerMethodField()

    def get_display(self, obj) -> str:
        return str(obj)

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        for field in fields.values():
            target = getattr(field, "child_relation", field)
            queryset = getattr(target, "queryset", None)
            if queryset is not None and hasattr(queryset, "restrict"):
                target.queryset = queryset.restrict(user, "view")
            if isinstance(field, serializers.DateField | serializers.DateTimeField):
                field.validators.append(check_plausible)
        return fields

    def unsaved(self):
        """The record with the validated values set, not yet saved, and its to-many
        values: the serializer's `form.save(commit=False)`, written by the one save
        path (zist.core.registry.save_record) as a page's or an import's form is."""
        data = dict(self.validated_data)
        relations = model_meta.get_field_info(self.Meta.model).relations
        many = {
            name: data.pop(name)
            for name in list(data)
            if name in relations and relations[name].to_many
        }
        obj = self.instance if self.instance is not None else self.Meta.model()
        for name, value in data.items():
            setattr(obj, name, value)
        return obj, many

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        plain = {k: v for k, v in attrs.items() if not model._meta.get_field(k).many_to_many}
        instance = self.instance or model()
        if self.instance is not None:
            # Validate a copy: a refused change must leave the loaded object untouched.
            instance = model._base_manager.get(pk=self.instance.pk)
        for key, value in plain.items():
            setattr(instance, key, value)
        excluded = [f.name for f in model._meta.fields if f.name not in plain]
        try:
            instance.full_clean(
                exclude=excluded if self.instance is None else None, validate_unique=True
            )
            if self.instance is None:
                # full_clean skips every constraint on a field the client did not send,
                # but the record is stored with that field's default (or what `clean`
                # derived): check the constraints again, leaving out only the fields
                # the server sets itself (organisation, author), so an omitted field
                # is a 400 in words and not the database's refusal.
                instance.validate_constraints(exclude=self._server_set(model))
        except DjangoValidationError as exc:
            raise ValidationError(serializers.as_serializer_error(exc)) from None
        for name in attrs.keys() - plain.keys():
            # Links to records the user may not see are kept, as forms keep them.
            offered = getattr(self.fields[name], "child_relation", None)
            if self.instance is not None and offered is not None:
                kept = hidden_links(self.instance, name, offered.queryset)
                attrs[name] = [*attrs[name], *kept]
        return attrs

    def _server_set(self, model) -> set[str]:
        """The model's fields a client cannot write through this serializer."""
        writable = {
            field.source
            for field in self.fields.values()
            if not field.read_only and field.source != "*"
        }
        return {f.name for f in model._meta.fields if f.name not in writable}


def serializer_for(model, form) -> type[ZistModelSerializer]:
    """The API serializer a register gets when it declares none: the model fields its
    form offers, with id, display and the timestamps. Named `<Model>Serializer`, as a
    written one would be (the OpenAPI components keep their names)."""
    names = {field.name for field in model._meta.get_fields()}
    stamps = [name for name in ("created", "last_updated") if name in names]
    fields = ["id", "display", *(n for n in form._meta.fields if n in names), *stamps]
    meta = type("Meta", (), {"model": model, "fields": fields})
    attrs = {"Meta": meta, "__module__": model.__module__, "__doc__": model.__doc__}
    return type(f"{model.__name__}Serializer", (ZistModelSerializer,), attrs)


# Writes to one record, checked against If-Match (see ConcurrencyMixin).
WRITE_METHODS = ("PUT", "PATCH", "DELETE")


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = gettext_lazy(
        "This record was changed after you read it; nothing was saved. Read it again "
        "and send its new ETag in If-Match."
    )
    default_code = "precondition_failed"


class PreconditionFailedSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ConcurrencySchema(ZistAutoSchema):
    """The OpenAPI description of ETag and If-Match on a record's operations."""

    def _record_operation(self) -> bool:
        return getattr(self.view, "action", None) in (
            "retrieve",
            "update",
            "partial_update",
            "destroy",
        )

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if not self._record_operation():
            return parameters
        if self.method in WRITE_METHODS:
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    description=(
                        "The ETag of the record as the client read it. If the record has "
                        "changed since, nothing is saved and the answer is 412. Send it: "
                        "without it a write overwrites whatever is stored."
                    ),
                )
            )
        if self.method != "DELETE":
            parameters.append(
                OpenApiParameter(
                    "ETag",
                    str,
                    OpenApiParameter.HEADER,
                    response=[200],
                    description="The record's version, for If-Match.",
                )
            )
        return parameters

    def _get_response_bodies(self, direction="response"):
        # drf-spectacular has no public hook that adds one response to the discovered ones.
        responses = super()._get_response_bodies(direction)
        if self._record_operation() and self.method in WRITE_METHODS:
            responses["412"] = self._get_response_for_code(
                OpenApiResponse(
                    PreconditionFailedSerializer,
                    description="The record changed after the client read it (If-Match).",
                ),
                "412",
                direction=direction,
            )
        return responses


class ConcurrencyMixin:
    """ETag on a record, If-Match honoured on PUT, PATCH and DELETE: the record's row is
    locked for the request's transaction and compared with the version the client
    names; a client that sends no If-Match overwrites (decision 0008)."""

    schema = ConcurrencySchema()

    def get_object(self):
        obj = super().get_object()
        if self.request.method in WRITE_METHODS:
            concurrency.lock_in_place(obj)
            if_match = self.request.headers.get("If-Match")
            if if_match and not concurrency.matches(if_match, obj):
                raise PreconditionFailed()
        return obj

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance)
        return Response(serializer.data, headers={"ETag": concurrency.etag(instance)})

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().update(request, *args, **kwargs)
            if getattr(self, "saved_etag", None):
                response["ETag"] = self.saved_etag
        return response

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().destroy(request, *args, **kwargs)


class ZistModelViewSet(ConcurrencyMixin, viewsets.ModelViewSet):
    """Serves one register. Subclasses are generated by `viewset_for(register)`."""

    register: type[Register]
    # What a custom action's @action(policy_action=…, policy_model=…) checks (see
    # zist.core.api_defaults.RestrictedPermission); DRF sets them per action.
    policy_action: str | None = None
    policy_model = None

    def initial(self, request, *args, **kwargs):
        # Machines speak ISO dates and Latin digits, whatever the user's profile says.
        calendars.activate(calendars.GREGORIAN, calendars.LATIN_DIGITS)
        super().initial(request, *args, **kwargs)

    def get_queryset(self):
        action = METHOD_ACTIONS.get(self.request.method, "view")
        queryset = self.register.model.objects.restrict(self.request.user, action)
        return with_str_related(self.register.table(queryset).queryset)

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            action = METHOD_ACTIONS.get(self.request.method, "view")
            note_refusal(self.request, self.register.model, self.kwargs.get("pk"), action)
            raise

    def _check_scope(self, instance, action: str) -> None:
        model = self.register.model
        if not model.objects.restrict(self.request.user, action).filter(pk=instance.pk).exists():
            raise PermissionDenied(_("You may not place this record outside your units."))

    def perform_create(self, serializer):
        self._save(serializer, "add")

    def perform_update(self, serializer):
        self._save(serializer, "change")
        self.saved_etag = concurrency.etag(serializer.instance)

    def _save(self, serializer, action: str) -> None:
        try:
            with transaction.atomic():
                obj, many = serializer.unsaved()
                instance = save_record(self.register, obj, self.request, many)
                serializer.instance = instance
                self._check_scope(instance, action)
        except DjangoPermissionDenied as exc:
            # A rule of the register refused the person (a retention decision).
            raise PermissionDenied(str(exc) or None) from None
        except DjangoValidationError as exc:
            # A rule checked while saving (under a lock): a 400 like any other, and the
            # transaction is rolled back.
            raise ValidationError(serializers.as_serializer_error(exc)) from None

    def perform_destroy(self, instance):
        # The one delete path of pages and the API: a refusal is a 400 with its message.
        try:
            delete_record(self.register, instance, self.request)
        except DeleteRefused as exc:
            raise ValidationError({"detail": [str(exc.message)]}) from None


def viewset_for(reg: type[Register]) -> type[ZistModelViewSet]:
    base = getattr(reg, "viewset", ZistModelViewSet)
    return type(
        f"{reg.model.__name__}ViewSet",
        (base,),
        {
            "register": reg,
            "queryset": reg.model.objects.all(),
            "serializer_class": reg.serializer,
            "filterset_class": reg.filterset,
            "ordering_fields": "__all__",
            "__doc__": reg.model.__doc__,
        },
    )
