"""Pages of the statement (the full document, its workflow steps) and the public
portal of each organisation (no login; published things only; cached)."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.core.pdf import pdf_later, pdf_response, wants_pdf
from zist.publication import portal, services
from zist.publication.forms import CorrectForm, InquiryForm, ValidateForm
from zist.publication.models import Statement

# Spam protection of the inquiry form, without third parties.
MIN_SECONDS = 3  # a person takes longer than this to write an inquiry
MAX_AGE = 2 * 3600  # a form older than this is shown again
PER_HOUR = 5  # inquiries per client and hour
SALT = "zist.publication.inquiry"


# Statement pages (login) -----------------------------------------------------------


def _statement(request, pk: int) -> Statement:
    return get_object_or_404(
        Statement.objects.restrict(request.user, "view").select_related(
            "unit", "unit__organisation", "previous"
        ),
        pk=pk,
    )


def _pdf_title(statement) -> str:
    return statement.title or _("Environmental statement %(year)s") % {"year": statement.year}


def _statement_response(request, statement, context):
    """The statement page, or its PDF (`?format=pdf`) from the same template."""
    if wants_pdf(request):
        title = _pdf_title(statement)
        return pdf_response(
            request,
            "publication/statement_page.html",
            context,
            filename=f"environmental-statement-{statement.unit.organisation_id}-"
            f"{statement.year}-v{statement.version}",
            title=title,
            organisation=statement.unit.organisation,
        )
    return render(request, "publication/statement_page.html", context)


@login_required
def statement_document(request, pk: int):
    statement = _statement(request, pk)
    if wants_pdf(request):
        # Always a background job: compiling and laying out takes seconds.
        later = pdf_later(request, title=_pdf_title(statement), source=statement)
        if later is not None:
            return later
    context = {
        "statement": statement,
        "data": services.content(statement),
        "public": False,
        # What the reader may do next, from the document itself (not printed).
        "may_edit": not statement.locked
        and Statement.objects.restrict(request.user, "change").filter(pk=pk).exists(),
        "may_correct": services.may_correct(request.user, statement),
    }
    return _statement_response(request, statement, context)


@login_required
@require_POST
def statement_step(request, pk: int, step: str):
    statement = _statement(request, pk)
    try:
        if step == "validate":
            form = ValidateForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Write the verifier's declaration."))
            services.validate(request.user, statement, form.cleaned_data["declaration"])
            messages.success(request, _("The statement is validated."))
        elif step == "publish":
            services.publish(request.user, statement)
            messages.success(request, _("The statement is published; its figures are frozen."))
        elif step == "correct":
            form = CorrectForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Say what the new version corrects."))
            statement = services.correct(request.user, statement, form.cleaned_data["change_note"])
            messages.success(request, _("A new draft version was made."))
        else:
            raise Http404
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("publication:statement_detail", args=[pk]), status=303)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return HttpResponseRedirect(reverse("publication:statement_detail", args=[statement.pk]))


def step_context(request, statement) -> dict:
    """What the statement's detail page offers its reader (see statement_extra.html)."""
    return {
        "may_validate": services.may_validate(request.user, statement),
        "may_publish": services.may_publish(request.user, statement),
        "may_correct": services.may_correct(request.user, statement),
        "validate_form": ValidateForm(),
        "correct_form": CorrectForm(),
    }


# The public portal -----------------------------------------------------------------


def cached(view):
    """Keep a portal page's HTML for five minutes per address and language; anything
    newly published changes the key at once (services.bump_portal)."""

    @functools.wraps(view)
    def wrapper(request, organisation: int, *args, **kwargs):
        if request.method != "GET":
            return view(request, organisation, *args, **kwargs)
        version = services.portal_version(organisation)
        key = f"portal:{version}:{get_language()}:{request.get_full_path()}"
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            return HttpResponse(content, headers=headers)
        response = view(request, organisation, *args, **kwargs)
        if response.status_code == 200:
            headers = {
                name: response[name]
                for name in ("Content-Type", "Content-Disposition")
                if response.has_header(name)
            }
            cache.set(key, (response.content, headers), 300)
        return response

    return wrapper


def portal_index(request):
    from zist.organisations.models import Organisation

    return render(
        request, "publication/portal_index.html", {"organisations": Organisation.objects.all()}
    )


def _portal_context(organisation_id: int, **extra) -> dict:
    organisation = portal.organisation_or_404(organisation_id)
    return {"organisation": organisation, "public": True, **extra}


@cached
def portal_home(request, organisation: int):
    context = _portal_context(organisation)
    org = context["organisation"]
    latest = portal.statements(org)
    context.update(
        statements=latest,
        latest=latest[0] if latest else None,
        policies=portal.policies(org),
        certificates=portal.certificates(org),
        events=portal.events(org),
    )
    return render(request, "publication/portal_home.html", context)


@cached
def portal_statement(request, organisation: int, year: int, version: int | None = None):
    statement = portal.published_statement(organisation, year, version)
    context = _portal_context(organisation, statement=statement, data=statement.snapshot)
    context["versions"] = Statement.objects.filter(
        unit=statement.unit, year=year, status__in=portal.PUBLISHED
    ).order_by("version")
    return _statement_response(request, statement, context)


@cached
def portal_accounts(request, organisation: int, year: int):
    statement = portal.published_statement(organisation, year)
    context = _portal_context(organisation, statement=statement, data=statement.snapshot)
    return render(request, "publication/portal_accounts.html", context)


@cached
def portal_documents(request, organisation: int):
    context = _portal_context(organisation)
    context["versions"] = portal.documents(context["organisation"])
    return render(request, "publication/portal_documents.html", context)


def _client(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def portal_inquiry(request, organisation: int):
    context = _portal_context(organisation)
    org = context["organisation"]
    root = org.root_unit
    if root is None:
        raise Http404
    if request.method == "POST":
        form = InquiryForm(request.POST)
        throttle_key = f"portal-inquiries:{_client(request)}"
        if cache.get(throttle_key, 0) >= PER_HOUR:
            context["form"] = InquiryForm(initial={"token": _token()})
            context["refusal"] = _("Too many inquiries were sent from here; try again in an hour.")
            return render(request, "publication/portal_inquiry.html", context, status=429)
        if form.is_valid():
            refusal = _spam_refusal(form.cleaned_data)
            if refusal is None:
                inquiry = _store_inquiry(root, form.cleaned_data)
                cache.add(throttle_key, 0, 3600)
                cache.incr(throttle_key)
                return render(
                    request,
                    "publication/portal_thanks.html",
                    {**context, "inquiry": inquiry},
                )
            context["refusal"] = refusal
            form = InquiryForm(initial={**form.cleaned_data, "token": _token()})
        else:
            data = request.POST.copy()
            data["token"] = _token()
            form = InquiryForm(data)
            form.is_valid()
        context["form"] = form
        return render(request, "publication/portal_inquiry.html", context, status=400)
    context["form"] = InquiryForm(initial={"token": _token()})
    return render(request, "publication/portal_inquiry.html", context)


def _token() -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(int(timezone.now().timestamp())))


def _spam_refusal(data) -> str | None:
    if data.get("website"):
        return _("This inquiry could not be accepted.")
    try:
        signed = signing.TimestampSigner(salt=SALT).unsign(data["token"], max_age=MAX_AGE)
    except signing.SignatureExpired:
        return _("The form was open too long; please send it again.")
    except signing.BadSignature:
        return _("This inquiry could not be accepted.")
    if timezone.now().timestamp() - int(signed) < MIN_SECONDS:
        return _("That was very fast; please check your inquiry and send it again.")
    return None


def _store_inquiry(root, data):
    from zist.communication.models import Inquiry

    with transaction.atomic():
        inquiry = Inquiry(
            unit=root,
            kind=data["kind"],
            party=data["party"],
            name=data["name"],
            contact=data["contact"],
            subject=data["subject"],
            text=data["text"],
            received_on=timezone.localdate(),
        )
        inquiry.full_clean()
        inquiry.save()
    return inquiry
