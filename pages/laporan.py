"""Laporan: the downloads (workbook, deck, CSV ZIP, LKjIP draft), the check of a finished LKjIP, and the meeting
deck's slides as a list."""

import logging
from datetime import datetime

import streamlit as st

from dashboard import format as fmt
from dashboard import periksa_laporan as pl
from dashboard import ui
from dashboard.ekspor import MIME, Bahan, EksporError, buat, nama_berkas, rencana_dek, templat
from dashboard.ekspor.bahan import baca_tambahan
from dashboard.ekspor.lkjip import label_periode, rencana_lkjip
from dashboard.periksa_laporan.hasil import nama_unduhan, ringkasan, tabel_temuan, tabel_tidak_diperiksa, teks_polos

nama, tahun, tw, data, p = ui.buka_halaman("Laporan")


@st.cache_data(show_spinner="Membaca data laporan…", max_entries=32)
def tambahan(nama: str, tahun: int, tw: int, kunci: str) -> dict:
    """The reads an export needs beyond the period and its summary (import log, SKM per layanan, …)."""
    with ui.sesi() as s:
        return baca_tambahan(s, ui.baca_periode(nama, tahun), tw)


@st.cache_data(show_spinner=False, max_entries=2)
def templat_tersimpan(kunci: str) -> bytes | None:
    """The kabupaten's deck template (one for every kecamatan: cached once per data revision)."""
    with ui.sesi() as s:
        return templat.baca(s)


@st.cache_data(show_spinner=False, max_entries=32)
def berkas(format: str, nama: str, tahun: int, tw: int, kunci: str, _b: Bahan) -> bytes:
    """The file of one format, built once per period and data revision (`_b` is not part of the key)."""
    return buat(format, _b)


def siapkan(format: str, nama: str, tahun: int, tw: int, kunci: str, b: Bahan) -> None:
    """On click, before the rerun: build (or take from the cache) the file the browser is fetching, so that a
    failure is shown in words on the page; the download itself shows only a short English notice."""
    galat = st.session_state.setdefault("laporan_galat", {})
    try:
        berkas(format, nama, tahun, tw, kunci, b)
        galat.pop(format, None)
    except EksporError as exc:
        logging.getLogger("pantau").error("export %s failed: %s", format, exc.__cause__ or exc, exc_info=exc)
        galat[format] = ((nama, tahun, tw, kunci), str(exc))


@st.cache_data(show_spinner=False, max_entries=32)
def isi_lkjip(nama: str, tahun: int, tw: int, kunci: str, _b: Bahan) -> tuple[int, int]:
    """How many numbered tables and figures the LKjIP draft has (its plan, without drawing it)."""
    d = rencana_lkjip(_b)
    return len(d.tabel()), len(d.gambar())


kunci = ui.kunci()
b = Bahan(periode=p, data=data, triwulan=tw, waktu=datetime.now().astimezone(), templat=templat_tersimpan(kunci),
          **tambahan(nama, tahun, tw, kunci))
salindia = rencana_dek(b)

st.subheader("Unduhan")
st.caption(f"Angka kumulatif s.d. {fmt.triwulan(tw)} {tahun}, sama dengan halaman Ringkasan. Buku kerja untuk "
           "diperiksa (Inspektorat), dek untuk rapat evaluasi (bisa diubah di PowerPoint), CSV untuk diolah lagi, "
           "draf LKjIP untuk laporan kinerja tahunan.")
UNDUHAN = [
    ("xlsx", "Buku kerja Excel (.xlsx)", ":material/table_view:",
     "Lembar Ringkasan, IKU, Anggaran, SKM, Desa, Peringatan dan Sumber Data."),
    ("pptx", "Dek PowerPoint (.pptx)", ":material/slideshow:",
     f"{len(salindia)} salindia 16:9 dengan grafik dan tabel yang bisa diubah."),
    ("csv", "Semua tabel, CSV (.zip)", ":material/folder_zip:",
     "Satu berkas CSV per tabel (pemisah ;, UTF-8): terbuka langsung di Excel berbahasa Indonesia."),
    ("docx", "Draf LKjIP, Word (.docx)", ":material/description:",
     "Laporan Kinerja {}: Ikhtisar Eksekutif, Bab I–IV dan Lampiran, {} tabel dan {} gambar bernomor, "
     "daftar isi Word.".format(label_periode(tahun, tw), *isi_lkjip(nama, tahun, tw, kunci, b))),
]
for kolom, (format, label, ikon, keterangan) in zip(st.columns(len(UNDUHAN)), UNDUHAN):
    with kolom:
        st.download_button(label, data=lambda f=format: berkas(f, nama, tahun, tw, kunci, b),
                           file_name=nama_berkas(format, nama, tahun, tw), mime=MIME[format], icon=ikon,
                           key=f"laporan_unduh_{format}", type="primary" if format == "pptx" else "secondary",
                           width="stretch", on_click=siapkan, args=(format, nama, tahun, tw, kunci, b))
        gagal = st.session_state.get("laporan_galat", {}).get(format)
        if gagal and gagal[0] == (nama, tahun, tw, kunci):
            st.error(gagal[1], icon=":material/error:")
        st.caption(keterangan)

# ---------------------------------------------------------------- the check of a finished report (issue 10 §2)


@st.cache_data(show_spinner="Memeriksa laporan…", max_entries=8)
def periksa_laporan(isi: bytes, nama_file: str, pembanding: str, kunci: str, _p) -> pl.HasilPeriksa | str:
    """The check of an uploaded report (keyed by its bytes and the data revision), or the refusal message."""
    try:
        return pl.periksa(isi, nama_file, periode=_p)
    except pl.BerkasDitolak as exc:
        return str(exc)


st.subheader("Periksa laporan kinerja yang sudah jadi")
st.caption("Unggah LKjIP buatan sendiri (Word .docx, atau buku kerja Excel .xlsx tempat tabelnya diketik). Setiap "
           "tabel capaian, anggaran, SKM dan efisiensi dihitung ulang dari angka tercetaknya sendiri: capaian dari "
           "target dan realisasi, persentase dan sisa dari pagu dan realisasi, jumlah dari rinciannya, IKM dari NRR.")
maks_mb = min(p.setelan.ukuran_file_maks_mb, pl.berkas.UKURAN_MAKS // (1024 * 1024))
unggahan = st.file_uploader(f"Berkas laporan (.docx atau .xlsx), paling besar {fmt.angka_ringkas(maks_mb)} MB",
                            type=["docx", "xlsx", "doc", "xls"], key="laporan_periksa_berkas",
                            max_upload_size=max(1, int(maks_mb)))
bandingkan = st.toggle(f"Bandingkan juga dengan data Kecamatan {fmt.md(nama)} tahun {tahun} di basis data",
                       value=True, key="laporan_periksa_bandingkan")
if unggahan is not None:
    hasil = periksa_laporan(unggahan.getvalue(), unggahan.name, f"{nama}|{tahun}" if bandingkan else "",
                            kunci, p if bandingkan else None)
    if isinstance(hasil, str):
        st.error(teks_polos(hasil), icon=":material/error:")
    else:
        with st.container(horizontal=True):
            st.metric("Tabel dibaca", len(hasil.tabel), border=True)
            st.metric("Tabel diperiksa", len(hasil.diperiksa), border=True)
            st.metric("Temuan", len(hasil.temuan), border=True)
        st.caption(ringkasan(hasil))
        if hasil.temuan:
            lebar = {"Tabel": 190, "Baris": 190, "Kolom": 110, "Tercetak": 120, "Seharusnya": 120, "Selisih": 100,
                     "Penjelasan": 520}
            st.dataframe(tabel_temuan(hasil), hide_index=True, width="stretch", key="laporan_periksa_temuan",
                         column_config={k: st.column_config.TextColumn(width=v) for k, v in lebar.items()})
        else:
            st.success("Tidak ada angka yang menyimpang di tabel yang diperiksa.", icon=":material/check_circle:")
        st.download_button("Unduh hasil pemeriksaan (.xlsx)", data=lambda: pl.buku_kerja(hasil),
                           file_name=nama_unduhan(hasil.nama_file), mime=MIME["xlsx"], icon=":material/download:",
                           key="laporan_periksa_unduh", on_click="ignore")
        if hasil.tidak_diperiksa:
            with st.expander(f"Tidak diperiksa: {len(hasil.tidak_diperiksa)} tabel yang bukan tabel capaian, "
                             "anggaran, SKM atau efisiensi"):
                st.dataframe(tabel_tidak_diperiksa(hasil), hide_index=True, width="stretch",
                             key="laporan_periksa_lain")

# ---------------------------------------------------------------- the deck's slides, last: the longest part

st.subheader("Isi dek rapat evaluasi")
if b.templat is not None:
    st.caption("Dek memakai templat presentasi kabupaten (diatur di halaman Pengaturan).")
else:
    st.caption("Dek memakai desain bawaan; templat kabupaten dapat diunggah di halaman Pengaturan.")
for nomor, s in enumerate(salindia, start=1):
    with st.container(border=True):
        st.markdown(f"**{nomor}. {fmt.md(s.judul)}**")
        if s.subjudul:
            st.caption(" · ".join(fmt.md(b) for b in s.subjudul.split("\n")))
        isi = s.pratinjau()
        if isi:
            st.markdown("\n".join(f"- {fmt.md(baris)}" for baris in isi))
