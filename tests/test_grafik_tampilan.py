"""Charts a reader can read (issue 8, D23), checked on the chart specs the pages send and on their drawing
(rendered offline by vl-convert, the axis labels read back from the SVG)."""

from __future__ import annotations

import copy
import re
from html import unescape

import pytest

from apputil import buka, grafik_jenis, semua_teks, spesifikasi, tanpa_galat

SI = re.compile(r"^-?\d+(?:[.,]\d+)?\s?[munkMGT]$")  # `0m`, `40m`, `2 M`: SI suffixes, not Indonesian numbers


def teks_svg(spec: dict, lebar: int = 420) -> list[str]:
    """The texts of a chart as drawn at `lebar` pixels (axis labels, marks, titles)."""
    import vl_convert as vlc

    s = copy.deepcopy(spec)
    if s.get("width") in (None, "container"):
        s["width"] = lebar
    # Vega hides a label that would overlap another with opacity 0: such a label is not drawn.
    return [unescape(t) for a, t in re.findall(r"<text([^>]*)>([^<]*)</text>", vlc.vegalite_to_svg(s))
            if 'opacity="0"' not in a]


def _lapisan(spec: dict) -> list[dict]:
    out = []
    for lap in spec.get("layer", []):
        out += _lapisan(lap) if "layer" in lap else [lap]
    return out


def _tanda(lap: dict) -> str:
    m = lap.get("mark")
    return m if isinstance(m, str) else m.get("type")


@pytest.mark.parametrize("kecamatan,tahun,tw", [("Bati-Bati", 2024, 1), ("Contoh Sintetis", 2025, 2)])
def test_tanpa_sumbu_si_dan_tanpa_sumbu_kosong(app_db, kecamatan, tahun, tw):
    for halaman in ("anggaran", "kabupaten", "iku", "desa"):
        at = buka(halaman, kecamatan, tahun, tw)
        tanpa_galat(at)
        for spec in spesifikasi(at):
            if spec["usermeta"]["pantau"]["jenis"] == "gauge":
                continue
            teks = teks_svg(spec)
            assert not [t for t in teks if SI.match(t.strip())], (halaman, teks)
            angka = [t for t in teks if re.fullmatch(r"-?[\d.]+(,\d+)?", t.strip())]
            assert len(set(angka)) != 1, (halaman, "sumbu satu nilai", teks)  # no `0 … 0` axis
        if halaman == "kabupaten" and (kecamatan, tw) == ("Bati-Bati", 1):
            # No kecamatan has a capaian IKU s.d. TW I 2024: an empty state, not an empty chart.
            assert {s["usermeta"]["pantau"]["ukuran"] for s in grafik_jenis(at, "kabupaten_batang")} == \
                {"serapan", "desa", "ikm"}
            assert semua_teks(at).count("Belum ada kecamatan dengan angka ini") == 2


def test_sumbu_rupiah_berskala_indonesia(app_db):
    at = buka("anggaran", "Bajuin", 2025, 4)
    [spec] = grafik_jenis(at, "anggaran_kumulatif")
    teks = teks_svg(spec)
    assert "Rupiah (miliar)" in teks
    assert {"0", "2", "4", "6", "8"} <= set(teks) and not any(t.endswith(" M") for t in teks)


def test_sumbu_satu_nilai_diberi_ruang(app_db):
    """Bajuin TW I: target and last year's realisasi are all 55,55: the axis still has a scale."""
    at = buka("iku", "Bajuin", 2025, 1)
    [spec] = grafik_jenis(at, "iku_triwulan")
    angka = [t for t in teks_svg(spec) if re.fullmatch(r"[\d.]+(,\d+)?", t)]
    assert len(set(angka)) >= 3, angka


def test_label_tidak_menyilang_garis_acuan(app_db):
    """Figures stand in a column right of every bar and reference line; band names are outside the plot."""
    at = buka("kabupaten", "Bajuin", 2025, 4)
    for spec in grafik_jenis(at, "kabupaten_batang"):
        lap = _lapisan(spec)
        teks = next(x for x in lap if _tanda(x) == "text")
        batang = max(r["nilai"] for rows in spec["datasets"].values() for r in rows if "nilai" in r)
        rata = spec["usermeta"]["pantau"]["rata_rata"]
        assert teks["encoding"]["x"]["datum"] >= max(batang, rata) - 1e-6

    at = buka("anggaran", "Contoh Sintetis", 2025, 2)
    [spec] = grafik_jenis(at, "anggaran_serapan_bagian")
    lap = _lapisan(spec)
    assert "rule" not in {_tanda(x) for x in lap}  # the time elapsed is a tick on each bar, not across the names
    angka = next(x for x in lap if _tanda(x) == "text" and "datum" in x["encoding"]["x"])
    assert angka["encoding"]["x"]["datum"] >= 100

    at = buka("skm", "Bajuin", 2025, 4)
    [ikm] = grafik_jenis(at, "ikm_triwulan")
    teks_plot = [x for x in _lapisan(ikm) if _tanda(x) == "text"]
    assert all(x["encoding"]["text"]["field"] != "mutu" for x in teks_plot)  # band names: a right-hand axis
    assert {"A Sangat Baik", "B Baik", "C Kurang Baik", "D Tidak Baik"} <= set(teks_svg(ikm))
    [nrr] = grafik_jenis(at, "nrr_unsur")
    angka = next(x for x in _lapisan(nrr) if _tanda(x) == "text")
    assert angka["encoding"]["x"]["datum"] >= 4

    at = buka("desa", "Bajuin", 2025, 4)
    [skor] = grafik_jenis(at, "desa_skor")
    angka = next(x for x in _lapisan(skor) if _tanda(x) == "text" and x["encoding"].get("text", {}).get("field") == "teks")
    assert angka["encoding"]["x"]["datum"] >= 88.98


def test_semua_status_desa_tertulis_di_kolom_sempit(app_db):
    at = buka("desa", "Pelaihari", 2025, 4)
    [spec] = grafik_jenis(at, "desa_status")
    # One row per status, the names beside the rows, never thinned out by Vega's overlap rule (the browser
    # dropped `Maju` and `Tertinggal` from a 360 px column when the names stood under the bars).
    status = next(lap["encoding"] for lap in _lapisan(spec) if lap["encoding"].get("y", {}).get("field") == "Status")
    assert status["y"]["axis"]["labelOverlap"] is False
    for lebar in (420, 260):
        teks = teks_svg(spec, lebar)
        assert {"Mandiri", "Maju", "Berkembang", "Tertinggal", "Sangat Tertinggal"} <= set(teks), (lebar, teks)


def test_nama_program_terbaca(app_db):
    from dashboard.analisis_anggaran import LEBAR_NAMA
    from dashboard.grafik import lebar_teks

    at = buka("anggaran", "Bati-Bati", 2024, 4)
    [spec] = grafik_jenis(at, "anggaran_serapan_bagian")
    rows = next(r for r in spec["datasets"].values() if r and "uraian" in r[0])
    assert any(r["nama1"] for r in rows)  # the long program names wrap to two lines
    for r in rows:
        for baris in (r["nama1"], r["nama2"]):
            assert lebar_teks(baris, 11) <= LEBAR_NAMA
        # nothing lost: the lines are the name (or its start, with the whole name in the tooltip)
        gabung = " ".join(x for x in (r["nama1"], r["nama2"]) if x)
        assert gabung == r["uraian"] or (gabung.endswith(" …") and r["uraian"].startswith(gabung[:-2]))


@pytest.mark.parametrize("kecamatan,tahun,tw", [("Bajuin", 2025, 4), ("Bati-Bati", 2024, 4), ("Pelaihari", 2025, 1)])
def test_gauge_muat_di_kolom_1280(app_db, kecamatan, tahun, tw):
    """Issue 8, D20: five gauges beside the sidebar at 1280 px get about 150 px each: every gauge is drawn at
    that width, its title whole (`Serapan s.d. TW IV`, not `… s.d. TW I`), every text within it, the figure
    under the arc rather than over it, and a legend of its bands."""
    from dashboard.grafik import LEBAR_GAUGE, lebar_teks

    at = buka("ringkasan", kecamatan, tahun, tw)
    tanpa_galat(at)
    gauges = grafik_jenis(at, "gauge")
    assert [g["usermeta"]["pantau"]["ukuran"] for g in gauges] == ["iku", "serapan", "desa_mandiri", "efisiensi", "ikm"]
    tinggi = {g["height"] for g in gauges}
    assert len(tinggi) == 1  # one row of equal gauges
    for g in gauges:
        meta = g["usermeta"]["pantau"]
        assert g["width"] == meta["lebar"] <= LEBAR_GAUGE
        assert lebar_teks(g["title"]["text"], g["title"]["fontSize"]) <= g["width"], g["title"]["text"]
        for lap in _lapisan(g):
            if _tanda(lap) != "text":
                continue
            ukuran = lap["mark"].get("fontSize", 11)
            rows = g["datasets"][lap["data"]["name"]]
            for r in rows:
                teks = r.get("t") or r.get("label")
                kiri = r.get("xt", r.get("x", 0) - lebar_teks(teks, ukuran) / 2 if lap["mark"].get("align") != "left"
                       else r.get("x", 0))
                assert kiri >= 0 and kiri + lebar_teks(teks, ukuran) <= g["width"] + 0.5, (meta["ukuran"], teks)
        angka = next(r for rows in g["datasets"].values() for r in rows if r.get("t") == meta["teks"]
                     or r.get("t") == "Belum ada data")
        busur = next(r for rows in g["datasets"].values() for r in rows if "cy" in r)
        assert angka["y"] > busur["cy"]  # the figure stands under the arc, not across it
        if meta["ukuran"] != "desa_mandiri" or meta["legenda"]:
            assert len(meta["legenda"]) >= 2
    judul = [g["title"]["text"] for g in gauges]
    assert f"Serapan s.d. TW {['I', 'II', 'III', 'IV'][tw - 1]}" in judul
    if kecamatan == "Bajuin":  # the Permendagri 86/2017 scale, best band first
        assert gauges[0]["usermeta"]["pantau"]["legenda"][0].startswith("Sangat Tinggi ")
    assert [x.split(" ")[0] for x in gauges[4]["usermeta"]["pantau"]["legenda"]] == ["A", "B", "C", "D"]
