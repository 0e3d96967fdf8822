import pytest


@pytest.fixture
def uploads(settings, tmp_path):
    """Files the jobs write (PDFs, exports) go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
