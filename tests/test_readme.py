"""The README's usage lines run as written: each `gongwen …` line of its shell blocks, in an
empty folder, in order, as a user copies them (a `check` may exit 3: it found something)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def usage_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("gongwen ")]


def test_every_usage_line_of_the_readme_runs_as_written(tmp_path):
    lines = usage_lines()
    assert len(lines) >= 10
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    for line in lines:
        done = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=300)
        allowed = (0, 3) if line.startswith("gongwen check") and "--rules" not in line else (0,)
        assert done.returncode in allowed, f"{line}\n{done.stdout}\n{done.stderr}"
    assert (tmp_path / "out" / "通知.pdf").is_file() and (tmp_path / "改.docx").is_file()
    assert (tmp_path / "旧版" / "通知.docx").is_file() and (tmp_path / "审核.json").stat().st_size > 0
