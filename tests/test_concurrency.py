"""Two people editing one meeting never silently overwrite each other (row versions)."""

import pytest
from sqlalchemy.orm.exc import StaleDataError

from minutes_app.archive import import_file, load_meeting
from tests.conftest import EXAMPLE

pytestmark = pytest.mark.databases


def test_the_second_save_of_a_changed_row_fails(archive) -> None:
    meeting_id = import_file(archive, EXAMPLE)
    first, second = archive.sessions(), archive.sessions()
    try:
        mine = load_meeting(first, meeting_id).speeches[2]
        theirs = load_meeting(second, meeting_id).speeches[2]
        assert mine.version == theirs.version == 1

        theirs.summary = "Bản của thư ký thứ hai."
        second.commit()
        mine.summary = "Bản của tôi."
        with pytest.raises(StaleDataError):
            first.commit()
        first.rollback()
        assert load_meeting(first, meeting_id).speeches[2].summary == "Bản của thư ký thứ hai."
        assert load_meeting(first, meeting_id).speeches[2].version == 2
    finally:
        first.close()
        second.close()
