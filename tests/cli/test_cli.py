"""The CLI is thin and documented: every command has help."""

from __future__ import annotations

import pytest

from synoptic.cli import build_parser, main


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_cli_has_commands() -> None:
    assert "eval" in _commands()


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert command in out and len(out) > 80


def test_no_command_is_a_usage_error() -> None:
    assert main([]) == 2
