"""Which servers another machine can reach: none by default.

The action server runs custom actions for anyone who reaches its port (no token), Rasa's HTTP API
can replace the model and read every conversation, and `rasa shell` opens the REST channel too.
So the action server is started with `cip actions` (127.0.0.1; `rasa run actions` listens on every
interface), every Rasa server gets `--interface 127.0.0.1`, and `--enable-api` is only allowed with
an `--auth-token` from the environment. The first tests start the action server and read the
kernel's table of listening sockets; the last ones read the start commands in scripts/,
bot/launch.py and bench/."""

from __future__ import annotations

import ast
import fcntl
import shlex
import socket
import struct
from pathlib import Path

import pytest

from bot.launch import Server, action_server_command, free_port
from tests.conftest import ROOT

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ENV_VALUE = "$"  # how a value from the environment looks in a scanned command


def listening_addresses(port: int) -> set:
    """The local addresses of the TCP sockets in state LISTEN on `port`, from /proc/net/tcp(6)."""
    found = set()
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:
                raw = b"".join(bytes.fromhex(address[i : i + 8])[::-1] for i in range(0, len(address), 8))
                found.add(socket.inet_ntop(family, raw))
    return found


def other_addresses() -> list:
    """This machine's IPv4 addresses outside 127.0.0.0/8 (SIOCGIFADDR for every interface)."""
    addresses = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            try:
                answer = fcntl.ioctl(probe.fileno(), 0x8915, struct.pack("256s", name.encode()[:15]))
            except OSError:  # an interface without an IPv4 address
                continue
            address = socket.inet_ntoa(answer[20:24])
            if not address.startswith("127."):
                addresses.append(address)
    return addresses


def action_server(tmp_path: Path, env: dict) -> tuple:
    port = free_port()
    host = env.get("CIP_ACTIONS_HOST") or "127.0.0.1"
    server = Server(
        action_server_command(port), tmp_path / f"actions-{port}.log", f"http://{host}:{port}/health", env=env
    )
    return server.start(), port


def test_the_action_server_listens_on_loopback_only(tmp_path):
    # SANIC_HOST is what plain `rasa run actions` would listen on: cip actions must not follow it
    server, port = action_server(tmp_path, {"CIP_ACTIONS_HOST": "", "SANIC_HOST": "0.0.0.0"})
    try:
        assert listening_addresses(port) == {"127.0.0.1"}
        for address in other_addresses():
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection((address, port), timeout=5).close()
    finally:
        server.stop()


def test_CIP_ACTIONS_HOST_chooses_another_address(tmp_path):
    """The override for an action server on its own machine (README); 127.0.0.2 stays on loopback."""
    server, port = action_server(tmp_path, {"CIP_ACTIONS_HOST": "127.0.0.2"})
    try:
        assert listening_addresses(port) == {"127.0.0.2"}
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
    finally:
        server.stop()


# --- the start commands in scripts/ and bot/launch.py -------------------------------------------


def exposure_problems(words: list) -> list:
    """What is wrong with one command (a list of words; a value from the environment starts with $)."""

    def value(option: str, short: str | None = None):
        for i, word in enumerate(words[:-1]):
            if word in (option, short):
                return words[i + 1]
        return None

    problems = []
    program = started(words)
    if program == "rasa run actions":
        problems.append("`rasa run actions` listens on every interface: use `cip actions`")
    elif program.startswith(("rasa run", "rasa shell")):
        if value("--interface", "-i") not in LOOPBACK:
            problems.append("a Rasa server without `--interface 127.0.0.1`")
    if "--enable-api" in words and not (value("--auth-token", "-t") or "").startswith(ENV_VALUE):
        problems.append("`--enable-api` without `--auth-token` from the environment")
    for option in ("--host", "--interface"):
        given = value(option)
        if given is not None and given not in LOOPBACK and not given.startswith(ENV_VALUE):
            problems.append(f"`{option} {given}` opens a server to the network")
    return problems


def started(words: list) -> str:
    """'rasa run actions', 'rasa shell ...', 'cip web ...': the program (also after VAR=value,
    exec or a path) with the two words after it; '' for other commands."""
    for i, word in enumerate(words):
        if Path(word).name in ("rasa", "cip"):
            return " ".join(["rasa" if Path(word).name == "rasa" else "cip", *words[i + 1 : i + 3]])
    return ""


def shell_commands(path: Path) -> list:
    """Every command of a bash script as words (continued lines joined, split at ; && || | &)."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split, lexer.commenters = True, "#"
        command = []
        for word in lexer:
            if word in (";", "&&", "||", "|", "&"):
                commands.append(command)
                command = []
            else:
                command.append(word)
        commands.append(command)
    return [command for command in commands if command]


def python_commands(path: Path) -> list:
    """Every list display of a Python file as words: strings as they are, RASA and CIP as the
    commands, anything else (os.environ[...], str(port)) as a value from the environment."""
    names = {"RASA": "rasa", "CIP": "cip"}
    commands = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.List) and node.elts:
            commands.append(
                [
                    item.value
                    if isinstance(item, ast.Constant) and isinstance(item.value, str)
                    else names.get(getattr(item, "id", None), ENV_VALUE + ast.unparse(item))
                    for item in node.elts
                ]
            )
    return commands


def start_commands() -> dict:
    files = [path for path in sorted((ROOT / "scripts").iterdir()) if path.is_file()]
    found = {str(path.relative_to(ROOT)): shell_commands(path) for path in files}
    for path in [ROOT / "bot" / "launch.py", *sorted((ROOT / "bench").glob("*.py"))]:
        found[str(path.relative_to(ROOT))] = python_commands(path)
    return found


def test_no_start_command_opens_a_server_or_the_api_to_the_network():
    problems = {
        f"{name}: {' '.join(words)}": exposure_problems(words)
        for name, commands in start_commands().items()
        for words in commands
    }
    assert {command: found for command, found in problems.items() if found} == {}


def test_the_scan_sees_the_servers_that_are_started():
    programs = {
        name: {" ".join(started(words).split()[:2]) for words in commands}
        for name, commands in start_commands().items()
    }
    assert {"cip actions", "rasa run", "cip web"} <= programs["scripts/run"]
    assert {"cip actions", "rasa shell"} <= programs["scripts/chat"]
    assert {"cip actions", "rasa run", "cip web"} <= programs["bot/launch.py"]


@pytest.mark.parametrize(
    "command, problem",
    [
        ("rasa run actions --actions actions --port 5055 &", "use `cip actions`"),
        ("nohup .venv/bin/rasa run actions --port 5055", "use `cip actions`"),
        ("rasa run --model m.tar.gz --port 5005", "without `--interface 127.0.0.1`"),
        ("rasa shell --model m.tar.gz", "without `--interface 127.0.0.1`"),
        ("rasa run --interface 0.0.0.0 --port 5005", "without `--interface 127.0.0.1`"),
        ("rasa run -i 127.0.0.1 --enable-api", "without `--auth-token`"),
        ("rasa run -i 127.0.0.1 --enable-api --auth-token geheim123", "without `--auth-token`"),
        ("cip web --host 0.0.0.0 --port 8000", "opens a server to the network"),
        ("cip actions --host 192.0.2.7", "opens a server to the network"),
    ],
)
def test_the_scan_finds_an_exposed_server(tmp_path, command, problem):
    script = tmp_path / "run"
    script.write_text(f"#!/usr/bin/env bash\nset -e\nsource .venv/bin/activate && {command}\n")
    [words] = [words for words in shell_commands(script) if started(words)]
    assert any(problem in found for found in exposure_problems(words))


@pytest.mark.parametrize(
    "command",
    [
        'rasa run --model models/cip.tar.gz --interface 127.0.0.1 \\\n  --enable-api --auth-token "$CIP_RASA_TOKEN"',
        "cip actions --port 5055",
        'cip actions --host "${CIP_ACTIONS_HOST:-127.0.0.1}" --port 5055',
    ],
)
def test_the_scan_accepts_loopback_and_a_token_from_the_environment(tmp_path, command):
    script = tmp_path / "run"
    script.write_text(f"#!/usr/bin/env bash\n{command} &\n")
    [words] = shell_commands(script)
    assert exposure_problems(words) == []


def test_a_python_list_with_the_api_and_a_literal_token_is_found(tmp_path):
    source = tmp_path / "launch.py"
    source.write_text(
        'import os\nargs = [RASA, "run", "--interface", "127.0.0.1", "--enable-api", '
        '"--auth-token", "geheim"]\nsafe = [RASA, "run", "-i", "127.0.0.1", "--enable-api", '
        '"--auth-token", os.environ["CIP_RASA_TOKEN"]]\n'
    )
    unsafe, safe = python_commands(source)
    assert exposure_problems(unsafe) == ["`--enable-api` without `--auth-token` from the environment"]
    assert exposure_problems(safe) == []
