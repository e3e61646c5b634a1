"""Problems of an imported sheet read in French too: the same cells and codes, French words."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerfit.contract.wording import translation
from partnerfit.errors import InvalidInputError
from partnerfit.project.loading import load_criteria
from partnerfit.project.sheet_import import read_sheet

CRITERIA = load_criteria("partnership")
SHEETS = {
    "unknown column and bad score": "id,qualty,strategic_fit\nacme,4,high\n",
    "no id or name": "qualty\n4\n",
    "same candidate twice": "id,strategic_fit\nacme,4\nacme,5\n",
    "empty": "\n\n",
    "quote never closes": 'id,name\nacme,"Acme\nbeta,Beta\n',
    "binary": "id\x00\n",
}


@pytest.mark.parametrize("text", SHEETS.values(), ids=list(SHEETS))
def test_every_problem_of_a_sheet_is_worded_in_french(tmp_path: Path, text: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_sheet(path, CRITERIA)
    french = translation("fr")
    for diagnostic in caught.value.diagnostics:
        assert diagnostic.template is not None, diagnostic.message
        assert diagnostic.text(french) != diagnostic.message
        assert diagnostic.format(french).startswith(f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}: ")


def test_an_unknown_column_reads_in_french(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("id,strategic_fitt\nacme,4\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_sheet(path, CRITERIA)
    text = caught.value.diagnostics[0].text(translation("fr"))
    assert text.startswith("colonne inconnue 'strategic_fitt' : aucun critère 'strategic_fitt'")
    assert "(jeu de critères 'partnership' ; autres colonnes : id, name," in text
