from zist.core.tables import Table
from zist.reviews.models import ManagementReview


class ManagementReviewTable(Table):
    model = ManagementReview
    columns = ["title", "unit", "period_start", "period_end", "meeting_date", "chair", "status"]
