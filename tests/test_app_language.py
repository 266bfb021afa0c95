"""What the app shows is in the reader's language, names included where the graph knows them in both
(AppTest over the example minutes in the test Neo4j, as tests/test_app.py sets them up)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from pmkg.ui.i18n import translate
from tests import test_app

example_records, loaded, open_page = test_app.example_records, test_app.loaded, test_app.open_page

CELL = "theme:cancer,org:gms"  # Genomic Medicine Sweden raised cancer in the examples


@pytest.mark.parametrize(("lang", "theme", "other"), [("en", "Cancer", "Kræft"), ("da", "Kræft", "Cancer")])
def test_a_matrix_cells_quotes_name_the_theme_in_the_readers_language(
    open_page: Callable[..., AppTest], lang: str, theme: str, other: str
) -> None:
    at = AppTest.from_file(test_app.APP, default_timeout=test_app.TIMEOUT)
    at.query_params.update({"page": "matrix", "lang": lang, "level": "theme", "by": "organisation"})
    at.query_params["cell"] = CELL
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    quotes = at.dataframe[1].value  # the matrix, then the cell's points
    column = translate("col.theme", lang)
    assert set(quotes[column]) == {theme}
    assert other not in set(quotes[column])
