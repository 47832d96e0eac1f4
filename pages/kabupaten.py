"""Kabupaten: every kecamatan of the chosen kecamatan's kabupaten, side by side, s.d. the chosen triwulan."""

import streamlit as st

from dashboard import analisis_kabupaten as ak
from dashboard import format as fmt
from dashboard import ui
from dashboard.tabel import publik


@st.cache_data(show_spinner="Membandingkan kecamatan…", max_entries=32)
def banding(ids: tuple[int, ...], tahun: int, tw: int, acuan: str, kunci: str) -> ak.Perbandingan:
    with ui.sesi() as s:
        periode = ak.muat_kabupaten(s, list(ids), tahun)
    return ak.bandingkan(periode, tw, acuan)


@st.cache_data(show_spinner=False, max_entries=32)
def grafik(ids: tuple[int, ...], tahun: int, tw: int, acuan: str, kunci: str) -> list:
    """The five bar charts, kept between runs: building Altair charts costs more than the figures themselves."""
    hasil = banding(ids, tahun, tw, acuan, kunci)
    return [ak.grafik_kabupaten(hasil, u) for u in ak.UKURAN]


frame = ui.perlu_frame()
if frame is None:
    st.stop()
nama, tahun, tw = frame
kab, anggota = ak.anggota(ui.baca_kecamatan(), nama)
kunci_data = (tuple(sorted(k["id"] for k in anggota)), tahun, tw, nama, ui.kunci())
hasil = banding(*kunci_data)

st.title(f"Perbandingan Kecamatan · Kabupaten {fmt.md(kab)}")
ada = [b for b in hasil.baris if b.ada_data]
st.caption(f"{fmt.triwulan(tw)} {tahun} (kumulatif s.d. {fmt.triwulan(tw)}) · {len(hasil.baris)} kecamatan, "
           f"{len(ada)} dengan data untuk periode ini · kecamatan terpilih: **{fmt.md(nama)}** (tercetak tebal)")
sintetis = [b.kecamatan for b in hasil.baris if b.sintetis]
if sintetis:
    semua = len(sintetis) == len(hasil.baris)
    st.warning(("Semua kecamatan di kabupaten ini berisi **data sintetis**" if semua else
                f"Berisi **data sintetis**, bukan data sebenarnya: {', '.join(map(fmt.md, sintetis))}") +
               (" untuk contoh, bukan data sebenarnya." if semua else "."), icon=":material/science:")

if not ada:
    ui.kosong(f"Belum ada data untuk {fmt.triwulan(tw)} {tahun} di kecamatan mana pun di Kabupaten {fmt.md(kab)}.",
              "Pilih tahun lain di samping, atau unggah data kecamatan di halaman **Unggah Data**.")
    st.stop()

rata = hasil.rata
kartu = st.columns(5)
isi = [
    ("iku", "Capaian IKU", fmt.persen(rata.iku),
     rata.kategori_iku and f"{fmt.md(rata.kategori_iku)} (skala {fmt.md(hasil.skala_capaian)})"),
    ("serapan", "Serapan", fmt.persen(rata.serapan),
     " · ".join(x for x in (f"kumulatif s.d. {fmt.triwulan(tw)}", fmt.md(rata.kategori_serapan)) if x)),
    ("desa", "Desa mandiri", fmt.persen(rata.desa), "rasio desa mandiri"),
    ("efisiensi", "Efisiensi", fmt.efisiensi(rata.efisiensi, hasil.metode),
     " · ".join(x for x in (ak.NAMA_METODE[hasil.metode], rata.kategori_efisiensi) if x)),
    ("ikm", "IKM", fmt.angka(rata.ikm) + (f" ({rata.mutu})" if rata.mutu else ""),
     rata.kinerja and f"Mutu {rata.kinerja}"),
]
for k, (u, label, nilai, ket) in zip(kartu, isi):
    jumlah = sum(1 for b in ak.dasar_rata(hasil) if b.nilai(u) is not None)
    with k:
        st.metric(label, nilai, border=True,
                  help=f"Rata-rata sederhana {jumlah} kecamatan yang punya angka ini." + (f" {ket}." if ket else ""))
st.caption("Angka kartu: rata-rata kabupaten (rata-rata sederhana kecamatan yang punya data"
           + (", tanpa kecamatan sintetis). " if hasil.tanpa_sintetis else "). ")
           + f"Efisiensi semua kecamatan dihitung dengan {ak.NAMA_METODE[hasil.metode]} "
           f"(pengaturan Kecamatan {fmt.md(nama)}) agar dapat dibandingkan.")

st.subheader("Peringkat kecamatan")
urut = st.selectbox("Urutkan menurut", list(ak.UKURAN), format_func=lambda k: ak.judul_ukuran(k, hasil),
                    key="kabupaten_urut")
df = ak.tabel_kabupaten(hasil, urut)
ui.tabel(df, tinggi=36 * (len(df) + 1) + 3, sembunyi=ak.KOLOM_CSV_SAJA,
         lebar={"Peringkat": 80, "Kecamatan": 150, "Keterangan": 190})
st.caption("Warna sel = kategori menurut skala yang berlaku di tiap kecamatan (baris rata-rata: skala Kecamatan "
           f"{fmt.md(nama)}, capaian {fmt.md(hasil.skala_capaian)}); efisiensi hijau bila efisien; IKM menurut mutu. Label kategori "
           "ada di unduhan CSV.")
ui.unduh_csv(publik(df), f"kabupaten_{kab}_{tahun}_tw{tw}.csv", key="unduh_kabupaten")
tanpa = [b.kecamatan for b in hasil.baris if not b.ada_data]
if tanpa:
    st.caption(f"Belum ada data {fmt.triwulan(tw)} {tahun}: {', '.join(map(fmt.md, tanpa))}. Unggah datanya di halaman "
               "**Unggah Data**.")

st.subheader("Grafik per ukuran")
st.caption("Batang diurutkan dari yang terbaik; garis putus-putus = rata-rata kabupaten; warna = kategori.")
daftar = grafik(*kunci_data)
for i in range(0, len(daftar), 2):
    for k, u, chart in zip(st.columns(2, gap="large"), list(ak.UKURAN)[i:i + 2], daftar[i:i + 2]):
        with k:
            if chart is None:  # no kecamatan has this figure for the period: no empty axis
                st.markdown(f"**{ak.judul_ukuran(u, hasil)}**")
                ui.kosong(f"Belum ada kecamatan dengan angka ini untuk {fmt.triwulan(tw)} {tahun}.")
            else:
                ui.grafik(chart)
