"""Specialist training needs: what each post requires against what its holders bring."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class HolderGaps:
    """What one holder lacks for a post (empty lists/None: nothing)."""

    holder: object
    education: tuple | None = None  # (required, held)
    experience: tuple | None = None  # (required years, held years)
    trainings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.education or self.experience or self.trainings)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def holder_gaps(
    holder,
    required_education: int | None,
    required_years: int,
    required_trainings: list[str],
    education: int | None,
    years: int,
    trainings: list[str],
) -> HolderGaps:
    """Compare one holder with the post: education is ordered (a master's meets a
    bachelor's requirement); trainings match ignoring case and spacing."""
    gaps = HolderGaps(holder)
    if required_education and (education or 0) < required_education:
        gaps.education = (required_education, education)
    if years < required_years:
        gaps.experience = (required_years, years)
    done = {_norm(item) for item in trainings}
    gaps.trainings = [item for item in required_trainings if _norm(item) not in done]
    return gaps


def post_needs(post) -> list[HolderGaps]:
    """What each holder of `post` lacks."""
    return [
        holder_gaps(
            holder,
            post.education,
            post.experience_years,
            post.training_list(),
            holder.education,
            holder.experience_years,
            holder.training_list(),
        )
        for holder in post.holders.all()
    ]


def course_urls(titles, user) -> dict[str, str]:
    """Courses of the training module (when installed) whose title matches a needed
    training, ignoring case and spacing, among those `user` may see: {title: url}."""
    from django.apps import apps

    if not apps.is_installed("zist.training"):
        return {}
    course = apps.get_model("training", "Course")
    wanted = {_norm(title): title for title in titles}
    found = {}
    for item in course.objects.restrict(user, "view").only("pk", "title"):
        if _norm(item.title) in wanted:
            found[wanted[_norm(item.title)]] = item.get_absolute_url()
    return found
