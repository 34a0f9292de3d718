"""The project's own writers as rdflib serializer plugins: the same bytes as the writers themselves,
declared as entry points in setup.cfg, found by an rdflib that never imported the package."""

import configparser
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef, plugin
from rdflib.serializer import Serializer

from graph.exports.formats import to_jsonld
from graph.rdf.turtle import to_trig, to_turtle

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> dict[str, str]:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    lines = cfg["options.entry_points"]["rdf.plugins.serializer"].strip().splitlines()
    return dict(tuple(part.strip() for part in line.split("=", 1)) for line in lines)


def _registered() -> dict[str, str]:
    return {p.name: f"{p.module_path}:{p.class_name}" for p in plugin.plugins(kind=Serializer)
            if p.name.startswith("wujing-")}


def test_every_registered_writer_is_declared_as_an_entry_point_in_setup_cfg():
    assert _registered() == _declared()
    assert set(_declared()) == {"wujing-turtle", "wujing-trig", "wujing-jsonld"}


@pytest.mark.parametrize("name, write", [
    ("wujing-turtle", lambda b: to_turtle(b.union)),
    ("wujing-trig", lambda b: to_trig(b.dataset)),
    ("wujing-jsonld", lambda b: to_jsonld(b.union)),
])
def test_a_plugin_writes_the_bytes_its_writer_writes(built, name, write):
    source = built.dataset if name == "wujing-trig" else built.union
    expected = write(built)
    assert source.serialize(format=name) == expected
    assert source.serialize(format=name, encoding="utf-8") == expected.encode("utf-8")


def test_the_build_files_are_what_the_plugins_write(built, built_trig):
    assert built_trig.read_bytes() == built.dataset.serialize(format="wujing-trig", encoding="utf-8")
    assert (built_trig.parent / "wujing.ttl").read_bytes() == built.union.serialize(format="wujing-turtle",
                                                                                   encoding="utf-8")


def test_the_trig_plugin_writes_a_plain_graph_as_its_default_graph():
    g = Graph()
    g.add((URIRef("https://example.org/a"), URIRef("https://example.org/b"), Literal("甲")))
    text = g.serialize(format="wujing-trig")
    assert text == to_turtle(g)
    assert {(s, p, o) for s, p, o, _ in Dataset().parse(data=text, format="trig").quads()} == set(g)


def test_rdflib_finds_the_plugins_through_the_installed_entry_points(tmp_path):
    """A program that imports rdflib but not this package can still write ``wujing-turtle``.

    It runs in another folder, as a user's program would (in the repository, a stale
    ``wujing_kg.egg-info`` left by a wheel build could hide the installed metadata).
    """
    code = ("import sys; from importlib.metadata import entry_points; from rdflib import Graph, Literal, URIRef; "
            "print(sorted(f'{e.name} = {e.value}' for e in entry_points(group='rdf.plugins.serializer') "
            "if e.name.startswith('wujing-'))); "
            "g = Graph(); g.add((URIRef('https://example.org/a'), URIRef('https://example.org/b'), Literal(1))); "
            "print('graph.rdf.turtle' in sys.modules); print(g.serialize(format='wujing-turtle'), end=''); "
            "print('graph.rdf.turtle' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=tmp_path).stdout.splitlines()
    assert out[0] == str(sorted(f"{k} = {v}" for k, v in _declared().items()))
    # not imported by the program; loaded by rdflib, through the entry point, when the format is asked for
    assert out[1:] == ["False", "", "<https://example.org/a> <https://example.org/b> 1 .", "", "True"]
