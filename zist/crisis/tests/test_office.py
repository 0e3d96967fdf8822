import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from zist.crisis.models import CrisisFunction, FunctionAssignment, Post, PostHolder
from zist.crisis.services.training import holder_gaps
from zist.crisis.testing import agency


def test_it_refuses_a_reporting_loop(cast):
    head = Post.objects.create(unit=cast.inside, title="Head of office")
    deputy = Post.objects.create(unit=cast.inside, title="Deputy", reports_to=head)
    head.reports_to = deputy
    with pytest.raises(ValidationError) as error:
        head.full_clean()
    assert "reports_to" in error.value.message_dict


def test_it_allows_one_lead_per_function(cast):
    rescue = CrisisFunction.objects.create(unit=cast.inside, name="Search and rescue")
    FunctionAssignment.objects.create(
        function=rescue, agency=agency(cast.inside), responsibility="lead"
    )
    second = FunctionAssignment(function=rescue, agency=agency(cast.inside), responsibility="lead")
    with pytest.raises(ValidationError):
        second.full_clean()
    second.responsibility = "support"
    second.full_clean()


def test_it_finds_what_a_holder_lacks_for_a_post():
    gaps = holder_gaps(
        "Sara",
        required_education=4,
        required_years=5,
        required_trainings=["Incident command system", "First aid"],
        education=3,
        years=6,
        trainings=["first  AID"],
    )
    assert gaps.education == (4, 3)
    assert gaps.experience is None
    assert gaps.trainings == ["Incident command system"]
    assert holder_gaps("Ali", 3, 2, [], 5, 2, []).ok


def test_it_draws_the_office(cast, make_user, client):
    head = Post.objects.create(unit=cast.inside, title="Head of office")
    ops = Post.objects.create(
        unit=cast.inside, title="Operations", reports_to=head, trainings="Incident command"
    )
    PostHolder.objects.create(post=head, name="Hossein Karimi")
    PostHolder.objects.create(post=ops, name="Reza", education=3)
    rescue = CrisisFunction.objects.create(unit=cast.inside, name="Search and rescue")
    FunctionAssignment.objects.create(
        function=rescue, agency=agency(cast.inside), responsibility="lead"
    )
    hidden = Post.objects.create(unit=cast.outside, title="Someone else's post")
    client.force_login(make_user("crisis_manager", cast.inside))
    page = client.get(reverse("crisis:office")).content.decode()
    assert "<svg" in page and "Hossein Karimi" in page and "Search and rescue" in page
    assert hidden.title not in page
    training = client.get(reverse("crisis:training")).content.decode()
    assert "Incident command" in training


def test_it_links_needed_training_to_courses_the_reader_may_see(cast, make_user, client):
    from zist.training.models import Course

    post = Post.objects.create(unit=cast.inside, title="Operations", trainings="Incident command")
    PostHolder.objects.create(post=post, name="Reza")
    # The course belongs to the neighbouring district.
    course = Course.objects.create(unit=cast.outside, title="incident  COMMAND")
    url = course.get_absolute_url()
    client.force_login(make_user("environmental_manager", cast.region))
    assert url in client.get(reverse("crisis:training")).content.decode()
    # A crisis manager of District 3 sees the post's need but not District 4's course.
    client.force_login(make_user("crisis_manager", cast.inside))
    page = client.get(reverse("crisis:training")).content.decode()
    assert "Incident command" in page and url not in page
