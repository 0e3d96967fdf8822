"""The assessment page: every requirement with radio buttons, its evidence and the
evidence the registers suggest, progress per clause group and over time; the audit
checklist's pattern (decision 0023)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from zist.actions.models import Action
from zist.core import calendars
from zist.gaps import pack, services
from zist.gaps.forms import AnswerPageForm, PackBuildForm
from zist.gaps.models import Assessment, Pack, PackState


@login_required
@require_http_methods(["GET", "POST"])
def answer_page(request, pk: int):
    assessment = get_object_or_404(
        Assessment.objects.restrict(request.user, "view").select_related("unit", "library"),
        pk=pk,
    )
    may_answer = services.may_answer(request.user, assessment)
    if request.method == "POST" and not may_answer:
        raise PermissionDenied(_("You may not answer this assessment."))
    answers = list(
        assessment.answers.select_related("requirement__library", "requirement__parent")
        .prefetch_related("evidence")
        .order_by("requirement__sort_key")
    )
    levels = assessment.library.maturity_levels
    data = request.POST if request.method == "POST" else None
    forms = [AnswerPageForm(data, answer=answer, levels=levels) for answer in answers]
    if data is not None:
        if "link_suggestions" in data:
            added = services.link_suggestions(assessment, request.user)
            messages.success(
                request,
                ngettext("Linked %(count)s record.", "Linked %(count)s records.", added)
                % {"count": calendars.localize_digits(str(added))},
            )
            return HttpResponseRedirect(request.path)
        sent = [form for form in forms if form.sent]
        if all([form.is_valid() for form in sent]):
            try:
                with transaction.atomic():
                    saved = services.save_answers(
                        assessment, request.user, [form.sent_answer() for form in sent]
                    )
                    action = _action_from(request, answers)
            except ValidationError as error:
                for form in sent:
                    for message in error.message_dict.get(str(form.answer.pk), []):
                        form.add_error(None, message)
                if "__all__" in error.message_dict:
                    messages.error(request, " ".join(error.message_dict["__all__"]))
            else:
                if saved:
                    messages.success(
                        request,
                        ngettext("Saved %(count)s answer.", "Saved %(count)s answers.", len(saved))
                        % {"count": calendars.localize_digits(str(len(saved)))},
                    )
                if action is not None:
                    messages.success(request, _("Action %(action)s made.") % {"action": action})
                elif not saved:
                    messages.info(request, _("No answer was changed."))
                return HttpResponseRedirect(request.path)
        messages.error(request, _("Nothing was saved: correct the answers marked below."))
    statuses = services.effective_statuses(assessment)
    suggested = services.suggestions(assessment, request.user)
    evidence = dict.fromkeys((a.pk for a in answers), ())
    shown = services.visible_evidence(
        [link for answer in answers for link in answer.evidence.all()], request.user
    )
    for link, record in shown:
        evidence[link.answer_id] = (*evidence[link.answer_id], record)
    actions = {}
    for action in Action.objects.restrict(request.user, "view").filter(
        source_type__model="answer",
        source_type__app_label="gaps",
        source_id__in=[a.pk for a in answers],
    ):
        actions.setdefault(action.source_id, []).append(action)
    labels = dict(services.Status.choices)
    rows = [
        {
            "answer": answer,
            "form": form,
            "evidence": evidence[answer.pk],
            "suggested": [
                r for r in suggested.get(answer.requirement.urn, []) if r not in evidence[answer.pk]
            ],
            "actions": actions.get(answer.pk, []),
            "mapped": labels[statuses[answer.pk][0]] if statuses[answer.pk][1] else "",
        }
        for answer, form in zip(answers, forms, strict=True)
    ]
    groups, total = services.progress(assessment)
    return render(
        request,
        "gaps/answer.html",
        {
            "assessment": assessment,
            "rows": rows,
            "may_answer": may_answer,
            "groups": groups,
            "total": total,
            "over_time": services.over_time(assessment),
        },
        status=400 if data is not None else 200,
    )


def _action_from(request, answers):
    """The action the "turn into an action" button asked for, made after the save."""
    chosen = request.POST.get("action", "")
    for answer in answers:
        if chosen == str(answer.pk):
            answer.refresh_from_db()
            return services.gap_to_action(answer, request.user)
    return None


@login_required
@require_POST
def pack_build(request, pk: int):
    """The assessment page's "Build the evidence pack": one click records the pack and
    sends the person to its job's page, where the build's progress shows."""
    assessment = get_object_or_404(
        Assessment.objects.restrict(request.user, "view").select_related("unit"), pk=pk
    )
    form = PackBuildForm(request.POST, user=request.user, assessment=assessment)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("audit", [_("Choose an audit.")])))
        return HttpResponseRedirect(assessment.get_absolute_url())
    audit = form.cleaned_data["audit"]
    made = pack.ask(assessment, request, audit=audit, purpose=audit.kind if audit else "")
    job = pack.job_of(made)
    return HttpResponseRedirect(
        reverse("jobs:job_detail", args=[job.uuid]) if job else made.get_absolute_url()
    )


@login_required
def pack_download(request, pk: int):
    """The pack's ZIP, to whoever may see the assessment's unit and all that the pack
    holds (pack.may_download)."""
    made = get_object_or_404(
        Pack.objects.restrict(request.user, "view").select_related("assessment"),
        pk=pk,
        state=PackState.READY,
    )
    if not made.file or not pack.may_download(made, request.user):
        raise Http404
    name = f"evidence-pack-{made.pk}-{made.built_at:%Y%m%d}.zip"
    response = FileResponse(made.file.open("rb"), as_attachment=True, filename=name)
    response["Content-Type"] = "application/zip"
    return response
