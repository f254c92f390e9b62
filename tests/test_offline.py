"""Printing or reviewing a document someone sent never calls out: a linked picture, an attached
template, an INCLUDEPICTURE field pointing at a listener on this machine reach nothing while
LibreOffice prints the document (``gongwen check --pdf``, the converter in both modes)."""
from __future__ import annotations

import socket
import threading
import zipfile

import pytest
from clerk import clerk_document
from click.testing import CliRunner

from gongwen.cli import make_cli
from gongwen.printing import converter
from gongwen.printing.offline import fetches

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class Listener:
    """A TCP listener on a free loopback port that records every connection it is offered."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.received: list[bytes] = []
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                connection, _address = self.socket.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    self.received.append(connection.recv(2000).split(b"\r\n")[0])
                except OSError:
                    self.received.append(b"(connected)")

    def close(self):
        self.running = False
        self.thread.join(2)
        self.socket.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def linked_document(path, port: int) -> None:
    """A clerk's notice with a linked picture, an attached template and an INCLUDEPICTURE field,
    all pointing at ``port``."""
    clerk_document(path.with_suffix(".base.docx"))
    with zipfile.ZipFile(path.with_suffix(".base.docx")) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    url = f"http://127.0.0.1:{port}"
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdLinked" Type="{R}/image" Target="{url}/linked.png" '
        f'TargetMode="External"/></Relationships>'.encode())
    parts["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats'
        f'.org/package/2006/relationships"><Relationship Id="rIdTemplate" Type="{R}/attachedTemplate" '
        f'Target="{url}/template.dotx" TargetMode="External"/></Relationships>').encode()
    parts["word/settings.xml"] = parts["word/settings.xml"].replace(
        b"<w:zoom", b'<w:attachedTemplate r:id="rIdTemplate"/><w:zoom', 1)
    if b'xmlns:r=' not in parts["word/settings.xml"][:600]:
        parts["word/settings.xml"] = parts["word/settings.xml"].replace(b"<w:settings ", f'<w:settings xmlns:r="{R}" '.encode(), 1)
    picture = (
        '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<wp:extent cx="914400" cy="914400"/><wp:docPr id="99" name="linked"/><a:graphic xmlns:a="http://schemas.'
        'openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/'
        'picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
        '<pic:cNvPr id="99" name="linked"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f'<a:blip xmlns:r="{R}" r:link="rIdLinked"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>'
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
        '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
        f'"{url}/field.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>').encode()
    document = parts["word/document.xml"]
    at = document.index(b"</w:p>")
    parts["word/document.xml"] = document[:at] + picture + document[at:]
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)


def test_the_offline_copy_keeps_no_link_but_the_hyperlinks(tmp_path, listener):
    source = tmp_path / "linked.docx"
    linked_document(source, listener.port)
    with zipfile.ZipFile(source) as package:
        assert fetches(package)
    from gongwen.printing.offline import offline_copy

    (tmp_path / "copy").mkdir()
    copy = offline_copy(source, tmp_path / "copy")
    assert copy != source
    with zipfile.ZipFile(copy) as package:
        assert not fetches(package)
        relationships = b"".join(package.read(n) for n in package.namelist() if n.endswith(".rels"))
        assert str(listener.port).encode() not in relationships
    clean = tmp_path / "clean.docx"
    clerk_document(clean)
    assert offline_copy(clean, tmp_path / "copy") == clean       # nothing to remove: no copy


@pytest.mark.parametrize("mode", ["listener", "once"])
def test_printing_a_linked_document_reaches_nothing(tmp_path, listener, monkeypatch, mode):
    if mode == "once":
        monkeypatch.setenv("GONGWEN_CONVERTER", "once")
    source = tmp_path / "linked.docx"
    linked_document(source, listener.port)
    (pdf,) = converter.convert([source], tmp_path / "out")
    assert pdf.is_file()
    assert listener.received == []


def test_check_pdf_of_a_linked_document_reaches_nothing(tmp_path, listener):
    source = tmp_path / "linked.docx"
    linked_document(source, listener.port)
    result = CliRunner().invoke(make_cli(), ["check", "--pdf", str(source)])
    assert result.exit_code in (0, 3), result.output
    assert listener.received == []
