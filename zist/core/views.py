"""Generic pages for every register: list (search, filters, sorting, pagination,
export, as-of date), detail, add/edit, delete and history.

Each view restricts its queryset for the action it performs, so an object outside the
user's scope is a 404 whichever URL is typed; a save is checked again inside its
transaction and rolled back if it would place the object outside the user's scope.
"""

from __future__ import annotations

import copy
import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View

from zist.core import calendars, concurrency, history, imports, numbers
from zist.core.display import Hidden, display, display_on, resolve_field, visible_value
from zist.core.exports import FORMATS, export
from zist.core.forms import ImportForm, add_validation_error
from zist.core.history import attachment_entries, object_history, restrict_history
from zist.core.middleware import note_refusal
from zist.core.pagination import ListPaginator
from zist.core.pdf import pdf_later, pdf_response, record_organisation, wants_pdf
from zist.core.querysets import scope_paths
from zist.core.registry import DeleteRefused, Register, delete_record, save_form

PAGE_SIZES = (25, 50, 100, 250)
# Parameters of a list that change its page, not its rows.
UNFILTERING = frozenset({"page", "per_page", "sort"})
# A register list as a PDF: at most this many rows (a bigger one is asked to be
# filtered first), on landscape pages when it has more columns than fit upright.
PDF_MAX_ROWS = 2000
PDF_PORTRAIT_COLUMNS = 6


def applied_filters(filterset) -> list[tuple[str, str]]:
    """The filters a list was shown with, as (label, value) text for a printed list."""
    if not filterset.is_bound or not filterset.is_valid():
        return []
    applied = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()) or (hasattr(value, "exists") and not value.exists()):
            continue
        if hasattr(value, "__iter__") and not isinstance(value, str):
            text = ", ".join(display(item) for item in value)
        elif hasattr(field, "choices") and not isinstance(value, models.Model):
            text = str(dict(field.choices).get(value, value))
        else:
            text = display(value)
        applied.append((str(field.label or name), text))
    return applied


def can(user, model, action: str) -> bool:
    """Whether `user` may `action` some objects of `model` somewhere."""
    paths = scope_paths(user, model, action)
    return paths is None or bool(paths)


class RegisterView(LoginRequiredMixin, View):
    register: type[Register] = None

    @property
    def model(self) -> type[models.Model]:
        return self.register.model

    def restricted(self, action: str):
        return self.model.objects.restrict(self.request.user, action)

    def restricted_object(self, action: str, pk: int):
        """The object if the user may `action` it, else 404 (logged as a refusal when
        the object exists outside the user's scope)."""
        try:
            return get_object_or_404(self.restricted(action), pk=pk)
        except Http404:
            note_refusal(self.request, self.model, pk, action)
            raise

    def object_urls(self, pk: int) -> dict:
        return {
            f"{action}_url": reverse(self.register.url_name(action), args=[pk])
            for action in ("detail", "edit", "delete", "history")
        }

    def base_context(self, **extra) -> dict:
        return {
            "register": self.register,
            "meta": self.model._meta,
            "list_url": reverse(self.register.url_name("list")),
            "add_url": reverse(self.register.url_name("add")),
            "import_url": reverse(self.register.url_name("import")),
            "can_add": can(self.request.user, self.model, "add"),
            **extra,
        }


class ObjectListView(RegisterView):
    template_name = "core/object_list.html"

    def get(self, request):
        queryset = self.restricted("view")
        as_of = self._as_of(request)
        if as_of:
            queryset = restrict_history(history.as_of(self.model, as_of), request.user, self.model)
        filterset = self.register.filterset(request.GET or None, queryset=queryset, request=request)
        if as_of:
            filterset = history.filter_history(filterset, self.model)
        if filterset.is_bound and not filterset.is_valid():
            queryset = queryset.none()
        else:
            queryset = filterset.qs
        table = self.register.table(queryset, sort=request.GET.get("sort"))
        fmt = request.GET.get("export")
        if fmt in FORMATS:
            title = self.register.verbose_name_plural()
            return export(request, table, self.model._meta.model_name, fmt, title=title)
        if fmt == "pdf":
            return self._pdf(request, filterset, table, as_of)
        per_page = self._per_page(request)
        # The person's own filters make a list small enough to count; their permissions
        # alone (an administrator's whole organisation) may not.
        unfiltered = not as_of and not set(request.GET) - UNFILTERING
        paginator = ListPaginator(table.queryset, per_page, restricted_only=unfiltered)
        page = paginator.get_page(request.GET.get("page"))
        query = request.GET.copy()
        for key in ("page", "export"):
            query.pop(key, None)
        sort_query = query.copy()
        sort_query.pop("sort", None)
        return render(
            request,
            self.template_name,
            self.base_context(
                filterset=filterset,
                table=table,
                page=page,
                rows=table.rows(page.object_list, request.user),
                query=query.urlencode(),
                sort_query=sort_query.urlencode(),
                as_of=as_of,
                as_of_text=request.GET.get("as_of", ""),
                page_sizes=PAGE_SIZES,
                per_page=per_page,
            ),
        )

    def _pdf(self, request, filterset, table, as_of):
        """The list as filtered, every row (up to PDF_MAX_ROWS), on the same template."""
        count = table.queryset.count()
        if count > PDF_MAX_ROWS:
            messages.error(
                request,
                _("A PDF holds at most %(limit)s rows; filter the list to fewer first.")
                % {"limit": numbers.format_number(PDF_MAX_ROWS)},
            )
            query = request.GET.copy()
            query.pop("export", None)
            return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
        title = str(self.register.verbose_name_plural())
        if count > settings.ZIST_PDF_BACKGROUND_ROWS:
            # A long list is rendered by a background job; the person follows it.
            later = pdf_later(request, title=title, source=self.model)
            if later is not None:
                return later
        context = self.base_context(
            filterset=filterset,
            table=table,
            page=Paginator(table.queryset, max(count, 1)).get_page(1),
            rows=table.rows(table.queryset),
            as_of=as_of,
            as_of_text=request.GET.get("as_of", ""),
            filters_applied=applied_filters(filterset),
        )
        return pdf_response(
            request,
            self.template_name,
            context,
            filename=f"{self.model._meta.model_name}-{timezone.localdate().isoformat()}",
            title=title,
            landscape=len(table.headers()) > PDF_PORTRAIT_COLUMNS,
        )

    @staticmethod
    def _per_page(request) -> int:
        try:
            value = int(request.GET.get("per_page", PAGE_SIZES[0]))
        except ValueError:
            return PAGE_SIZES[0]
        return value if value in PAGE_SIZES else PAGE_SIZES[0]

    def _as_of(self, request) -> dt.datetime | None:
        text = request.GET.get("as_of", "").strip()
        if not text:
            return None
        try:
            day = calendars.parse_date(text)
        except ValueError:
            messages.error(
                request,
                _("Enter a valid date, e.g. %(example)s.")
                % {"example": calendars.date_input_hint()},
            )
            return None
        # End of that day in the user's time zone: "as it stood on that date".
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min)
        return timezone.make_aware(end)


def _link_if_visible(value, user) -> str:
    """A linked record's address, only if the user may open it (no link to a 404)."""
    if not isinstance(value, models.Model) or not hasattr(value, "get_absolute_url"):
        return ""
    manager = type(value)._default_manager
    if (
        hasattr(manager, "restrict")
        and not manager.restrict(user, "view").filter(pk=value.pk).exists()
    ):
        return ""
    return value.get_absolute_url()


class ObjectDetailView(RegisterView):
    template_name = "core/object_detail.html"

    def get(self, request, pk: int):
        obj = self.restricted_object("view", pk)
        user = request.user
        fields = []
        for name in self.register.get_detail_fields():
            field = resolve_field(self.model, name)
            value = visible_value(obj, name, user)
            label = self.register.field_label(name, field)
            url = "" if isinstance(value, Hidden) else _link_if_visible(value, user)
            if isinstance(value, Hidden):
                text = str(value)
            elif isinstance(value, models.Manager) and hasattr(value.all(), "restrict"):
                # Links to many records: only those the user may see are named.
                value = value.all().restrict(user, "view")
                text = ", ".join(str(item) for item in value) or display(None)
            else:
                text = display_on(obj, value, field)
            fields.append({"label": label, "text": text, "url": url})
        context = self.base_context(
            object=obj,
            fields=fields,
            **self.object_urls(pk),
            # A record that says it is `locked` (e.g. a published statement) refuses
            # every change in its form: no Edit button that leads only to a refusal.
            can_change=not getattr(obj, "locked", False)
            and self.restricted("change").filter(pk=pk).exists(),
            can_delete=self.restricted("delete").filter(pk=pk).exists(),
            extra_template=self.register.detail_template,
            related=[
                panel
                for related in self.register.detail_related()
                if (panel := related.panel(obj, user)) is not None
            ],
        )
        if wants_pdf(request):
            # The record's report: the same page on paper, checked like the page.
            return pdf_response(
                request,
                self.template_name,
                {**context, "can_change": False, "can_delete": False},
                filename=f"{self.model._meta.model_name}-{pk}",
                title=f"{capfirst(self.model._meta.verbose_name)}: {obj}",
                organisation=record_organisation(obj),
            )
        return render(request, self.template_name, context)


class ObjectEditView(RegisterView):
    template_name = "core/object_form.html"

    def get_object(self, pk):
        if pk is None:
            if not can(self.request.user, self.model, "add"):
                raise PermissionDenied
            return self.model()
        return self.restricted_object("change", pk)

    def get_form(self, obj, data=None, files=None):
        initial = {
            k: v for k, v in self.request.GET.items() if k in self.register.form._meta.fields
        }
        return self.register.form(
            data, files, instance=obj, user=self.request.user, initial=initial
        )

    def get(self, request, pk: int | None = None):
        obj = self.get_object(pk)
        form = self.get_form(obj)
        return self.render(obj, form, version=self.version(obj, form))

    @staticmethod
    def version(obj, form) -> str:
        """The token the page carries: the record as it stands now (see concurrency)."""
        return concurrency.page_token(obj, concurrency.form_fields(form)) if obj.pk else ""

    def post(self, request, pk: int | None = None):
        # The record is read with its row locked and saved in the same transaction, so
        # no other save can slip between the version check and this one.
        conflict = None
        with transaction.atomic():
            obj = self.get_object(pk)
            if obj.pk:
                concurrency.lock_in_place(obj)
            stored = copy.copy(obj)
            form = self.get_form(obj, request.POST, request.FILES)
            version = request.POST.get(concurrency.FIELD, "")
            if form.is_valid():
                try:
                    if obj.pk:
                        concurrency.check_form(form, version, stored)
                    saved = self.save_form(form, pk)
                except concurrency.Conflict as exc:
                    conflict, version = exc, exc.token
                else:
                    if saved is not None:
                        messages.success(request, _("Saved %(object)s.") % {"object": saved})
                        return HttpResponseRedirect(self.next_url(saved, pk))
        return self.render(
            obj, form, status=409 if conflict else 400, version=version, conflict=conflict
        )

    # The second submit button of an add form: save, then an empty form for the next.
    ADD_ANOTHER = "_addanother"
    # A page that embeds a short form (a meter's next reading) returns there.
    NEXT = "_next"

    def next_url(self, saved, pk) -> str:
        """Where a successful save leads: a new empty add form ("save and add another",
        keeping the choices given in the address, e.g. the unit), the local page named
        in `_next`, or the saved record."""
        request = self.request
        if pk is None and self.ADD_ANOTHER in request.POST:
            query = request.GET.urlencode()
            return reverse(self.register.url_name("add")) + (f"?{query}" if query else "")
        target = request.POST.get(self.NEXT, "")
        if target and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return target
        return saved.get_absolute_url()

    def save_form(self, form, pk):
        """Save a valid form (in a savepoint); None with the reason on the form when a
        rule refuses it."""
        action = "change" if pk else "add"
        try:
            with transaction.atomic():
                saved = save_form(self.register, form, self.request)
                if not self.restricted(action).filter(pk=saved.pk).exists():
                    raise PermissionDenied
        except PermissionDenied as refusal:
            # A rule of the register names what was refused; the scope check does not.
            form.add_error(
                None, str(refusal) or _("You may not place this record outside your units.")
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            return saved
        return None

    def render(self, obj, form, status=200, version="", conflict=None):
        return render(
            self.request,
            self.template_name,
            self.base_context(
                object=obj if obj.pk else None,
                form=form,
                version_field=concurrency.FIELD,
                version=version,
                conflict=conflict,
                add_another=self.ADD_ANOTHER,
                next_field=self.NEXT,
                next_url=self.request.POST.get(self.NEXT, ""),
                **(self.object_urls(obj.pk) if obj.pk else {}),
            ),
            status=status,
        )


class ObjectDeleteView(RegisterView):
    """Confirm and delete, through the one delete path (`delete_record`). The page
    carries the record's version (its ETag): a record changed since the page was shown
    is not deleted, and the page shows it again with who changed it."""

    template_name = "core/object_confirm_delete.html"

    def get(self, request, pk: int):
        obj = self.restricted_object("delete", pk)
        return self.render(obj)

    def render(self, obj, status=200, changed=""):
        return render(
            self.request,
            self.template_name,
            self.base_context(
                object=obj,
                version_field=concurrency.FIELD,
                version=concurrency.etag(obj).strip('"'),
                changed=changed,
                **self.object_urls(obj.pk),
            ),
            status=status,
        )

    def post(self, request, pk: int):
        with transaction.atomic():
            obj = self.restricted_object("delete", pk)
            concurrency.lock_in_place(obj)
            version = request.POST.get(concurrency.FIELD, "")
            if version and not concurrency.matches(f'"{version}"', obj):
                return self.render(obj, status=409, changed=self.changed_message(obj))
            try:
                delete_record(self.register, obj, request)
            except DeleteRefused as exc:
                messages.error(request, exc.message)
                return HttpResponseRedirect(obj.get_absolute_url())
        messages.success(request, _("Deleted %(object)s.") % {"object": obj})
        return HttpResponseRedirect(reverse(self.register.url_name("list")))

    @staticmethod
    def changed_message(obj) -> str:
        by, at = concurrency.last_change(obj)
        if by and at:
            return _(
                "%(user)s changed this record (%(time)s) after you opened this page, so it "
                "was not deleted. Check it as it is now and delete it again if you still "
                "want to."
            ) % {"user": f"\u2068{by}\u2069", "time": display(at)}
        return _(
            "Someone changed this record after you opened this page, so it was not "
            "deleted. Check it as it is now and delete it again if you still want to."
        )


class ObjectHistoryView(RegisterView):
    template_name = "core/object_history.html"

    def get(self, request, pk: int):
        entries = object_history(self.model, pk, request.user)
        obj = self.restricted("view").filter(pk=pk).first()
        if entries is None and obj is None:
            raise Http404
        if entries is None:
            # A record made before its history was kept (a data migration, a bulk
            # load): its page says so rather than leading to a 404.
            entries, title = [], str(obj)
        else:
            # The record as it last was, taken before evidence-file entries are merged
            # in; str(record) would add simple_history's English " as of <timestamp>".
            title = str(entries[-1].record.history_object)
        entries = sorted(entries + attachment_entries(self.model, pk), key=lambda e: e.date)
        return render(
            request,
            self.template_name,
            self.base_context(
                object=obj,
                entries=list(reversed(entries)),
                title=title,
                **self.object_urls(pk),
            ),
        )


class ObjectImportView(RegisterView):
    """Import a spreadsheet into the register: all rows or none."""

    template_name = "core/object_import.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can(request.user, self.model, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        fmt = request.GET.get("template")
        if fmt in FORMATS:
            content, content_type = imports.template(self.register, fmt)
            response = HttpResponse(content, content_type=content_type)
            name = f"{self.model._meta.model_name}-template.{fmt}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        return self.render(ImportForm())

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form, status=400)
        upload = form.cleaned_data["file"]
        large = upload.size is not None and upload.size > settings.ZIST_IMPORT_BACKGROUND_BYTES
        if large and imports.background is not None:
            # A large file: a background job imports it (still every row or none), and
            # the person follows it on the job's page.
            if upload.size > settings.ZIST_IMPORT_MAX_BYTES:
                form.add_error("file", imports.too_large(upload.size))
                return self.render(form, status=400)
            job_url = imports.background(self.register, upload, request.user)
            messages.success(request, _("The file is being imported in the background."))
            return HttpResponseRedirect(job_url)
        try:
            result = imports.run_import(self.register, form.cleaned_data["file"], request)
        except imports.ImportFileError as exc:
            form.add_error("file", str(exc))
            return self.render(form, status=400)
        if not result.ok:
            return self.render(form, result=result, status=400)
        messages.success(
            request,
            _("Imported %(created)s new and %(updated)s updated records.")
            % {
                "created": numbers.format_number(result.created),
                "updated": numbers.format_number(result.updated),
            },
        )
        return HttpResponseRedirect(reverse(self.register.url_name("list")))

    def render(self, form, result=None, status=200):
        return render(
            self.request,
            self.template_name,
            self.base_context(
                form=form,
                result=result,
                columns=imports.headers(self.register),
            ),
            status=status,
        )
