"""Anggaran: budget absorption s.d. the chosen triwulan, against the plan, by program and by jenis belanja."""

import streamlit as st

from dashboard import analisis_anggaran as aa
from dashboard import format as fmt
from dashboard import ui
from dashboard.ringkasan import jenis_belanja, skala_bands
from dashboard.tabel import tabel_peringatan

LEBAR = {"Uraian": 330, "Kode": 115}

nama, tahun, tw, data, p = ui.buka_halaman("Anggaran")

a = data["_anggaran"]
jenis, pohon = a["pohon"], a["_simpul"]
if not pohon:
    ui.kosong(f"Belum ada data anggaran Kecamatan {fmt.md(nama)} untuk tahun {tahun}.",
              "Unggah pagu dan realisasi anggaran (ekspor SIPD/FMIS atau LRA) di halaman **Unggah Data**.")
    st.stop()

bands = skala_bands(p, p.setelan.skala_serapan)
ada = tw in a["triwulan_data"]
per_tw = aa.per_triwulan(p)
tw_ada = aa.keterangan_triwulan(a["triwulan_data"])
acuan = aa.acuan_waktu(tw)

st.caption(f"Dihitung dari {aa.NAMA_POHON[jenis]}. Induk dihitung dari jumlah rinciannya. "
           f"Kategori serapan: skala {fmt.md(p.setelan.skala_serapan)}.")

if not ada:
    hanya_akhir = a["triwulan_data"] == [4]
    ui.kosong(f"Serapan s.d. {fmt.triwulan(tw)}: **belum ada data**. Realisasi anggaran tahun {tahun} yang sudah "
              f"diunggah: {tw_ada}."
              + (" Kecamatan ini baru mengunggah laporan realisasi akhir tahun (LRA), jadi TW I–III belum ada "
                 "datanya." if hanya_akhir else ""),
              "Unggah realisasi per triwulan (kumulatif s.d. triwulan dari SIPD/FMIS) di halaman **Unggah Data**.")

# ---------------------------------------------------------------- key figures
kartu = st.columns(4)
sisa = per_tw[tw - 1]["sisa"]
kartu[0].metric(f"Serapan s.d. {fmt.triwulan(tw)}", fmt.persen(a["serapan"]) if ada else fmt.KOSONG,
                delta=fmt.md(a["kategori"]) if ada else aa.BELUM_ADA, delta_color="off", delta_arrow="off", border=True,
                help="Realisasi kumulatif dibagi pagu (perubahan bila ada).")
# One money scale for the cards (the pagu's): `Rp 0,96 M` beside `Rp 8,10 M`, not `Rp 961,70 jt`.
skala = a["pagu"]
kartu[1].metric("Pagu", fmt.rupiah_ringkas(a["pagu"], skala), border=True, help=fmt.rupiah(a["pagu"]))
kartu[2].metric(f"Realisasi s.d. {fmt.triwulan(tw)}", fmt.rupiah_ringkas(a["realisasi"], skala) if ada else fmt.KOSONG,
                delta=f"sisa {fmt.rupiah_ringkas(sisa, skala)}" if ada else aa.BELUM_ADA, delta_color="off",
                delta_arrow="off", border=True,
                help=f"Realisasi {fmt.rupiah(a['realisasi'])}; sisa {fmt.rupiah(sisa)}." if ada else None)
if a["deviasi"] is not None:
    kartu[3].metric("Deviasi thd rencana", fmt.rupiah_ringkas(a["deviasi"], skala), border=True,
                    delta=f"{fmt.persen(per_tw[tw - 1]['terhadap_rencana'])} dari rencana",
                    delta_color="off", delta_arrow="off",
                    help=f"Realisasi kumulatif dikurangi rencana kumulatif (anggaran kas) {fmt.rupiah(a['rencana'])}: "
                         f"{fmt.rupiah(a['deviasi'])}.")
else:
    lag = per_tw[tw - 1]["ketertinggalan"]
    kartu[3].metric("Thd waktu berjalan", fmt.poin(lag) if lag is not None else "—", border=True,
                    help=f"Serapan dikurangi acuan waktu {fmt.persen(acuan, 0)} (25 % per triwulan yang berlalu). "
                         "Anggaran kas (rencana) belum diunggah, jadi deviasi terhadap rencana tidak dihitung.")

# ---------------------------------------------------------------- per TW against the plan
kiri, kanan = st.columns([3, 2])
with kiri:
    df_kumulatif = aa.data_kumulatif(per_tw, tw)
    if df_kumulatif.empty:
        st.markdown("**Realisasi kumulatif terhadap rencana (anggaran kas) per triwulan**")
        ui.kosong(f"Belum ada realisasi s.d. {fmt.triwulan(tw)} dan belum ada anggaran kas untuk digambar.")
    else:
        ui.grafik_dari(aa.grafik_kumulatif, df_kumulatif, a["pagu"])
    if not df_kumulatif.empty and not any(b["rencana"] is not None for b in per_tw):
        st.caption("Garis rencana tidak tampil: anggaran kas (rencana penarikan per triwulan) belum diunggah.")
with kanan:
    if jenis == "program" and a["program"]:
        judul_bagian, bagian = "Serapan per program", a["program"]
    else:
        judul_bagian, bagian = "Serapan per jenis belanja", jenis_belanja(p, tw)
    df_bagian = aa.data_serapan(bagian, bands)
    if ada and df_bagian["serapan"].notna().any():
        ui.grafik_dari(aa.grafik_serapan, df_bagian, tw, f"{judul_bagian} s.d. {fmt.triwulan(tw)}")
        st.caption(f"Garis tegak pada setiap batang: waktu berjalan {fmt.persen(acuan, 0)}.")
    else:
        st.markdown(f"**{judul_bagian} s.d. {fmt.triwulan(tw)}**")
        ui.kosong(f"Belum ada data realisasi s.d. {fmt.triwulan(tw)}.")

df_tw = aa.tabel_triwulan(per_tw)
with st.expander("Angka per triwulan"):
    ui.tabel(df_tw)
    ui.unduh_csv(df_tw, f"anggaran_triwulan_{nama}_{tahun}.csv", key="anggaran_unduh_tw")

# ---------------------------------------------------------------- the tree
st.subheader("Rincian anggaran")
tingkat = aa.daftar_tingkat(pohon)
baku = tingkat[min(1 if jenis == "program" else 2, len(tingkat) - 1)]
k1, k2 = st.columns([3, 2])
with k1:
    sampai = st.segmented_control("Tampilkan sampai tingkat", tingkat, default=baku, required=True,
                                  key="anggaran_tingkat") or baku
akar = None
if len(pohon) > 1:
    with k2:
        pilihan = ["Semua"] + [s.kode for s in pohon]
        uraian = {s.kode: f"{s.kode} {s.uraian}" for s in pohon}
        dipilih = st.selectbox("Program" if jenis == "program" else "Kelompok", pilihan, key="anggaran_akar",
                               format_func=lambda k: "Semua" if k == "Semua" else uraian[k])
        akar = None if dipilih == "Semua" else dipilih
df_pohon = aa.tabel_pohon(pohon, tw, ada, bands, sampai=sampai, akar=akar)
ui.tabel(df_pohon, tinggi=min(35 * (len(df_pohon) + 1) + 3, 640), lebar=LEBAR, sembunyi=("Tingkat",))
st.caption("Uraian menjorok menurut tingkat. Sisa = pagu − realisasi s.d. triwulan terpilih.")
ui.unduh_csv(df_pohon, f"anggaran_rincian_{nama}_{tahun}_tw{tw}.csv", key="anggaran_unduh_pohon")

# ---------------------------------------------------------------- jenis belanja
st.subheader("Menurut jenis belanja")
df_jenis = aa.tabel_jenis_belanja(jenis_belanja(p, tw), bands)
if df_jenis.empty or set(df_jenis["Jenis Belanja"]) == {"Lainnya"}:
    ui.kosong(aa.SEBAB_TANPA_JENIS[jenis],
              "Unggah ulang anggaran dengan kolom **jenis_belanja** di halaman **Unggah Data**.")
else:
    ui.tabel(df_jenis)
    ui.unduh_csv(df_jenis, f"anggaran_jenis_belanja_{nama}_{tahun}_tw{tw}.csv", key="anggaran_unduh_jenis")

# ---------------------------------------------------------------- least absorbing
label = aa.label_terdalam(jenis, pohon)
st.subheader(f"10 {label} dengan serapan terendah terhadap waktu berjalan")
if jenis == "rekening":
    st.caption("Anggaran ini hanya berkode rekening (seperti LRA), tanpa pohon program, jadi yang diurutkan adalah "
               "baris rekening terdalam, bukan sub kegiatan.")
if not ada:
    ui.kosong(f"Belum ada data realisasi s.d. {fmt.triwulan(tw)}, jadi belum ada yang dapat diurutkan.")
else:
    df_rendah = aa.tabel_terendah(aa.terendah(pohon, tw), tw, bands)
    st.caption(f"Diurutkan menurut serapan dikurangi acuan waktu {fmt.persen(acuan, 0)} (25 % per triwulan yang "
               "berlalu); bila sama, pagu yang lebih besar lebih dulu.")
    ui.tabel(df_rendah, lebar=LEBAR, sembunyi=("Kode", "Induk", "Acuan waktu (%)"))
    ui.unduh_csv(df_rendah, f"anggaran_terendah_{nama}_{tahun}_tw{tw}.csv", key="anggaran_unduh_terendah")

# ---------------------------------------------------------------- warnings
st.subheader("Peringatan data anggaran")
peringatan = aa.peringatan_anggaran(data["peringatan"])
if not peringatan:
    st.success("Tidak ada peringatan data anggaran untuk periode ini.", icon=":material/check_circle:")
else:
    st.caption(f"{len(peringatan)} peringatan: rincian yang tidak sama dengan induknya, realisasi di atas pagu, "
               "atau realisasi kumulatif yang turun. Angka induk selalu dihitung dari rinciannya.")
    df_w = tabel_peringatan(peringatan)
    ui.tabel(df_w)
    ui.unduh_csv(df_w, f"anggaran_peringatan_{nama}_{tahun}_tw{tw}.csv", key="anggaran_unduh_peringatan")
