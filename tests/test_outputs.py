"""What lands on disk: each plan's outputs together or not at all, one bad plan never spoils a
batch, and a write that fails (a folder in the way, a full disk) is an error that keeps what was
there."""
from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_bad_input import GOOD

import gongwen
from gongwen.cli import make_cli


def render(tmp_path: Path, *plans: str, pdf: bool = False, extra: tuple[str, ...] = ()) -> tuple[int, str]:
    args = ["render", *(str(tmp_path / p) for p in plans), "-o", str(tmp_path / "out"), *extra]
    result = CliRunner().invoke(make_cli(), args + (["--pdf"] if pdf else []))
    return result.exit_code, result.output


def write(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_one_bad_plan_never_spoils_a_paginated_batch(tmp_path):
    (tmp_path / "seal.png").write_text("not an image", encoding="utf-8")
    write(tmp_path, "good.yaml", GOOD)
    write(tmp_path, "bad.yaml", GOOD + "  印章: seal.png\n")
    write(tmp_path, "also-good.yaml", GOOD.replace("3号", "4号"))
    code, output = render(tmp_path, "good.yaml", "bad.yaml", "also-good.yaml")
    assert code == 1, output
    assert "seal.png" in output and "印章图片" in output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["also-good.docx", "good.docx"]


def test_pdf_prints_both_paths(tmp_path):
    write(tmp_path, "plan.yaml", GOOD)
    code, output = render(tmp_path, "plan.yaml", pdf=True)
    assert code == 0, output
    assert str(tmp_path / "out" / "plan.docx") in output and str(tmp_path / "out" / "plan.pdf") in output


def test_a_failed_pdf_keeps_the_previous_docx_and_pdf_together(tmp_path):
    write(tmp_path, "plan.yaml", GOOD)
    assert render(tmp_path, "plan.yaml", pdf=True)[0] == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    # U+30000 (CJK Ext. G) is in no installed face: the PDF would print an empty box.
    write(tmp_path, "plan.yaml", GOOD.replace("现就有关事项", "现就\U00030000有关事项"))
    code, output = render(tmp_path, "plan.yaml", pdf=True)
    assert code == 1 and "font.missing-glyph" in output, output
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before


def test_an_output_path_that_is_a_folder(tmp_path):
    write(tmp_path, "plan.yaml", GOOD)
    (tmp_path / "out" / "plan.docx").mkdir(parents=True)
    code, output = render(tmp_path, "plan.yaml", extra=("--no-paginate",))
    assert code == 1 and "同名的文件夹" in output and "plan.docx" in output, output


def test_a_full_disk_keeps_the_existing_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    write(tmp_path, "plan.yaml", GOOD)
    assert render(tmp_path, "plan.yaml", extra=("--no-paginate",))[0] == 0
    target = tmp_path / "out" / "plan.docx"
    before = target.read_bytes()

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    # a full disk is said when the written file is synced: by fsync (one file, the library's
    # save) or by syncfs (a batch's group, one sync for all its files)
    monkeypatch.setattr("gongwen.atomic.os.fsync", full)
    monkeypatch.setattr("gongwen.atomic._synced", full)
    write(tmp_path, "plan.yaml", GOOD.replace("现就有关事项", "现将有关事项"))
    code, output = render(tmp_path, "plan.yaml", extra=("--no-paginate",))
    assert code == 1 and "磁盘已满" in output, output
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["plan.docx"]
    with pytest.raises(gongwen.RenderError, match="磁盘已满"):
        gongwen.save(gongwen.render(gongwen.load_plan(tmp_path / "plan.yaml")), target)
    assert target.read_bytes() == before and [p.name for p in target.parent.iterdir()] == ["plan.docx"]


def test_a_read_only_folder(tmp_path, monkeypatch):
    write(tmp_path, "plan.yaml", GOOD)

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("gongwen.atomic.tempfile.mkstemp", read_only)
    code, output = render(tmp_path, "plan.yaml", extra=("--no-paginate",))
    assert code == 1 and "只读" in output, output


def test_a_template_with_jinja_tags_gets_the_plans_fields_and_one_without_is_not_rendered(tmp_path):
    import docx
    import pytest

    import gongwen
    from gongwen.compose.template import _framed, template_path

    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(GOOD, encoding="utf-8")
    plan = gongwen.load_plan(plan_path)
    own = gongwen.load_profile()
    assert _framed(template_path("notice"), template_path("notice").stat().st_mtime_ns, own)[2] is False
    tagged = docx.Document(str(template_path("notice")))
    tagged.sections[0].header.paragraphs[0].text = "{{ title }}（{{ doc_number }}）"
    tagged.save(tmp_path / "tagged.docx")
    saved = gongwen.save(gongwen.render(plan, template=tmp_path / "tagged.docx"), tmp_path / "out.docx")
    header = docx.Document(str(saved)).sections[0].header.paragraphs[0].text
    assert header == f"{plan.title_text}（{plan.doc_number}）"
    tagged.sections[0].header.paragraphs[0].text = "{{ title "
    tagged.save(tmp_path / "broken.docx")
    with pytest.raises(gongwen.TemplateError, match="broken.docx"):
        gongwen.render(plan, template=tmp_path / "broken.docx")


def test_the_same_plan_gives_the_same_pdf_bytes(tmp_path):
    # LibreOffice stamps the time, a random /ID and random Type 1 /UniqueIDs into every PDF
    from conftest import FIXTURES

    import gongwen

    job = gongwen.Job(gongwen.load_plan(FIXTURES / "request.yaml"), "request", base_dir=FIXTURES)
    first = gongwen.paginate([job], tmp_path / "a")[0].pdf.read_bytes()
    second = gongwen.paginate([job], tmp_path / "b")[0].pdf.read_bytes()
    assert first == second
    signed = job.plan.signature.date                       # the document's own date, not today's
    assert f"{signed:%Y%m%d}000000Z".encode() in first.split(b"/CreationDate", 1)[1][:40]


def test_outputs_written_together_are_all_kept_when_one_of_them_cannot_be_written(tmp_path):
    # the guard itself, without the CLI: the .docx is not replaced when its .pdf cannot be written
    from gongwen.atomic import write_together
    from gongwen.errors import RenderError

    docx, pdf = tmp_path / "plan.docx", tmp_path / "plan.pdf"
    docx.write_bytes(b"old docx")
    pdf.mkdir()                                   # a folder in the way of the PDF
    with pytest.raises(RenderError) as caught:
        write_together({docx: b"new docx", pdf: b"new pdf"})
    assert "plan.pdf" in str(caught.value)
    assert docx.read_bytes() == b"old docx" and pdf.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "plan.pdf"]
    write_together({docx: b"new docx", tmp_path / "other.pdf": b"new pdf"})
    assert docx.read_bytes() == b"new docx" and (tmp_path / "other.pdf").read_bytes() == b"new pdf"


def test_a_library_pagination_without_a_folder_leaves_no_file(tmp_path, monkeypatch):
    # result.pdf lived in a temporary folder nobody removed
    import tempfile

    import gongwen

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    write(tmp_path, "plan.yaml", GOOD)
    (result,) = gongwen.paginate([gongwen.Job(gongwen.load_plan(tmp_path / "plan.yaml"), "plan")])
    assert result.pdf is None and result.pdf_bytes.startswith(b"%PDF-")
    assert list(temp.iterdir()) == []


def test_a_batch_syncs_its_files_once_and_places_none_when_that_fails(tmp_path, monkeypatch):
    # an fsync per file was a tenth of a .docx batch; the group's files are now synced together
    import json

    from gongwen import atomic

    for n in range(5):
        write(tmp_path, f"plan{n}.yaml", GOOD.replace("3号", f"{n + 3}号"))
    fsyncs, syncs = [], []
    monkeypatch.setattr("gongwen.atomic.os.fsync", lambda fd: fsyncs.append(fd))
    real = atomic._synced
    monkeypatch.setattr("gongwen.atomic._synced", lambda written: (syncs.append(len(written)), real(written)))
    plans = [f"plan{n}.yaml" for n in range(5)]
    assert render(tmp_path, *plans, extra=("--no-paginate",))[0] == 0
    assert fsyncs == [] and syncs == [5] and len(list((tmp_path / "out").glob("*.docx"))) == 5

    def full(written):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("gongwen.atomic._synced", full)
    shutil.rmtree(tmp_path / "out")
    code, output = render(tmp_path, *plans, extra=("--no-paginate", "--report", str(tmp_path / "report.json")))
    assert code == 1 and "磁盘已满" in output, output
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in report["documents"]] == ["failed"] * 5


@pytest.mark.parametrize("before", [0, 300, 5000])       # the /UniqueID in the first 4 KB, or past it
def test_a_fonts_unique_id_is_replaced_inside_its_encrypted_part(before):
    # the stable PDF re-encrypts from the first changed byte: decrypting the result must give the
    # font program with only its /UniqueID changed
    from gongwen.printing.stable import _resealed

    def encrypt(plain: bytes, key: int = 55665) -> bytes:
        out = bytearray()
        for byte in plain:
            out.append(byte ^ (key >> 8))
            key = ((out[-1] + key) * 52845 + 22719) & 0xFFFF
        return bytes(out)

    def decrypt(cipher: bytes, key: int = 55665) -> bytes:
        out = bytearray()
        for byte in cipher:
            out.append(byte ^ (key >> 8))
            key = ((byte + key) * 52845 + 22719) & 0xFFFF
        return bytes(out)

    plain = b"x" * before + b"/UniqueID 4871234 def\n/Subrs 5 array\n" + bytes(range(256)) * 20
    sealed = _resealed(encrypt(plain), b"/UniqueID 4000001 def")
    assert decrypt(sealed) == plain.replace(b"4871234", b"4000001")
    assert _resealed(encrypt(b"no identifier here"), b"/UniqueID 4000001 def") == encrypt(b"no identifier here")
