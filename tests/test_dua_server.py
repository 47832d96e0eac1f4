"""Two `streamlit run` servers on one PostgreSQL database, as behind a load balancer (issue 9 item 7).

A file uploaded through server A's page is on server B's page at its next run: B's caches are keyed by the
data revision (`dashboard.data.revisi`), which every commit changes. Headless Debian Chromium drives both.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard import format as fmt
from models.db import get_engine, normal_url, session_scope
from test_browser import ARGS, CHROMIUM, _metrik, _tunggu, hentikan, jalankan_streamlit, masuk
from test_impor_bantu import GOOD, pg_baru

LABEL = "Capaian IKU"

pytestmark = [pytest.mark.browser, pytest.mark.postgres,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason="browser test skipped: Debian's chromium is not installed at /usr/bin/chromium")]


@pytest.fixture
def pg_bajuin():
    """A PostgreSQL database with Bajuin's indicators and realisasi."""
    from dashboard.basisdata import siapkan_basis_data
    from dashboard.impor import impor
    from models.tables import Kecamatan

    with pg_baru("uji_dua_server") as url:
        siapkan_basis_data(url)
        engine = get_engine(normal_url(url))
        with session_scope(engine) as s:
            s.add(Kecamatan(nama="Bajuin", kabupaten="Tanah Laut"))
        for dataset in ("indikator", "realisasi"):
            h = impor(dataset, (GOOD / f"{dataset}_koma.csv").read_bytes(), f"{dataset}.csv", engine=engine,
                      kecamatan="Bajuin", gaya_angka="en", pengguna="uji")
            assert h.status == "berhasil", h.galat
        from apputil import akun_uji

        akun_uji("op.bajuin", "operator", ["Bajuin"], url=normal_url(url))
        engine.dispose()
        yield url


def _capaian(url: str) -> str:
    from dashboard.data import muat_satu
    from dashboard.ringkasan import ringkasan

    with session_scope(get_engine(normal_url(url))) as s:
        return fmt.persen(ringkasan(muat_satu(s, "Bajuin", 2025), 4)["iku"]["rata_rata_capaian"])


def test_impor_lewat_server_a_tampak_di_server_b(pg_bajuin, tmp_path):
    from playwright.sync_api import sync_playwright

    servers = [jalankan_streamlit(pg_bajuin, tmp_path / f"streamlit_{n}.log") for n in "ab"]
    try:
        (_, a), (_, b) = servers
        sebelum = _capaian(pg_bajuin)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            konteks = browser.new_context(viewport={"width": 1280, "height": 720})
            halaman_a = konteks.new_page()
            halaman_a.set_default_timeout(60000)
            masuk(halaman_a, a, "op.bajuin")  # one login, through A: B accepts it (one database, one cookie key)
            halaman_b = konteks.new_page()
            halaman_b.set_default_timeout(60000)
            halaman_b.goto(f"{b}/?kecamatan=Bajuin&tahun=2025&triwulan=4")
            _tunggu(halaman_b)
            assert _metrik(halaman_b, LABEL) == sebelum  # B has read (and cached) the data

            # Through server A's upload page: new targets for Bajuin's indicators.
            berkas = tmp_path / "indikator_baru.csv"
            berkas.write_bytes((GOOD / "indikator_koma.csv").read_bytes().replace(b",55.55,100,", b",70,100,"))
            halaman_a.goto(f"{a}/unggah?kecamatan=Bajuin&tahun=2025&triwulan=4")
            _tunggu(halaman_a)
            halaman_a.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(berkas))
            halaman_a.get_by_role("button", name="Simpan ke basis data").click()
            halaman_a.get_by_text(re.compile(r"Impor #\d+ tersimpan: 4 baris dibaca")).first.wait_for()
            sesudah = _capaian(pg_bajuin)
            assert sesudah != sebelum

            # B's next page run shows it.
            halaman_b.reload()
            _tunggu(halaman_b)
            halaman_b.wait_for_function(
                "v => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
                ".some(e => e.innerText.trim() === v)", arg=sesudah)
            assert _metrik(halaman_b, LABEL) == sesudah
            halaman_b.screenshot(path=str(tmp_path / "server_b.png"))
            browser.close()
    finally:
        for proc, _ in servers:
            hentikan(proc)
