"""Desa: status of every desa, the rasio desa mandiri, and what holds the others back."""

import streamlit as st

from dashboard import analisis_desa as ad
from dashboard import format as fmt
from dashboard import ui
from dashboard.pemeriksaan import HALAMAN
from dashboard.tabel import publik


@st.cache_data(show_spinner=False, max_entries=64)
def _mandiri_kabupaten(kabupaten: str, tahun: int, dimensi: tuple, kecuali: int, kunci: str):
    with ui.sesi() as s:
        return ad.desa_mandiri_kabupaten(s, kabupaten, tahun, dimensi, kecuali)


nama, tahun, tw, data, p = ui.buka_halaman("Desa")
st.caption(f"Skema status: **{ad.skema_label(p)}** · {ad.teks_ambang(p)}. "
           "Status desa diperbarui setahun sekali; kelurahan dan desa persiapan tidak dihitung dalam rasio.")
if ad.skema_berbeda(p):
    st.warning(f"Status desa {tahun} memakai skema **{ad.skema_label(p)}**, seperti disebut berkasnya, sedangkan "
               f"pengaturan kecamatan memakai {ad.skema_label_setelan(p)}. Status, skor dan ambang di halaman ini "
               "mengikuti skema data.", icon=":material/rule:")

if not p.desa and not p.desa_rekap:
    ui.kosong("Belum ada daftar desa untuk kecamatan ini.",
              "Unggah dataset **desa** (nama desa, jenis, status dan skor Indeks Desa per tahun) di halaman "
              "**Unggah Data**.")
    st.stop()

desa = data["_desa"]
rasio = desa["rasio"]
rekap = desa["sumber"] == "rekap"
lalu = ad.hitung_desa(p, tahun - 1)["rasio"]
perubahan = ad.tabel_perubahan_status(p, tahun)
ind = ad.indikator_rasio(p)
b_iku = ad.iku_rasio(p, tw)


def _selisih(kini, dulu) -> str | None:
    return None if kini is None or dulu is None else f"{fmt.poin(kini - dulu)} dari {tahun - 1}"


with st.container(horizontal=True):
    st.metric(f"Rasio desa mandiri {tahun}", ad.teks_rasio(p, rasio), delta=_selisih(rasio, lalu), border=True,
              **ui.tanpa_panah(None if rasio is None or lalu is None else rasio - lalu),
              help="Desa Mandiri dibagi jumlah desa definitif, dalam persen"
                   + (" (IKU kecamatan ini menuliskannya sebagai rasio: 0,64 = 64 %)." if ad.pakai_rasio(p) else "."))
    st.metric("Desa Mandiri", f"{desa['mandiri']} dari {desa['jumlah']}" if rasio is not None else "—", border=True,
              help=f"{desa['kelurahan']} kelurahan dan {desa['persiapan']} desa persiapan tidak dihitung.")
    st.metric(f"Target IKU {tahun}", fmt.persen(ad.persen_iku(p, b_iku.target)) if b_iku and b_iku.target is not None
              else "tanpa target", border=True,
              delta=f"capaian IKU {fmt.persen(b_iku.capaian)}" if b_iku and b_iku.capaian is not None else None,
              delta_color="off", delta_arrow="off",
              help=(f"{fmt.md(ind.kode)} {fmt.md(ind.nama)}; capaian dari realisasi resmi IKU "
                    f"{fmt.persen(ad.persen_iku(p, b_iku.realisasi))} s.d. {fmt.triwulan(tw)}.") if ind is not None
              else "Kecamatan ini tidak punya IKU rasio desa mandiri.")
    st.metric(f"Berubah status sejak {tahun - 1}", f"{len(perubahan)} desa" if lalu is not None and not rekap else "—",
              border=True, help=None if lalu is not None and not rekap else
              "Rekap jumlah desa per status tidak menyebut desanya." if rekap else f"Status desa {tahun - 1} belum ada.")
if desa["dari_skor"]:
    st.info(f"{desa['dari_skor']} desa punya skor tetapi tanpa status di berkasnya: statusnya ditentukan dari skor "
            f"menurut {ad.skema_label(p)} ({ad.teks_ambang(p)}) dan ditandai *dari skor* di daftar desa.",
            icon=":material/calculate:")

if rasio is None:
    ui.kosong(f"Belum ada status desa untuk tahun {tahun}, jadi rasio desa mandiri belum bisa dihitung.",
              "Unggah dataset **desa** (status dan skor Indeks Desa) untuk tahun ini di halaman **Unggah Data**.")
else:
    kiri, kanan = st.columns(2, gap="medium")
    with kiri:
        ui.grafik_dari(ad.grafik_distribusi, ad.tabel_distribusi(p, tahun), tahun)
    with kanan:
        ui.grafik(ad.grafik_rasio_tahunan(ad.tabel_rasio_tahunan(p), p))
    if rekap:
        ui.kosong(f"Data desa {tahun} berupa **rekap jumlah desa per status** (tanpa nama desa), jadi rincian per "
                  "desa (desa yang belum Mandiri, perubahan status, skor) belum ada untuk tahun ini.",
                  "Unggah dataset **desa** berisi nama desa, skor dan status tahun ini di halaman **Unggah Data**.")

if rasio is not None and not rekap:
    # ------------------------------------------------------------ desa not yet Mandiri
    st.subheader("Desa yang belum Mandiri")
    kab = None
    if ad.perlu_pembanding_kabupaten(p, tahun):
        kab = _mandiri_kabupaten(p.kabupaten, tahun, ad.dimensi_skema(p), p.kecamatan_id, ui.kunci())
    pb = ad.pembanding(p, tahun, kab)
    belum = ad.tabel_belum_mandiri(p, tahun, pb)
    if belum.empty:
        st.success(f"Semua desa yang dihitung berstatus Mandiri pada {tahun}.", icon=":material/check_circle:")
    else:
        if belum["Skor"].notna().any():
            st.caption(f"Kurang ke Mandiri: poin skor yang belum dicapai sampai batas Mandiri "
                       f"({ad.teks_batas_mandiri(p)}). Dimensi penghambat: dimensi yang nilainya paling rendah "
                       "dibanding rata-rata dimensi itu pada desa Mandiri"
                       + (f" se-{pb.lingkup}" if pb.lingkup else "") + f" tahun {tahun}.")
        # Columns without any figure (status-only data, as in the Bati-Bati report) are left off the screen.
        kosong = tuple(c for c in belum.columns if belum[c].isna().all() or set(belum[c]) == {"—"})
        ui.tabel(belum, sembunyi=kosong)
        dims = ", ".join(ad.dimensi_skema(p))
        if belum["Skor"].isna().all():
            ui.kosong(f"Data status desa {tahun} tidak memuat skor, jadi kekurangan skor ke Mandiri dan dimensi "
                      "penghambat belum bisa dihitung.",
                      f"Unggah dataset **desa** dengan kolom skor dan dimensi ({dims}) di halaman **Unggah Data**.")
        elif not pb.desa:
            ui.kosong("Dimensi penghambat belum bisa ditentukan: belum ada desa Mandiri dengan skor dimensi "
                      f"untuk pembanding, di kecamatan ini maupun se-Kabupaten {fmt.md(p.kabupaten)}.",
                      f"Unggah dataset **desa** dengan kolom dimensi ({dims}) di halaman **Unggah Data**.")
        elif pb.lingkup == "kabupaten":
            st.caption(f"Kecamatan ini belum punya desa Mandiri berskor dimensi, jadi pembandingnya "
                       f"{len(pb.desa)} desa Mandiri di kecamatan lain se-Kabupaten {fmt.md(p.kabupaten)}.")
        ui.unduh_csv(publik(belum), f"desa_belum_mandiri_{nama}_{tahun}.csv", key="desa_unduh_belum")

    # ------------------------------------------------------------ status changes
    st.subheader(f"Perubahan status sejak {tahun - 1}")
    if lalu is None:
        ui.kosong(f"Status desa tahun {tahun - 1} belum ada, jadi perubahan status belum bisa dibandingkan.",
                  f"Unggah dataset **desa** untuk tahun {tahun - 1} di halaman **Unggah Data**.")
    elif perubahan.empty:
        st.caption(f"Tidak ada desa yang statusnya berubah dari {tahun - 1} ke {tahun}.")
    else:
        ui.tabel(perubahan)
        ui.unduh_csv(publik(perubahan), f"desa_perubahan_status_{nama}_{tahun}.csv", key="desa_unduh_perubahan")

    skor = ad.grafik_skor(p, tahun)
    if skor is not None:
        ui.grafik(skor)

# ---------------------------------------------------------------- every desa
if p.desa and not rekap:
    st.subheader("Daftar desa dan kelurahan")
    semua = ad.tabel_desa(p, tahun)
    ui.tabel(semua)
    st.caption("Kolom *Dihitung* = tidak untuk kelurahan dan desa persiapan: mereka ditampilkan, tetapi tidak masuk "
               "rasio desa mandiri." + (" *Asal status* dari skor: berkas hanya memberi skornya." if
                                         "Asal status" in semua.columns else ""))
    ui.unduh_csv(publik(semua), f"desa_{nama}_{tahun}.csv", key="desa_unduh")

peringatan = [w for w in data["peringatan"] if HALAMAN.get(w["jenis"]) == "Desa"]
if peringatan:
    with st.expander(f"Peringatan data desa ({len(peringatan)})", icon=":material/report:"):
        ui.peringatan(peringatan, f"peringatan_desa_{nama}_{tahun}.csv", key="desa_unduh_peringatan")
