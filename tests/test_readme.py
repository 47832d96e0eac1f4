"""The READMEs and docs point only at files inside the repository, and `make run PORT=…` works (issue 8, D28)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOKUMEN = ["README.md", "data/README.md", "docs/format_impor.md"]
TAUTAN = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
KODE = re.compile(r"`([^`\n]+)`")
# A path in code that leaves the repository (the developers' shared notes, a machine's own folders).
KE_LUAR = re.compile(r"(^|[\s(])(\.\./|/work/|/home/|shared/)")


def _sasaran(dokumen: str) -> list[tuple[str, str]]:
    teks = (ROOT / dokumen).read_text(encoding="utf-8")
    tautan = [("tautan", t) for t in TAUTAN.findall(teks)]
    kode = [("kode", k) for k in KODE.findall(teks) if KE_LUAR.search(k)]
    return tautan + kode


@pytest.mark.parametrize("dokumen", DOKUMEN)
def test_tautan_ke_dalam_repositori(dokumen):
    asal = (ROOT / dokumen).parent
    salah = []
    for jenis, t in _sasaran(dokumen):
        if re.match(r"^(https?:|mailto:|#)", t):
            continue
        if jenis == "kode":  # a path in code that leaves the repository
            salah.append((jenis, t))
            continue
        c = (asal / t.split("#")[0]).resolve()  # a link resolves against its document
        if not (c.is_relative_to(ROOT) and c.exists()):
            salah.append((jenis, t))
    assert not salah, f"{dokumen} menunjuk ke luar repositori atau ke berkas yang tidak ada: {salah}"
    assert "../shared" not in (ROOT / dokumen).read_text(encoding="utf-8")


def test_readme_menautkan_format_impor():
    assert ("tautan", "docs/format_impor.md") in _sasaran("README.md")
    assert ("tautan", "docs/ringkasan.png") in _sasaran("README.md")
    assert ("tautan", "docs/anggaran.png") in _sasaran("README.md")


def test_make_run_dengan_port():
    out = subprocess.run(["make", "-n", "run", "PORT=8765"], cwd=ROOT, capture_output=True, text=True, check=True)
    perintah = next(b for b in out.stdout.splitlines() if "streamlit run" in b)
    assert "--server.port 8765" in perintah and "--server.address 127.0.0.1" in perintah
    bawaan = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "--server.port 8501" in bawaan and "--server.address 127.0.0.1" in bawaan
