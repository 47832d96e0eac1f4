"""The exports read back: the workbook with openpyxl, the deck with python-pptx, the CSV ZIP with zipfile.

Every figure must equal the summary (`ringkasan()`, what `summary --json` prints) of the same period,
charts must carry the data itself, text that looks like a formula stays text, and periods with missing
datasets say *belum ada data*. The demo database is only read here (built once per session).
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timezone

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from pptx import Presentation
from pptx.util import Emu
from sqlalchemy import text

from dashboard import format as fmt
from dashboard.ekspor import buku_kerja, dek, kumpulkan, rencana_dek, zip_csv
from dashboard.ekspor import ukur
from dashboard.ekspor.excel import tulis
from dashboard.ekspor.tabel import LEMBAR, semua_tabel
from dashboard.ringkasan import publik, ringkasan
from models.db import get_engine, session_scope

WAKTU = datetime(2026, 2, 6, 10, 15, tzinfo=timezone.utc)
KASUS = [("Bati-Bati", 2024, 3), ("Bati-Bati", 2024, 4), ("Bajuin", 2025, 2), ("Bajuin", 2025, 4),
         ("Pelaihari", 2025, 4), ("Contoh Sintetis", 2025, 2), ("Contoh Sintetis", 2025, 4)]
TOL = 1e-6


@pytest.fixture(scope="module")
def demo_url(demo_template):
    url = f"sqlite:///{demo_template}"
    yield url
    get_engine(url).dispose()


_bahan: dict = {}
_berkas: dict = {}


def bahan(url: str, nama: str, tahun: int, tw: int):
    kunci = (url, nama, tahun, tw)
    if kunci not in _bahan:
        with session_scope(get_engine(url)) as s:
            _bahan[kunci] = kumpulkan(s, nama, tahun, tw, WAKTU)
    return _bahan[kunci]


def berkas(url: str, format: str, *kasus):
    kunci = (url, format, *kasus)
    if kunci not in _berkas:
        b = bahan(url, *kasus)
        _berkas[kunci] = {"xlsx": buku_kerja, "pptx": dek, "csv": zip_csv}[format](b)
    return _berkas[kunci]


def ringkas(url, nama, tahun, tw) -> dict:
    """What `summary --json` prints for the period."""
    return json.loads(json.dumps(publik(ringkasan(bahan(url, nama, tahun, tw).periode, tw))))


def tabel_lembar(ws, judul: str) -> list[dict]:
    """The rows of the table headed `judul` in a sheet (header in the row below the heading)."""
    baris = next(c.row for c in ws["A"] if c.value == judul)
    kepala = [c.value for c in ws[baris + 1] if c.value is not None]
    out = []
    r = baris + 2
    while ws.cell(r, 1).value is not None:
        out.append({k: ws.cell(r, j + 1).value for j, k in enumerate(kepala)})
        r += 1
    return out


def semua_teks_lembar(ws) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def sama(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOL * max(1.0, abs(b))


# ---------------------------------------------------------------- workbook

@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k[0]}-{k[2]}")
def test_buku_kerja_sama_dengan_summary(demo_url, kasus):
    ref = ringkas(demo_url, *kasus)
    wb = load_workbook(io.BytesIO(berkas(demo_url, "xlsx", *kasus)))
    assert wb.sheetnames == list(LEMBAR)

    utama = {r["Ukuran"]: r for r in tabel_lembar(wb["Ringkasan"], "Ukuran kinerja utama")}
    tw = fmt.triwulan(kasus[2])
    harapan = {"Rata-rata capaian IKU": ref["iku"]["rata_rata_capaian"],
               f"Serapan anggaran s.d. {tw}": ref["anggaran"]["serapan"],
               "Rasio desa mandiri": ref["desa"]["rasio"], "Efisiensi": ref["efisiensi"]["nilai"],
               "Indeks Kepuasan Masyarakat (IKM)": ref["skm"]["ikm"], "Pagu anggaran": ref["anggaran"]["pagu"],
               f"Realisasi anggaran s.d. {tw}": ref["anggaran"]["realisasi"]}
    for ukuran, nilai in harapan.items():
        tertulis = utama[ukuran]["Nilai"]
        if nilai is None:
            assert tertulis == "belum ada data", ukuran
        else:
            assert sama(tertulis, nilai), (ukuran, tertulis, nilai)
    assert (utama["Rata-rata capaian IKU"]["Kategori"] or "") == (ref["iku"]["kategori"] or "")

    iku = {r["Kode"]: r for r in tabel_lembar(wb["IKU"], f"Capaian indikator s.d. {tw}")}
    assert set(iku) == {i["kode"] for i in ref["iku"]["indikator"]}
    for i in ref["iku"]["indikator"]:
        r = iku[i["kode"]]
        assert sama(r["Target s.d. TW"], i["target"]) and sama(r["Realisasi s.d. TW"], i["realisasi"])
        assert sama(r["Capaian (%)"], i["capaian"])

    ws = wb["Anggaran"]
    if ref["anggaran"]["pagu"] is None:
        assert "Belum ada data anggaran" in semua_teks_lembar(ws)
    else:
        judul = next(c.value for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("Pagu dan realisasi"))
        pohon = tabel_lembar(ws, judul)
        puncak = [r for r in pohon if ws.row_dimensions[_baris(ws, r["Kode"])].outline_level == 0]
        assert sama(sum(r["Pagu (Rp)"] for r in puncak), ref["anggaran"]["pagu"])
        if ref["anggaran"]["realisasi"] is None:
            assert all(r["Realisasi (Rp)"] is None and r["Kategori"] == "belum ada data" for r in pohon)
        else:
            assert sama(sum(r["Realisasi (Rp)"] for r in puncak), ref["anggaran"]["realisasi"])
        for prog in ref["anggaran"]["program"]:
            r = next(x for x in pohon if x["Kode"] == prog["kode"])
            assert sama(r["Pagu (Rp)"], prog["pagu"]) and sama(r["Serapan (%)"], prog["serapan"])
        assert any(ws.row_dimensions[i].outline_level > 0 for i in range(1, ws.max_row + 1))

    ws = wb["SKM"]
    if ref["skm"]["nrr"]:
        nrr = {r["Kode"]: r[f"NRR s.d. {tw}"] for r in tabel_lembar(ws, f"NRR per unsur s.d. {tw}")}
        assert all(sama(nrr[u], v) for u, v in ref["skm"]["nrr"].items())
    if ref["skm"]["ikm"] is None:
        assert "belum ada data" in semua_teks_lembar(ws).lower()
    else:
        per_tw = {r["Triwulan"]: r["IKM"] for r in tabel_lembar(ws, "IKM per triwulan")}
        assert all(sama(per_tw[fmt.triwulan(int(t))], v) for t, v in ref["skm"]["ikm_triwulan"].items())

    ws = wb["Desa"]
    if ref["desa"]["rasio"] is not None:
        distribusi = {r["Status"]: r["Jumlah desa"] for r in tabel_lembar(ws, f"Jumlah desa per status {kasus[1]}")}
        assert distribusi == ref["desa"]["status"]

    ws = wb["Peringatan"]
    if ref["peringatan"]:
        assert [r["Pesan"] for r in tabel_lembar(ws, f"Peringatan data s.d. {tw}")] == \
            [w["pesan"] for w in ref["peringatan"]]


def _baris(ws, kode: str) -> int:
    return next(c.row for c in ws["B"] if c.value == kode)


def test_buku_kerja_format_indonesia_dan_cetak(demo_url):
    wb = load_workbook(io.BytesIO(berkas(demo_url, "xlsx", "Bajuin", 2025, 4)))
    utama = wb["Ringkasan"]
    sel = {c.value: c.row for c in utama["A"] if c.value}
    assert utama.cell(sel["Pagu anggaran"], 2).number_format == '[$-421]"Rp "#,##0.00'
    assert utama.cell(sel["Rata-rata capaian IKU"], 2).number_format == '[$-421]0.00" %"'
    kategori = utama.cell(sel["Rata-rata capaian IKU"], 3)
    assert kategori.value == "Sangat Tinggi" and kategori.fill.fgColor.rgb.endswith("1B7F3B")
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
    ang = wb["Anggaran"]
    assert ang.freeze_panes is not None and ang.print_title_rows
    pohon = next(c.row for c in ang["A"] if isinstance(c.value, str) and c.value.startswith("Pagu dan realisasi"))
    assert ang.freeze_panes == f"A{pohon + 2}"
    assert ang.cell(pohon + 2, 4).number_format == '[$-421]"Rp "#,##0.00'
    assert ang.column_dimensions["C"].width >= 30  # Uraian


def test_teks_seperti_rumus_tetap_teks():
    wb = Workbook()
    ws = wb.active
    for i, teks in enumerate(["=1+1", "+62 812", "-Rp 1.000", "@SUM(A1)", "Biasa"], start=1):
        tulis(ws.cell(i, 1), teks)
    out = io.BytesIO()
    wb.save(out)
    balik = load_workbook(io.BytesIO(out.getvalue())).active
    assert [balik.cell(i, 1).value for i in range(1, 6)] == ["=1+1", "+62 812", "-Rp 1.000", "@SUM(A1)", "Biasa"]
    assert all(balik.cell(i, 1).data_type == "s" for i in range(1, 6))
    assert all(balik.cell(i, 1).quotePrefix for i in range(1, 5))
    assert "<f>" not in zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode()


def test_nama_indikator_seperti_rumus_di_semua_ekspor(demo_db):
    eng = get_engine(demo_db)
    with eng.begin() as c:
        c.execute(text("UPDATE indikator SET nama = '=1+1' WHERE kode = 'IKU-1' AND kecamatan_id = "
                       "(SELECT id FROM kecamatan WHERE nama = 'Bajuin')"))
    with session_scope(eng) as s:
        b = kumpulkan(s, "Bajuin", 2025, 4, WAKTU)
    ws = load_workbook(io.BytesIO(buku_kerja(b)))["IKU"]
    sel = next(c for c in ws["B"] if c.value == "=1+1")
    assert sel.data_type == "s"
    with zipfile.ZipFile(io.BytesIO(zip_csv(b))) as z:
        assert "IKU-1;'=1+1;" in z.read("iku_capaian.csv").decode("utf-8-sig")
    teks = [sh.text_frame.text for sl in Presentation(io.BytesIO(dek(b))).slides for sh in sl.shapes
            if sh.has_text_frame]
    assert any("IKU-1 =1+1" in t for t in teks) or any("=1+1" in t for t in teks)


# ---------------------------------------------------------------- deck

def _judul(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def _grafik(prs, judul_salindia: str):
    slide = next(s for s in prs.slides if _judul(s).startswith(judul_salindia))
    return next(sh.chart for sh in slide.shapes if sh.has_chart)


def _teks_salindia(slide) -> str:
    bagian = []
    for sh in slide.shapes:
        if sh.has_text_frame:
            bagian.append(sh.text_frame.text)
        if sh.has_table:
            bagian += [c.text for row in sh.table.rows for c in row.cells]
    return "\n".join(bagian).replace("\u00a0", " ")  # a no-break space reads as a space


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k[0]}-{k[2]}")
def test_dek_judul_isi_dan_angka(demo_url, kasus):
    ref = ringkas(demo_url, *kasus)
    b = bahan(demo_url, *kasus)
    rencana = rencana_dek(b)
    prs = Presentation(io.BytesIO(berkas(demo_url, "pptx", *kasus)))
    assert prs.slide_width == Emu(12192000) and prs.slide_height == Emu(6858000)  # 16:9
    slides = list(prs.slides)
    assert [_judul(s) for s in slides] == [s.judul for s in rencana]
    assert [s.jenis for s in rencana][:2] == ["judul", "ringkasan"] and rencana[-1].jenis == "penutup"
    for s in slides:
        assert _judul(s).strip()
        isi = [sh for sh in s.shapes if sh != s.shapes.title and (sh.has_chart or sh.has_table or
                                                                  (sh.has_text_frame and sh.text_frame.text.strip()))]
        assert isi, _judul(s)
    pertama = _teks_salindia(slides[0])
    assert f"Kecamatan {kasus[0]}" in pertama and "Tanah Laut" in pertama and str(kasus[1]) in pertama
    # the headline slide shows the summary's five figures
    kepala = _teks_salindia(slides[1])
    for nilai in (ref["iku"]["rata_rata_capaian"], ref["anggaran"]["serapan"]):
        assert (fmt.persen(nilai) if nilai is not None else "belum ada data") in kepala
    rasio = ref["desa"]["rasio"]
    if kasus[0] == "Bati-Bati":  # its IKU states the rasio as 0,64: shown in % like everywhere (issue 8, D21)
        assert fmt.persen(rasio) in kepala and "target 7,00 %" in kepala
    else:
        assert (fmt.persen(rasio) if rasio is not None else "belum ada data") in kepala
    assert (fmt.angka(ref["skm"]["ikm"]) if ref["skm"]["ikm"] is not None else "belum ada data") in kepala
    efi = ref["efisiensi"]
    if efi["nilai"] is not None:
        assert (fmt.poin(efi["nilai"]) if efi["metode"] == "selisih" else fmt.angka(efi["nilai"])) in kepala
    teks = {r.jenis: _teks_salindia(s) for s, r in zip(slides, rencana)}
    if ref["anggaran"]["serapan"] is not None:
        assert fmt.persen(ref["anggaran"]["serapan"]) in teks["anggaran"]
        for prog in ref["anggaran"]["program"][:9]:
            assert fmt.persen(prog["serapan"]) in teks["anggaran"], prog["kode"]
    for t, ikm in ref["skm"]["ikm_triwulan"].items():
        assert fmt.angka(ikm) in teks["skm"], t
    if ref["desa"]["rasio"] is not None:
        assert f"{ref['desa']['mandiri']} Mandiri dari {ref['desa']['jumlah']} desa" in teks["desa"]
    assert len(ref["peringatan"]) == 0 or all(w["pesan"] in teks["peringatan"] for w in ref["peringatan"][:9])
    # the sasaran slides hold every indicator with its capaian
    sasaran = "\n".join(_teks_salindia(s) for s, r in zip(slides, rencana) if r.jenis == "sasaran")
    for i in ref["iku"]["indikator"]:
        assert i["kode"] in sasaran and fmt.persen(i["capaian"]) in sasaran


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k[0]}-{k[2]}")
def test_dek_data_grafik_sama_dengan_data(demo_url, kasus):
    nama, tahun, tw = kasus
    ref = ringkas(demo_url, *kasus)
    prs = Presentation(io.BytesIO(berkas(demo_url, "pptx", *kasus)))
    if ref["anggaran"]["pagu"] is not None:
        plot = _grafik(prs, "Realisasi anggaran").plots[0]
        assert list(plot.categories) == ["TW I", "TW II", "TW III", "TW IV"]
        seri = {s.name: list(s.values) for s in plot.series}
        for t in range(1, 5):
            per_t = ringkas(demo_url, nama, tahun, t)["anggaran"]["realisasi"] if t <= tw else None
            assert sama(seri["Realisasi kumulatif"][t - 1], per_t), t
        assert all(sama(v, ref["anggaran"]["pagu"]) for v in seri["Pagu"])
    if ref["skm"]["nrr"]:
        from dashboard.analisis_skm import unsur_tampil

        label = dict(unsur_tampil(bahan(demo_url, *kasus).periode.setelan))
        plot = _grafik(prs, "Survei Kepuasan").plots[0]
        nilai = dict(zip(plot.categories, plot.series[0].values))
        assert {u: nilai[label[u]] for u in ref["skm"]["nrr"]} == pytest.approx(ref["skm"]["nrr"])
    elif ref["skm"]["ikm"] is not None:
        plot = _grafik(prs, "Survei Kepuasan").plots[0]
        assert list(plot.series[0].values) == pytest.approx(list(ref["skm"]["ikm_triwulan"].values()))
    if ref["desa"]["rasio"] is not None:
        plot = _grafik(prs, "Status desa").plots[0]
        assert dict(zip(plot.categories, plot.series[0].values)) == ref["desa"]["status"]


def _muat(shape) -> bool:
    """The text of a shape fits its box by the deck's own measure."""
    tf = shape.text_frame
    lebar = (shape.width - tf.margin_left - tf.margin_right) / 12700
    tinggi = (shape.height - tf.margin_top - tf.margin_bottom) / 12700
    paragraf = []
    for p in tf.paragraphs:
        runs = [r for r in p.runs if r.text]
        if runs:
            u = runs[0].font.size.pt if runs[0].font.size else 18
            paragraf.append(("".join(r.text for r in runs), u, bool(runs[0].font.bold)))
    spasi = max((p.space_before.pt / u for p in tf.paragraphs[1:] if p.space_before is not None
                 for u in [p.runs[0].font.size.pt] if p.runs and p.runs[0].font.size), default=0)
    return ukur.tinggi(paragraf, lebar, spasi) <= tinggi + 0.5


@pytest.mark.parametrize("kasus", KASUS, ids=lambda k: f"{k[0]}-{k[2]}")
def test_dek_teks_muat_di_kotaknya(demo_url, kasus):
    prs = Presentation(io.BytesIO(berkas(demo_url, "pptx", *kasus)))
    for nomor, slide in enumerate(prs.slides, start=1):
        for sh in slide.shapes:
            assert sh.left >= 0 and sh.top >= 0, (nomor, sh.name)
            assert sh.left + sh.width <= prs.slide_width and sh.top + sh.height <= prs.slide_height, (nomor, sh.name)
            if sh.has_text_frame and sh.text_frame.text.strip():
                assert all(r.font.size is not None for p in sh.text_frame.paragraphs for r in p.runs), (nomor, sh.name)
                assert _muat(sh), (nomor, sh.name, sh.text_frame.text[:80])


def test_dek_belum_ada_data(demo_url):
    """Bajuin and Pelaihari have budget figures for TW IV only: TW II says so, and so does the workbook."""
    for nama in ("Bajuin", "Pelaihari"):
        prs = Presentation(io.BytesIO(berkas(demo_url, "pptx", nama, 2025, 2)))
        anggaran = next(s for s in prs.slides if _judul(s).startswith("Realisasi anggaran"))
        assert "Belum ada data realisasi TW II" in _teks_salindia(anggaran)
        kepala = _teks_salindia(list(prs.slides)[1])
        assert kepala.count("belum ada data") >= 2  # serapan and efisiensi
        wb = load_workbook(io.BytesIO(berkas(demo_url, "xlsx", nama, 2025, 2)))
        assert "belum ada data" in semua_teks_lembar(wb["Anggaran"])


def test_periode_tanpa_data_anggaran_skm_desa(demo_url):
    """Bajuin 2024 has only the IKU history: every export still comes, and says what is missing."""
    b = bahan(demo_url, "Bajuin", 2024, 4)
    prs = Presentation(io.BytesIO(dek(b)))
    teks = {_judul(s): _teks_salindia(s) for s in prs.slides}
    assert "Belum ada data anggaran tahun 2024" in teks["Realisasi anggaran s.d. TW IV 2024"]
    assert "Belum ada data survei" in teks["Survei Kepuasan Masyarakat s.d. TW IV 2024"]
    assert "Belum ada data status desa" in teks["Status desa 2024"]
    wb = load_workbook(io.BytesIO(buku_kerja(b)))
    for lembar in ("Anggaran", "SKM", "Desa"):
        assert "belum ada data" in semua_teks_lembar(wb[lembar]).lower(), lembar
    with zipfile.ZipFile(io.BytesIO(zip_csv(b))) as z:
        assert "daftar_isi.csv" in z.namelist()


# ---------------------------------------------------------------- CSV ZIP

def test_zip_csv_satu_berkas_per_tabel(demo_url):
    b = bahan(demo_url, "Contoh Sintetis", 2025, 4)
    tabel = semua_tabel(b)
    with zipfile.ZipFile(io.BytesIO(berkas(demo_url, "csv", "Contoh Sintetis", 2025, 4))) as z:
        nama = set(z.namelist())
        assert nama == {f"{t.berkas}.csv" for t in tabel if not t.df.empty} | {"daftar_isi.csv"}
        assert {"skm_layanan.csv", "skm_saran.csv", "anggaran_pohon.csv", "desa.csv"} <= nama
        mentah = z.read("ringkasan.csv")
        assert mentah.startswith(b"\xef\xbb\xbf")
        df = pd.read_csv(io.BytesIO(mentah), sep=";", decimal=",", encoding="utf-8-sig")
        ref = ringkas(demo_url, "Contoh Sintetis", 2025, 4)
        assert sama(float(df.loc[df["Ukuran"] == "Rata-rata capaian IKU", "Nilai"].iloc[0]),
                    ref["iku"]["rata_rata_capaian"])
        isi = pd.read_csv(io.BytesIO(z.read("daftar_isi.csv")), sep=";", encoding="utf-8-sig")
        assert len(isi) == len(tabel)
        kab = pd.read_csv(io.BytesIO(z.read("kabupaten.csv")), sep=";", decimal=",", encoding="utf-8-sig")
        assert {"Bajuin", "Pelaihari", "Contoh Sintetis", "Bati-Bati"} <= set(kab["Kecamatan"])



def test_sumber_data_menyebut_setiap_impor(demo_url):
    b = bahan(demo_url, "Bajuin", 2025, 4)
    ws = load_workbook(io.BytesIO(berkas(demo_url, "xlsx", "Bajuin", 2025, 4)))["Sumber Data"]
    baris = tabel_lembar(ws, "Impor data di balik angka-angka ini")
    assert [r["SHA-256"] for r in baris] == [r["sha256"] for r in b.impor]
    assert {r["Berkas"] for r in baris} >= {"01_desa.csv", "04_anggaran.csv", "05_skm_rekap.csv"}
    assert all(r["Status"] == "berhasil" for r in baris)
