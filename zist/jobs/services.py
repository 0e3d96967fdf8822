"""What the pages and the API ask of jobs."""

from zist.jobs import engine
from zist.jobs.models import Job


def jobs_of(user):
    return Job.objects.restrict(user).select_related("user")


def retry(user, job: Job) -> bool:
    """Run again a failed job, or one whose worker died, that `user` may act on."""
    if not Job.objects.restrict(user, "change").filter(pk=job.pk).exists():
        return False
    return engine.retry(job)
