from zist.clauses.models import Clause, Library
from zist.core.forms import ZistModelForm


class LibraryForm(ZistModelForm):
    class Meta:
        model = Library
        fields = ["unit", "code", "version", "urn", "name", "description", "maturity_levels"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Own libraries always belong to a unit; only built-in ones have none.
        self.fields["unit"].required = True


class ClauseForm(ZistModelForm):
    class Meta:
        model = Clause
        fields = ["library", "number", "urn", "title", "question", "documented"]
