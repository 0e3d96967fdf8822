"""Jobs through the API: `GET /api/jobs/` (one's own), `GET /api/jobs/<uuid>/` to follow
one, `POST /api/jobs/<uuid>/retry/` to run a failed one again."""

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from zist.jobs import services


class JobSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uuid", read_only=True)
    name = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    state = serializers.CharField(read_only=True)
    progress = serializers.IntegerField(read_only=True)
    result = serializers.JSONField(read_only=True)
    link = serializers.CharField(read_only=True)
    error = serializers.CharField(read_only=True)
    attempts = serializers.IntegerField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    started_at = serializers.DateTimeField(read_only=True)
    finished_at = serializers.DateTimeField(read_only=True)
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return reverse("jobs:job_detail", args=[obj.uuid])


class JobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = JobSerializer
    permission_classes = [IsAuthenticated]
    lookup_field = "uuid"
    filter_backends = []

    def get_queryset(self):
        return services.jobs_of(self.request.user)

    @action(detail=True, methods=["post"])
    def retry(self, request, uuid=None):
        job = self.get_object()
        if not services.retry(request.user, job):
            raise ValidationError({"state": _("This job cannot be run again now.")})
        job.refresh_from_db()
        return Response(self.get_serializer(job).data)
