from django import forms
from django.utils.translation import gettext_lazy as _

from zist.attachments.validation import check_upload


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    description = forms.CharField(label=_("Description"), max_length=300, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.mime_type = check_upload(upload)
        return upload
