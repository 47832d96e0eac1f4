"""The LKjIP draft (`export docx`) read back with python-docx.

For every demo kecamatan and TW, and for kecamatan built through the import engine with odd shapes
(no budget, no SKM, no desa, indicators without realisasi, SKM starting at TW III, budget starting at
TW II): the chapters in the order of PermenPANRB 53/2014, tables and figures numbered per chapter and
listed, every table's figures equal to the summary (`ringkasan()`, what `summary --json` prints),
"belum ada data" sentences instead of empty tables, landscape pages for the tables that need them.
Charts are rendered for a few documents only (vl-convert is the slow part); the others get a stub image.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime, timezone

import pytest
from docx import Document
from docx.shared import Cm

from dashboard import format as fmt
from dashboard.ekspor import EksporError, dokumen_lkjip, ekspor_ke_berkas, kumpulkan, nama_berkas
from dashboard.ekspor import word
from dashboard.ekspor.bahan import Bahan
from dashboard.ekspor.lkjip import JUDUL_BAB, rencana_lkjip, rentang_skala, teks_efisiensi
from dashboard.ringkasan import publik, ringkasan, teks_rasio
from dashboard.skala import PRESETS
from models.db import get_engine, session_scope
from tests import periode_buatan as pb

WAKTU = datetime(2026, 2, 6, 10, 15, tzinfo=timezone.utc)
DEMO = [("Bati-Bati", 2024), ("Bajuin", 2025), ("Pelaihari", 2025), ("Contoh Sintetis", 2025)]
KASUS_DEMO = [(n, t, tw) for n, t in DEMO for tw in (1, 2, 3, 4)]
KASUS_BENTUK = [(n, 2025, tw) for n in ("Tanpa Anggaran", "Tanpa SKM") for tw in (1, 2, 3, 4)]
DIGAMBAR = {("Bajuin", 2025, 4), ("Bati-Bati", 2024, 2), ("Tanpa Anggaran", 2025, 3)}  # real charts
URUTAN_BAB = [JUDUL_BAB[k] for k in ("ikhtisar", "1", "2", "3", "4", "L")]


def _png_kecil() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 5), "white").save(out, "PNG")
    return out.getvalue()


PNG_KECIL = _png_kecil()

# ---------------------------------------------------------------- kecamatan of odd shapes, through the import engine

INDIKATOR_A = """\
kode;indikator;sasaran;satuan;jenis;polaritas;agregasi;tahun;target;target_tw1;target_tw2;target_tw3;target_tw4;\
target_renstra;versi
IKU-1;Persentase Layanan Selesai Tepat Waktu;Meningkatnya kualitas pelayanan publik;%;iku;positif;terakhir;2025;\
90;80;85;88;90;95;PK
IKU-2;Jumlah Pengaduan yang Belum Ditangani;Meningkatnya kualitas pelayanan publik;Kasus;iku;negatif;terakhir;2025;\
10;;;;;5;PK
IK-1;Jumlah Musyawarah Desa yang Didampingi;Meningkatnya tata kelola pemerintahan desa;Kegiatan;ik;positif;jumlah;2025;\
24;;;;;;PK
"""
REALISASI_A = """kode;tahun;triwulan;realisasi;faktor_pendorong;faktor_penghambat;tindak_lanjut
IKU-1;2025;I;78;Loket daring dibuka.;;
IKU-1;2025;II;86;;Petugas cuti bersama.;Jadwal piket diperbarui.
IKU-2;2025;II;12;;;
"""
SKM_A = "tahun;triwulan;unsur;nrr;responden\n" + "".join(
    f"2025;{tw};U{u};{3.1 + u / 40 + (0.05 if tw == 'IV' else 0):.2f};120\n".replace(".", ",")
    for tw in ("III", "IV") for u in range(1, 10))
DESA_A = """nama_desa;jenis;definitif;tahun;skema;skor;status
Sungai Uji;desa;ya;2025;indeks_desa_2024;81,2;Mandiri
Tanjung Uji;desa;ya;2025;indeks_desa_2024;70,1;Maju
Padang Uji;desa;ya;2025;indeks_desa_2024;58,0;Berkembang
Kota Uji;kelurahan;ya;2025;;;
Uji Baru;desa;tidak;2025;;;
"""
INDIKATOR_B = """kode;indikator;sasaran;satuan;tahun;target;target_renstra;versi
IKU-1;Indeks Kepuasan Masyarakat;Meningkatnya kualitas pelayanan publik;Nilai;2025;85;88;PK
"""
ANGGARAN_B = """kode;uraian;tahun;pagu;realisasi_tw2;realisasi_tw3
7.01.01.2.01.0001;Penyusunan Dokumen Perencanaan Perangkat Daerah;2025;12000000;4000000;9000000
7.01.01.2.01.0007;Evaluasi Kinerja Perangkat Daerah;2025;8000000;1000000;5000000
7.01.02.2.01.0001;Pelayanan Perizinan dan Non Perizinan;2025;30000000;5000000;17000000
"""


def bangun_bentuk(engine) -> None:
    """Tanpa Anggaran: indicators (one negative, one IK without realisasi), realisasi of TW I–II only, SKM
    from TW III, desa with a kelurahan and a desa persiapan, no budget. Tanpa SKM: one indicator without
    realisasi, budget from TW II to TW III, no SKM, no desa. Kosong Uji: nothing at all."""
    from dashboard.impor import impor
    from models.tables import Kecamatan

    with session_scope(engine) as s:
        for nama in ("Tanpa Anggaran", "Tanpa SKM", "Kosong Uji"):
            s.add(Kecamatan(nama=nama, kabupaten="Kabupaten Uji"))
    for kec, dataset, isi, kw in (
            ("Tanpa Anggaran", "indikator", INDIKATOR_A, {}), ("Tanpa Anggaran", "realisasi", REALISASI_A, {}),
            ("Tanpa Anggaran", "skm-rekap", SKM_A, {}), ("Tanpa Anggaran", "desa", DESA_A, {}),
            ("Tanpa SKM", "indikator", INDIKATOR_B, {}), ("Tanpa SKM", "anggaran", ANGGARAN_B, {"gaya_angka": "en"})):
        h = impor(dataset, isi.encode(), f"{dataset}.csv", engine=engine, kecamatan=kec, pengguna="uji", **kw)
        assert h.status == "berhasil", (kec, dataset, [g.pesan for g in h.galat])


@pytest.fixture(scope="module")
def urls(demo_template, tmp_path_factory):
    """The demo database (read only) and a database of odd shapes built once for the module."""
    from dashboard.basisdata import siapkan_basis_data

    bentuk = f"sqlite:///{tmp_path_factory.mktemp('bentuk') / 'bentuk.db'}"
    siapkan_basis_data(bentuk)
    bangun_bentuk(get_engine(bentuk))
    demo = f"sqlite:///{demo_template}"
    yield {"demo": demo, "bentuk": bentuk}
    for u in (demo, bentuk):
        get_engine(u).dispose()


# ---------------------------------------------------------------- building and reading back

_bahan: dict = {}
_dok: dict = {}


def url_kasus(urls, nama) -> str:
    return urls["demo"] if nama in dict(DEMO) else urls["bentuk"]


def bahan(urls, nama, tahun, tw) -> Bahan:
    kunci = (nama, tahun, tw)
    if kunci not in _bahan:
        with session_scope(get_engine(url_kasus(urls, nama))) as s:
            _bahan[kunci] = kumpulkan(s, nama, tahun, tw, WAKTU)
    return _bahan[kunci]


def berkas(urls, nama, tahun, tw) -> bytes:
    kunci = (nama, tahun, tw)
    if kunci not in _dok:
        b = bahan(urls, nama, tahun, tw)
        if kunci in DIGAMBAR:
            _dok[kunci] = dokumen_lkjip(b)
        else:
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(word, "_render_grafik", lambda gambar: {g.nomor: PNG_KECIL for g in gambar})
                _dok[kunci] = dokumen_lkjip(b)
    return _dok[kunci]


_baca: dict = {}


def dokumen(urls, nama, tahun, tw) -> Document:
    """The document read back (once per case: the tests only read it)."""
    kunci = (nama, tahun, tw)
    if kunci not in _baca:
        _baca[kunci] = Document(io.BytesIO(berkas(urls, nama, tahun, tw)))
    return _baca[kunci]


def bersih(teks: str) -> str:
    return teks.replace("\u00a0", " ")


_badan: dict = {}


def isi_badan(doc) -> list[tuple]:
    """The body in order: ("p", style name, text) and ("t", table) items."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if id(doc) in _badan:
        return _badan[id(doc)]
    nama_gaya = {st.style_id: st.name for st in doc.styles}
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == f"{ns}p":
            gaya = el.find(f"{ns}pPr/{ns}pStyle")
            nama = nama_gaya.get(gaya.get(f"{ns}val")) if gaya is not None else "Normal"
            out.append(("p", nama, bersih(Paragraph(el, doc).text)))
        elif el.tag == f"{ns}tbl":
            out.append(("t", Table(el, doc)))
    _badan[id(doc)] = out
    return out


_tabel: dict = {}


def tabel_dok(doc) -> dict[str, list[dict]]:
    """Every numbered table as rows of {header: text}, keyed by its caption (`Tabel 3.2 …`)."""
    if id(doc) in _tabel:
        return _tabel[id(doc)]
    out, keterangan = {}, None
    for item in isi_badan(doc):
        if item[0] == "p" and item[1] == "Caption" and item[2].startswith("Tabel "):
            keterangan = item[2]
        elif item[0] == "t":
            baris = [[bersih(c.text) for c in r.cells] for r in item[1].rows]
            out[keterangan] = [dict(zip(baris[0], r)) for r in baris[1:]]
            keterangan = None
    _tabel[id(doc)] = out
    return out


def cari(tabel: dict, awal: str) -> list[dict] | None:
    """The table whose caption's title starts with `awal` (after `Tabel n.m `)."""
    for k, v in tabel.items():
        if re.sub(r"^Tabel \S+ ", "", k).startswith(awal):
            return v
    return None


def teks_semua(doc) -> str:
    return "\n".join(x[2] for x in isi_badan(doc) if x[0] == "p")


def ringkas(urls, nama, tahun, tw) -> dict:
    """What `summary --json` prints for the period."""
    return json.loads(json.dumps(publik(ringkasan(bahan(urls, nama, tahun, tw).periode, tw))))


SEMUA = KASUS_DEMO + KASUS_BENTUK


# ---------------------------------------------------------------- structure

@pytest.mark.parametrize("kasus", SEMUA, ids=lambda k: f"{k[0]}-{k[2]}")
def test_bab_nomor_dan_daftar(urls, kasus):
    doc = dokumen(urls, *kasus)
    badan = isi_badan(doc)
    bab = [x[2] for x in badan if x[0] == "p" and x[1] == "Heading 1"]
    assert bab == URUTAN_BAB
    # Bab III: A (capaian kinerja organisasi) before B (realisasi anggaran)
    h2 = [x[2] for x in badan if x[0] == "p" and x[1] == "Heading 2"]
    assert h2.index("A. Capaian Kinerja Organisasi") < h2.index("B. Realisasi Anggaran")
    # every caption numbered by its chapter, 1, 2, 3 … without a gap
    awalan = {"IKHTISAR EKSEKUTIF": "0", "LAMPIRAN": "L"}
    sekarang, nomor = None, {"Tabel": [], "Gambar": []}
    for x in badan:
        if x[0] == "p" and x[1] == "Heading 1":
            sekarang = awalan.get(x[2]) or str(["I", "II", "III", "IV"].index(x[2].split()[1]) + 1)
        elif x[0] == "p" and x[1] == "Caption":
            label, n = re.match(r"(Tabel|Gambar) (\S+) ", x[2]).groups()
            bab_n, _, urut = n.partition(".")
            assert bab_n == sekarang, x[2]
            nomor[label].append((bab_n, int(urut), x[2]))
    for label, daftar in nomor.items():
        per_bab: dict = {}
        for bab_n, urut, _ in daftar:
            per_bab.setdefault(bab_n, []).append(urut)
        assert all(v == list(range(1, len(v) + 1)) for v in per_bab.values()), (label, per_bab)
        # … and listed, in order, in the list of tables / figures (a TOC field with its entries filled in)
        judul = "DAFTAR TABEL" if label == "Tabel" else "DAFTAR GAMBAR"
        i = next(k for k, x in enumerate(badan) if x[0] == "p" and x[2] == judul)
        entri = [x[2] for x in badan[i + 1:i + 1 + max(len(daftar), 1)]]
        assert entri == ([t for _, _, t in daftar] or [f"Tidak ada {label.lower()}."])
    # one picture per figure caption; one table per table caption
    assert len(doc.inline_shapes) == len(nomor["Gambar"])
    assert len(doc.tables) == len(nomor["Tabel"])
    # no empty table, no stray None / nan
    for t in doc.tables:
        assert len(t.rows) >= 2
    teks = teks_semua(doc) + json.dumps(tabel_dok(doc), ensure_ascii=False)
    assert not re.search(r"\b(None|nan|NaN)\b", teks)


def test_daftar_isi_dan_field_word(urls):
    doc = dokumen(urls, "Bajuin", 2025, 4)
    instr = " ".join(e.text for e in doc.element.body.iter() if e.tag.endswith("}instrText"))
    assert 'TOC \\o "1-3" \\h \\z \\u' in instr
    assert 'TOC \\h \\z \\c "Tabel"' in instr and 'TOC \\h \\z \\c "Gambar"' in instr
    # the first caption of each chapter restarts its sequence (Word and LibreOffice both honour \r)
    assert instr.count("SEQ Tabel \\* ARABIC \\r 1") == len({t.split()[1].split(".")[0]
                                                               for t in tabel_dok(doc)})
    assert doc.settings.element.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}updateFields") \
        is not None
    badan = isi_badan(doc)
    i = next(k for k, x in enumerate(badan) if x[0] == "p" and x[2] == "DAFTAR ISI")
    j = next(k for k, x in enumerate(badan) if x[0] == "p" and x[2] == "DAFTAR TABEL")
    entri = [x[2] for x in badan[i + 1:j] if x[0] == "p" and x[1].startswith("toc ")]
    judul = [x[2] for x in badan if x[0] == "p" and x[1] in ("Heading 1", "Heading 2", "Heading 3")]
    assert entri == judul
    # Heading styles: Word builds its table of contents from them
    assert {x[1] for x in badan if x[0] == "p" and x[1].startswith("Heading")} == {f"Heading {n}" for n in (1, 2, 3, 4)}


def test_halaman_a4_dan_mendatar(urls):
    """A4; a table wider than the portrait text width sits in a landscape section (and fits it)."""
    from docx.enum.section import WD_ORIENT

    doc = dokumen(urls, "Bati-Bati", 2024, 4)
    for sec in doc.sections:
        lebar, tinggi = sorted((sec.page_width.cm, sec.page_height.cm))
        assert (round(lebar, 1), round(tinggi, 1)) == (21.0, 29.7)
    orientasi = {s.orientation for s in doc.sections}
    assert orientasi == {WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE}
    # walk the body: a section's properties close it (in a paragraph, or the body's last sectPr)
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tabel_per_bagian, sekarang = [], []
    for el in doc.element.body.iterchildren():
        if el.tag == f"{ns}tbl":
            sekarang.append(el)
        sect = el.find(f"{ns}pPr/{ns}sectPr") if el.tag == f"{ns}p" else (el if el.tag == f"{ns}sectPr" else None)
        if sect is not None:
            tabel_per_bagian.append(sekarang)
            sekarang = []
    assert len(tabel_per_bagian) == len(doc.sections)
    for sec, tabel in zip(doc.sections, tabel_per_bagian):
        ruang = (sec.page_width - sec.left_margin - sec.right_margin) // 635  # EMU to twips
        for tbl in tabel:
            lebar = sum(int(gc.get(f"{ns}w")) for gc in tbl.find(f"{ns}tblGrid"))
            assert lebar <= ruang + 5
    # the import log (SHA-256 column) is on a landscape page
    sumber = next(i for i, tabel in enumerate(tabel_per_bagian)
                  for tbl in tabel if "SHA-256" in "".join(tbl.itertext()))
    assert doc.sections[sumber].orientation == WD_ORIENT.LANDSCAPE


# ---------------------------------------------------------------- the figures

@pytest.mark.parametrize("kasus", SEMUA, ids=lambda k: f"{k[0]}-{k[2]}")
def test_angka_sama_dengan_summary(urls, kasus):
    nama, tahun, tw = kasus
    doc = dokumen(urls, *kasus)
    ref = ringkas(urls, *kasus)
    b = bahan(urls, *kasus)
    tabel = tabel_dok(doc)
    teks = teks_semua(doc)
    iku = ref["iku"]
    # Tabel 3.x: target, realisasi, capaian and category of every indicator, and the IKU average
    capaian = cari(tabel, "Target, realisasi dan capaian indikator kinerja")
    if not iku["indikator"]:
        assert capaian is None and f"Belum ada data indikator kinerja tahun {tahun}" in teks
    else:
        per_nama = {r["Indikator"]: r for r in capaian}
        for i in iku["indikator"]:
            r = per_nama[i["nama"] + (" (IK)" if i["jenis"] != "iku" else "")]
            assert r["Target"] == fmt.nilai(i["target"], i["satuan"])
            assert r["Realisasi"] == fmt.nilai(i["realisasi"], i["satuan"])
            assert r["Capaian"] == fmt.persen(i["capaian"])
            assert r["Kategori"] == (i["kategori"] or "belum diukur")
        rata = capaian[-1]
        assert rata["Sasaran"] == "Rata-rata capaian IKU"
        assert rata["Capaian"] == fmt.persen(iku["rata_rata_capaian"])
        if iku["rata_rata_capaian"] is not None:
            assert f"Rata-rata capaian IKU {_periode(tahun, tw)} adalah {fmt.persen(iku['rata_rata_capaian'])}" in teks
    # Bab III B: the budget, its total row equal to the summary, the programs of the program tree
    ang = ref["anggaran"]
    pohon = cari(tabel, "Pagu, realisasi, sisa dan serapan")
    if ang["pagu"] is None:
        assert pohon is None and f"Belum ada data anggaran tahun {tahun}" in teks
    else:
        jumlah = pohon[-1]
        assert (jumlah["Uraian"], jumlah["Pagu (Rp)"]) == ("Jumlah", fmt.rupiah_tabel(ang["pagu"]))
        assert jumlah["Realisasi (Rp)"] == fmt.rupiah_tabel(ang["realisasi"])
        assert jumlah["Serapan"] == fmt.persen(ang["serapan"])
        if ang["pohon"] == "program":
            per_kode = {r["Kode"]: r for r in pohon}
            for prg in ang["program"]:
                r = per_kode[prg["kode"]]
                assert (r["Pagu (Rp)"], r["Realisasi (Rp)"], r["Serapan"]) == (
                    fmt.rupiah_tabel(prg["pagu"]), fmt.rupiah_tabel(prg["realisasi"]), fmt.persen(prg["serapan"]))
        kumulatif = cari(tabel, "Pagu, realisasi kumulatif dan serapan per triwulan")
        assert [r["Triwulan"] for r in kumulatif] == [f"s.d. {fmt.triwulan(t)}" for t in range(1, tw + 1)]
        assert kumulatif[-1]["Serapan"] == fmt.persen(ang["serapan"])
        if ang["serapan"] is None:
            assert f"Realisasi s.d. {fmt.triwulan(tw)} belum ada data" in teks
        else:
            assert f"serapan {fmt.persen(ang['serapan'])}" in teks
            assert fmt.rupiah(ang["pagu"]) in teks and fmt.rupiah(ang["realisasi"]) in teks
    # IKM per TW and NRR s.d. TW
    skm = ref["skm"]
    ikm = cari(tabel, "IKM per triwulan")
    if skm["ikm"] is None and not b.data["_skm"]["_tw"]:
        assert ikm is None and f"Belum ada data survei kepuasan masyarakat s.d. {fmt.triwulan(tw)}" in teks
    else:
        per_tw = {r["Triwulan"]: r["IKM"] for r in ikm}
        for t in range(1, tw + 1):
            assert per_tw[fmt.triwulan(t)] == fmt.angka(skm["ikm_triwulan"].get(str(t)))
        if skm["ikm"] is not None:
            assert f"IKM s.d. {fmt.triwulan(tw)} adalah {fmt.angka(skm['ikm'])}" in teks
        nrr = cari(tabel, "Nilai rata-rata (NRR) per unsur")
        if skm["nrr"]:
            from dashboard.analisis_skm import unsur_tampil

            label = dict(unsur_tampil(b.periode.setelan))
            per_unsur = {r["Unsur"]: r[f"NRR s.d. {fmt.triwulan(tw)}"] for r in nrr}
            for u, v in skm["nrr"].items():
                assert per_unsur[label[u]] == fmt.angka(v, 3)
        else:
            assert nrr is None
    # desa: the statuses counted, the rasio in the IKU's unit
    desa = ref["desa"]
    status = cari(tabel, "Skor, status dan dimensi setiap desa")
    if desa["rasio"] is None:
        assert status is None and f"Belum ada data status desa tahun {tahun}" in teks
    else:
        dihitung = [r for r in status if r["Dihitung"] == "ya"]
        assert len(dihitung) == desa["jumlah"]
        assert sum(r["Status"] == "Mandiri" for r in dihitung) == desa["mandiri"]
        assert f"rasio desa mandiri {teks_rasio(b.periode, desa['rasio'])}" in teks
    # efisiensi: the kecamatan's row is the summary's figure, by the method in force
    efi = ref["efisiensi"]
    tabel_efi = cari(tabel, "Efisiensi")
    if efi["nilai"] is None:
        assert tabel_efi is None or tabel_efi[-1]["Efisiensi"] == fmt.KOSONG
    else:
        assert tabel_efi[-1]["Efisiensi"] == teks_efisiensi(efi["nilai"], efi["metode"])
        assert tabel_efi[-1]["Kategori"] == efi["kategori"]
    # warnings: one row each in the Lampiran
    peringatan = cari(tabel, "Peringatan data")
    assert len(peringatan or []) == len(ref["peringatan"])
    if not ref["peringatan"]:
        assert f"Tidak ada peringatan data {_periode(tahun, tw)}." in teks


def _periode(tahun, tw) -> str:
    return f"Tahun {tahun}" if tw == 4 else f"s.d. {fmt.triwulan(tw)} Tahun {tahun}"


@pytest.mark.parametrize("kasus", [("Bajuin", 2025, 2), ("Tanpa SKM", 2025, 3), ("Pelaihari", 2025, 4)],
                         ids=lambda k: f"{k[0]}-{k[2]}")
def test_sd_triwulan_tahun_belum_lengkap(urls, kasus):
    nama, tahun, tw = kasus
    doc = dokumen(urls, *kasus)
    teks = teks_semua(doc)
    kepala = doc.sections[0].header.paragraphs[0].text
    if tw < 4:
        assert f"S.D. {fmt.triwulan(tw)} TAHUN {tahun}" in teks  # the cover
        assert kepala == f"LKjIP Kecamatan {nama} s.d. {fmt.triwulan(tw)} Tahun {tahun}"
        assert f"semua angka dalam laporan ini kumulatif s.d. {fmt.triwulan(tw)}" in teks
    else:
        assert kepala == f"LKjIP Kecamatan {nama} Tahun {tahun}" and "s.d. TW IV Tahun" not in teks


def test_sampul_data_sintetis(urls):
    teks = teks_semua(dokumen(urls, "Contoh Sintetis", 2025, 2))
    assert "DATA SINTETIS, bukan data sebenarnya" in teks.split("DAFTAR ISI")[0]
    assert "DATA SINTETIS" not in teks_semua(dokumen(urls, "Bajuin", 2025, 4))


def test_bentuk_tanpa_data_menulis_kalimat(urls):
    """Each missing dataset says so where its table would be."""
    teks = teks_semua(dokumen(urls, "Tanpa Anggaran", 2025, 2))
    assert "Belum ada data anggaran tahun 2025: unggah pagu dan realisasi anggaran" in teks
    assert "Belum ada data survei kepuasan masyarakat s.d. TW II" in teks  # the SKM starts at TW III
    assert "Efisiensi (metode Tanah Laut: (1 − serapan / capaian) × 100) belum dapat dihitung karena serapan " \
           "anggaran belum ada." in teks
    assert "terdiri atas 3 desa dan 1 kelurahan, ditambah 1 desa persiapan" in teks
    assert "Target s.d. TW II Tahun 2025 24,00; realisasi s.d. TW II belum ada (belum diukur)." in teks  # IK-1
    teks = teks_semua(dokumen(urls, "Tanpa SKM", 2025, 1))
    assert "Realisasi s.d. TW I belum ada data: triwulan yang sudah diunggah TW II, TW III." in teks
    assert "Belum ada data desa dan kelurahan Kecamatan Tanpa SKM" in teks
    assert "Belum ada data realisasi tahun-tahun sebelumnya di basis data untuk dibandingkan." in teks
    teks = teks_semua(dokumen(urls, "Tanpa SKM", 2025, 3))
    assert "Jenis belanja belum dapat dirinci" in teks
    doc = dokumen(urls, "Tanpa SKM", 2025, 3)
    petunjuk = [p for p in doc.paragraphs if p.runs and p.runs[0].text == "[Diisi kantor] "]
    assert len(petunjuk) >= 6 and all(p.runs[1].italic for p in petunjuk)


def test_periode_tanpa_data_sama_sekali():
    """A kecamatan with nothing at all (and one with desa and indicators only) still gives a document."""
    for p in (pb.periode("Kosong", 2025), pb.bajuin_2025()):
        for tw in (1, 4):
            b = Bahan(periode=p, data=ringkasan(p, tw), triwulan=tw, waktu=WAKTU)
            d = rencana_lkjip(b)
            assert [x.judul for x in d.bab] == URUTAN_BAB
            isi = word.gambar_dokumen(d) if p.kecamatan == "Bajuin" and tw == 4 else None
            if isi:
                assert len(Document(io.BytesIO(isi)).inline_shapes) == len(d.gambar()) > 0
    d = rencana_lkjip(Bahan(periode=pb.periode("Kosong", 2025), data=ringkasan(pb.periode("Kosong", 2025), 4),
                            triwulan=4, waktu=WAKTU))
    kosong = [x.teks for bab in d.bab for x in bab.blok if getattr(x, "jenis", "") == "kosong"]
    assert "Belum ada data indikator kinerja tahun 2025, jadi capaian kinerja belum dapat diukur." in kosong
    assert "Belum ada data anggaran tahun 2025." in kosong
    assert [t.kunci for t in d.tabel()] == ["skala"]  # the category scale in force is the one table left
    assert not d.gambar()


def _bentuk_lain():
    """Hand-made periods of further shapes: only supporting indicators (IK), an indicator with a realisasi but
    no target, a negative one, a kecamatan of kelurahan only (desa listed, no rasio), a one-band scale."""
    from dashboard.skala import Band

    ik = pb.indikator("IK-1", "Jumlah Dokumen", satuan="Dokumen", jenis="ik", agregasi="jumlah",
                      target={2025: [("PK", 100, {2: 50}, None)]}, realisasi={2025: {1: 20, 2: 25}})
    tanpa_target = pb.indikator("IKU-1", "Indeks Tanpa Target", satuan="Nilai", realisasi={2025: {1: 70.0}})
    negatif = pb.indikator("IKU-2", "Angka Aduan", satuan="Kasus", polaritas="negatif",
                           target={2024: [("PK", 8, None, 4)], 2025: [("PK", 6, None, 4)]},
                           realisasi={2024: {4: 9}, 2025: {1: 7, 3: 5}})
    kelurahan = [pb.desa(n, {}, jenis="kelurahan", nomor=i) for i, n in enumerate(("Angsau", "Karang Taruna"))]
    satu_pita = pb.periode("Satu Pita", 2025, indikator_list=[negatif])
    satu_pita.skala = {"Permendagri 86/2017": [Band(0, "Semua", "#1b7f3b")]}
    return [pb.periode("Hanya IK", 2025, indikator_list=[ik]),
            pb.periode("Campur", 2025, indikator_list=[tanpa_target, negatif, ik], desa_list=kelurahan),
            satu_pita]


@pytest.mark.parametrize("tw", [1, 3, 4])
def test_bentuk_lain_tidak_pernah_gagal(tw):
    for p in _bentuk_lain():
        b = Bahan(periode=p, data=ringkasan(p, tw), triwulan=tw, waktu=WAKTU)
        d = rencana_lkjip(b)
        assert [x.judul for x in d.bab] == URUTAN_BAB
        assert all(t.baris and all(len(r) == len(t.kolom) for r in t.baris) for t in d.tabel())
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(word, "_render_grafik", lambda gambar: {g.nomor: PNG_KECIL for g in gambar})
            doc = Document(io.BytesIO(word.gambar_dokumen(d)))
        assert len(doc.tables) == len(d.tabel())
        teks = "\n".join(p.text for p in doc.paragraphs)
        if p.kecamatan == "Hanya IK":
            assert "Belum ada IKU yang terukur" in teks  # IK are shown, never averaged
        if p.kecamatan == "Campur":
            assert "Belum ada data status desa tahun 2025" in teks
            assert "terdiri atas 0 desa dan 2 kelurahan" in teks


def test_rentang_skala():
    assert rentang_skala(PRESETS["Permendagri 86/2017"]) == [
        ("> 90", "Sangat Tinggi", "#1b7f3b"), ("> 75 s.d. 90", "Tinggi", "#5aa832"),
        ("> 65 s.d. 75", "Sedang", "#e0b400"), ("> 50 s.d. 65", "Rendah", "#f08c00"),
        ("≤ 50", "Sangat Rendah", "#a61e1e")]
    from dashboard.skala import Band

    assert [r for r, _, _ in rentang_skala([Band(80, "A", "#000", True), Band(0, "B", "#fff", True)])] == \
        ["≥ 80", "< 80"]
    assert rentang_skala([Band(0, "Semua", "#000")])[0][0] == "semua nilai"


def test_grafik_dari_spesifikasi_halaman(urls):
    """The figures are the pages' Altair charts rendered to PNG (a real render, not the stub)."""
    doc = dokumen(urls, "Bajuin", 2025, 4)
    d = rencana_lkjip(bahan(urls, "Bajuin", 2025, 4))
    assert {g.kunci for g in d.gambar()} >= {"ikm_triwulan", "nrr", "desa_status", "anggaran_kumulatif"}
    jenis = [g.grafik().to_dict(validate=False)["usermeta"]["pantau"]["jenis"] for g in d.gambar()]
    assert "nrr_unsur" in jenis and "anggaran_kumulatif" in jenis
    gambar = [s._inline.graphic.graphicData.pic.blipFill.blip.embed for s in doc.inline_shapes]
    for rid in gambar:
        data = doc.part.related_parts[rid].blob
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    for s in doc.inline_shapes:
        assert s.width <= Cm(15.5)


def _sel(v, f) -> str:
    """A page table's cell as the document writes it (the page sends text where a column has gaps)."""
    return v if isinstance(v, str) else f(v)


def test_angka_sama_dengan_halaman(app_db, urls):
    """The document's tables hold the figures the IKU and Anggaran pages show."""
    from tests.apputil import buka, tanpa_galat

    at = buka("iku", "Bajuin", 2025, 4)
    tanpa_galat(at)
    halaman = next(d.value for d in at.dataframe if "Capaian thd Renstra (%)" in d.value.columns)
    dok = {r["Indikator"]: r for r in cari(tabel_dok(dokumen(urls, "Bajuin", 2025, 4)), "Target, realisasi")}
    assert len(halaman) == len(dok) - 1  # and the average row
    for r in halaman.to_dict("records"):
        d = dok[r["Indikator"]]
        satuan = r["Satuan"]  # the document writes the unit with the value: 55,55 % where the page has 55,55
        assert d["Target"] == _sel(r["Target s.d. TW"], lambda v: fmt.nilai(v, satuan))
        assert d["Realisasi"] == _sel(r["Realisasi s.d. TW"], lambda v: fmt.nilai(v, satuan))
        assert d["Capaian"] == _sel(r["Capaian (%)"], fmt.persen)
    at = buka("anggaran", "Bati-Bati", 2024, 4)
    tanpa_galat(at)
    halaman = next(d.value for d in at.dataframe if "Tingkat" in d.value.columns)
    dok = {r["Kode"]: r for r in cari(tabel_dok(dokumen(urls, "Bati-Bati", 2024, 4)), "Pagu, realisasi, sisa")}
    assert len(halaman) == len(dok) - 1  # and the total row
    for r in halaman.to_dict("records"):
        d = dok[r["Kode"]]
        assert d["Uraian"] == r["Uraian"].lstrip("\u2003")
        assert (d["Pagu (Rp)"], d["Realisasi (Rp)"], d["Sisa (Rp)"]) == tuple(
            _sel(r[k], fmt.rupiah_tabel) for k in ("Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)"))
        assert d["Serapan"] == _sel(r["Serapan (%)"], fmt.persen)


# ---------------------------------------------------------------- the file and the command line

def test_nama_berkas_docx():
    assert nama_berkas("docx", "Bati-Bati", 2024, 4) == "lkjip_bati-bati_2024.docx"
    assert nama_berkas("docx", "Contoh Sintetis", 2025, 2) == "lkjip_contoh-sintetis_2025_sd_tw2.docx"


def test_ekspor_ke_berkas_docx(urls, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", urls["bentuk"])
    monkeypatch.setattr(word, "_render_grafik", lambda gambar: {g.nomor: PNG_KECIL for g in gambar})
    path = ekspor_ke_berkas("docx", "tanpa skm", 2025, 3, tmp_path)
    assert path.endswith("lkjip_tanpa-skm_2025_sd_tw3.docx")
    with zipfile.ZipFile(path) as z:
        assert "word/document.xml" in z.namelist()
    with pytest.raises(EksporError, match="Kecamatan Kosong Uji belum punya data untuk tahun 2025"):
        ekspor_ke_berkas("docx", "Kosong Uji", 2025, 4, tmp_path)
    with pytest.raises(EksporError, match="pilih xlsx, pptx, csv atau docx"):
        ekspor_ke_berkas("odt", "Tanpa SKM", 2025, 4, tmp_path)


def test_cli_export_docx(demo_db, tmp_path):
    from tests.test_cli import cli

    out = tmp_path / "lkjip.docx"
    r = cli("export", "docx", "--kecamatan", "Pelaihari", "--tahun", "2025", "--triwulan", "4", "--out", str(out),
            url=demo_db)
    assert r.returncode == 0, r.stderr
    assert str(out) in r.stdout
    ref = json.loads(cli("summary", "--kecamatan", "Pelaihari", "--tahun", "2025", "--triwulan", "4", "--json",
                         url=demo_db).stdout)
    doc = Document(out)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == URUTAN_BAB
    capaian = cari(tabel_dok(doc), "Target, realisasi dan capaian")
    assert capaian[-1]["Capaian"] == fmt.persen(ref["iku"]["rata_rata_capaian"])
    assert cari(tabel_dok(doc), "Pagu, realisasi, sisa")[-1]["Realisasi (Rp)"] == \
        fmt.rupiah_tabel(ref["anggaran"]["realisasi"])
    r = cli("export", "docx", "--kecamatan", "Tidak Ada", "--tahun", "2025", "--triwulan", "4", "--out",
            str(tmp_path), url=demo_db)
    assert r.returncode == 1 and "Kecamatan 'Tidak Ada' tidak ada" in r.stderr
    r = cli("export", "docx", "--kecamatan", "Bajuin", "--tahun", "2025", "--triwulan", "5", "--out",
            str(tmp_path), url=demo_db)
    assert r.returncode == 2 and "bukan triwulan" in r.stderr
