"""The notebooks run top to bottom on the bundled corpus."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


def test_historical_dataset_notebook_runs_and_plots():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    path = ROOT / "notebooks" / "historical_dataset.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()  # fmt: skip
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # the trajectories and the shortcoming areas
    text = "".join(o.get("text", "") for o in outputs)
    assert "15 documents, 5 letters" in text
