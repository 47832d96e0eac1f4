"""IKU: every indicator s.d. the chosen triwulan, against its TW targets, last year and the Renstra."""

import streamlit as st

from dashboard import analisis_iku as ai
from dashboard import format as fmt
from dashboard import ui
from dashboard.pemeriksaan import HALAMAN
from dashboard.ringkasan import skala_bands
from dashboard.tabel import publik

nama, tahun, tw, data, p = ui.buka_halaman("Indikator Kinerja Utama")
tersimpan = st.session_state.pop("iku_tersimpan", None)
if tersimpan:
    st.success(f"Faktor dan tindak lanjut {fmt.md(tersimpan)} tersimpan.", icon=":material/check_circle:")

iku = data["_iku"]
baris = iku["baris"]
if not baris:
    ui.kosong(f"Belum ada indikator kinerja untuk tahun {tahun}.",
              "Unggah daftar IKU beserta targetnya (dataset **indikator**) dan realisasinya (dataset **realisasi**) "
              "di halaman **Unggah Data**.")
    st.stop()

baris_iku = [b for b in baris if b.ind.jenis == "iku"]
baris_ik = [b for b in baris if b.ind.jenis != "iku"]
dini = ai.peringatan_dini(baris, tw, skala_bands(p, p.setelan.skala_capaian))
sd = f"s.d. {fmt.triwulan(tw)}"

# ---------------------------------------------------------------- headline
with st.container(horizontal=True):
    st.metric(f"Rata-rata capaian IKU {sd}", fmt.persen(iku["rata_rata_capaian"]), border=True,
              help=f"Rata-rata sederhana capaian IKU yang terukur; indikator pendukung (IK) tidak ikut dirata-ratakan."
                   f" Batas capaian saat dirata-ratakan: {fmt.md(iku['batas_capaian'])}.")
    st.metric("Kategori", fmt.md(iku["kategori"]) or "belum diukur", border=True, help=f"Skala {fmt.md(iku['skala'])}.")
    st.metric("IKU terukur", f"{iku['terukur']} dari {iku['jumlah_iku']}", border=True,
              help=f"IKU yang punya target dan realisasi {sd}.")
    st.metric("Peringatan dini", f"{len(dini)} indikator", border=True,
              help="Indikator yang realisasinya tertinggal dari laju yang dibutuhkan target triwulan (atau target tahunan).")

if dini:
    st.warning("**Peringatan dini: tertinggal dari laju target**\n\n" + "\n".join(f"- {fmt.md(d['pesan'])}" for d in dini),
               icon=":material/warning:")
belum = [b for b in baris_iku if b.capaian is None]
if belum:
    ui.kosong(f"Belum diukur {sd}: " + "; ".join(f"**{fmt.md(b.ind.kode)}** {fmt.md(b.ind.nama)}" for b in belum) + ". "
              "Indikator ini tidak ikut dirata-ratakan sampai ada target dan realisasinya.",
              "Realisasi diunggah di halaman **Unggah Data** (dataset **realisasi**).")

# ---------------------------------------------------------------- overview tables
st.subheader(f"Capaian per indikator {sd}")
df_iku = ai.tabel_capaian(baris_iku)
if df_iku.empty:
    ui.kosong(f"Belum ada IKU untuk tahun {tahun}; yang ada hanya indikator pendukung (IK).",
              "Tandai indikator utama dengan jenis `iku` saat mengunggah dataset **indikator**.")
else:
    ui.tabel(df_iku, sembunyi=("Jenis", "Polaritas"))
if baris_ik:
    st.markdown("**Indikator kinerja pendukung (IK)** · ditampilkan, tidak dihitung dalam rata-rata capaian IKU")
    ui.tabel(ai.tabel_capaian(baris_ik), sembunyi=("Jenis", "Polaritas"))
ui.unduh_csv(publik(ai.tabel_capaian(baris)), f"iku_{nama}_{tahun}_tw{tw}.csv", key="iku_unduh")


# ---------------------------------------------------------------- per indicator
def _simpan(ind, teks: dict) -> None:
    """Save the faktor texts through the import engine; on success clear the caches and rerun."""
    try:
        hasil = ai.simpan_faktor(nama, ind, tahun, tw, teks, pengguna=ui.pelaku())
    except ImportError:
        st.error("Penyimpanan belum tersedia: mesin impor belum terpasang di aplikasi ini.", icon=":material/error:")
        return
    galat = list(getattr(hasil, "galat", None) or [])
    if galat:
        st.error("Isian ditolak, tidak ada yang disimpan:\n\n" + "\n".join(f"- {fmt.md(g.pesan)}" for g in galat),
                 icon=":material/error:")
        return
    st.session_state["iku_tersimpan"] = f"{ind.kode} {fmt.triwulan(tw)} {tahun}"
    ui.hapus_cache()
    st.rerun()


def _faktor(b) -> None:
    """The TW's faktor texts as written, and (for users allowed to edit) the form that changes them."""
    ind = b.ind
    isian = ai.isian_faktor(ind, tahun, tw)
    kolom = st.columns(3)
    for k, (kunci, label) in zip(kolom, ai.KOLOM_FAKTOR.items()):
        with k:
            st.markdown(f"**{label}**")
            teks = getattr(isian, kunci) if isian else None
            if teks:
                st.markdown(fmt.md(teks, baris=True))
            else:
                st.caption("belum diisi")
    if isian is not None and isian.keterangan:
        st.caption(f"Keterangan {fmt.triwulan(tw)}: {fmt.md(isian.keterangan)}")
    if not ai.boleh_ubah_faktor(ui.pelaku(), p.kecamatan_id):
        return
    with st.expander(f"Ubah faktor dan tindak lanjut {fmt.triwulan(tw)}", icon=":material/edit:"):
        with st.form(f"iku_faktor_{ind.kode}_{tahun}_{tw}", border=False):
            kolom = st.columns(3)
            teks = {}
            for k, (kunci, label) in zip(kolom, ai.KOLOM_FAKTOR.items()):
                with k:
                    teks[kunci] = st.text_area(label, value=(getattr(isian, kunci) if isian else None) or "",
                                               height=120, key=f"iku_{kunci}_{ind.kode}_{tahun}_{tw}")
            kirim = st.form_submit_button("Simpan", icon=":material/save:", type="primary",
                                          key=f"iku_simpan_{ind.kode}_{tahun}_{tw}")
        nilai = isian.nilai if isian else None
        st.caption("Disimpan sebagai impor manual: tercatat di riwayat unggahan dan bisa dibatalkan. "
                   + (f"Nilai realisasi {fmt.nilai(nilai, ind.satuan)} tidak berubah." if nilai is not None
                      else f"Realisasi {fmt.triwulan(tw)} belum ada dan tetap kosong."))
    if kirim:
        if not ai.faktor_berubah(ind, tahun, tw, teks):
            st.info("Tidak ada perubahan untuk disimpan.")
        else:
            _simpan(ind, teks)


ARTI_AGREGASI = {"terakhir": "nilai TW terakhir", "jumlah": "jumlah nilai TW", "rata_rata": "rata-rata nilai TW"}


def _rincian(b) -> None:
    """One indicator: its figures, the TW chart and table, the Renstra, the history and the faktor texts."""
    ind = b.ind
    st.markdown(f"#### {fmt.md(ind.kode)} · {fmt.md(ind.nama)}")
    keterangan = [
        "IKU" if ind.jenis == "iku" else "IK pendukung (tidak dirata-ratakan)",
        f"satuan {fmt.md(ind.satuan) or '—'}",
        "polaritas positif (makin tinggi makin baik)" if ind.polaritas != "negatif"
        else "polaritas negatif (makin rendah makin baik)",
        f"s.d. TW = {ARTI_AGREGASI.get(ind.agregasi, fmt.md(ind.agregasi))}",
    ]
    if ind.sasaran:
        keterangan.append(f"sasaran: {fmt.md(ind.sasaran)}")
    st.caption(" · ".join(keterangan))
    if b.jumlah_versi > 1:
        versi = ind.target_versi[tahun]
        st.caption(":material/history: Target berubah dalam tahun ini: "
                   + " → ".join(f"{fmt.md(v.versi) or 'tanpa versi'} {fmt.nilai(v.target, ind.satuan)}" for v in versi)
                   + f". Yang dipakai: versi terbaru ({fmt.md(versi[-1].versi) or 'tanpa versi'}).")

    with st.container(horizontal=True):
        st.metric(f"Target {sd}", fmt.nilai(b.target, ind.satuan), border=True,
                  help=f"Target tahunan {fmt.nilai(b.target_tahunan, ind.satuan)}.")
        st.metric(f"Realisasi {sd}", fmt.nilai(b.realisasi, ind.satuan) if b.realisasi is not None else "belum diukur",
                  border=True)
        st.metric("Capaian", fmt.persen(b.capaian) if b.capaian is not None else "belum diukur", border=True,
                  delta=fmt.md(b.kategori) or None, delta_color="off", delta_arrow="off")
        st.metric("Terhadap target akhir Renstra", fmt.persen(b.capaian_renstra), border=True,
                  delta=f"target {fmt.nilai(b.target_renstra, ind.satuan)}" if b.target_renstra is not None else None,
                  delta_color="off", delta_arrow="off",
                  help=None if b.target_renstra is not None else "Target akhir Renstra belum diunggah.")

    kiri, kanan = st.columns(2, gap="medium")
    with kiri:
        df_grafik = ai.data_grafik(p, ind, tw)
        if df_grafik.empty:
            ui.kosong("Belum ada target maupun realisasi per triwulan untuk grafik.")
        else:
            ui.grafik(ai.grafik_triwulan(df_grafik, ind, tahun))
    with kanan:
        df_tw = ai.tabel_triwulan(p, ind, tw)
        ui.tabel(df_tw)
        ui.unduh_csv(publik(df_tw), f"iku_{ind.kode}_triwulan_{nama}_{tahun}.csv", key=f"iku_unduh_tw_{ind.kode}")
        if b.capaian_renstra is not None:
            st.progress(min(max(b.capaian_renstra / 100, 0.0), 1.0),
                        text=f"Menuju target akhir Renstra {fmt.nilai(b.target_renstra, ind.satuan)}: "
                             f"{fmt.persen(b.capaian_renstra)} dari jalan")
        with st.expander("Riwayat tahunan dan versi target"):
            df_riwayat = ai.tabel_riwayat(p, ind, tw)
            ui.tabel(df_riwayat)
            ui.unduh_csv(publik(df_riwayat), f"iku_{ind.kode}_riwayat_{nama}.csv", key=f"iku_unduh_riwayat_{ind.kode}")
            if b.jumlah_versi:
                st.caption(f"Versi target {tahun}")
                df_versi = ai.tabel_versi_target(ind, tahun)
                ui.tabel(df_versi)
                ui.unduh_csv(publik(df_versi), f"iku_{ind.kode}_versi_target_{nama}_{tahun}.csv",
                             key=f"iku_unduh_versi_{ind.kode}")

    st.markdown(f"**Faktor pendorong, penghambat dan tindak lanjut** · {fmt.triwulan(tw)} {tahun}")
    _faktor(b)


st.subheader("Rincian per indikator")
# One tab per indicator, drawn only when open: a kecamatan may have many indicators, each with a chart.
tab = st.tabs([fmt.md(ai.label_tab(b.ind)) for b in baris], key="iku_rincian", on_change="rerun")
for t, b in zip(tab, baris):
    if t.open:
        with t:
            _rincian(b)

# ---------------------------------------------------------------- data warnings of this page
peringatan = [w for w in data["peringatan"] if HALAMAN.get(w["jenis"]) == "IKU"]
if peringatan:
    st.divider()
    with st.expander(f"Peringatan data IKU ({len(peringatan)})", icon=":material/report:"):
        ui.peringatan(peringatan, f"peringatan_iku_{nama}_{tahun}_tw{tw}.csv", key="iku_unduh_peringatan")
