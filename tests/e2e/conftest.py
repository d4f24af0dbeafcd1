"""The app served by gunicorn in a subprocess, and Debian's chromium driven by Playwright.

One server for the whole session: its own temporary ``HINGECOACH_HOME`` (a fresh SQLite
file), filled with the demo team (``create_demo()``) and served by ``hingecoach serve``
on a free port of 127.0.0.1. pytest-django's test database is not used: the server is
another process.

Every page is watched: a request for anything but 127.0.0.1 is aborted before it leaves
the machine, and the test that made it errors at teardown naming the address.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from .pages import CHROMIUM, COACH, DESKTOP, HEAD, PASSWORD, sign_in
from .site import ATHLETE, make_records

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT_S = 120  # a first start collects the static files: seconds, more on a busy machine
# `hingecoach demo` without its collectstatic: it says when the tables exist, so `serve`
# (whose collectstatic takes seconds) starts while the demo team is being written.
DEMO = """
from hingecoach.web.setup import setup_django
setup_django()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
print("migrated", flush=True)
from hingecoach.web.demo import create_demo
create_demo()
"""


@dataclass(frozen=True)
class Server:
    url: str
    home: Path
    log: Path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(home: Path) -> dict[str, str]:
    """This process's environment, minus any setting that would point at another database."""
    keep = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("HINGECOACH_") and key != "DATABASE_URL"
    }
    return {**keep, "HINGECOACH_HOME": str(home)}


def _tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"hingecoach serve exited with status {process.returncode}:\n{_tail(log)}"
            )
        try:
            with opener.open(url + "login/", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {START_TIMEOUT_S} s:\n{_tail(log)}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the gunicorn master (it stops its workers); SIGKILL its group if stuck."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _start_demo(env: dict[str, str], home: Path) -> subprocess.Popen[str]:
    """Start making the demo team; return once its tables exist."""
    demo = subprocess.Popen(
        [sys.executable, "-c", DEMO],
        env=env,
        cwd=home,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert demo.stdout is not None
    if demo.stdout.readline().strip() != "migrated":
        out, err = demo.communicate(timeout=60)
        pytest.fail(f"migrating a fresh database failed (status {demo.returncode}):\n{out}\n{err}")
    return demo


def _serve(env: dict[str, str], home: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "hingecoach", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            cwd=home,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The demo team in a fresh home, served by ``hingecoach serve``; stopped at the end."""
    home = tmp_path_factory.mktemp("hingecoach-home")
    env = _environment(home)
    port, log = _free_port(), home / "server.log"
    url = f"http://127.0.0.1:{port}/"
    demo = _start_demo(env, home)
    process = _serve(env, home, port, log)
    try:
        out, err = demo.communicate(timeout=120)
        assert demo.returncode == 0, f"create_demo() failed:\n{out}\n{err}"
        _wait_until_answering(url, process, log)
        yield Server(url=url, home=home, log=log)
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def server_environment(server: Server) -> dict[str, str]:
    """The server's environment: a script run with it reads and writes its database."""
    return _environment(server.home)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    # data: and blob: URLs are made in the page and fetch nothing from a network.
    return parts.scheme in {"data", "blob"} or parts.hostname == "127.0.0.1"


@dataclass
class Browsing:
    """Opens watched pages on the test server; remembers every URL they requested."""

    browser: Any
    server: Server
    requested: list[str] = field(default_factory=list)
    contexts: list[Any] = field(default_factory=list)

    def page(
        self, *, viewport: dict[str, int] = DESKTOP, signed_in: Path | None = None, **options: Any
    ) -> Any:
        context = self.browser.new_context(
            base_url=self.server.url,
            viewport=viewport,
            locale="en-GB",
            accept_downloads=True,
            storage_state=str(signed_in) if signed_in else None,
            **options,
        )
        context.set_default_timeout(10_000)
        context.route(lambda url: not _is_local(url), lambda route: route.abort())
        context.on("page", self._watch)
        self.contexts.append(context)
        return context.new_page()

    def _watch(self, page: Any) -> None:
        page.on("request", lambda request: self.requested.append(request.url))

    def outside(self) -> list[str]:
        return [url for url in self.requested if not _is_local(url)]

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def _signed_in_state(browser: Any, server: Server, folder: Path, username: str) -> Path:
    """``username``'s signed-in cookies, saved under ``folder``."""
    browsing = Browsing(browser, server)
    page = browsing.page()
    sign_in(page, username, PASSWORD)
    expect(page.get_by_role("heading", name="Today", level=1)).to_be_visible()
    path = folder / f"{username}.json"
    page.context.storage_state(path=str(path))
    browsing.close()
    assert not browsing.outside(), f"requests outside 127.0.0.1: {browsing.outside()}"
    return path


@pytest.fixture(scope="session")
def coach_state(browser: Any, server: Server, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo coach's signed-in cookies, made once so focused tests skip the login form."""
    return _signed_in_state(browser, server, tmp_path_factory.mktemp("state"), COACH)


@pytest.fixture(scope="session")
def head_state(browser: Any, server: Server, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo head coach's signed-in cookies."""
    return _signed_in_state(browser, server, tmp_path_factory.mktemp("state"), HEAD)


@pytest.fixture(scope="session")
def state_of(coach_state: Path, head_state: Path) -> Callable[[str], Path | None]:
    """Who opens a page (``site.py``) to the cookies they open it with."""
    states = {COACH: coach_state, HEAD: head_state, ATHLETE: None}
    return states.__getitem__


@pytest.fixture(scope="session")
def site_records(server_environment: dict[str, str]) -> dict[str, object]:
    """A check-in link, an invitation and an analysed clip on the served database."""
    return make_records(server_environment)


@pytest.fixture
def browsing(browser: Any, server: Server) -> Iterator[Browsing]:
    watched = Browsing(browser, server)
    yield watched
    watched.close()
    assert not watched.outside(), (
        f"the browser asked for something outside 127.0.0.1: {watched.outside()}"
    )


@pytest.fixture
def page(browsing: Browsing, coach_state: Path) -> Any:
    """A desktop page signed in as the demo coach."""
    return browsing.page(signed_in=coach_state)
