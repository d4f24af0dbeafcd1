"""Nothing is fetched when a printout is made: only shipped files and data: URLs."""

from __future__ import annotations

import re
import socket

import pytest

from hingecoach import printing
from hingecoach.printing.assets import font_dir, font_face_css, font_files
from hingecoach.printing.fetcher import LocalOnlyFetcher, is_allowed
from hingecoach.printing.render import render_document

from .conftest import ROOT


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://fonts.example.com/font.woff2",
        "ftp://example.com/x.css",
        "file:///etc/passwd",
        f"file://{ROOT}/pyproject.toml",
        "file://remote-host/share/font.ttf",
    ],
)
def test_the_fetcher_refuses_anything_not_shipped(url):
    assert not is_allowed(url)
    with pytest.raises(printing.FetchRefused, match="refused to fetch"):
        LocalOnlyFetcher().fetch(url)


def test_the_fetcher_allows_the_shipped_fonts_and_data_urls():
    assert is_allowed((font_dir() / "DejaVuSans.ttf").as_uri())
    assert is_allowed("data:image/svg+xml;base64,PHN2Zy8+")


def test_a_document_asking_for_a_remote_image_is_refused_not_fetched():
    html = '<p>hi</p><img src="http://example.com/tracker.png">'
    with pytest.raises(printing.FetchRefused, match=re.escape("http://example.com/tracker.png")):
        render_document(html)


def test_the_fonts_ship_on_this_machine_and_are_declared_by_local_file():
    assert all(path.is_file() for path in font_files())
    css = font_face_css()
    assert "file://" in css and "http" not in css


def test_a_whole_deck_renders_with_the_network_switched_off(catalog, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a printout tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    deck = printing.cards_pdf(catalog, ["good-morning", "hip-bridge"], layout="four")
    assert deck.pdf.startswith(b"%PDF")
