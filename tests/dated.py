"""The seed pages with a catalogue of papers and issue dates, for tests of the filters.

The seeds' own catalogue names one paper and no issue date; this one gives every page a
paper and an issue date, so a filter has something to keep and something to leave out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SEEDS

# file, publication, issue date, 版次: two papers, three years
CATALOG = {
    "000_4aea86586ab16aa7.txt": ("滨州日报", "2021-03-02", "1"),
    "001_be3ff700a7403fc6.txt": ("滨州日报", "2021-09-15", "2"),
    "002_5f9f883e554d2686.txt": ("滨州日报", "2022-01-20", "1"),
    "003_54c9fe256b89c4a1.txt": ("临沂日报", "2020-11-10", "3"),
    "004_e698e91fc0ebeaed.txt": ("滨州日报", "2022-06-30", "4"),
}


def dated_seeds(folder: Path) -> Path:
    """Copy the seed pages into ``folder`` with the catalogue above; return ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in CATALOG:
        shutil.copy(SEEDS / name, folder / name)
    rows = ["file,publication,issue_date,page"]
    rows += [f"{name},{pub},{date},{page}" for name, (pub, date, page) in CATALOG.items()]
    (folder / "catalog.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def build_dated(root: Path, embedder) -> Path:
    """Build the dated seeds under ``root`` with ``embedder``; return the index folder."""
    from qa.build import build_index
    from qa.settings import load_settings

    seeds = dated_seeds(root / "seeds")
    settings = load_settings(
        {"SEEDS_DIR": str(seeds), "INDEX_DIR": str(root / "index")}, environ={}
    )
    build_index(settings, embedder)
    return root / "index"
