"""The public API of ``graph/__init__.py``: every name resolves to its owner's object, each is loaded
only when asked for (``import graph.model`` loads neither spaCy nor rdflib), and ``graph.build``
and ``graph.evaluate`` stay the functions whatever was imported before, ``graph.extract`` is its package
called as the pipeline."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import graph


def modules_after(code: str) -> list[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    run = subprocess.run([sys.executable, "-c", f"{code}\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


@pytest.mark.parametrize("code", ["import graph", "import graph.model", "import graph.errors"])
def test_importing_the_package_or_its_plain_modules_loads_no_heavy_library(code):
    loaded = modules_after(code)
    heavy = [m for m in ("spacy", "rdflib", "pyoxigraph", "networkx", "pyshacl", "click") if m in loaded]
    assert not heavy, f"{code!r} loaded {heavy}"
    assert {m for m in loaded if m.split(".")[0] == "graph"} <= {"graph", "graph.model", "graph.errors"}


@pytest.mark.parametrize("name", graph.__all__)
def test_every_public_name_is_the_object_of_its_owner_module(name):
    owner = importlib.import_module(graph._OWNERS[name])
    if graph._OWNERS[name] == "graph":  # a subpackage (graph.extract)
        assert getattr(graph, name) is importlib.import_module(f"graph.{name}")
    else:
        assert getattr(graph, name) is getattr(owner, name)
    assert name in dir(graph)


def test_every_public_name_is_in_the_package_docstring():
    missing = [name for name in graph.__all__ if f"`{name}`" not in graph.__doc__]
    assert not missing, f"say what these are in graph/__init__.py's docstring: {missing}"


def test_an_unknown_name_is_an_attribute_error_naming_it():
    with pytest.raises(AttributeError, match="no attribute 'union'"):
        graph.union  # noqa: B018
    assert not hasattr(graph, "no_such_thing")


def test_build_and_evaluate_stay_functions_after_their_modules_are_imported():
    code = ("import graph.build, graph.extract.pipeline, graph.evaluate\n"
            "from graph.build import BuildResult\n"
            "import graph, inspect\n"
            "assert all(inspect.isfunction(f) for f in (graph.build, graph.evaluate)), (graph.build, graph.evaluate)\n"
            "assert graph.BuildResult is BuildResult and sys.modules['graph.build'].build is graph.build\n")
    assert "graph.build" in modules_after("import sys\n" + code)


def test_extract_is_its_package_callable_as_the_pipeline_and_its_modules_import_with_as():
    code = ("import graph.extract.pipeline as pipeline\n"  # failed when graph.extract was the function
            "import graph, sys\n"
            "assert graph.extract is sys.modules['graph.extract'] and graph.extract.pipeline is pipeline\n"
            "from graph.resources import DEFAULT_REPORT\n"
            "from graph.text.metadata import read_report\n"
            "report = read_report(DEFAULT_REPORT)\n"
            "assert graph.extract(report).entities == pipeline.extract(report).entities\n")
    assert "graph.extract.pipeline" in modules_after(code)
    assert "spacy" not in modules_after("import graph\ngraph.extract")  # the package alone loads no spaCy
