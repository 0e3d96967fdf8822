"""Django's password validators with their numbers in the reader's digits (the minimum
length of 12 reads ۱۲ in Persian)."""

from django.contrib.auth import password_validation

from zist.core.forms import digits_of_the_reader


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return digits_of_the_reader(super().get_error_message())

    def get_help_text(self):
        return digits_of_the_reader(super().get_help_text())
