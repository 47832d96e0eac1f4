"""SKM: the Indeks Kepuasan Masyarakat per triwulan and s.d. the chosen triwulan, per unsur and per layanan."""

import streamlit as st

from dashboard import analisis_skm as asm
from dashboard import format as fmt
from dashboard import ui
from dashboard.skm import mutu

PER_HALAMAN = 25


@st.cache_data(show_spinner=False, max_entries=128)
def _layanan(kecamatan_id: int, tahun: int, tw: int, kunci: str) -> list[dict]:
    with ui.sesi() as s:
        return asm.query_layanan(s, kecamatan_id, tahun, tw)


@st.cache_data(show_spinner=False, max_entries=128)
def _profil(kecamatan_id: int, tahun: int, tw: int, kunci: str) -> list[dict]:
    with ui.sesi() as s:
        return asm.query_profil(s, kecamatan_id, tahun, tw)


@st.cache_data(show_spinner=False, max_entries=128)
def _saran(kecamatan_id: int, tahun: int, tw: int, kunci: str) -> list[dict]:
    with ui.sesi() as s:
        return asm.query_saran(s, kecamatan_id, tahun, tw)


nama, tahun, tw, data, p = ui.buka_halaman("Survei Kepuasan Masyarakat")

skm = data["_skm"]
label_tw = fmt.triwulan(tw)
if not skm["_tw"] and skm["_menunggu"]:
    st.info(f"SKM Kecamatan {nama} {tahun}: {skm['_jadwal']}. Belum ada hasil yang jatuh s.d. {label_tw}, "
            "jadi triwulan sebelumnya bukan data yang hilang.", icon=":material/event_available:")
    st.stop()
if not skm["_tw"]:
    ada_lain = sorted(t for t in p.skm if t > tw)
    ui.kosong(f"Belum ada data SKM Kecamatan {fmt.md(nama)} s.d. {label_tw} {tahun}."
              + (f" Data yang sudah ada: {', '.join(fmt.triwulan(t) for t in ada_lain)}." if ada_lain else ""),
              "Unggah jawaban responden (satu baris per responden) atau rekap NRR per unsur di halaman "
              "**Unggah Data**.")
    st.stop()

kini = skm["_tw"].get(tw)
mutu_kini = mutu(kini.ikm) if kini else None
mentah = asm.ada_jawaban(skm)

# ---------------------------------------------------------------- key figures
kartu = st.columns(4)
kartu[0].metric(f"IKM s.d. {label_tw}", fmt.angka(skm["ikm"]),
                delta=f"Mutu {skm['mutu']} ({skm['kinerja']})" if skm["mutu"] else None,
                delta_color="off", delta_arrow="off", border=True,
                help="Rata-rata IKM triwulan yang ada s.d. triwulan terpilih, seperti laporan.")
kartu[1].metric(f"IKM {label_tw}", fmt.angka(kini.ikm) if kini else fmt.KOSONG,
                delta=f"Mutu {mutu_kini.kode} ({mutu_kini.kinerja})" if mutu_kini else
                asm.BELUM_ADA if tw in skm["triwulan_survei"] else asm.TANPA_SURVEI,
                delta_color="off", delta_arrow="off", border=True, help="Nilai triwulan itu saja.")
mutu_gabungan = mutu(skm["ikm_gabungan"])
kartu[2].metric("IKM gabungan", fmt.angka(skm["ikm_gabungan"]),
                delta=f"Mutu {mutu_gabungan.kode} ({mutu_gabungan.kinerja})" if mutu_gabungan
                else "tidak dapat dihitung",
                delta_color="off", delta_arrow="off", border=True,
                help="Dari semua jawaban periode sekaligus (atau NRR per unsur ditimbang jumlah responden). "
                     "Tidak dapat dihitung bila ada triwulan yang hanya berisi IKM tercetak, tanpa NRR per unsur "
                     "dan jumlah respondennya.")
minimum = asm.sampel_triwulan(p.setelan.skm_populasi, skm["periode"])
per = {"tahunan": "per survei tahunan", "semester": "per semester"}.get(skm["periode"], "per triwulan")
kartu[3].metric(f"Responden s.d. {label_tw}", fmt.angka(skm["responden"], 0),
                delta=f"minimum {fmt.angka(minimum, 0)} {per}" if minimum else "sampel minimum tidak diketahui",
                delta_color="off", delta_arrow="off", border=True)
if skm["periode"] in asm.NAMA_PERIODE:
    st.info(f"Kecamatan ini melakukan {skm['_jadwal']}. Hasilnya ditampilkan pada triwulan itu; triwulan lain "
            f"bertanda *{asm.TANPA_SURVEI}*, bukan data yang hilang.", icon=":material/event_available:")

st.caption(
    f"IKM = (Σ NRR unsur × bobot) × 25, dengan bobot **{asm.nama_bobot(skm['bobot'])}** (diatur di halaman Pengaturan, tab Cara menghitung). "
    f"IKM s.d. {label_tw} adalah rata-rata IKM triwulan seperti di laporan, sedangkan IKM gabungan menghitung semua "
    "jawaban periode sekaligus, sehingga triwulan dengan responden lebih banyak berbobot lebih besar.")

for s in asm.selisih_tercetak(skm):
    st.warning(f"**{fmt.triwulan(s['triwulan'])}**: IKM tercetak **{fmt.angka(s['tercetak'])}** adalah angka resmi; "
               f"IKM yang dihitung ulang dari NRR per unsur yang tercetak adalah {fmt.angka(s['dihitung'])}. "
               "Angka tercetak dihitung dari jawaban yang belum dibulatkan, jadi tetap dipakai.",
               icon=":material/rule:")

# ---------------------------------------------------------------- IKM per TW
kiri, kanan = st.columns([3, 2])
with kiri:
    ui.grafik_dari(asm.grafik_ikm, asm.data_ikm(skm, tw), skm["ikm"], tw)
with kanan:
    st.markdown(f"**IKM per triwulan s.d. {label_tw}**")
    df_ikm = asm.tabel_ikm_triwulan(skm, tw)
    ui.tabel(df_ikm, sembunyi=("Sumber", "Responden"))
    st.caption(f"Mutu (PermenPANRB 14/2017): A ≥ 88,31 · B ≥ 76,61 · C ≥ 65,00 · D di bawahnya. "
               f"Sumber: {asm.keterangan_sumber(df_ikm)}."
               + (" *IKM dari NRR*: dihitung ulang dari NRR per unsur yang tercetak; angka resmi tetap IKM tercetak."
                  if "IKM dari NRR" in df_ikm.columns else ""))
    ui.unduh_csv(df_ikm, f"ikm_triwulan_{nama}_{tahun}_tw{tw}.csv", key="skm_unduh_ikm")

# ---------------------------------------------------------------- NRR per unsur
st.subheader("Nilai per unsur")
df_nrr = asm.tabel_nrr(skm, p.setelan, tw)
ekstrem = asm.ekstrem(skm, p.setelan)
if ekstrem is None:
    ui.kosong(f"Belum ada NRR per unsur s.d. {label_tw}: data SKM periode ini hanya berisi IKM tercetak.",
              "Unggah rekap NRR per unsur atau jawaban responden di halaman **Unggah Data**.")
else:
    rendah, tinggi = ekstrem["terendah"], ekstrem["tertinggi"]
    st.markdown(f"Unsur **terendah**: {fmt.md(rendah[1])} (NRR {fmt.angka(rendah[2], 3)}) · "
                f"unsur **tertinggi**: {fmt.md(tinggi[1])} (NRR {fmt.angka(tinggi[2], 3)}), rata-rata s.d. {label_tw}.")
    ui.grafik_dari(asm.grafik_nrr, df_nrr, tw)
    st.caption("Warna menurut mutu per unsur: NRR × 25 dinilai seperti IKM (hijau tua A ≥ 88,31 · hijau B ≥ 76,61 · "
               "oranye C ≥ 65,00 · merah D di bawahnya; garis putus-putus = batas mutu). Label dan urutan unsur "
               "mengikuti Pengaturan.")
    with st.expander("NRR per unsur dan per triwulan"):
        ui.tabel(df_nrr, sembunyi=("Kode",))
        ui.unduh_csv(df_nrr, f"nrr_unsur_{nama}_{tahun}_tw{tw}.csv", key="skm_unduh_nrr")

# ---------------------------------------------------------------- respondents
st.subheader("Responden dan sampel minimum")
df_resp = asm.tabel_responden(skm, tw, p.setelan.skm_populasi)
kiri, kanan = st.columns([3, 2])
with kiri:
    if df_resp["Responden"].notna().any():
        ui.grafik_dari(asm.grafik_responden, df_resp)
    else:
        ui.kosong("Jumlah responden tidak tercatat di data SKM periode ini.")
with kanan:
    ui.tabel(df_resp)
    ui.unduh_csv(df_resp, f"responden_skm_{nama}_{tahun}_tw{tw}.csv", key="skm_unduh_responden")
    if minimum is None:
        st.caption("Sampel minimum **tidak diketahui**: jumlah pengguna layanan per tahun belum diisi "
                   "(halaman Pengaturan, tab SKM).")
    else:
        bagi = {"tahunan": "", "semester": " dibagi 2"}.get(skm["periode"], " dibagi 4")
        st.caption(f"Sampel minimum {per}: tabel Krejcie-Morgan (PermenPANRB 14/2017) untuk populasi "
                   f"{fmt.angka(p.setelan.skm_populasi, 0)} pengguna layanan per tahun{bagi}.")

# ---------------------------------------------------------------- raw responses only
st.subheader(f"IKM per layanan s.d. {label_tw}")
if not mentah and asm.ada_rekap_layanan(p, tw):
    df_lay = asm.tabel_layanan_rekap(p, tw)
    ui.tabel(df_lay, tinggi=min(35 * (len(df_lay) + 1) + 3, 460))
    st.caption("Dari rekap per layanan (seperti portal SKM): IKM tiap layanan adalah rata-rata IKM triwulannya, "
               "seperti IKM kecamatan; IKM kecamatan = IKM layanan ditimbang jumlah respondennya. Profil responden "
               "dan saran hanya ada bila jawaban responden diunggah.")
    ui.unduh_csv(df_lay, f"ikm_layanan_{nama}_{tahun}_tw{tw}.csv", key="skm_unduh_layanan")
    st.stop()
if not mentah:
    ui.kosong("Rincian per layanan, profil responden dan saran hanya ada bila jawaban responden diunggah; "
              "data SKM kecamatan ini berupa rekap (NRR per unsur atau IKM tercetak).",
              "Unggah jawaban responden (Google Forms atau buku tamu digital) di halaman **Unggah Data**.")
    st.stop()

kunci = ui.kunci()
df_lay = asm.tabel_layanan(_layanan(p.kecamatan_id, tahun, tw, kunci), p.setelan)
ui.tabel(df_lay, tinggi=min(35 * (len(df_lay) + 1) + 3, 460))
st.caption("Per layanan dihitung dari semua jawaban periode sekaligus (bukan rata-rata triwulan).")
ui.unduh_csv(df_lay, f"ikm_layanan_{nama}_{tahun}_tw{tw}.csv", key="skm_unduh_layanan")

st.subheader("Profil responden")
profil = _profil(p.kecamatan_id, tahun, tw, kunci)
tabel_profil = {d: asm.tabel_profil(profil, d) for d in asm.PROFIL}
ada_profil = [d for d, df in tabel_profil.items() if not df.empty]
if not ada_profil:
    ui.kosong("Jawaban responden periode ini tidak memuat profil (jenis kelamin, umur, pendidikan, pekerjaan).")
else:
    kolom = st.columns(2)
    for i, d in enumerate(ada_profil):
        with kolom[i % 2]:
            ui.grafik_dari(asm.grafik_profil, tabel_profil[d], d)
    kosong = [asm.PROFIL[d].lower() for d in asm.PROFIL if d not in ada_profil]
    if kosong:
        st.caption(f"Tidak diisi responden: {', '.join(kosong)}.")

st.subheader("Saran dan masukan")
semua_saran = _saran(p.kecamatan_id, tahun, tw, kunci)
if not semua_saran:
    ui.kosong(f"Tidak ada saran tertulis dari responden s.d. {label_tw}.")
else:
    cari = st.text_input("Cari saran", key="skm_cari", placeholder="mis. antrean, KTP, petugas")
    df_saran = asm.tabel_saran(semua_saran, cari)
    jumlah_halaman = asm.jumlah_halaman(len(df_saran), PER_HALAMAN)
    k1, k2 = st.columns([3, 1])
    with k2:
        nomor = st.number_input("Halaman", min_value=1, max_value=jumlah_halaman, value=1, step=1,
                                key=f"skm_halaman_saran_{cari.strip().lower()}") if jumlah_halaman > 1 else 1
    with k1:
        st.caption(f"{fmt.angka(len(df_saran), 0)} dari {fmt.angka(len(semua_saran), 0)} saran"
                   + (f" memuat “{fmt.md(cari.strip())}”" if cari.strip() else "")
                   + (f" · halaman {nomor} dari {jumlah_halaman}" if jumlah_halaman > 1 else "") + ".")
    if df_saran.empty:
        ui.kosong("Tidak ada saran yang cocok dengan pencarian.")
    else:
        df_halaman = asm.halaman(df_saran, int(nomor), PER_HALAMAN)
        ui.tabel(df_halaman, lebar={"Saran": "large"}, tinggi=35 * (len(df_halaman) + 1) + 3)
        ui.unduh_csv(df_saran, f"saran_skm_{nama}_{tahun}_tw{tw}.csv", key="skm_unduh_saran")
