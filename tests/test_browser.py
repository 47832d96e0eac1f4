"""The main path in a real browser: headless Debian Chromium driven by Playwright against `streamlit run`."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason="browser test skipped: Debian's chromium is not installed at /usr/bin/chromium")]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jalankan_streamlit(url: str, log: Path) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on a free port against the database `url`, once it answers; (process, base URL)."""
    port = _port()
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
                                 "--server.port", str(port), "--server.headless", "true",
                                 "--browser.gatherUsageStats", "false"], cwd=ROOT,
                                env={**os.environ, "DATABASE_URL": url}, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(base + "/_stcore/health", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.25)
    proc.kill()
    pytest.fail("streamlit did not start: " + log.read_text())


def hentikan(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def server(demo_db, tmp_path):
    from apputil import akun_uji

    akun_uji("admin.uji", "admin", url=demo_db)
    akun_uji("op.bajuin", "operator", ["Bajuin"], url=demo_db)
    proc, base = jalankan_streamlit(demo_db, tmp_path / "streamlit.log")
    yield base
    hentikan(proc)


def masuk(page, base: str, nama: str = "admin.uji") -> None:
    """Log in through the form; the signed cookie then carries the login to every page and tab."""
    from apputil import SANDI_UJI

    page.goto(base)
    page.get_by_label("Nama pengguna").fill(nama)
    page.get_by_label("Kata sandi").fill(SANDI_UJI)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("button", name="Keluar").wait_for()


@pytest.fixture
def peramban(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser, server
        browser.close()


@pytest.fixture
def halaman(peramban):
    browser, server = peramban
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    page.set_default_timeout(45000)
    masuk(page, server)
    yield page, server


def _tunggu(page):
    page.wait_for_selector('[data-testid="stAppViewContainer"]')
    page.wait_for_timeout(500)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')")


def _metrik(page, label: str) -> str:
    kartu = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    kartu.wait_for()
    return kartu.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_jalur_utama_ringkasan(halaman, tmp_path):
    page, base = halaman
    page.goto(f"{base}/?kecamatan=Bati-Bati&tahun=2024&triwulan=4")
    _tunggu(page)
    page.get_by_role("heading", name="Ringkasan").wait_for()
    assert _metrik(page, "Serapan") == "90,23 %"
    # Five gauges drawn by Vega.
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]').length >= 5")
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 5

    # The camat switches to TW II in the sidebar: the cumulative figure follows and the URL too.
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Triwulan").click()
    page.get_by_role("option", name="TW II", exact=True).click()
    _tunggu(page)
    page.wait_for_function(
        "[...document.querySelectorAll('[data-testid=\"stMetricValue\"]')].some(e => e.innerText.includes('42,07'))")
    assert _metrik(page, "Serapan") == "42,07 %"
    assert re.search(r"triwulan=2", page.url)

    # Another kecamatan through the sidebar.
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Kecamatan").click()
    page.get_by_role("option", name="Bajuin", exact=True).click()
    _tunggu(page)
    page.wait_for_function(
        "[...document.querySelectorAll('[data-testid=\"stCaptionContainer\"]')].some(e => e.innerText.includes('Bajuin'))")
    page.screenshot(path=str(tmp_path / "ringkasan.png"), full_page=True)


def test_kunjungan_pertama_langsung_ke_halaman(halaman):
    """A fresh server whose very first request is a page URL still shows the frame and that page."""
    page, base = halaman
    page.goto(f"{base}/desa?kecamatan=Bajuin&tahun=2025&triwulan=4")
    _tunggu(page)
    page.get_by_role("heading", name="Desa").first.wait_for()
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Kecamatan", exact=True).wait_for()
    assert sidebar.get_by_text("Ringkasan").count() >= 1  # our navigation, not the pages-directory one
    assert page.get_by_text("Belum ada kecamatan").count() == 0


TERPOTONG = """() => {
    const potong = [];
    for (const sel of ['[data-testid="stMetricValue"]', '[data-testid="stMetricLabel"] p', '[data-testid="stMetricDelta"]']) {
        for (const e of document.querySelectorAll(sel)) {
            if (e.scrollWidth > e.clientWidth + 1) potong.push(sel + ': ' + e.innerText);
        }
    }
    for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
        const gambar = c.querySelector('canvas, svg');
        const kolom = c.closest('[data-testid="stColumn"]') || c.closest('[data-testid="stMain"]');
        if (gambar && kolom && gambar.getBoundingClientRect().right > kolom.getBoundingClientRect().right + 1) {
            potong.push('grafik lebih lebar dari kolomnya: ' + gambar.getBoundingClientRect().width);
        }
    }
    return potong;
}"""


@pytest.mark.parametrize("lebar,tinggi", [(1280, 720), (1366, 768)])
def test_ringkasan_muat_di_layar_kantor(halaman, lebar, tinggi):
    """Issue 8, D20: at 1280 and 1366 px with the sidebar open, no card figure or label is cut and no gauge
    is wider than its column."""
    page, base = halaman
    page.set_viewport_size({"width": lebar, "height": tinggi})
    page.goto(f"{base}/?kecamatan=Bajuin&tahun=2025&triwulan=4")
    _tunggu(page)
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] canvas, "
                           "[data-testid=\"stVegaLiteChart\"] svg').length >= 5")
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "false"
    assert page.evaluate(TERPOTONG) == []


def test_ponsel_bingkai_tertutup_dan_angka_lebih_dulu(halaman):
    """Issue 8, D26: on a phone (390 × 844) the sidebar starts collapsed and the five key figures come before
    the gauges."""
    page, base = halaman
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/?kecamatan=Bajuin&tahun=2025&triwulan=4")
    _tunggu(page)
    page.get_by_role("heading", name="Ringkasan").wait_for()
    page.wait_for_function("document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]').length >= 5")
    assert page.locator('[data-testid="stSidebar"]').get_attribute("data-collapsed") == "true"
    kartu = page.locator('[data-testid="stMetric"]')
    assert kartu.count() == 5
    pertama_grafik = page.locator('[data-testid="stVegaLiteChart"]').first.bounding_box()["y"]
    assert all(kartu.nth(i).bounding_box()["y"] < pertama_grafik for i in range(5))
    assert kartu.first.bounding_box()["y"] < 844  # the first figure is on the first screen
    assert page.evaluate(TERPOTONG) == []


def test_operator_mengunggah_admin_melihat_audit(peramban, tmp_path):
    """Issue 9: log in, upload as an operator, see the audit row as the admin; logout ends the login."""
    from apputil import SANDI_UJI

    browser, base = peramban
    konteks = browser.new_context(viewport={"width": 1280, "height": 720})
    op = konteks.new_page()
    op.set_default_timeout(45000)
    # A wrong password first: refused with the attempts left, and the password field is emptied.
    op.goto(base)
    op.get_by_label("Nama pengguna").fill("op.bajuin")
    op.get_by_label("Kata sandi").fill("salah-sekali")
    op.get_by_role("button", name="Masuk").click()
    op.get_by_text("Sisa percobaan sebelum akun terkunci: 4").wait_for()
    assert op.get_by_label("Kata sandi").input_value() == ""
    masuk(op, base, "op.bajuin")
    assert "Operator" in op.locator('[data-testid="stSidebar"]').inner_text()
    nav = op.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Unggah Data" in nav and "Pengaturan" not in nav
    op.goto(f"{base}/unggah?kecamatan=Bajuin&tahun=2025&triwulan=4")  # a new page load: the cookie keeps the login
    _tunggu(op)
    op.get_by_role("button", name="Keluar").wait_for()
    op.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(ROOT / "tests" / "files" / "good" / "indikator_koma.csv"))
    op.get_by_role("button", name="Simpan ke basis data").click()
    op.get_by_text(re.compile(r"Impor #\d+ tersimpan")).first.wait_for()
    op.screenshot(path=str(tmp_path / "operator.png"))
    # A link to another kecamatan: refused, not shown.
    op.goto(f"{base}/?kecamatan=Pelaihari&tahun=2025&triwulan=4")
    op.get_by_text("Akses ditolak").first.wait_for()
    assert op.locator('[data-testid="stMetric"]').count() == 0
    # Logout ends the login in every tab of the browser.
    tab2 = konteks.new_page()
    tab2.goto(base)
    tab2.get_by_role("button", name="Keluar").wait_for()
    op.get_by_role("button", name="Keluar").click()
    op.get_by_role("button", name="Masuk").wait_for()
    tab2.reload()
    tab2.get_by_role("button", name="Masuk").wait_for()
    konteks.close()

    admin = browser.new_page(viewport={"width": 1280, "height": 720})
    admin.set_default_timeout(45000)
    masuk(admin, base)
    admin.goto(f"{base}/pengaturan?kecamatan=Bajuin&tahun=2025&triwulan=4")
    _tunggu(admin)
    admin.get_by_role("tab", name="Audit").click()
    panel = admin.get_by_role("tabpanel", name="Audit")
    panel.locator('[data-testid="stDataFrame"]').first.wait_for()
    admin.wait_for_timeout(500)
    admin.screenshot(path=str(tmp_path / "audit.png"))
    from dashboard import akun
    from models.db import session_scope

    with session_scope() as s:
        jejak = [(r["pengguna"], r["jenis"], r["hasil"]) for r in akun.baca_audit(s)]
    for baris in [("op.bajuin", "masuk_gagal", "ditolak"), ("op.bajuin", "masuk", "berhasil"),
                  ("op.bajuin", "impor", "berhasil"), ("op.bajuin", "akses_ditolak", "ditolak"),
                  ("op.bajuin", "keluar", "berhasil")]:
        assert baris in jejak, baris
    # The tab shows the operator's import (the grid is a canvas: read its CSV download instead).
    with admin.expect_download() as unduh:
        panel.get_by_role("button", name="Unduh CSV audit").click()
    teks = Path(unduh.value.path()).read_text(encoding="utf-8-sig")
    assert "op.bajuin" in teks and "indikator_koma.csv" in teks
